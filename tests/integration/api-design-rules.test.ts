/**
 * The public API against the Dutch API Design Rules, through the real server: the OpenAPI document
 * passes the rules' checks (tests/support/api-design-rules.ts), every documented operation's live
 * answers match the document (status, API-Version, Content-Type, declared headers, body schema),
 * other spellings of a path are 404s, the API root is an index, neighbourhoods can be listed, GETs
 * and the feed answer 304 to a client whose copy is current, and cancelled activities stay visible.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "~/features/api/openapi";
import { db } from "~/lib/db/client.server";
import { newVerificationCode } from "~/features/training/certificates.server";
import { activities, certificates } from "~/lib/db/schema";
import { lintApiDesignRules, lintHttpsServers } from "../support/api-design-rules";
import { createTestMunicipality, daysFromToday, insertActivity, type TestMunicipality } from "../support/calendar-fixtures";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";

// Answers are checked against the OpenAPI schemas, so the tests read them untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const database = useTestDatabase();
let server: TestServer;
let town: TestMunicipality;
let openapi: Json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS; its function is the default export or that export's `default`.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as typeof formats;
addFormats(ajv);
const DOC_ID = "https://buurtkracht.test/openapi.json";
let addressCounter = 0;
const ids = {} as Record<"scheduled" | "cancelled" | "neverPublished" | "full" | "later", string>;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url, env: { TRUST_PROXY: "1" } });
  town = await createTestMunicipality("Regeldorp", ["Noord", "Zuid"]);
  ids.scheduled = await insertActivity({ municipalityId: town.id, title: "Schaken in de bieb", date: daysFromToday(2), neighbourhoodId: town.neighbourhoods.Noord! });
  ids.cancelled = await insertActivity({ municipalityId: town.id, title: "Afgelaste buurtbarbecue", date: daysFromToday(3), status: "cancelled" });
  ids.neverPublished = await insertActivity({ municipalityId: town.id, title: "Nooit gepubliceerd", date: daysFromToday(3), status: "cancelled" });
  await db().update(activities).set({ publishedAt: null }).where(eq(activities.id, ids.neverPublished));
  ids.full = await insertActivity({ municipalityId: town.id, title: "Volle cursus", date: daysFromToday(4), capacity: 1, confirmedCount: 1, waitlistEnabled: false });
  ids.later = await insertActivity({ municipalityId: town.id, title: "Later dit jaar", date: daysFromToday(20) });
  openapi = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  ajv.addSchema(openapi, DOC_ID);
});

afterAll(async () => {
  await server?.stop();
});

function freshAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
}

function resolve(value: Json): Json {
  let current = value;
  while (current?.$ref) current = current.$ref.replace(/^#\//, "").split("/").reduce((node: Json, key: string) => node?.[key], openapi);
  return current;
}

/**
 * The contract: the status is documented for this operation, API-Version is the document's
 * version, every required header the document declares is there (with its value where it gives
 * one), the media type is documented and the body matches its schema. A 304 has no body.
 */
