/**
 * Hostile input to sign-up, through the real server: random and malicious JSON bodies to the API
 * and random form posts to the activity page. Whatever arrives, the answer is 2xx or 4xx (never
 * 5xx), and rejected input writes nothing. Names with markup come back escaped on every page that
 * shows them.
 */
import fc from "fast-check";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerForActivity } from "~/features/registrations/writes.server";
import { db } from "~/lib/db/client.server";
import { outboxEmails, registrations } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { sessionCookieFor } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";
import { createTestMunicipality, daysFromToday, havenstad, insertActivity } from "../support/calendar-fixtures";

const database = useTestDatabase();
let server: TestServer;
let activityId: string;
let activityPath: string;
let requestNumber = 0;

/** Every request comes from its own (TEST-NET, header-only) client address, so the address limit stays out of the way. */
function nextAddress(): string {
  requestNumber += 1;
  return `198.51.${Math.floor(requestNumber / 250) % 250}.${(requestNumber % 250) + 1}`;
}

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url, env: { TRUST_PROXY: "1" } });
  const town = await createTestMunicipality("Fuzzdorp");
  activityId = await insertActivity({ municipalityId: town.id, title: "Onbeperkte inloop", date: daysFromToday(5), capacity: null });
  activityPath = `/${town.slug}/activiteiten/${activityId}`;
});

afterAll(async () => {
  await server?.stop();
});

async function registrationCount(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(registrations).where(eq(registrations.activityId, activityId));
  return row!.n;
}

const AGE_GROUPS = ["under_12", "12_15", "16_17", "18_26", "27_66", "67_plus"];

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'; drop table registrations; --",
    "\u0000",
    "a\u0000b@example.org",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "\ud800",
    "🙂".repeat(60),
    "x".repeat(101),
    "x".repeat(9000),
    "{{7*7}}",
    "${process.exit()}",
    "__proto__",
    " ",
    "\t\n",
  ),
  fc.stringMatching(/^[a-z]{1,12}@[a-z]{1,10}\.(nl|org)$/),
);

const hostileValue = fc.oneof(
  { depthSize: "small" },
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
  fc.constantFrom(...AGE_GROUPS),
);

/** Bodies shaped like a sign-up with any value in any field, and bodies of any other shape. */
const hostileBody = fc.oneof(
  fc.record({ name: hostileValue, email: hostileValue, ageGroup: hostileValue }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.record({ name: hostileString, email: fc.emailAddress(), ageGroup: fc.constantFrom(...AGE_GROUPS) }).map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    "",
    "null",
    "[]",
    "{",
    '{"name": "a", "email": "a@b.nl", "ageGroup": "18_26"',
    "[".repeat(4000) + "]".repeat(4000),
    `{"name":${'{"a":'.repeat(1500)}1${"}".repeat(1500)},"email":"diep@example.org","ageGroup":"18_26"}`,
    '{"__proto__": {"polluted": true}, "name": "Proto", "email": "proto@example.org", "ageGroup": "18_26"}',
    '{"constructor": {"prototype": {"x": 1}}}',
    '{"name": "\\u0000", "email": "nul@example.org", "ageGroup": "18_26"}',
    '{"name": "Dubbel", "name": ["x"], "email": "dubbel@example.org", "ageGroup": "18_26"}',
    JSON.stringify({ name: "Groot", email: "groot@example.org", ageGroup: "18_26", padding: "x".repeat(11_000) }),
  ),
);

/** Well-formed sign-ups, so the property also checks what an accepted sign-up writes. */
const validBody = fc
  .record({
    name: fc.stringMatching(/^[A-Z][a-z]{1,15}( [A-Z][a-z]{1,15})?$/),
    email: fc.stringMatching(/^[a-z]{3,10}\.[a-z]{2,8}@[a-z]{3,10}\.(nl|org)$/),
    ageGroup: fc.constantFrom(...AGE_GROUPS),
  })
  .map((v) => JSON.stringify(v));

const contentTypes = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/problem+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
);

