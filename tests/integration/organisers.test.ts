/**
 * Residents organise, over HTTP against the real server with the demo data: a certified
 * Citytrainer who is not trusted plans (once and weekly, with a co-organiser), submits for review,
 * a coach asks for changes with a comment, the Citytrainer resubmits and a course leader approves
 * it into the public calendar; a trusted organiser publishes at once, and a project leader's mark
 * (and the municipality's setting) decides that at submission. Co-organisers see and message but
 * do not change or cancel; residents who may not organise, coaches who may not review and another
 * municipality's staff are refused; announcements are rate-limited across concurrent requests,
 * never show addresses, and hostile input writes nothing.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, activityCoOrganisers, activityMessages, municipalities, neighbourhoods, organisedActivities, outboxEmails, personalDataAccessLog, placements, registrations, users } from "~/lib/db/schema";
import { renderMailHtml } from "~/lib/mail-html";
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
const cookies: Record<string, string> = {};

const CHRIS = "citytrainer@buurtkracht.example";
const OSCAR = "organisator@buurtkracht.example";
// A trainee of the running course: no certificate and no team (the demo resident is a team member).
const RESIDENT = "cursist@buurtkracht.example";
const LEADER = "projectleider@havenstad.example";
const COURSE_LEADER = "cursusleider@havenstad.example";
const OTHER_LEADER = "projectleider@rivierendal.example";
const LOODS_SUPERVISOR = "begeleider@loods.havenstad.example";
const PARTNER = "partner@havenstad.example";
let havenstadId: string;
let rivierendalHood: string;
const ids: Record<string, string> = {};

const day = addDaysToLocalDate(utcToZonedLocal(new Date()).date, 10);
const plan = (extra: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  intent: "save",
  organiseAs: `self:${havenstadId}`,
  idea: "Een middag stoepkrijten op het plein.",
  goal: "Kinderen en ouders uit de straat leren elkaar kennen.",
  targetGroup: "Gezinnen uit Zuidrand",
  title: "Stoepkrijtmiddag",
  description: "Krijt is er.",
  category: "culture",
  neighbourhoodId: "",
  location: "Zuidrandplein",
  date: day,
  startTime: "14:00",
  endTime: "16:00",
  minAge: "",
  maxAge: "",
  capacity: "20",
  ...extra,
});

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  for (const email of [CHRIS, OSCAR, RESIDENT, LEADER, COURSE_LEADER, OTHER_LEADER, LOODS_SUPERVISOR, PARTNER]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
  const [havenstad] = await db().select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, "havenstad"));
  havenstadId = havenstad!.id;
  const [hood] = await db().select({ id: neighbourhoods.id }).from(neighbourhoods).innerJoin(municipalities, eq(municipalities.id, neighbourhoods.municipalityId)).where(eq(municipalities.slug, "rivierendal"));
  rivierendalHood = hood!.id;
  for (const row of await db().select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, [CHRIS, OSCAR, RESIDENT]))) ids[row.email] = row.id;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

function post(path: string, who: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) body.append(key, one);
  return fetch(`${server.url}${path}`, { method: "POST", headers: { cookie: cookies[who] ?? "", origin: server.url, "content-type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });
}
function get(path: string, who?: string) {
  return fetch(`${server.url}${path}`, { headers: who ? { cookie: cookies[who]! } : {}, redirect: "manual" });
}
async function plansOf(email: string) {
  return db()
    .select({ id: activities.id, status: activities.status, title: activities.title, seriesId: activities.seriesId, organiserName: activities.organiserName, changes: organisedActivities.changesRequested, direct: organisedActivities.publishedWithoutReviewAt })
    .from(organisedActivities)
    .innerJoin(activities, eq(activities.id, organisedActivities.activityId))
    .where(eq(organisedActivities.organiserUserId, ids[email]!));
}
async function statusOf(activityId: string) {
  const [row] = await db().select({ status: activities.status }).from(activities).where(eq(activities.id, activityId));
  return row?.status;
}
async function mails(kind: string, to?: string) {
  const [row] = await db().select({ n: count() }).from(outboxEmails).where(to ? and(eq(outboxEmails.kind, kind), eq(outboxEmails.toAddress, to)) : eq(outboxEmails.kind, kind));
  return row!.n;
}
const idFrom = (response: Response) => /\/mijn-activiteiten\/([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "")![1]!;
const review = (activityId: string, slug = "havenstad") => `/beheer/${slug}/organisatoren/activiteiten/${activityId}`;

describe("who may organise", () => {
  it("gives a resident without certificate or team a friendly page and refuses their plan", async () => {
    const list = await get("/mijn-activiteiten", RESIDENT);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain("Citytrainer word je door de cursus");
    expect((await get("/mijn-activiteiten/nieuw", RESIDENT)).status).toBe(200);
    const before = await db().select({ n: count() }).from(organisedActivities);
    const refused = await post("/mijn-activiteiten/nieuw", RESIDENT, plan());
    expect(refused.status).toBe(403);
    expect(await db().select({ n: count() }).from(organisedActivities)).toEqual(before);
    expect((await get("/mijn-activiteiten")).status).toBe(302);
  });

  it("lists the Citytrainer's demo activities by state, with the reviewer's comment", async () => {
    const html = await (await get("/mijn-activiteiten", CHRIS)).text();
    for (const heading of ["Aanpassen gevraagd", "Concepten", "Wacht op beoordeling", "Gepubliceerd, komt nog", "Geweest, nog niet geëvalueerd", "Afgelast"]) expect(html).toContain(heading);
    expect(html).toContain("Regel je nog toestemming");
    expect(html).toContain("je organiseert mee");
  });
});

describe("a plan from draft to the public calendar", () => {
  let activityId: string;

  it("refuses hostile and invalid plans with 400 and writes nothing", async () => {
    const before = (await plansOf(CHRIS)).length;
    const cases: Record<string, string | string[]>[] = [
      { title: "x".repeat(151) },
      { title: "" },
      { capacity: "-3" },
      { capacity: "9".repeat(40) },
      { endTime: "13:00" },
      { date: "2020-01-01" },
      { organiseAs: "team:00000000-0000-4000-8000-000000000000" },
      { organiseAs: `self:${rivierendalHood}` },
      { organiseAs: "'; drop table activities; --" },
      { neighbourhoodId: rivierendalHood },
      { coOrganisers: [ids[RESIDENT]!] },
      { coOrganisers: "../../etc/passwd" },
      { schedule: "weekly", weeks: "13" },
      { idea: "a\u0000b" },
    ];
    for (const extra of cases) {
      const response = await post("/mijn-activiteiten/nieuw", CHRIS, plan(extra));
      expect(response.status, JSON.stringify(extra)).toBe(400);
    }
    expect((await plansOf(CHRIS)).length).toBe(before);
  });

  it("saves a draft with a co-organiser, shown by first name, markup kept as text", async () => {
    const response = await post("/mijn-activiteiten/nieuw", CHRIS, plan({ title: "Stoepkrijt <b>middag</b>", coOrganisers: [ids[OSCAR]!] }));
    expect(response.status).toBe(302);
    activityId = idFrom(response);
    const [row] = (await plansOf(CHRIS)).filter((p) => p.id === activityId);
    expect(row).toMatchObject({ status: "draft", organiserName: "Chris", title: "Stoepkrijt <b>middag</b>" });
    expect(await db().select({ userId: activityCoOrganisers.userId }).from(activityCoOrganisers).where(eq(activityCoOrganisers.activityId, activityId))).toEqual([{ userId: ids[OSCAR] }]);
    const page = await (await get(`/mijn-activiteiten/${activityId}`, CHRIS)).text();
    expect(page).toContain("Stoepkrijt &lt;b&gt;middag&lt;/b&gt;");
    // Not public as a draft.
    expect((await get(`/havenstad/activiteiten/${activityId}`)).status).toBe(404);
  });

  it("plans a weekly series as dates that share a series", async () => {
    const response = await post("/mijn-activiteiten/nieuw", CHRIS, plan({ title: "Wekelijks krijten", schedule: "weekly", weeks: "3" }));
    expect(response.status).toBe(302);
    const series = (await plansOf(CHRIS)).filter((p) => p.title === "Wekelijks krijten");
    expect(series).toHaveLength(3);
    expect(new Set(series.map((p) => p.seriesId)).size).toBe(1);
    expect(series[0]!.seriesId).not.toBeNull();
  });

  it("submits for review (the setting says review), mails the project leader, and a double submit changes nothing", async () => {
    expect((await post(`/mijn-activiteiten/${activityId}`, CHRIS, { intent: "submit" })).status).toBe(302);
    expect(await statusOf(activityId)).toBe("in_review");
    const sent = await mails("organised-activity-submitted", LEADER);
    expect(sent).toBeGreaterThan(0);
    expect((await post(`/mijn-activiteiten/${activityId}`, CHRIS, { intent: "submit" })).status).toBe(302);
    expect(await mails("organised-activity-submitted", LEADER)).toBe(sent);
    // Edit only in draft.
    expect((await post(`/mijn-activiteiten/${activityId}`, CHRIS, plan({ title: "Anders" }))).status).toBe(400);
  });

  it("lets the co-organiser read along but not change, withdraw or cancel the plan", async () => {
    expect((await get(`/mijn-activiteiten/${activityId}`, OSCAR)).status).toBe(200);
    expect((await post(`/mijn-activiteiten/${activityId}`, OSCAR, plan({ title: "Gekaapt" }))).status).toBe(400);
    expect((await post(`/mijn-activiteiten/${activityId}`, OSCAR, { intent: "withdraw" })).status).toBe(400);
    expect((await post(`/mijn-activiteiten/${activityId}`, OSCAR, { intent: "cancel", confirm: "on" })).status).toBe(400);
    expect(await statusOf(activityId)).toBe("in_review");
    // Someone who is no organiser of it gets the same 404 as an unknown id.
    expect((await get(`/mijn-activiteiten/${activityId}`, RESIDENT)).status).toBe(404);
    expect((await get("/mijn-activiteiten/00000000-0000-4000-8000-000000000000", CHRIS)).status).toBe(404);
    expect((await get("/mijn-activiteiten/not-an-id", CHRIS)).status).toBe(404);
  });

  it("hides the review from coaches who may not review it and from other municipalities", async () => {
    for (const who of [LOODS_SUPERVISOR, PARTNER, OTHER_LEADER, CHRIS]) {
      expect((await get(review(activityId), who)).status, who).toBe(404);
      expect((await post(review(activityId), who, { intent: "approve" })).status, who).toBe(404);
    }
    expect((await get(review(activityId, "rivierendal"), OTHER_LEADER)).status).toBe(404);
    expect(await statusOf(activityId)).toBe("in_review");
    // Chris's own practice supervisor may review Chris's plans.
    const [placement] = await db().select({ supervisor: placements.supervisorUserId }).from(placements).where(eq(placements.traineeUserId, ids[CHRIS]!));
    const [supervisor] = await db().select({ email: users.email }).from(users).where(eq(users.id, placement!.supervisor!));
    cookies[supervisor!.email] ??= (await sessionCookieFor(database.url, supervisor!.email)).header;
    expect((await get(review(activityId), supervisor!.email)).status).toBe(200);
    // The queue shows it to the project leader, and the staff home counts it.
    expect(await (await get("/beheer/havenstad/organisatoren/beoordelen", LEADER)).text()).toContain("Stoepkrijt &lt;b&gt;middag&lt;/b&gt;");
    expect(await (await get("/beheer/havenstad", LEADER)).text()).toContain("Plannen van bewoners die op jou wachten");
  });

  it("asks for changes only with a comment; organiser and co-organiser are mailed and the organiser reads it", async () => {
    expect((await post(review(activityId), LEADER, { intent: "request_changes", comment: "   " })).status).toBe(400);
    expect(await statusOf(activityId)).toBe("in_review");
    expect((await post(review(activityId), LEADER, { intent: "request_changes", comment: "Zet er een <i>eindtijd</i> bij." })).status).toBe(302);
    expect(await statusOf(activityId)).toBe("draft");
    expect(await mails("organised-activity-changes-requested", CHRIS)).toBe(1);
    expect(await mails("organised-activity-changes-requested", OSCAR)).toBe(1);
    expect(await (await get(`/mijn-activiteiten/${activityId}`, CHRIS)).text()).toContain("Zet er een &lt;i&gt;eindtijd&lt;/i&gt; bij.");
  });

  it("takes the changed plan back to review, and a course leader approves it into the public calendar once", async () => {
    expect((await post(`/mijn-activiteiten/${activityId}`, CHRIS, plan({ title: "Stoepkrijtmiddag", coOrganisers: [ids[OSCAR]!] }))).status).toBe(302);
    expect((await post(`/mijn-activiteiten/${activityId}`, CHRIS, { intent: "submit" })).status).toBe(302);
    const [first, second] = await Promise.all([post(review(activityId), COURSE_LEADER, { intent: "approve" }), post(review(activityId), COURSE_LEADER, { intent: "approve" })]);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(await statusOf(activityId)).toBe("published");
    expect(await mails("organised-activity-approved", CHRIS)).toBe(1);
    const publicPage = await get(`/havenstad/activiteiten/${activityId}`);
    expect(publicPage.status).toBe(200);
    const html = await publicPage.text();
    expect(html).toContain("Stoepkrijtmiddag");
    expect(html).toContain("Chris");
    expect(html).not.toContain("Citytrainer</");
  });

  it("withdraws from review and cancels for the organiser", async () => {
    const response = await post("/mijn-activiteiten/nieuw", CHRIS, plan({ title: "Terugtrekken" }));
    const id = idFrom(response);
    expect((await post(`/mijn-activiteiten/${id}`, CHRIS, { intent: "submit" })).status).toBe(302);
    expect((await post(`/mijn-activiteiten/${id}`, CHRIS, { intent: "withdraw" })).status).toBe(302);
    expect(await statusOf(id)).toBe("draft");
    expect((await post(`/mijn-activiteiten/${id}`, CHRIS, { intent: "cancel" })).status).toBe(400);
    expect((await post(`/mijn-activiteiten/${id}`, CHRIS, { intent: "cancel", confirm: "on" })).status).toBe(302);
    expect(await statusOf(id)).toBe("cancelled");
  });
});

describe("trusted organisers", () => {
  it("publishes a trusted organiser's plan at once", async () => {
    const response = await post("/mijn-activiteiten/nieuw", OSCAR, plan({ organiseAs: `self:${havenstadId}`, title: "Meteen in de agenda" }));
    const id = idFrom(response);
    const submitted = await post(`/mijn-activiteiten/${id}`, OSCAR, { intent: "submit" });
    expect(submitted.headers.get("location")).toContain("melding=gepubliceerd");
    const [row] = (await plansOf(OSCAR)).filter((p) => p.id === id);
    expect(row!.status).toBe("published");
    expect(row!.direct).not.toBeNull();
    expect((await get(`/havenstad/activiteiten/${id}`)).status).toBe(200);
  });

  it("lets only the project leader mark trust, decided again at each submission", async () => {
    const list = await (await get("/beheer/havenstad/organisatoren", LEADER)).text();
    expect(list).toContain("Oscar Organisator");
    expect(list).toContain("apart ingesteld");
    expect((await get("/beheer/havenstad/organisatoren", COURSE_LEADER)).status).toBe(200);
    // De Loods' supervisor coached Oscar, not Chris: the list shows only Oscar.
    const supervised = await (await get("/beheer/havenstad/organisatoren", LOODS_SUPERVISOR)).text();
    expect(supervised).toContain("Oscar Organisator");
    expect(supervised).not.toContain("Chris Citytrainer");
    expect((await post("/beheer/havenstad/organisatoren", COURSE_LEADER, { userId: ids[OSCAR]!, trust: "not_trusted" })).status).toBe(404);
    expect((await post("/beheer/havenstad/organisatoren", LEADER, { userId: ids[RESIDENT]!, trust: "trusted" })).status).toBe(400);
    expect((await post("/beheer/havenstad/organisatoren", LEADER, { userId: ids[OSCAR]!, trust: "not_trusted" })).status).toBe(302);
    const id = idFrom(await post("/mijn-activiteiten/nieuw", OSCAR, plan({ title: "Nu met beoordeling" })));
    expect((await post(`/mijn-activiteiten/${id}`, OSCAR, { intent: "submit" })).status).toBe(302);
    expect(await statusOf(id)).toBe("in_review");
    // Back to the setting, and the setting switched on: Chris (no mark of his own) publishes directly.
    expect((await post("/beheer/havenstad/organisatoren", LEADER, { userId: ids[OSCAR]!, trust: "setting" })).status).toBe(302);
    const saved = await post("/beheer/havenstad/instellingen", LEADER, { intent: "programme", handoverAnswerDays: "10", placementQuietDays: "28", certifiedPublishDirectly: "on" });
    expect(saved.status).toBe(302);
    const chrisPlan = idFrom(await post("/mijn-activiteiten/nieuw", CHRIS, plan({ title: "Met de instelling aan" })));
    expect((await post(`/mijn-activiteiten/${chrisPlan}`, CHRIS, { intent: "submit" })).status).toBe(302);
    expect(await statusOf(chrisPlan)).toBe("published");
    await post("/beheer/havenstad/instellingen", LEADER, { intent: "programme", handoverAnswerDays: "10", placementQuietDays: "28" });
  });

  it("logs staff views of an organiser under 16, not of older ones", async () => {
    const logged = async () =>
      (await db().select({ n: count() }).from(personalDataAccessLog).where(and(eq(personalDataAccessLog.resource, "organised_activity"), eq(personalDataAccessLog.subjectUserId, ids[OSCAR]!))))[0]!.n;
    const [inReview] = (await plansOf(OSCAR)).filter((p) => p.title === "Nu met beoordeling");
    // Oscar is 17: his plans are read without a log row.
    expect((await get(review(inReview!.id), LEADER)).status).toBe(200);
    expect(await logged()).toBe(0);
    // Make him 15 (his course application's date of birth): now every view is logged.
    const fifteen = `${new Date().getUTCFullYear() - 15}-01-01`;
    await db().execute(sql`update applications set date_of_birth = ${fifteen} where id in (select application_id from enrolments where user_id = ${ids[OSCAR]!})`);
    expect((await get(review(inReview!.id), LEADER)).status).toBe(200);
    expect((await get("/beheer/havenstad/organisatoren", LEADER)).status).toBe(200);
    expect(await logged()).toBe(2);
  });
});

describe("announcements and check-in", () => {
  let partyId: string;
  let pastId: string;

  beforeAll(async () => {
    const [party] = await db().select({ id: activities.id }).from(activities).where(eq(activities.title, "Buurtfeest op het Havenplein"));
    partyId = party!.id;
    const [past] = await db().select({ id: activities.id }).from(activities).where(eq(activities.title, "Sportochtend voor de hele straat"));
    pastId = past!.id;
  });

  it("refuses hostile messages and anyone who does not organise the activity", async () => {
    const path = `/mijn-activiteiten/${partyId}/bericht`;
    for (const fields of [{ subject: "x".repeat(121), body: "b" }, { subject: "s", body: "x".repeat(2001) }, { subject: "a\nBcc: x@example.org", body: "b" }, { subject: "", body: "b" }]) {
      expect((await post(path, OSCAR, fields)).status, JSON.stringify(fields).slice(0, 40)).toBe(400);
    }
    expect((await post(path, RESIDENT, { subject: "s", body: "b" })).status).toBe(404);
    expect((await get(path, LEADER)).status).toBe(404);
    const [sent] = await db().select({ n: count() }).from(activityMessages).where(eq(activityMessages.activityId, partyId));
    expect(sent!.n).toBe(0);
  });

  it("sends to every confirmed participant without showing an address, escaped in the HTML mail", async () => {
    const path = `/mijn-activiteiten/${partyId}/bericht`;
    const response = await post(path, CHRIS, { subject: "Andere <b>plek</b>", body: "We staan bij de fontein.\n<script>alert(1)</script>" });
    expect(response.status).toBe(302);
    const people = await db().select({ email: registrations.email }).from(registrations).where(and(eq(registrations.activityId, partyId), eq(registrations.status, "confirmed")));
    const outbox = await db().select({ to: outboxEmails.toAddress, subject: outboxEmails.subject, text: outboxEmails.textBody, locale: outboxEmails.locale }).from(outboxEmails).where(eq(outboxEmails.kind, "organised-activity-announcement"));
    expect(new Set(outbox.map((m) => m.to))).toEqual(new Set(people.map((p) => p.email)));
    const html = renderMailHtml({ subject: outbox[0]!.subject, text: outbox[0]!.text, locale: outbox[0]!.locale as "nl" }, server.url);
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;");
    const page = await (await get(`${path}?verstuurd=${people.length}`, OSCAR)).text();
    expect(page).toContain("Andere &lt;b&gt;plek&lt;/b&gt;");
    for (const person of people) expect(page).not.toContain(person.email!);
    expect(await (await get(`/mijn-activiteiten/${partyId}`, OSCAR)).text()).not.toContain("@voorbeeld.example");
  });

  it("allows three announcements per activity per day, also when requests race", async () => {
    const path = `/mijn-activiteiten/${partyId}/bericht`;
    const results = await Promise.all([1, 2, 3].map((n) => post(path, n % 2 ? OSCAR : CHRIS, { subject: `Bericht ${n}`, body: "Tot zo!" })));
    expect(results.map((r) => r.status).sort()).toEqual([302, 302, 429]);
    const [sent] = await db().select({ n: count() }).from(activityMessages).where(eq(activityMessages.activityId, partyId));
    expect(sent!.n).toBe(3);
  });

  it("lets the organiser check people in and add a walk-in, and nobody else", async () => {
    const path = `/mijn-activiteiten/${pastId}/aanwezig`;
    const page = await get(path, CHRIS);
    expect(page.status).toBe(200);
    const [person] = await db().select({ id: registrations.id }).from(registrations).where(and(eq(registrations.activityId, pastId), eq(registrations.status, "confirmed")));
    expect((await post(path, CHRIS, { registrationId: person!.id, attendance: "no_show" })).status).toBe(302);
    const [marked] = await db().select({ attendance: registrations.attendance }).from(registrations).where(eq(registrations.id, person!.id));
    expect(marked!.attendance).toBe("no_show");
    expect((await post(path, CHRIS, { intent: "walkIn", name: "Binnenloper <img src=x>", ageGroup: "27_66", email: "" })).status).toBe(302);
    expect((await post(path, OSCAR, { registrationId: person!.id, attendance: "attended" })).status).toBe(404);
    expect((await post(path, CHRIS, { intent: "walkIn", name: "", ageGroup: "x" })).status).toBe(400);
  });
});