async function expectContract(path: string, method: string, response: Response): Promise<Json> {
  const label = `${method.toUpperCase()} ${path} → ${response.status}`;
  const documented = resolve(openapi.paths[path]?.[method]?.responses?.[String(response.status)]);
  expect(documented, `${label} is documented`).toBeDefined();
  expect(response.headers.get("api-version"), label).toBe(openapi.info.version);
  for (const [name, declared] of Object.entries(documented.headers ?? {})) {
    const header = resolve(declared);
    const value = response.headers.get(name);
    if (header.required) expect(value, `${label} header ${name}`).not.toBeNull();
    if (value !== null && header.schema?.const !== undefined) expect(value, `${label} header ${name}`).toBe(header.schema.const);
    if (value !== null && header.schema?.enum) expect(header.schema.enum, `${label} header ${name}`).toContain(value);
  }
  const text = await response.text();
  if (!documented.content) {
    expect(text, `${label} has no body`).toBe("");
    return null;
  }
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  expect(Object.keys(documented.content), `${label} documents ${mediaType}`).toContain(mediaType);
  const body = /json/.test(mediaType) ? JSON.parse(text) : text;
  const validate = ajv.compile({ $ref: `${DOC_ID}#/${pointer("paths", path, method, "responses", String(response.status), "content", mediaType, "schema")}` });
  validate(body);
  expect(validate.errors ?? [], `${label} matches its schema`).toEqual([]);
  return body;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/v1${path}`, { headers });
}

function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/v1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": freshAddress(), ...headers },
    body,
  });
}

describe("the OpenAPI document and the API Design Rules", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openapi));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("breaks none of the rules of Logius' API Design Rules linter", () => {
    expect(lintApiDesignRules(openapi)).toEqual([]);
    // The served document names this (http) test server; an https installation's uses https.
    expect(lintHttpsServers(openApiDocument({ baseUrl: "https://buurtkracht.example", contactEmail: "api@buurtkracht.example" }))).toEqual([]);
    expect(openapi.info.contact).toEqual({ name: "Buurtkracht", email: "maintainers@buurtkracht.example", url: server.url });
  });

  it("has checks that catch each broken rule", () => {
    const broken = structuredClone(openapi);
    delete broken.info.contact.email;
    broken.info.version = "1.1";
    broken.servers = [{ url: "https://buurtkracht.example/api" }];
    broken.paths["/activities/"] = broken.paths["/activities"];
    broken.paths["/Activities"] = broken.paths["/activities"];
    delete broken.paths["/"];
    delete broken.paths["/activities/{id}"].get.responses["400"];
    delete broken.paths["/municipalities"].get.responses["200"].headers["API-Version"];
    broken.paths["/activities"].get.responses["404"] = { description: "x", content: { "application/json": { schema: { type: "object" } } } };
    broken.components.schemas.Problem = { type: "object", properties: { title: { type: "string" } } };
    broken.paths["/activities"].get.parameters.push({ name: "start_date", in: "query", schema: { type: "string" } });
    const rules = new Set(lintApiDesignRules(broken).map((v) => v.rule));
    for (const rule of [
      "nlgov:info-contact-fields-exist",
      "nlgov:semver",
      "nlgov:include-major-version-in-uri",
      "nlgov:paths-no-trailing-slash",
      "nlgov:paths-kebab-case",
      "nlgov:missing-home-page",
      "nlgov:problem-invalid-input",
      "nlgov:missing-version-header",
      "nlgov:use-problem-schema",
      "nlgov:problem-schema-members",
      "nlgov:query-keys-camel-case",
    ]) {
      expect(rules, rule).toContain(rule);
    }
    expect(lintHttpsServers({ servers: [{ url: "http://buurtkracht.example/api/v1" }] })).toHaveLength(1);
  });
});

describe("contract: every documented operation answers as documented", () => {
  /** For each operation in the document, live requests covering its answers. */
  const cases: Record<string, () => Promise<{ path: string; method: string; response: Response }[]>> = {
    "get /": async () => [{ path: "/", method: "get", response: await get("") }],
    "get /municipalities": async () => [{ path: "/municipalities", method: "get", response: await get("/municipalities") }],
    "get /municipalities/{slug}/neighbourhoods": async () => [
      { path: "/municipalities/{slug}/neighbourhoods", method: "get", response: await get(`/municipalities/${town.slug}/neighbourhoods`) },
      { path: "/municipalities/{slug}/neighbourhoods", method: "get", response: await get("/municipalities/bestaat-niet/neighbourhoods") },
      { path: "/municipalities/{slug}/neighbourhoods", method: "get", response: await get("/municipalities/geen_slug/neighbourhoods") },
    ],
    "get /municipalities/{slug}/calendar.ics": async () => [
      { path: "/municipalities/{slug}/calendar.ics", method: "get", response: await get(`/municipalities/${town.slug}/calendar.ics`) },
      { path: "/municipalities/{slug}/calendar.ics", method: "get", response: await get(`/municipalities/${town.slug}/calendar.ics?neighbourhood=noord`) },
      { path: "/municipalities/{slug}/calendar.ics", method: "get", response: await get("/municipalities/bestaat-niet/calendar.ics", { "accept-language": "en" }) },
    ],
    "get /activities": async () => [
      { path: "/activities", method: "get", response: await get(`/activities?municipality=${town.slug}`) },
      { path: "/activities", method: "get", response: await get("/activities?limit=0") },
      { path: "/activities", method: "get", response: await get("/activities?status=afgelast") },
    ],
    "get /activities/{id}": async () => [
      { path: "/activities/{id}", method: "get", response: await get(`/activities/${ids.scheduled}`) },
      { path: "/activities/{id}", method: "get", response: await get(`/activities/${ids.cancelled}`) },
      { path: "/activities/{id}", method: "get", response: await get("/activities/7d4f1f5c-0a8b-4e59-9a57-1f2d3c4b5a69") },
      { path: "/activities/{id}", method: "get", response: await get("/activities/abc") },
    ],
    "post /activities/{id}/registrations": async () => {
      const path = "/activities/{id}/registrations";
      const person = JSON.stringify({ name: "Contract", email: "contract@example.org", ageGroup: "27_66" });
      return [
        { path, method: "post", response: await post(`/activities/${ids.scheduled}/registrations`, person) },
        { path, method: "post", response: await post(`/activities/${ids.scheduled}/registrations`, person) },
        { path, method: "post", response: await post(`/activities/${ids.scheduled}/registrations`, JSON.stringify({ name: "" })) },
        { path, method: "post", response: await post(`/activities/${ids.scheduled}/registrations`, "{") },
        { path, method: "post", response: await post("/activities/abc/registrations", person) },
        { path, method: "post", response: await post(`/activities/${ids.cancelled}/registrations`, person) },
        { path, method: "post", response: await post(`/activities/${ids.full}/registrations`, person) },
        { path, method: "post", response: await post(`/activities/${ids.scheduled}/registrations`, person, { "content-type": "text/plain" }) },
        { path, method: "post", response: await post(`/activities/${ids.scheduled}/registrations`, JSON.stringify({ name: "x".repeat(20_000) })) },
      ];
    },
    "get /certificates/{code}": async () => {
      const path = "/certificates/{code}";
      const code = newVerificationCode();
      await db().insert(certificates).values({
        municipalityId: town.id,
        kind: "participation",
        verificationCode: code,
        holderName: "Contract Cursist",
        trackName: "Ik train mijn stad",
        cohortName: "Contractgroep",
        municipalityName: "Regeldorp",
        courseStartedOn: "2026-09-01",
        courseEndedOn: "2026-10-20",
      });
      return [
        { path, method: "get", response: await get(`/certificates/${code.toLowerCase()}`) },
        { path, method: "get", response: await get("/certificates/zzzz-zzzz-zzzz") },
        { path, method: "get", response: await get("/certificates/geen-code") },
      ];
    },
    "get /openapi.json": async () => [{ path: "/openapi.json", method: "get", response: await get("/openapi.json") }],
  };

  it("has live cases for every operation in the document", () => {
    const documented = Object.entries(openapi.paths).flatMap(([path, item]) => Object.keys(item as Json).map((method) => `${method} ${path}`));
    expect(Object.keys(cases).sort()).toEqual(documented.sort());
  });

  it("answers every case with a documented status, the API-Version and declared headers, and a body that matches its schema", async () => {
    const seen: string[] = [];
    for (const run of Object.values(cases)) {
      for (const { path, method, response } of await run()) {
        await expectContract(path, method, response);
        seen.push(`${method} ${path} ${response.status}`);
      }
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        "get /municipalities/{slug}/neighbourhoods 400",
        "get /municipalities/{slug}/calendar.ics 400",
        "get /activities 400",
        "get /activities/{id} 400",
        "get /activities/{id} 404",
        "get /certificates/{code} 200",
        "get /certificates/{code} 400",
        "get /certificates/{code} 404",
        // A new and a repeated sign-up get the same answer (ADR 020).
        "post /activities/{id}/registrations 202",
        "post /activities/{id}/registrations 400",
        "post /activities/{id}/registrations 404",
        "post /activities/{id}/registrations 409",
        "post /activities/{id}/registrations 413",
        "post /activities/{id}/registrations 415",
      ]),
    );
    // Invalid input is a 400 naming the parameter, never 422.
    const invalid = await (await get("/activities?limit=0&age=-1")).json();
    expect(invalid).toMatchObject({ status: 400, code: "validation" });
    expect(Object.keys(invalid.errors).sort()).toEqual(["age", "limit"]);
  });

  it("answers 304 for every GET when the client's copy is current", async () => {
    for (const path of ["", "/municipalities", `/municipalities/${town.slug}/neighbourhoods`, `/municipalities/${town.slug}/calendar.ics`, `/activities?municipality=${town.slug}`, `/activities/${ids.later}`, "/openapi.json"]) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get("etag");
      expect(etag, path).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
      const again = await get(path, { "if-none-match": etag! });
      expect(again.status, path).toBe(304);
      expect(again.headers.get("etag"), path).toBe(etag);
      const documentedPath = path === "" ? "/" : path.startsWith("/municipalities/") ? path.replace(town.slug, "{slug}") : path.replace(/\?.*$/, "").replace(ids.later, "{id}");
      await expectContract(documentedPath, "get", again);
    }
  });
});

describe("paths are exact", () => {
  it("answers 404 problems, with the API-Version, for trailing slashes and other capitals", async () => {
    for (const path of [
      "/api/v1/activities/",
      "/api/v1/Activities",
      "/API/v1/activities",
      "/api/V1/activities",
      "/api/v1/",
      "/api/v1/municipalities/",
      `/api/v1/activities/${ids.scheduled}/`,
      `/api/v1/municipalities/${town.slug}/Calendar.ics`,
      "/api/v1/openapi.json/",
      "/api/v1//activities",
    ]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual", headers: { "accept-language": "en" } });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toContain("application/problem+json");
      expect(response.headers.get("api-version"), path).toBe(openapi.info.version);
      expect(await response.json(), path).toMatchObject({ status: 404, code: "not_found", title: "Not found" });
    }
    const post = await fetch(`${server.url}/api/v1/activities/${ids.scheduled}/registrations/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Slash", email: "slash@example.org", ageGroup: "27_66" }),
    });
    expect(post.status).toBe(404);
  });

  it("puts the API-Version on every other answer too: preflights, 405s and unknown paths", async () => {
    const preflight = await fetch(`${server.url}/api/v1/activities`, { method: "OPTIONS", headers: { origin: "https://elders.example", "access-control-request-method": "GET" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("api-version")).toBe(openapi.info.version);
    const wrongMethod = await fetch(`${server.url}/api/v1/municipalities`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("api-version")).toBe(openapi.info.version);
    const unknown = await fetch(`${server.url}/api/v1/bestaat-niet`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("api-version")).toBe(openapi.info.version);
    const head = await fetch(`${server.url}/api/v1/activities`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("api-version")).toBe(openapi.info.version);
    expect(head.headers.get("etag")).toMatch(/^W\//);
    expect((await get("/municipalities", { "if-none-match": "*" })).status).toBe(304);
    // The version is readable by browser clients on other sites.
    expect((await get("/municipalities")).headers.get("access-control-expose-headers")).toMatch(/API-Version.*ETag.*Last-Modified/);
  });
});

describe("the API root and neighbourhoods", () => {
  it("answers /api/v1 with an index whose links all work", async () => {
    const index = await (await get("")).json();
    expect(index.version).toBe(openapi.info.version);
    for (const [name, link] of Object.entries(index.links as Record<string, { href: string }>)) {
      expect(link.href.startsWith(`${server.url}/api/v1`), name).toBe(true);
      expect((await fetch(link.href)).status, name).toBe(200);
    }
  });

  it("lists a municipality's neighbourhoods with ids that filter the activity list and the feed", async () => {
    const municipalities = await (await get("/municipalities")).json();
    const listed = municipalities.data.find((m: Json) => m.slug === town.slug);
    const { data } = await (await fetch(listed.neighbourhoodsUrl)).json();
    expect(data.map((n: Json) => n.name)).toEqual(["Noord", "Zuid"]);
    const noord = data[0];
    expect(noord.id).toBe(town.neighbourhoods.Noord);
    const activitiesInNoord = await (await fetch(noord.activitiesUrl)).json();
    expect(activitiesInNoord.data.map((a: Json) => a.id)).toEqual([ids.scheduled]);
    const feed = await (await fetch(noord.icsUrl)).text();
    expect(feed).toContain("SUMMARY:Schaken in de bieb");
    expect(feed).not.toContain("Later dit jaar");
    expect((await fetch(noord.calendarUrl)).status).toBe(200);
  });
});

describe("conditional requests", () => {
  it("gives the feed an ETag, Last-Modified and REFRESH-INTERVAL; an unchanged feed is an empty 304, a change a new ETag", async () => {
    const path = `/municipalities/${town.slug}/calendar.ics`;
    const first = await get(path);
    const body = await first.text();
    expect(body).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toBeTruthy();
    expect(Date.parse(lastModified)).toBeGreaterThan(0);

    const byTag = await get(path, { "if-none-match": etag });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe("");
    const byDate = await get(path, { "if-modified-since": lastModified });
    expect(byDate.status).toBe(304);
    // If-None-Match decides when both are sent (RFC 9110): a stale tag gets the feed whatever the date.
    const staleTag = await get(path, { "if-none-match": 'W/"ouder"', "if-modified-since": lastModified });
    expect(staleTag.status).toBe(200);

    await db()
      .update(activities)
      .set({ title: "Schaken in de bibliotheek", updatedAt: sql`now() + interval '2 seconds'` })
      .where(eq(activities.id, ids.scheduled));
    const changed = await get(path, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toContain("SUMMARY:Schaken in de bibliotheek");
    const sinceBefore = await get(path, { "if-modified-since": lastModified });
    expect(sinceBefore.status).toBe(200);
  });

  it("gives a list a new ETag when a sign-up changes the places left", async () => {
    const path = `/activities?municipality=${town.slug}&status=scheduled`;
    const first = await get(path);
    const etag = first.headers.get("etag")!;
    const later = (await first.json()).data.find((a: Json) => a.id === ids.later);
    expect((await get(path, { "if-none-match": etag })).status).toBe(304);
    const signUp = await post(`/activities/${ids.later}/registrations`, JSON.stringify({ name: "Nieuw", email: "nieuw@example.org", ageGroup: "27_66" }));
    expect(signUp.status).toBe(202);
    const after = await get(path, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect((await after.json()).data.find((a: Json) => a.id === ids.later).spotsLeft).toBe(later.spotsLeft - 1);
  });
});

describe("cancelled activities", () => {
  it("stay in the list, the detail and the feed as cancelled; never-published ones do not appear", async () => {
    const list = await (await get(`/activities?municipality=${town.slug}`)).json();
    const cancelled = list.data.find((a: Json) => a.id === ids.cancelled);
    expect(cancelled).toMatchObject({ status: "cancelled", title: "Afgelaste buurtbarbecue" });
    expect(list.data.find((a: Json) => a.id === ids.scheduled)).toMatchObject({ status: "scheduled" });
    expect(list.data.map((a: Json) => a.id)).not.toContain(ids.neverPublished);

    const onlyCancelled = await (await get(`/activities?municipality=${town.slug}&status=cancelled`)).json();
    expect(onlyCancelled.data.map((a: Json) => a.id)).toEqual([ids.cancelled]);
    const onlyScheduled = await (await get(`/activities?municipality=${town.slug}&status=scheduled`)).json();
    expect(onlyScheduled.data.map((a: Json) => a.id)).not.toContain(ids.cancelled);

    const detail = await get(`/activities/${ids.cancelled}`);
    expect(detail.status).toBe(200);
    expect((await detail.json()).data.status).toBe("cancelled");
    expect((await get(`/activities/${ids.neverPublished}`)).status).toBe(404);

    const feed = (await (await get(`/municipalities/${town.slug}/calendar.ics`)).text()).replace(/\r\n[ \t]/g, "");
    const events = feed.split("BEGIN:VEVENT").slice(1);
    const barbecue = events.find((e) => e.includes("SUMMARY:Afgelaste buurtbarbecue"));
    expect(barbecue).toContain("STATUS:CANCELLED");
    expect(events.find((e) => e.includes("SUMMARY:Later dit jaar"))).toContain("STATUS:CONFIRMED");
    expect(feed).not.toContain("Nooit gepubliceerd");
    expect((await fetch(`${server.url}/${town.slug}/activiteiten/${ids.cancelled}/agenda.ics`)).status).toBe(200);
    expect((await fetch(`${server.url}/${town.slug}/activiteiten/${ids.neverPublished}/agenda.ics`)).status).toBe(404);
  });

  it("are paged in start order together with scheduled ones, each exactly once", async () => {
    const pager = await createTestMunicipality("Afgelastdorp", ["Midden"]);
    const expected: string[] = [];
    for (let i = 0; i < 9; i++) {
      expected.push(
        await insertActivity({ municipalityId: pager.id, title: `Activiteit ${i}`, date: daysFromToday(2 + Math.floor(i / 3)), time: "10:00", status: i % 3 === 1 ? "cancelled" : "published" }),
      );
    }
    const seen: Json[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await (await get(`/activities?municipality=${pager.slug}&limit=2${cursor ? `&cursor=${cursor}` : ""}`)).json();
      seen.push(...page.data);
      cursor = page.next;
    } while (cursor && seen.length < 20);
    expect(seen.map((a) => a.id).sort()).toEqual([...expected].sort());
    expect(seen.filter((a) => a.status === "cancelled")).toHaveLength(3);
    const starts = seen.map((a) => Date.parse(a.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
