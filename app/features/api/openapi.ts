/**
 * The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json. Schemas are JSON
 * Schema 2020-12. The API tests lint this document against the Dutch API Design Rules and check
 * every documented operation's real answers (status, headers, body) against it, so the document
 * cannot drift from what the server does.
 */
import { ACTIVITY_CATEGORIES, AGE_GROUPS } from "~/lib/db/schema";
import { MAX_JSON_BODY_BYTES } from "./body.server";
import { API_VERSION } from "./http.server";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** Headers of every answer; `Content-Language` only where a body is in a language. */
const alwaysHeaders = { "API-Version": header("API-Version"), "Access-Control-Allow-Origin": header("Access-Control-Allow-Origin") };

const problemResponse = (description: string, schema = "Problem") => ({
  description,
  headers: { ...alwaysHeaders, "Content-Language": header("Content-Language") },
  content: { "application/problem+json": { schema: ref(schema) } },
});

const badRequest = (description: string) => problemResponse(description, "ValidationProblem");

/** A GET answer: with an ETag (and Last-Modified where the data has a change time). */
const readResponse = (description: string, mediaType: string, schema: Record<string, unknown>, options: { lastModified?: boolean } = {}) => ({
  description,
  headers: { ...alwaysHeaders, ETag: header("ETag"), ...(options.lastModified ? { "Last-Modified": header("Last-Modified") } : {}) },
  content: { [mediaType]: { schema } },
});

const jsonRead = (description: string, schema: string) => readResponse(description, "application/json", ref(schema));

const notModified = (options: { lastModified?: boolean } = {}) => ({
  description: "Not modified: the copy with this ETag (`If-None-Match`) is still current. No body.",
  headers: { ...alwaysHeaders, ETag: header("ETag"), ...(options.lastModified ? { "Last-Modified": header("Last-Modified") } : {}) },
});

const acceptLanguage = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description: "Language of error messages: `nl` (default) or `en`.",
  schema: { type: "string" },
  example: "en",
};

const slugParameter = {
  name: "slug",
  in: "path",
  required: true,
  description: "The municipality's slug.",
  schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 80 },
  example: "havenstad",
};

const idParameter = { name: "id", in: "path", required: true, description: "The activity's id.", schema: { type: "string", format: "uuid" } };

const codeParameter = {
  name: "code",
  in: "path",
  required: true,
  description: "The verification code printed on the certificate, in lower case (paths are lower case: `K7QF-2MXA-9RTD` is asked as `k7qf-2mxa-9rtd`).",
  schema: { type: "string", pattern: "^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$" },
  example: "k7qf-2mxa-9rtd",
};

const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type as string, "null"] });

const problemProperties = {
  type: { type: "string", format: "uri-reference", description: "Always `about:blank`: `status` and `code` say what went wrong." },
  title: { type: "string", description: "Short summary, in the requested language." },
  status: { type: "integer", minimum: 400, maximum: 599 },
  detail: { type: "string", description: "What went wrong and what to do, in the requested language." },
  code: { type: "string", description: "Machine-readable reason, e.g. `validation`, `not_found`, `closed`, `full`, `rate_limited`." },
};

