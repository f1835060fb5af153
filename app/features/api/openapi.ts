/**
 * The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json. Schemas are JSON
 * Schema 2020-12; the API tests validate this document and check real answers against its schemas,
 * so the document cannot drift from what the server does.
 */
import { ACTIVITY_CATEGORIES, AGE_GROUPS } from "~/lib/db/schema";
import { MAX_JSON_BODY_BYTES } from "./body.server";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const problemResponse = (description: string, schema = "Problem") => ({
  description,
  content: { "application/problem+json": { schema: ref(schema) } },
});

const jsonResponse = (description: string, schema: string) => ({
  description,
  content: { "application/json": { schema: ref(schema) } },
});

const acceptLanguage = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description: "Language of error messages: `nl` (default) or `en`.",
  schema: { type: "string" },
  example: "en",
};

const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type as string, "null"] });

export function openApiDocument(baseUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Buurtkracht public API",
      version: "1.0.0",
      summary: "Published neighbourhood activities of the municipalities in the network, and sign-up.",
      description: [
        "Read the public activity calendar of every municipality and sign people up for activities.",
        "",
        "* Times are ISO 8601 in Europe/Amsterdam local time with its offset (`+01:00` in winter, `+02:00` in summer).",
        "* Lists are paged with an opaque `cursor`: pass the `next` value of an answer to get the next page; `next` is `null` on the last page.",
        "* Errors are problem details (RFC 9457, `application/problem+json`) with a machine-readable `code`; invalid input gives 422 with one message per field in `errors`.",
        "* Messages follow `Accept-Language` (`nl` or `en`, Dutch by default).",
        "* Every endpoint allows cross-origin requests (`Access-Control-Allow-Origin: *`); the API uses no cookies.",
        "* Sign-ups are limited per client address and per email address; over the limit the answer is 429.",
      ].join("\n"),
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    tags: [
      { name: "municipalities", description: "Municipalities in the network" },
      { name: "activities", description: "Published activities" },
      { name: "registrations", description: "Signing up for an activity" },
    ],
    paths: {
      "/municipalities": {
        get: {
          operationId: "listMunicipalities",
          tags: ["municipalities"],
          summary: "All municipalities in the network",
          responses: { "200": jsonResponse("The municipalities, by name.", "MunicipalityList") },
        },
      },
      "/municipalities/{slug}/calendar.ics": {
        get: {
          operationId: "municipalityCalendarFeed",
          tags: ["municipalities"],
          summary: "iCalendar feed of a municipality's upcoming activities",
          description: "Subscribe to this URL in a calendar app. Times carry TZID=Europe/Amsterdam with a VTIMEZONE definition. At most 500 activities.",
          parameters: [
            { name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" }, example: "havenstad" },
            { name: "neighbourhood", in: "query", required: false, description: "Only this neighbourhood (its id).", schema: { type: "string", format: "uuid" } },
            acceptLanguage,
          ],
          responses: {
            "200": { description: "An iCalendar (RFC 5545) document.", content: { "text/calendar": { schema: { type: "string" } } } },
            "404": problemResponse("Unknown municipality."),
            "422": problemResponse("Invalid neighbourhood id.", "ValidationProblem"),
          },
        },
      },
      "/activities": {
        get: {
          operationId: "listActivities",
          tags: ["activities"],
          summary: "Upcoming published activities, in start order",
          parameters: [
            { name: "municipality", in: "query", required: false, description: "Slug of a municipality; all municipalities when left out.", schema: { type: "string" }, example: "havenstad" },
            { name: "neighbourhood", in: "query", required: false, description: "Id of a neighbourhood.", schema: { type: "string", format: "uuid" } },
            { name: "category", in: "query", required: false, schema: { type: "string", enum: [...ACTIVITY_CATEGORIES] } },
            { name: "from", in: "query", required: false, description: "First day (local date, inclusive).", schema: { type: "string", format: "date" }, example: "2026-10-25" },
            { name: "to", in: "query", required: false, description: "Last day (local date, inclusive).", schema: { type: "string", format: "date" } },
            { name: "age", in: "query", required: false, description: "Only activities whose age range includes this age.", schema: { type: "integer", minimum: 0, maximum: 120 } },
            { name: "q", in: "query", required: false, description: "Search words (Dutch stemming; supports \"quoted phrases\", `or` and `-word`).", schema: { type: "string", maxLength: 200 } },
            { name: "limit", in: "query", required: false, description: "Page size.", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
            { name: "cursor", in: "query", required: false, description: "The `next` value of the previous page.", schema: { type: "string" } },
            acceptLanguage,
          ],
          responses: {
            "200": jsonResponse("One page of activities.", "ActivityList"),
            "422": problemResponse("An invalid query parameter.", "ValidationProblem"),
          },
        },
      },
      "/activities/{id}": {
        get: {
          operationId: "getActivity",
          tags: ["activities"],
          summary: "One published activity",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }, acceptLanguage],
          responses: {
            "200": jsonResponse("The activity.", "ActivityResponse"),
            "404": problemResponse("No published activity with this id."),
          },
        },
      },
      "/activities/{id}/registrations": {
        post: {
          operationId: "registerForActivity",
          tags: ["registrations"],
          summary: "Sign up for an activity",
          description:
            "Gives a confirmed place while places are free, else a place on the waitlist (if the activity has one). The person receives an email with the details and a link to cancel. Signing up again with the same email address returns the existing registration with status 200. Participants' details are never published.",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }, acceptLanguage],
          requestBody: {
            required: true,
            description: `JSON, at most ${MAX_JSON_BODY_BYTES} bytes.`,
            content: { "application/json": { schema: ref("RegistrationInput") } },
          },
          responses: {
            "201": jsonResponse("Signed up.", "Registration"),
            "200": jsonResponse("Already signed up with this email address; nothing changed.", "Registration"),
            "400": problemResponse("The body is not valid JSON."),
            "404": problemResponse("No published activity with this id."),
            "409": problemResponse("Sign-up is closed (`code`: `closed`) or the activity is full without a waitlist (`code`: `full`)."),
            "413": problemResponse("The body is too large."),
            "415": problemResponse("The body is not JSON."),
            "422": problemResponse("Invalid fields.", "ValidationProblem"),
            "429": problemResponse("Too many sign-ups from this address or for this email address."),
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          responses: { "200": { description: "The OpenAPI document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      schemas: {
        Municipality: {
          type: "object",
          additionalProperties: false,
          required: ["id", "slug", "name", "url", "calendarUrl", "icsUrl"],
          properties: {
            id: { type: "string", format: "uuid" },
            slug: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
            name: { type: "string" },
            url: { type: "string", format: "uri", description: "The municipality's public page." },
            calendarUrl: { type: "string", format: "uri", description: "Its public activity calendar." },
            icsUrl: { type: "string", format: "uri", description: "Its iCalendar feed." },
          },
        },
        MunicipalityList: {
          type: "object",
          additionalProperties: false,
          required: ["data"],
          properties: { data: { type: "array", items: ref("Municipality") } },
        },
        Activity: {
          type: "object",
          additionalProperties: false,
          required: [
            "id", "title", "description", "startsAt", "endsAt", "municipality", "neighbourhood", "category", "location",
            "minAge", "maxAge", "organiser", "registrationRequired", "capacity", "spotsLeft", "full", "waitlist", "image", "url",
          ],
          properties: {
            id: { type: "string", format: "uuid" },
            title: { type: "string" },
            description: { type: "string" },
            startsAt: { type: "string", format: "date-time", description: "Local time in Europe/Amsterdam with its offset.", examples: ["2026-10-25T14:00:00+01:00"] },
            endsAt: { type: "string", format: "date-time" },
            municipality: { type: "string", description: "Slug of the municipality." },
            neighbourhood: nullable({ type: "string", description: "Name of the neighbourhood." }),
            category: { type: "string", enum: [...ACTIVITY_CATEGORIES] },
            location: { type: "string" },
            minAge: nullable({ type: "integer", minimum: 0 }),
            maxAge: nullable({ type: "integer", maximum: 120 }),
            organiser: { type: "string" },
            registrationRequired: { type: "boolean", description: "False: no sign-up needed, just come along." },
            capacity: nullable({ type: "integer", minimum: 1, description: "Number of places; null means unlimited." }),
            spotsLeft: nullable({ type: "integer", minimum: 0, description: "Free places; null when unlimited." }),
            full: { type: "boolean", description: "No free places left." },
            waitlist: { type: "boolean", description: "Whether the activity keeps a waitlist once it is full." },
            image: nullable({ type: "string", format: "uri" }),
            url: { type: "string", format: "uri", description: "The public page of the activity." },
          },
        },
        ActivityList: {
          type: "object",
          additionalProperties: false,
          required: ["data", "next"],
          properties: {
            data: { type: "array", items: ref("Activity") },
            next: nullable({ type: "string", description: "Cursor of the next page; null on the last page." }),
          },
        },
        ActivityResponse: {
          type: "object",
          additionalProperties: false,
          required: ["data"],
          properties: { data: ref("Activity") },
        },
        RegistrationInput: {
          type: "object",
          required: ["name", "email", "ageGroup"],
          properties: {
            name: { type: "string", minLength: 1, maxLength: 100 },
            email: { type: "string", format: "email", maxLength: 254 },
            ageGroup: { type: "string", enum: [...AGE_GROUPS] },
          },
        },
        Registration: {
          type: "object",
          additionalProperties: false,
          required: ["id", "status"],
          properties: {
            id: { type: "string", format: "uuid" },
            status: { type: "string", enum: ["confirmed", "waitlisted"] },
          },
        },
        Problem: {
          type: "object",
          required: ["type", "title", "status", "code"],
          properties: {
            type: { type: "string", format: "uri-reference" },
            title: { type: "string" },
            status: { type: "integer", minimum: 400, maximum: 599 },
            detail: { type: "string" },
            code: { type: "string", description: "Machine-readable reason, e.g. `validation`, `not_found`, `closed`, `full`, `rate_limited`." },
          },
        },
        ValidationProblem: {
          allOf: [
            ref("Problem"),
            {
              type: "object",
              required: ["errors"],
              properties: {
                errors: {
                  type: "object",
                  description: "Per field (or query parameter): a message in the requested language.",
                  additionalProperties: { type: "string" },
                },
              },
            },
          ],
        },
      },
    },
  };
}
