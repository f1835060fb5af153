/**
 * The anonymous sign-up through the real server is no oracle and no relay: a repeated sign-up
 * gets exactly the answer a new one gets (page and API), the mail to the address tells which it
 * was, names that carry links or markup are refused, one address receives a limited number of
 * sign-up mails a day, age groups outside an activity's range are refused, the waitlist mail puts
 * nothing in a calendar, and a cancelled activity keeps its public page.
 */
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, outboxEmails, registrations } from "~/lib/db/schema";
import { cancelTokenFromMail } from "../support/activities";
import { createTestMunicipality, daysFromToday, insertActivity, type TestMunicipality } from "../support/calendar-fixtures";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const database = useTestDatabase();
let server: TestServer;
let town: TestMunicipality;
let addressCounter = 0;

/** A client address of its own per request, so the per-address minute limit never interferes. */
function freshAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter % 250}`;
}

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url, env: { TRUST_PROXY: "1" } });
  town = await createTestMunicipality("Stilledorp", ["Noord"]);
});

afterAll(async () => {
  await server?.stop();
});

function activity(overrides: Partial<Parameters<typeof insertActivity>[0]> = {}) {
  return insertActivity({ municipalityId: town.id, title: `Buurtactiviteit ${Math.random().toString(36).slice(2, 8)}`, date: daysFromToday(5), ...overrides });
}

async function postApi(activityId: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/v1/activities/${activityId}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": freshAddress(), ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { response, text, body: text ? (JSON.parse(text) as Json) : null };
}

async function postForm(activityId: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/${town.slug}/activiteiten/${activityId}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, "x-forwarded-for": freshAddress(), ...headers },
    body: new URLSearchParams(fields),
  });
  return { response, html: await response.text() };
}

/** The headers, without what differs between any two responses (time, request id, the CSP's script nonce). */
function stableHeaders(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!["date", "x-request-id", "content-length", "etag"].includes(name)) out[name] = value.replace(/'nonce-[^']+'/g, "'nonce'");
  });
  return out;
}

/** The sign-up section of an activity page, as text. */
function signUpSection(html: string): string {
  const match = /<section[^>]*id="aanmelden"[^>]*>([\s\S]*?)<\/section>/.exec(html);
  expect(match, "the page has a sign-up section").not.toBeNull();
  return match![1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}

async function mailsTo(email: string) {
  return db()
    .select({ kind: outboxEmails.kind, subject: outboxEmails.subject, text: outboxEmails.textBody, attachments: outboxEmails.attachments })
    .from(outboxEmails)
    .where(eq(outboxEmails.toAddress, email))
    .orderBy(asc(outboxEmails.createdAt));
}

async function registrationsOf(activityId: string) {
  return db().select().from(registrations).where(eq(registrations.activityId, activityId));
}

describe("a repeated sign-up looks like a new one", () => {
  it("through the API: the same status, body and headers, and the mail says it was a repeat", async () => {
    const activityId = await activity();
    const fresh = await postApi(activityId, { name: "Noor", email: "noor@example.org", ageGroup: "12_15" });
    const repeat = await postApi(activityId, { name: "Noor", email: "noor@example.org", ageGroup: "12_15" });
    const stranger = await postApi(activityId, { name: "Lotte", email: "lotte@example.org", ageGroup: "12_15" });
    expect(fresh.response.status).toBe(202);
    expect(repeat.response.status).toBe(fresh.response.status);
    expect(repeat.text).toBe(fresh.text);
    expect(stranger.text).toBe(fresh.text);
    expect(stableHeaders(repeat.response)).toEqual(stableHeaders(fresh.response));
    expect(fresh.body).toEqual({ status: "received" });
    expect(await registrationsOf(activityId)).toHaveLength(2);

    const mails = await mailsTo("noor@example.org");
    expect(mails.map((m) => m.kind)).toEqual(["registration-confirmed", "registration-alreadyConfirmed"]);
    expect(mails[1]!.subject).toContain("Je was al aangemeld");
    expect(mails[1]!.text).toMatch(/\/aanmelding\/[A-Za-z0-9_-]+/);
  });

  it("the repeat mail's cancel link works and replaces the earlier one", async () => {
    const activityId = await activity();
    await postApi(activityId, { name: "Ravi", email: "ravi@example.org", ageGroup: "18_26" });
    const first = await cancelTokenFromMail("ravi@example.org");
    await postApi(activityId, { name: "Ravi", email: "ravi@example.org", ageGroup: "18_26" });
    const mails = await mailsTo("ravi@example.org");
    const second = /\/aanmelding\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.text)![1]!;
    expect(second).not.toBe(first);
    expect((await fetch(`${server.url}/aanmelding/${first}`)).status).toBe(404);
    const page = await fetch(`${server.url}/aanmelding/${second}`);
    expect(page.status).toBe(200);
    const cancel = await fetch(`${server.url}/aanmelding/${second}`, { method: "POST", headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" }, body: "" });
    expect(cancel.status).toBe(200);
    const [row] = await registrationsOf(activityId);
    expect(row!.status).toBe("cancelled");
  });

  it("on the page: the same status and the same sign-up section for a new and a repeated address", async () => {
    const activityId = await activity();
    const fields = (email: string) => ({ name: "Mila de Boer", email, ageGroup: "16_17" });
    const fresh = await postForm(activityId, fields("mila@example.org"));
    const repeat = await postForm(activityId, fields("mila@example.org"));
    expect(fresh.response.status).toBe(200);
    expect(repeat.response.status).toBe(fresh.response.status);
    expect(signUpSection(repeat.html)).toBe(signUpSection(fresh.html));
    expect(signUpSection(fresh.html)).toContain("mila@example.org");
    expect(stableHeaders(repeat.response)).toEqual(stableHeaders(fresh.response));
    expect((await mailsTo("mila@example.org")).map((m) => m.kind)).toEqual(["registration-confirmed", "registration-alreadyConfirmed"]);
  });

  it("for a full activity without a waitlist, a signed-up address is refused like any other", async () => {
    const activityId = await activity({ capacity: 1, waitlistEnabled: false });
    expect((await postApi(activityId, { name: "Eerste", email: "eerste@example.org", ageGroup: "27_66" })).response.status).toBe(202);
    const repeat = await postApi(activityId, { name: "Eerste", email: "eerste@example.org", ageGroup: "27_66" });
    const stranger = await postApi(activityId, { name: "Tweede", email: "tweede@example.org", ageGroup: "27_66" });
    expect(repeat.response.status).toBe(409);
    expect(repeat.text).toBe(stranger.text);
    const repeatPage = await postForm(activityId, { name: "Eerste", email: "eerste@example.org", ageGroup: "27_66" });
    const strangerPage = await postForm(activityId, { name: "Derde", email: "derde@example.org", ageGroup: "27_66" });
    expect(repeatPage.response.status).toBe(409);
    expect(signUpSection(repeatPage.html).replace("eerste@example.org", "X").replace("Eerste", "Y")).toBe(
      signUpSection(strangerPage.html).replace("derde@example.org", "X").replace("Derde", "Y"),
    );
  });

  it("for a full activity with a waitlist, an address that holds a place gets the waitlist answer too", async () => {
    const activityId = await activity({ capacity: 1, waitlistEnabled: true });
    await postApi(activityId, { name: "Plaats", email: "plaats@example.org", ageGroup: "27_66" });
    const holder = await postApi(activityId, { name: "Plaats", email: "plaats@example.org", ageGroup: "27_66" });
    const newcomer = await postApi(activityId, { name: "Wachter", email: "wachter@example.org", ageGroup: "27_66" });
    expect(holder.response.status).toBe(newcomer.response.status);
    expect(holder.text).toBe(newcomer.text);
  });
});

describe("names are not a relay", () => {
  const refused = [
    "https://example.com",
    "Kijk op www.prijs.nl",
    "prijs.nl",
    "Jan prijsvraag.com/win",
    "jan@example.org",
    "<a href=x>klik</a>",
    "Klik [hier](x)",
    "bel 0612345678",
    "Win nu: geld",
    "voorbeeld。com",
    "ＷＷＷ．ｅｘａｍｐｌｅ．ｃｏｍ",
  ];

  it("refuses names with links, domains, addresses or markup, on the form and the API, in the person's language", async () => {
    const activityId = await activity();
    for (const name of refused) {
      const api = await postApi(activityId, { name, email: "naam@example.org", ageGroup: "27_66" });
      expect([400, 422], name).toContain(api.response.status);
      expect(Object.keys(api.body.errors), name).toEqual(["name"]);
      expect(api.body.errors.name, name).toMatch(/naam|tekens/);
      const page = await postForm(activityId, { name, email: "naam@example.org", ageGroup: "27_66" });
      expect(page.response.status, name).toBe(400);
      expect(page.html, name).toMatch(/Vul alleen je naam in|Een naam mag geen tekens/);
    }
    const english = await postApi(activityId, { name: "see example.com", email: "naam@example.org", ageGroup: "27_66" }, { "accept-language": "en" });
    expect(english.body.errors.name).toBe("Enter only your name, without a web address, domain name, email address or phone number.");
    expect(await registrationsOf(activityId)).toHaveLength(0);
    expect(await mailsTo("naam@example.org")).toHaveLength(0);
  });

  it("accepts ordinary names and mails them as plain text", async () => {
    const activityId = await activity();
    for (const [i, name] of ["J. de Vries", "J.R.R. Tolkien", "Anne-Marie van 't Hof", "Zoë O'Neill", "محمد", "Ali (12)"].entries()) {
      const { response } = await postApi(activityId, { name, email: `gewoon${i}@example.org`, ageGroup: "27_66" });
      expect(response.status, name).toBe(202);
      const [mail] = await mailsTo(`gewoon${i}@example.org`);
      expect(mail!.text.startsWith(`Hallo ${name},`), name).toBe(true);
    }
  });
});

describe("sign-up mails per address per day", () => {
  it("sends at most 10 a day to one address across activities; later sign-ups still count", async () => {
    const email = "veel@example.org";
    const activityIds: string[] = [];
    for (let i = 0; i < 12; i++) activityIds.push(await activity());
    for (const [i, activityId] of activityIds.entries()) {
      const { response } = await postApi(activityId, { name: "Veel", email, ageGroup: "27_66" });
      expect(response.status, `sign-up ${i + 1}`).toBe(202);
    }
    expect(await mailsTo(email)).toHaveLength(10);
    const [rows] = await db().select({ n: count() }).from(registrations).where(eq(registrations.email, email));
    expect(rows!.n).toBe(12);
    // A repeat beyond the cap sends nothing either and leaves the earlier cancel link working.
    const token = await cancelTokenFromMail(email);
    await postApi(activityIds[0]!, { name: "Veel", email, ageGroup: "27_66" });
    expect(await mailsTo(email)).toHaveLength(10);
    expect((await fetch(`${server.url}/aanmelding/${token}`)).status).toBe(200);
  });
});

describe("age limits", () => {
  it("refuses an age group wholly outside the activity's range, on the API and the form, with a clear message", async () => {
    const activityId = await activity({ minAge: 12, maxAge: 17, title: "Workshop graffiti" });
    const api = await postApi(activityId, { name: "Opa Kees", email: "kees@example.org", ageGroup: "67_plus" });
    expect([400, 422]).toContain(api.response.status);
    expect(api.body.errors).toEqual({
      ageGroup: "Deze activiteit is voor 12 tot en met 17 jaar. Kies de leeftijd van wie meedoet; valt die erbuiten, dan kun je je helaas niet aanmelden.",
    });
    const page = await postForm(activityId, { name: "Opa Kees", email: "kees@example.org", ageGroup: "67_plus" });
    expect(page.response.status).toBe(400);
    expect(page.html).toContain("Deze activiteit is voor 12 tot en met 17 jaar.");
    expect(await registrationsOf(activityId)).toHaveLength(0);
    // Groups that overlap the range fit.
    for (const [i, ageGroup] of ["12_15", "16_17"].entries()) {
      expect((await postApi(activityId, { name: "Jongere", email: `jong${i}@example.org`, ageGroup })).response.status).toBe(202);
    }
  });

  it("offers only the fitting age groups on the form", async () => {
    const activityId = await activity({ minAge: 12, maxAge: 17 });
    const html = await (await fetch(`${server.url}/${town.slug}/activiteiten/${activityId}`)).text();
    const select = /<select[^>]*name="ageGroup"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1]!;
    const values = [...select.matchAll(/value="([^"]*)"/g)].map((m) => m[1]);
    expect(values).toEqual(["", "12_15", "16_17"]);
  });
});

describe("mails and calendars", () => {
  it("puts no event in the calendar of someone on the waitlist", async () => {
    const activityId = await activity({ capacity: 1, confirmedCount: 1, waitlistEnabled: true });
    await postApi(activityId, { name: "Wacht", email: "wacht@example.org", ageGroup: "27_66" });
    const [mail] = await mailsTo("wacht@example.org");
    expect(mail!.kind).toBe("registration-waitlisted");
    expect(mail!.attachments).toBeNull();
    await postApi(activityId, { name: "Wacht", email: "wacht@example.org", ageGroup: "27_66" });
    const again = (await mailsTo("wacht@example.org"))[1]!;
    expect(again.kind).toBe("registration-alreadyWaitlisted");
    expect(again.attachments).toBeNull();
    expect(again.text).toContain("plaats 1");
  });
});

describe("a cancelled activity", () => {
  it("keeps its public page, says it does not go ahead, marks its JSON-LD EventCancelled and takes no sign-ups", async () => {
    const activityId = await activity({ status: "cancelled", title: "Afgelaste buurtbarbecue" });
    const response = await fetch(`${server.url}/${town.slug}/activiteiten/${activityId}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Afgelaste buurtbarbecue");
    expect(html).toContain("Deze activiteit gaat niet door.");
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(jsonLd.eventStatus).toBe("https://schema.org/EventCancelled");
    expect(jsonLd.remainingAttendeeCapacity).toBeUndefined();
    expect(html).not.toContain('name="ageGroup"');
    const post = await postForm(activityId, { name: "Toch", email: "toch@example.org", ageGroup: "27_66" });
    expect(post.response.status).toBe(409);
    expect(await registrationsOf(activityId)).toHaveLength(0);
    const english = await (await fetch(`${server.url}/${town.slug}/activiteiten/${activityId}`, { headers: { cookie: "buurtkracht_lang=en" } })).text();
    expect(english).toContain("This activity has been cancelled.");
  });

  it("is linked from the cancellation page of a registration", async () => {
    const activityId = await activity({ title: "Straks afgelast" });
    await postApi(activityId, { name: "Sanne", email: "sanne@example.org", ageGroup: "27_66" });
    const token = await cancelTokenFromMail("sanne@example.org");
    await db().update(activities).set({ status: "cancelled" }).where(eq(activities.id, activityId));
    const page = await (await fetch(`${server.url}/aanmelding/${token}`)).text();
    expect(page).toContain(`/${town.slug}/activiteiten/${activityId}`);
  });

  it("still hides drafts", async () => {
    const draft = await activity({ status: "draft" });
    expect((await fetch(`${server.url}/${town.slug}/activiteiten/${draft}`)).status).toBe(404);
    const [n] = await db().select({ n: count() }).from(registrations).where(and(eq(registrations.activityId, draft)));
    expect(n!.n).toBe(0);
  });
});
