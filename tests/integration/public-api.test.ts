/**
 * The public API and feeds through the real server: every endpoint, CORS, cursor pagination,
 * problem+json errors in Dutch and English, the OpenAPI document (valid, and real answers match its
 * schemas), and the iCalendar feed across both clock changes.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { registrations } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import {
  awayFromWindowEnd,
  createTestMunicipality,
  daysFromToday,
  insertActivity,
  nextLastSunday,
  startedToday,
  type TestMunicipality,
} from "../support/calendar-fixtures";

// Answers are checked against the OpenAPI schemas (expectDocumented), so the tests read them untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const database = useTestDatabase();
let server: TestServer;
let town: TestMunicipality;
let openapi: Record<string, Json>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS; its function is the default export or that export's `default`.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as typeof formats;
addFormats(ajv);
const DOC_ID = "https://buurtkracht.test/openapi.json";
let addressCounter = 0;

/** A client address of its own (TEST-NET-3, only ever a header value), so rate limits do not carry over between tests. */
function freshAddress(): string {
  addressCounter += 1;
  return `203.0.113.${addressCounter}`;
}

type Fixture = "football" | "choir" | "fullWaitlist" | "fullNoWaitlist" | "october" | "march" | "draft" | "cancelled" | "past" | "started";
const ids = {} as Record<Fixture, string>;
const octoberSunday = nextLastSunday(10);
const marchSunday = nextLastSunday(3);

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url, env: { TRUST_PROXY: "1" } });
  town = await createTestMunicipality("Proefdorp", ["Oost", "West"]);
  const { Oost, West } = town.neighbourhoods as { Oost: string; West: string };
  ids.football = await insertActivity({
    municipalityId: town.id, title: "Voetbal op het plein", description: "Een potje voetbal voor de buurt.",
    date: daysFromToday(3), time: "15:00", neighbourhoodId: Oost, category: "sport", minAge: 8, maxAge: 14, capacity: 20, confirmedCount: 5,
  });
  ids.choir = await insertActivity({
    municipalityId: town.id, title: "Buurtkoor zingt", description: "Samen zingen in de kerk.",
    date: daysFromToday(4), time: "19:30", neighbourhoodId: West, category: "culture", minAge: 16, capacity: null,
  });
  ids.fullWaitlist = await insertActivity({
    municipalityId: town.id, title: "Kookles voor iedereen", date: daysFromToday(5), neighbourhoodId: West, category: "welfare", capacity: 1, confirmedCount: 1, waitlistEnabled: true,
  });
  ids.fullNoWaitlist = await insertActivity({
    municipalityId: town.id, title: "Fietstocht", date: daysFromToday(6), category: "other", capacity: 2, confirmedCount: 2, waitlistEnabled: false,
  });
  ids.october = await insertActivity({ municipalityId: town.id, title: "Herfstwandeling", date: octoberSunday, time: "14:00", category: "other" });
  ids.march = await insertActivity({ municipalityId: town.id, title: "Lenteloop", date: marchSunday, time: "14:00", category: "sport" });
  ids.draft = await insertActivity({ municipalityId: town.id, title: "Concept yoga", date: daysFromToday(3), status: "draft" });
  ids.cancelled = await insertActivity({ municipalityId: town.id, title: "Afgelast toernooi", date: daysFromToday(3), status: "cancelled" });
  ids.past = await insertActivity({ municipalityId: town.id, title: "Vorige week markt", date: daysFromToday(-7) });
  // Published, but started an hour ago: shown as today's activity, closed for sign-up.
  ids.started = await insertActivity({ municipalityId: town.id, title: "Lopende buurtlunch", startsAt: startedToday(), durationMinutes: 240 });

  const response = await fetch(`${server.url}/api/v1/openapi.json`);
  openapi = (await response.json()) as Record<string, Json>;
  ajv.addSchema(openapi, DOC_ID);
});

afterAll(async () => {
  await server?.stop();
});

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
}