describe("the registration API under hostile input", () => {
  it("answers 2xx or 4xx, and writes a row only when it says it did", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.tuple(hostileBody, contentTypes), fc.tuple(validBody, fc.constant("application/json"))), async ([body, contentType]) => {
        const before = await registrationCount();
        const headers: Record<string, string> = { "x-forwarded-for": nextAddress() };
        if (contentType) headers["content-type"] = contentType;
        const response = await fetch(`${server.url}/api/v1/activities/${activityId}/registrations`, { method: "POST", headers, body });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, `${contentType} ${body.slice(0, 200)}`).toBeLessThan(500);
        expect(response.status === 202 || (response.status >= 400 && response.status < 500)).toBe(true);
        const parsed = JSON.parse(text) as { status?: string | number; code?: string };
        const after = await registrationCount();
        if (response.status === 202) {
          // The same answer for a new and a repeated address: at most one new row, and the address is signed up.
          expect(parsed).toEqual({ status: "received" });
          expect(after - before).toBeLessThanOrEqual(1);
          const email = (JSON.parse(body) as { email: string }).email.trim().toLowerCase();
          const [row] = await db().select().from(registrations).where(and(eq(registrations.activityId, activityId), eq(registrations.email, email)));
          expect(row, "the answered registration exists").toBeDefined();
        } else {
          expect(after, `nothing written for ${response.status}`).toBe(before);
          expect(response.headers.get("content-type")).toContain("application/problem+json");
          expect(parsed.status).toBe(response.status);
        }
      }),
      { numRuns: 250 },
    );
    // The generators reach both sides: accepted sign-ups and every kind of refusal.
    expect(statuses.get(202)).toBeGreaterThan(0);
    for (const status of [400, 415]) expect(statuses.get(status), `status ${status} seen`).toBeGreaterThan(0);
    // Invalid fields are invalid input like broken JSON: 400 (API Design Rules), not 422.
    expect(statuses.get(422), "no 422").toBeUndefined();
  });

  it("stores nothing for control characters and keeps the prototype clean", async () => {
    const before = await registrationCount();
    const nul = await fetch(`${server.url}/api/v1/activities/${activityId}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": nextAddress() },
      body: JSON.stringify({ name: "Nul\u0000byte", email: "nul@example.org", ageGroup: "18_26" }),
    });
    expect(nul.status).toBe(400);
    expect(((await nul.json()) as { code: string }).code).toBe("validation");
    expect(await registrationCount()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the registration form under hostile input", () => {
  it("answers every random form post without a server error and writes only valid sign-ups", async () => {
    const field = fc.oneof(hostileString, fc.constantFrom(...AGE_GROUPS));
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: field, email: field, ageGroup: field, website: fc.oneof(fc.constant(""), hostileString) }, { requiredKeys: [] }),
        async (fields) => {
          const before = await registrationCount();
          const form = new URLSearchParams();
          for (const [key, value] of Object.entries(fields)) form.append(key, value);
          const response = await fetch(`${server.url}${activityPath}`, {
            method: "POST",
            headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": nextAddress() },
            body: form,
          });
          const html = await response.text();
          expect(response.status, JSON.stringify(fields).slice(0, 300)).toBeLessThan(500);
          const after = await registrationCount();
          if (fields.website) expect(after, "a filled honeypot writes nothing").toBe(before);
          if (response.status !== 200) expect(after).toBe(before);
          expect(html).not.toContain("<script>alert(1)");
        },
      ),
      { numRuns: 120 },
    );
  });

  it("pretends success to a bot that fills the honeypot, and writes nothing", async () => {
    const before = await registrationCount();
    const response = await fetch(`${server.url}${activityPath}`, {
      method: "POST",
      headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": nextAddress() },
      body: new URLSearchParams({ name: "Bot", email: "bot@example.org", ageGroup: "18_26", website: "https://spam.example" }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Kijk in je mail");
    expect(await registrationCount()).toBe(before);
  });
});

describe("markup in names and titles", () => {
  it("shows a name like <script>alert(1)</script> escaped on the cancellation page and the staff participant list", async () => {
    const email = "xss@example.org";
    // The public sign-up refuses markup in names; rows from before that rule (and staff's walk-ins) can still hold it.
    const refused = await fetch(`${server.url}/api/v1/activities/${activityId}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": nextAddress() },
      body: JSON.stringify({ name: "<script>alert(1)</script>", email, ageGroup: "18_26" }),
    });
    expect([400, 422]).toContain(refused.status);
    await registerForActivity({ activityId, name: "<script>alert(1)</script>", email, ageGroup: "18_26", locale: "nl" });
    const [mail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, email));
    const token = /\/aanmelding\/([A-Za-z0-9_-]+)/.exec(mail!.textBody)?.[1];
    expect(token).toBeDefined();
    const page = await (await fetch(`${server.url}/aanmelding/${token}`)).text();
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("<script>alert(1)</script>");

    // Staff see participants too: the same name, escaped, in Havenstad's participant list.
    const haven = await havenstad();
    const havenActivity = await insertActivity({ municipalityId: haven.id, title: "Escape-test", date: daysFromToday(6), capacity: null });
    await registerForActivity({ activityId: havenActivity, name: "<script>alert(1)</script>", email, ageGroup: "18_26", locale: "nl" });
    const cookie = await sessionCookieFor(database.url, "projectleider@havenstad.example");
    const staff = await fetch(`${server.url}/beheer/havenstad/activiteiten/${havenActivity}/deelnemers`, { headers: { cookie: cookie.header } });
    expect(staff.status).toBe(200);
    const staffHtml = await staff.text();
    expect(staffHtml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(staffHtml).not.toContain("<script>alert(1)</script>");
  });

  it("keeps a title that closes a script element inside the JSON-LD and the pages' text", async () => {
    const town = await createTestMunicipality("Titeldorp");
    const title = "</script><script>alert(1)</script> & <b>vet</b>";
    const id = await insertActivity({ municipalityId: town.id, title, description: "Uitleg </script>", date: daysFromToday(3) });
    const page = await (await fetch(`${server.url}/${town.slug}/activiteiten/${id}`)).text();
    expect(page).not.toContain("<script>alert(1)");
    expect(page).not.toContain("<b>vet</b>");
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1];
    expect(JSON.parse(jsonLd!)).toMatchObject({ "@type": "Event", name: title, description: "Uitleg </script>" });
    for (const path of [`/${town.slug}/activiteiten`, `/${town.slug}/embed`, `/activiteiten?gemeente=${town.slug}`]) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      expect(html, path).toContain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html, path).not.toContain("<script>alert(1)");
    }
  });
});