export function openApiDocument(options: { baseUrl: string; contactEmail: string }) {
  const { baseUrl } = options;
  return {
    openapi: "3.1.0",
    info: {
      title: "Buurtkracht public API",
      version: API_VERSION,
      summary: "Published neighbourhood activities of the municipalities in the network, and sign-up.",
      description: [
        "Read the public activity calendar of every municipality and sign people up for activities.",
        "",
        "* Follows the Dutch API Design Rules: every answer carries `API-Version` with the full version; the major version is in the path (`/v1`).",
        "* Paths are exact: another spelling (a trailing slash, capitals) is another resource and answers 404.",
        "* Times are ISO 8601 in Europe/Amsterdam local time with its offset (`+01:00` in winter, `+02:00` in summer).",
        "* Lists are paged with an opaque `cursor`: pass the `next` value of an answer to get the next page; `next` is `null` on the last page.",
        "* Cancelled activities stay in lists, details and feeds with `status: cancelled` (`STATUS:CANCELLED` in iCalendar) until they have ended.",
        "* Every GET answer has an `ETag`; send it back in `If-None-Match` and an unchanged answer is an empty 304. Feeds also have `Last-Modified` (`If-Modified-Since`).",
        "* Errors are problem details (RFC 9457, `application/problem+json`) with a machine-readable `code`; invalid input gives 400 with one message per field or parameter in `errors`.",
        "* Messages follow `Accept-Language` (`nl` or `en`, Dutch by default).",
        "* Every endpoint allows cross-origin requests (`Access-Control-Allow-Origin: *`); the API uses no cookies.",
        "* Sign-ups are limited per client address and per email address; over the limit the answer is 429.",
      ].join("\n"),
      contact: { name: "Buurtkracht", email: options.contactEmail, url: baseUrl },
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    tags: [
      { name: "api", description: "The API itself" },
      { name: "municipalities", description: "Municipalities in the network and their neighbourhoods" },
      { name: "activities", description: "Published and cancelled activities" },
      { name: "registrations", description: "Signing up for an activity" },
      { name: "certificates", description: "Checking a certificate by its verification code" },
    ],
    paths: {
      "/": {
        get: {
          operationId: "getApiIndex",
          tags: ["api"],
          summary: "Where to start: links to this document and the collections",
          responses: { "200": jsonRead("The API's entry point.", "ApiIndex"), "304": notModified() },
        },
      },
      "/municipalities": {
        get: {
          operationId: "listMunicipalities",
          tags: ["municipalities"],
          summary: "All municipalities in the network",
          responses: { "200": jsonRead("The municipalities, by name.", "MunicipalityList"), "304": notModified() },
        },
      },
      "/municipalities/{slug}/neighbourhoods": {
        get: {
          operationId: "listNeighbourhoods",
          tags: ["municipalities"],
          summary: "A municipality's neighbourhoods: the ids to filter activities and feeds on",
          description: "A renamed or new neighbourhood may take up to 30 seconds to show.",
          parameters: [slugParameter, acceptLanguage],
          responses: {
            "200": jsonRead("The neighbourhoods, by name.", "NeighbourhoodList"),
            "304": notModified(),
            "400": badRequest("A malformed slug."),
            "404": problemResponse("Unknown municipality."),
          },
        },
      },
      "/municipalities/{slug}/calendar.ics": {
        get: {
          operationId: "municipalityCalendarFeed",
          tags: ["municipalities"],
          summary: "iCalendar feed of a municipality's upcoming activities",
          description:
            "Subscribe to this URL in a calendar app. Times carry TZID=Europe/Amsterdam with a VTIMEZONE definition; cancelled activities have STATUS:CANCELLED; REFRESH-INTERVAL asks calendar apps to poll hourly. At most 500 activities.",
          parameters: [
            slugParameter,
            { name: "neighbourhood", in: "query", required: false, description: "Only this neighbourhood (its id).", schema: { type: "string", format: "uuid" } },
            acceptLanguage,
          ],
          responses: {
            "200": readResponse("An iCalendar (RFC 5545) document.", "text/calendar", { type: "string" }, { lastModified: true }),
            "304": notModified({ lastModified: true }),
            "400": badRequest("A malformed slug or neighbourhood id."),
            "404": problemResponse("Unknown municipality."),
          },
        },
      },
      "/activities": {
        get: {
          operationId: "listActivities",
          tags: ["activities"],
          summary: "Upcoming activities, in start order",
          parameters: [
            { name: "municipality", in: "query", required: false, description: "Slug of a municipality; all municipalities when left out.", schema: { type: "string" }, example: "havenstad" },
            { name: "neighbourhood", in: "query", required: false, description: "Id of a neighbourhood (see `/municipalities/{slug}/neighbourhoods`).", schema: { type: "string", format: "uuid" } },
            { name: "category", in: "query", required: false, schema: { type: "string", enum: [...ACTIVITY_CATEGORIES] } },
            { name: "from", in: "query", required: false, description: "First day (local date, inclusive).", schema: { type: "string", format: "date" }, example: "2026-10-25" },
            { name: "to", in: "query", required: false, description: "Last day (local date, inclusive).", schema: { type: "string", format: "date" } },
            { name: "age", in: "query", required: false, description: "Only activities whose age range includes this age.", schema: { type: "integer", minimum: 0, maximum: 120 } },
            { name: "q", in: "query", required: false, description: "Search words (Dutch stemming; supports \"quoted phrases\", `or` and `-word`).", schema: { type: "string", maxLength: 200 } },
            { name: "status", in: "query", required: false, description: "Only scheduled or only cancelled activities; both when left out.", schema: { type: "string", enum: ["scheduled", "cancelled"] } },
            { name: "limit", in: "query", required: false, description: "Page size.", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
            { name: "cursor", in: "query", required: false, description: "The `next` value of the previous page.", schema: { type: "string" } },
            acceptLanguage,
          ],
          responses: {
            "200": jsonRead("One page of activities.", "ActivityList"),
            "304": notModified(),
            "400": badRequest("An invalid query parameter."),
          },
        },
      },
      "/activities/{id}": {
        get: {
          operationId: "getActivity",
          tags: ["activities"],
          summary: "One published or cancelled activity",
          parameters: [idParameter, acceptLanguage],
          responses: {
            "200": jsonRead("The activity.", "ActivityResponse"),
            "304": notModified(),
            "400": badRequest("A malformed id."),
            "404": problemResponse("No published or cancelled activity with this id."),
          },
        },
      },
      "/activities/{id}/registrations": {
        post: {
          operationId: "registerForActivity",
          tags: ["registrations"],
          summary: "Sign up for an activity",
          description:
            "Gives a confirmed place while places are free, else a place on the waitlist (if the activity has one). The answer does not say which, and it is the same when the email address was already signed up (then nothing changes): whether someone attends an activity is for the owner of the address to know. The email to the address says whether they have a place, are on the waitlist or were already signed up, with a link to cancel (at most 10 such emails per address per day). The name must not contain a web address, domain name, email address, phone number or markup characters. An age group wholly outside the activity's age range is refused. An optional `ref` (an invite link's code) records who recruited the sign-up; an unknown code is ignored. Participants' details are never published.",
          parameters: [idParameter, acceptLanguage],
          requestBody: {
            required: true,
            description: `JSON, at most ${MAX_JSON_BODY_BYTES} bytes.`,
            content: { "application/json": { schema: ref("RegistrationInput") } },
          },
          responses: {
            "202": { description: "Received: the outcome is emailed to the address.", headers: alwaysHeaders, content: { "application/json": { schema: ref("Registration") } } },
            "400": badRequest("The body is not valid JSON, a field is invalid (including an age group outside the activity's age range), or the id is malformed."),
            "404": problemResponse("No published activity with this id."),
            "409": problemResponse("Sign-up is closed (`code`: `closed`) or the activity is full without a waitlist (`code`: `full`)."),
            "413": problemResponse("The body is too large."),
            "415": problemResponse("The body is not JSON."),
            "429": problemResponse("Too many sign-ups from this address or for this email address."),
          },
        },
      },
      "/certificates/{code}": {
        get: {
          operationId: "getCertificate",
          tags: ["certificates"],
          summary: "Check a certificate by its code",
          description:
            "What the public verification page shows, for programs: whether the certificate (of participation, or Citytrainer) with this code is valid or revoked (when, why), who issued it, when, and for what. A Citytrainer certificate is also an Open Badges 3.0 credential with an eddsa-rdfc-2022 Data Integrity proof; its holder has the file, and `issuer.id` is the did:key that signed it.",
          parameters: [codeParameter, acceptLanguage],
          responses: {
            "200": jsonRead("The certificate's status and what it says.", "CertificateResponse"),
            "304": notModified(),
            "400": badRequest("The code is not in the form xxxx-xxxx-xxxx."),
            "404": problemResponse("No certificate with this code."),
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          tags: ["api"],
          summary: "This document",
          responses: { "200": readResponse("The OpenAPI document.", "application/json", { type: "object" }), "304": notModified() },
        },
      },
    },
    components: {
      headers: {
        "API-Version": {
          description: "The full version of the API (semantic versioning).",
          required: true,
          schema: { type: "string", const: API_VERSION },
        },
        "Access-Control-Allow-Origin": { description: "Every origin may read the API.", required: true, schema: { type: "string", const: "*" } },
        "Content-Language": { description: "Language of `title` and `detail`: `nl` or `en`.", required: true, schema: { type: "string", enum: ["nl", "en"] } },
        ETag: { description: "Validator of this answer; send it in `If-None-Match` to get 304 while it is unchanged.", required: true, schema: { type: "string" } },
        "Last-Modified": { description: "The newest change of the activities in the feed (HTTP date); for `If-Modified-Since`.", required: false, schema: { type: "string" } },
      },
      schemas: {
        ApiIndex: {
          type: "object",
          additionalProperties: false,
          required: ["name", "version", "links"],
          properties: {
            name: { type: "string" },
            version: { type: "string", description: "The full version, as in `API-Version`." },
            links: {
              type: "object",
              additionalProperties: false,
              required: ["self", "openapi", "municipalities", "activities"],
              properties: {
                self: ref("Link"),
                openapi: ref("Link"),
                municipalities: ref("Link"),
                activities: ref("Link"),
              },
            },
          },
        },
        Link: {
          type: "object",
          additionalProperties: false,
          required: ["href"],
          properties: { href: { type: "string", format: "uri" } },
        },
        Municipality: {
          type: "object",
          additionalProperties: false,
          required: ["id", "slug", "name", "url", "calendarUrl", "icsUrl", "neighbourhoodsUrl"],
          properties: {
            id: { type: "string", format: "uuid" },
            slug: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
            name: { type: "string" },
            url: { type: "string", format: "uri", description: "The municipality's public page." },
            calendarUrl: { type: "string", format: "uri", description: "Its public activity calendar." },
            icsUrl: { type: "string", format: "uri", description: "Its iCalendar feed." },
            neighbourhoodsUrl: { type: "string", format: "uri", description: "Its neighbourhoods in this API." },
          },
        },
        MunicipalityList: {
          type: "object",
          additionalProperties: false,
          required: ["data"],
          properties: { data: { type: "array", items: ref("Municipality") } },
        },
        Neighbourhood: {
          type: "object",
          additionalProperties: false,
          required: ["id", "name", "activitiesUrl", "calendarUrl", "icsUrl"],
          properties: {
            id: { type: "string", format: "uuid", description: "The value of the `neighbourhood` filter." },
            name: { type: "string" },
            activitiesUrl: { type: "string", format: "uri", description: "Its activities in this API." },
            calendarUrl: { type: "string", format: "uri", description: "Its activities in the public calendar." },
            icsUrl: { type: "string", format: "uri", description: "Its iCalendar feed." },
          },
        },
        NeighbourhoodList: {
          type: "object",
          additionalProperties: false,
          required: ["data"],
          properties: { data: { type: "array", items: ref("Neighbourhood") } },
        },
        Activity: {
          type: "object",
          additionalProperties: false,
          required: [
            "id", "status", "title", "description", "startsAt", "endsAt", "municipality", "neighbourhood", "category", "location",
            "minAge", "maxAge", "organiser", "registrationRequired", "capacity", "spotsLeft", "full", "waitlist", "image", "url",
          ],
          properties: {
            id: { type: "string", format: "uuid" },
            status: { type: "string", enum: ["scheduled", "cancelled"], description: "`cancelled`: it will not take place; sign-up is closed." },
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
            organiser: { type: "string", description: "Who runs the activity, as the public calendar shows it: a name the organiser chose, else the partner organisation, else the municipality." },
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
            ref: {
              type: "string",
              maxLength: 64,
              description:
                "Optional: the code of the invite link (the last part of /doe-mee/{code}) through which the person came, so the sign-up counts for the Citytrainer or team who recruited them. An unknown, replaced or other municipality's code is ignored, not an error; the answer is the same either way.",
            },
          },
        },
        Registration: {
          type: "object",
          additionalProperties: false,
          required: ["status"],
          properties: {
            status: { type: "string", enum: ["received"], description: "The sign-up is received; the email to the address tells the outcome." },
          },
        },
        Certificate: {
          type: "object",
          additionalProperties: false,
          required: ["code", "kind", "status", "holderName", "track", "issuer", "issuedAt", "revokedAt", "revocationReason", "competences", "url"],
          properties: {
            code: { type: "string" },
            kind: { type: "string", enum: ["participation", "citytrainer"], description: "`participation`: certificate of participation in the course; `citytrainer`: the Citytrainer certificate." },
            status: { type: "string", enum: ["valid", "revoked"] },
            holderName: { type: "string" },
            track: { type: "string", description: "The track (course) the certificate is for." },
            issuer: {
              type: "object",
              additionalProperties: false,
              required: ["name", "id"],
              properties: {
                name: { type: "string", examples: ["Gemeente Havenstad"] },
                id: nullable({ type: "string", description: "The did:key that signed the Citytrainer credential; null for a certificate of participation." }),
              },
            },
            issuedAt: { type: "string", format: "date-time" },
            revokedAt: nullable({ type: "string", format: "date-time" }),
            revocationReason: nullable({ type: "string" }),
            competences: {
              type: "array",
              description: "For a Citytrainer certificate: the competences achieved and their levels (final assessment).",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["name", "level", "levelName"],
                properties: { name: { type: "string" }, level: { type: "integer", minimum: 1 }, levelName: { type: "string" } },
              },
            },
            url: { type: "string", format: "uri", description: "The public verification page." },
          },
        },
        CertificateResponse: {
          type: "object",
          additionalProperties: false,
          required: ["data"],
          properties: { data: ref("Certificate") },
        },
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail", "code"],
          properties: problemProperties,
        },
        ValidationProblem: {
          type: "object",
          description: "Invalid input: `code` `validation` with `errors` for invalid fields or parameters, `invalid_json` for a body that is not JSON.",
          required: ["type", "title", "status", "detail", "code"],
          properties: {
            ...problemProperties,
            status: { type: "integer", const: 400 },
            errors: {
              type: "object",
              description: "Per invalid field (or parameter): a message in the requested language.",
              additionalProperties: { type: "string" },
            },
          },
        },
      },
    },
  };
}