/** Fails unless the body matches the schema the OpenAPI document gives for this answer. */
function expectDocumented(path: string, method: string, response: Response, body: unknown): void {
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const operation = openapi.paths[path]?.[method];
  expect(operation, `${method.toUpperCase()} ${path} is documented`).toBeDefined();
  const documented = operation.responses[String(response.status)];
  expect(documented, `${method.toUpperCase()} ${path} documents status ${response.status}`).toBeDefined();
  expect(Object.keys(documented.content ?? {}), `${path} ${response.status} documents ${mediaType}`).toContain(mediaType);
  const validate = ajv.compile({ $ref: `${DOC_ID}#/${pointer("paths", path, method, "responses", String(response.status), "content", mediaType, "schema")}` });
  const valid = validate(body);
  expect(validate.errors ?? [], `${method.toUpperCase()} ${path} ${response.status} matches its schema`).toEqual([]);
  expect(valid).toBe(true);
}

async function getJson(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  const body = (await response.json()) as Json;
  return { response, body };
}

async function postRegistration(activityId: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/v1/activities/${activityId}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": freshAddress(), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { response, body: text ? (JSON.parse(text) as Json) : null };
}

async function registrationCount(activityId: string): Promise<number> {
  const [row] = await db().select({ n: count() }).from(registrations).where(eq(registrations.activityId, activityId));
  return row!.n;
}

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document describing every endpoint", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openapi));
    expect(result.errors ?? [], "OpenAPI validation errors").toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(Object.keys(openapi.paths).sort()).toEqual(
      [
        "/",
        "/activities",
        "/activities/{id}",
        "/activities/{id}/registrations",
        "/certificates/{code}",
        "/municipalities",
        "/municipalities/{slug}/neighbourhoods",
        "/municipalities/{slug}/calendar.ics",
        "/openapi.json",
      ].sort(),
    );
    expect(openapi.servers[0].url).toBe(`${server.url}/api/v1`);
  });

  it("is served with CORS", async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("content-type")).toContain("application/json");
  });
});

describe("GET /api/v1/municipalities", () => {
  it("lists every municipality with id, slug and name", async () => {
    const { response, body } = await getJson("/api/v1/municipalities");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expectDocumented("/municipalities", "get", response, body);
    const slugs = body.data.map((m: { slug: string }) => m.slug);
    expect(slugs).toEqual(expect.arrayContaining(["havenstad", "rivierendal", "heuvelrijk", town.slug]));
    expect(body.data.find((m: { slug: string }) => m.slug === town.slug)).toMatchObject({ id: town.id, name: "Proefdorp" });
  });
});

describe("GET /api/v1/activities", () => {
  it("lists only upcoming published (and cancelled) activities, with Amsterdam offsets and absolute links", async () => {
    const { response, body } = await getJson(`/api/v1/activities?municipality=${town.slug}&limit=100`);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expectDocumented("/activities", "get", response, body);
    const titles = body.data.map((a: { title: string }) => a.title);
    expect(titles).toEqual(expect.arrayContaining(["Voetbal op het plein", "Buurtkoor zingt", "Herfstwandeling", "Lenteloop", "Lopende buurtlunch", "Afgelast toernooi"]));
    for (const hidden of ["Concept yoga", "Vorige week markt"]) expect(titles).not.toContain(hidden);
    expect(body.data.find((a: { id: string }) => a.id === ids.cancelled).status).toBe("cancelled");
    expect(body.next).toBeNull();

    const football = body.data.find((a: { id: string }) => a.id === ids.football);
    expect(football).toMatchObject({
      status: "scheduled",
      title: "Voetbal op het plein",
      municipality: town.slug,
      neighbourhood: "Oost",
      category: "sport",
      capacity: 20,
      spotsLeft: 15,
      full: false,
      waitlist: true,
      minAge: 8,
      maxAge: 14,
      registrationRequired: true,
      url: `${server.url}/${town.slug}/activiteiten/${ids.football}`,
    });
    expect(football.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T15:00:00\+0[12]:00$/);
    const choir = body.data.find((a: { id: string }) => a.id === ids.choir);
    expect(choir).toMatchObject({ capacity: null, spotsLeft: null, full: false });
    const october = body.data.find((a: { id: string }) => a.id === ids.october);
    expect(october.startsAt).toBe(`${octoberSunday}T14:00:00+01:00`);
    expect(october.endsAt).toBe(`${octoberSunday}T16:00:00+01:00`);
    const march = body.data.find((a: { id: string }) => a.id === ids.march);
    expect(march.startsAt).toBe(`${marchSunday}T14:00:00+02:00`);
    const starts = body.data.map((a: { startsAt: string }) => Date.parse(a.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("filters by category, neighbourhood, age, dates and Dutch full-text search", async () => {
    const list = async (query: string) => {
      const { response, body } = await getJson(`/api/v1/activities?municipality=${town.slug}&${query}`);
      expect(response.status, query).toBe(200);
      return body.data.map((a: { id: string }) => a.id) as string[];
    };
    expect(await list("category=culture")).toEqual([ids.choir]);
    expect((await list(`neighbourhood=${town.neighbourhoods.West}`)).sort()).toEqual([ids.choir, ids.fullWaitlist].sort());
    const ten = await list("age=10");
    expect(ten).toContain(ids.football);
    expect(ten).not.toContain(ids.choir);
    expect(await list("age=30")).toContain(ids.choir);
    expect(await list(`from=${daysFromToday(4)}&to=${daysFromToday(4)}`)).toEqual([ids.choir]);
    // Dutch stemming: "voetballen" finds "voetbal", "zingen" finds "zingt".
    expect(await list("q=voetballen")).toEqual([ids.football]);
    expect(await list("q=zingen")).toEqual([ids.choir]);
    expect(await list("q=" + encodeURIComponent('"kerk" -voetbal'))).toEqual([ids.choir]);
    for (const odd of ["&|!():*", "'\"", "<script>", "🙂", "a".repeat(200)]) {
      const { response } = await getJson(`/api/v1/activities?q=${encodeURIComponent(odd)}`);
      expect(response.status, odd).toBe(200);
    }
  });

  it("walks every page with the cursor, each activity exactly once and in order", async () => {
    const pager = await createTestMunicipality("Bladerdorp", ["Midden"]);
    const expected: string[] = [];
    // 37 activities, several starting at the very same moment, to exercise the id tie-break.
    for (let i = 0; i < 37; i++) {
      expected.push(await insertActivity({ municipalityId: pager.id, title: `Activiteit ${i}`, date: daysFromToday(2 + Math.floor(i / 5)), time: "10:00" }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/v1/activities?municipality=${pager.slug}&limit=7${cursor ? `&cursor=${cursor}` : ""}`;
      const { response, body } = await getJson(query);
      expect(response.status).toBe(200);
      expectDocumented("/activities", "get", response, body);
      expect(body.data.length).toBeLessThanOrEqual(7);
      seen.push(...body.data.map((a: { id: string }) => a.id));
      cursor = body.next;
      if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(37);
    expect(seen.sort()).toEqual([...expected].sort());

    // Across the whole network the cursor works the same way.
    const first = await getJson("/api/v1/activities?limit=3");
    expect(first.body.data).toHaveLength(3);
    const second = await getJson(`/api/v1/activities?limit=3&cursor=${first.body.next}`);
    const overlap = second.body.data.filter((a: { id: string }) => first.body.data.some((b: { id: string }) => b.id === a.id));
    expect(overlap).toEqual([]);
  });

  it("answers invalid parameters with a 400 problem naming each parameter, in Dutch or English", async () => {
    const cases: [string, string][] = [
      ["limit=0", "limit"],
      ["limit=1000", "limit"],
      ["limit=abc", "limit"],
      ["limit=-5", "limit"],
      ["from=2026-02-30", "from"],
      ["to=gisteren", "to"],
      [`from=${daysFromToday(5)}&to=${daysFromToday(1)}`, "to"],
      ["cursor=bogus", "cursor"],
      [`cursor=${Buffer.from('["2026-01-01T00:00:00.000000Z","x"]').toString("base64url")}`, "cursor"],
      [`cursor=${Buffer.from('["2026-02-31T00:00:00.000000Z","7d4f1f5c-0a8b-4e59-9a57-1f2d3c4b5a69"]').toString("base64url")}`, "cursor"],
      ["category=knutselen", "category"],
      ["neighbourhood=12", "neighbourhood"],
      ["age=-1", "age"],
      ["age=500", "age"],
      ["q=" + encodeURIComponent("a\u0000b"), "q"],
      ["q=" + "x".repeat(201), "q"],
      ["municipality=bestaat-niet", "municipality"],
      ["municipality=../etc", "municipality"],
    ];
    for (const [query, field] of cases) {
      const { response, body } = await getJson(`/api/v1/activities?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type"), query).toContain("application/problem+json");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(body, query).toMatchObject({ type: "about:blank", status: 400, code: "validation" });
      expect(Object.keys(body.errors), query).toContain(field);
      expectDocumented("/activities", "get", response, body);
    }
    const dutch = await getJson("/api/v1/activities?limit=0");
    expect(dutch.body.title).toBe("Ongeldige invoer");
    expect(dutch.response.headers.get("content-language")).toBe("nl");
    const english = await getJson("/api/v1/activities?limit=0", { "accept-language": "en-GB,en;q=0.9,nl;q=0.5" });
    expect(english.body.title).toBe("Invalid input");
    expect(english.body.errors.limit).toBe("Enter a number from 1 to 100.");
    expect(english.response.headers.get("content-language")).toBe("en");
  });
});

describe("GET /api/v1/activities/{id}", () => {
  it("returns a published activity", async () => {
    const { response, body } = await getJson(`/api/v1/activities/${ids.fullWaitlist}`);
    expect(response.status).toBe(200);
    expectDocumented("/activities/{id}", "get", response, body);
    expect(body.data).toMatchObject({ id: ids.fullWaitlist, spotsLeft: 0, full: true, waitlist: true, category: "welfare" });
  });

  it("returns a cancelled activity as cancelled", async () => {
    const { response, body } = await getJson(`/api/v1/activities/${ids.cancelled}`);
    expect(response.status).toBe(200);
    expectDocumented("/activities/{id}", "get", response, body);
    expect(body.data).toMatchObject({ id: ids.cancelled, status: "cancelled", title: "Afgelast toernooi" });
  });

  it("answers 404 problems for unknown and unpublished ids, and 400 problems for malformed ones", async () => {
    for (const id of ["7d4f1f5c-0a8b-4e59-9a57-1f2d3c4b5a69", ids.draft]) {
      const { response, body } = await getJson(`/api/v1/activities/${id}`, { "accept-language": "en" });
      expect(response.status, id).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(body).toMatchObject({ status: 404, code: "not_found", title: "Not found" });
      expectDocumented("/activities/{id}", "get", response, body);
    }
    for (const id of ["abc", "%27%20or%201%3D1"]) {
      const { response, body } = await getJson(`/api/v1/activities/${id}`, { "accept-language": "en" });
      expect(response.status, id).toBe(400);
      expect(body).toMatchObject({ status: 400, code: "validation", errors: { id: expect.any(String) } });
      expectDocumented("/activities/{id}", "get", response, body);
    }
  });

  it("refuses other methods with 405 and unknown API paths with a 404 problem", async () => {
    const remove = await fetch(`${server.url}/api/v1/activities/${ids.football}`, { method: "DELETE" });
    expect(remove.status).toBe(405);
    expect(remove.headers.get("allow")).toContain("GET");
    expect(remove.headers.get("content-type")).toContain("application/problem+json");
    const get = await fetch(`${server.url}/api/v1/activities/${ids.football}/registrations`);
    expect(get.status).toBe(405);
    const unknown = await fetch(`${server.url}/api/v1/bestaat/niet`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("POST /api/v1/activities/{id}/registrations", () => {
  it("answers the CORS preflight", async () => {
    const response = await fetch(`${server.url}/api/v1/activities/${ids.football}/registrations`, {
      method: "OPTIONS",
      headers: { origin: "https://buurtsite.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
  });

  it("signs up (202), answers the same email again exactly alike without a second registration, and accepts cross-origin posts", async () => {
    const before = await registrationCount(ids.football);
    const first = await postRegistration(ids.football, { name: "Fatima", email: "Fatima@Example.org", ageGroup: "12_15" }, { origin: "https://buurtsite.example" });
    expect(first.response.status).toBe(202);
    expect(first.response.headers.get("access-control-allow-origin")).toBe("*");
    expectDocumented("/activities/{id}/registrations", "post", first.response, first.body);
    expect(first.body).toEqual({ status: "received" });
    const again = await postRegistration(ids.football, { name: "Fatima B.", email: "fatima@example.org", ageGroup: "12_15" });
    expect(again.response.status).toBe(202);
    expectDocumented("/activities/{id}/registrations", "post", again.response, again.body);
    expect(again.body).toEqual(first.body);
    expect(await registrationCount(ids.football)).toBe(before + 1);
    const [row] = await db().select().from(registrations).where(and(eq(registrations.activityId, ids.football), eq(registrations.email, "fatima@example.org")));
    expect(row).toMatchObject({ name: "Fatima", email: "fatima@example.org", ageGroup: "12_15", status: "confirmed", userId: null });
  });

  it("puts people on the waitlist when full", async () => {
    const { response, body } = await postRegistration(ids.fullWaitlist, { name: "Wim", email: "wim@example.org", ageGroup: "67_plus" });
    expect(response.status).toBe(202);
    expect(body).toEqual({ status: "received" });
    const [row] = await db().select().from(registrations).where(and(eq(registrations.activityId, ids.fullWaitlist), eq(registrations.email, "wim@example.org")));
    expect(row!.status).toBe("waitlisted");
  });

  it("answers 409 when full without a waitlist or closed, and 404 for unknown or unpublished activities", async () => {
    const full = await postRegistration(ids.fullNoWaitlist, { name: "Vol", email: "vol@example.org", ageGroup: "18_26" });
    expect(full.response.status).toBe(409);
    expect(full.body.code).toBe("full");
    expectDocumented("/activities/{id}/registrations", "post", full.response, full.body);
    const closed = await postRegistration(ids.started, { name: "Laat", email: "laat@example.org", ageGroup: "18_26" });
    expect(closed.response.status).toBe(409);
    expect(closed.body.code).toBe("closed");
    const past = await postRegistration(ids.past, { name: "Laat", email: "laat@example.org", ageGroup: "18_26" });
    expect(past.response.status).toBe(409);
    for (const id of [ids.draft, ids.cancelled, "7d4f1f5c-0a8b-4e59-9a57-1f2d3c4b5a69"]) {
      const missing = await postRegistration(id, { name: "Niemand", email: "niemand@example.org", ageGroup: "18_26" });
      expect(missing.response.status, id).toBe(404);
      expectDocumented("/activities/{id}/registrations", "post", missing.response, missing.body);
    }
    const malformed = await postRegistration("nope", { name: "Niemand", email: "niemand@example.org", ageGroup: "18_26" });
    expect(malformed.response.status).toBe(400);
    expectDocumented("/activities/{id}/registrations", "post", malformed.response, malformed.body);
    for (const id of [ids.fullNoWaitlist, ids.started, ids.past, ids.draft, ids.cancelled]) expect(await registrationCount(id)).toBe(0);
  });

  it("answers invalid fields with a 400 problem per field, in the language asked for", async () => {
    const before = await registrationCount(ids.choir);
    const dutch = await postRegistration(ids.choir, { name: "", email: "geen-adres", ageGroup: "oud" });
    expect(dutch.response.status).toBe(400);
    expectDocumented("/activities/{id}/registrations", "post", dutch.response, dutch.body);
    expect(dutch.body.errors).toEqual({
      name: "Vul dit veld in.",
      email: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
      ageGroup: "Deze waarde is niet geldig.",
    });
    const english = await postRegistration(ids.choir, { email: "a@b.nl" }, { "accept-language": "en" });
    expect(english.response.status).toBe(400);
    expect(Object.keys(english.body.errors).sort()).toEqual(["ageGroup", "name"]);
    expect(english.body.errors.name).toBe("Please fill in this field.");
    expect(await registrationCount(ids.choir)).toBe(before);
  });

  it("answers 415, 400 and 413 for bodies that are not small JSON", async () => {
    const url = `${server.url}/api/v1/activities/${ids.choir}/registrations`;
    const form = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "name=a&email=a@b.nl&ageGroup=18_26" });
    expect(form.status).toBe(415);
    expectDocumented("/activities/{id}/registrations", "post", form, await form.json());
    const noType = await fetch(url, { method: "POST", body: "{}" });
    expect(noType.status).toBe(415);
    const broken = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"name": "a",' });
    expect(broken.status).toBe(400);
    expectDocumented("/activities/{id}/registrations", "post", broken, await broken.json());
    const empty = await fetch(url, { method: "POST", headers: { "content-type": "application/json" } });
    expect(empty.status).toBe(400);
    const huge = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(20_000), email: "a@b.nl", ageGroup: "18_26" }),
    });
    expect(huge.status).toBe(413);
    expectDocumented("/activities/{id}/registrations", "post", huge, await huge.json());
    expect(await registrationCount(ids.choir)).toBe(0);
  });

  it("limits sign-ups per email address and per client address (429)", async () => {
    await awayFromWindowEnd(60);
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { response } = await postRegistration(ids.choir, { name: "Herhaler", email: "herhaler@example.org", ageGroup: "27_66" }, { "x-forwarded-for": freshAddress() });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);

    const perAddress: number[] = [];
    let limited: { response: Response; body: Json } | undefined;
    for (let i = 0; i < 11; i++) {
      const result = await postRegistration(ids.choir, { name: `Persoon ${i}`, email: `persoon${i}@example.org`, ageGroup: "27_66" }, { "x-forwarded-for": address });
      perAddress.push(result.response.status);
      limited = result;
    }
    expect(perAddress.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(perAddress[10]).toBe(429);
    expect(limited!.response.headers.get("retry-after")).toBe("60");
    expect(limited!.body.code).toBe("rate_limited");
    expectDocumented("/activities/{id}/registrations", "post", limited!.response, limited!.body);
    const [row] = await db()
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.activityId, ids.choir), eq(registrations.email, "persoon10@example.org")));
    expect(row!.n).toBe(0);
  });
});

/** Unfolds RFC 5545 content lines and checks the structure; returns the events' properties. */
function parseIcs(text: string): { lines: string[]; events: Record<string, string>[] } {
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  for (const raw of text.split("\r\n")) expect(Buffer.byteLength(raw, "utf8"), raw).toBeLessThanOrEqual(75);
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
  const stack: string[] = [];
  const events: Record<string, string>[] = [];
  for (const line of lines) {
    expect(line, "content line").toMatch(/^[A-Z0-9-]+(;[^:]*)?:/);
    if (line.startsWith("BEGIN:")) {
      stack.push(line.slice(6));
      if (line === "BEGIN:VEVENT") events.push({});
    } else if (line.startsWith("END:")) {
      expect(stack.pop()).toBe(line.slice(4));
    } else if (stack.at(-1) === "VEVENT") {
      const name = line.slice(0, line.indexOf(":"));
      events.at(-1)![name] = line.slice(line.indexOf(":") + 1);
    }
  }
  expect(stack).toEqual([]);
  return { lines, events };
}

describe("iCalendar feed", () => {
  it("serves upcoming activities with TZID=Europe/Amsterdam and correct local times across both clock changes", async () => {
    const response = await fetch(`${server.url}/api/v1/municipalities/${town.slug}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const { lines, events } = parseIcs(await response.text());
    expect(lines).toContain("BEGIN:VTIMEZONE");
    expect(lines).toContain("TZID:Europe/Amsterdam");
    const summaries = events.map((e) => e.SUMMARY);
    expect(summaries).toEqual(expect.arrayContaining(["Voetbal op het plein", "Herfstwandeling", "Lenteloop", "Afgelast toernooi"]));
    for (const hidden of ["Concept yoga", "Vorige week markt"]) expect(summaries).not.toContain(hidden);
    expect(events.find((e) => e.SUMMARY === "Afgelast toernooi")!.STATUS).toBe("CANCELLED");
    expect(events.find((e) => e.SUMMARY === "Lenteloop")!.STATUS).toBe("CONFIRMED");
    const october = events.find((e) => e.SUMMARY === "Herfstwandeling")!;
    expect(october["DTSTART;TZID=Europe/Amsterdam"]).toBe(`${octoberSunday.replaceAll("-", "")}T140000`);
    expect(october["DTEND;TZID=Europe/Amsterdam"]).toBe(`${octoberSunday.replaceAll("-", "")}T160000`);
    const march = events.find((e) => e.SUMMARY === "Lenteloop")!;
    expect(march["DTSTART;TZID=Europe/Amsterdam"]).toBe(`${marchSunday.replaceAll("-", "")}T140000`);
    expect(october.UID).toBe(`activity-${ids.october}@buurtkracht`);
    expect(october["URL;VALUE=URI"]).toBe(`${server.url}/${town.slug}/activiteiten/${ids.october}`);
  });

  it("filters by neighbourhood, and answers problems for an unknown municipality or a bad neighbourhood", async () => {
    const west = await fetch(`${server.url}/api/v1/municipalities/${town.slug}/calendar.ics?neighbourhood=${town.neighbourhoods.West}`);
    const { events } = parseIcs(await west.text());
    expect(events.map((e) => e.SUMMARY).sort()).toEqual(["Buurtkoor zingt", "Kookles voor iedereen"]);
    const unknown = await fetch(`${server.url}/api/v1/municipalities/bestaat-niet/calendar.ics`);
    expect(unknown.status).toBe(404);
    expectDocumented("/municipalities/{slug}/calendar.ics", "get", unknown, await unknown.json());
    const bad = await fetch(`${server.url}/api/v1/municipalities/${town.slug}/calendar.ics?neighbourhood=oost`);
    expect(bad.status).toBe(400);
    expectDocumented("/municipalities/{slug}/calendar.ics", "get", bad, await bad.json());
  });

  it("offers one activity as an .ics file for 'add to my calendar', a cancelled one as cancelled", async () => {
    const response = await fetch(`${server.url}/${town.slug}/activiteiten/${ids.march}/agenda.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const { events } = parseIcs(await response.text());
    expect(events).toHaveLength(1);
    expect(events[0]!["DTSTART;TZID=Europe/Amsterdam"]).toBe(`${marchSunday.replaceAll("-", "")}T140000`);
    const draft = await fetch(`${server.url}/${town.slug}/activiteiten/${ids.draft}/agenda.ics`);
    expect(draft.status).toBe(404);
    const cancelled = await fetch(`${server.url}/${town.slug}/activiteiten/${ids.cancelled}/agenda.ics`);
    expect(cancelled.status).toBe(200);
    const [event] = parseIcs(await cancelled.text()).events;
    expect(event).toMatchObject({ SUMMARY: "Afgelast toernooi", STATUS: "CANCELLED", UID: `activity-${ids.cancelled}@buurtkracht` });
  });
});
