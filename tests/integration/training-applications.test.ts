/**
 * Applying for a course group and the course leader's intake and admission, over HTTP against
 * the real server: the age rule on the first course day (refusals write nothing), double opt-in,
 * the under-16 flow with the guardian's mail and consent page, withdrawal by applicant and
 * guardian, the expiry job, a duplicate application that reveals nothing, the decisions with their
 * mails, and who may see what.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteExpiredApplications } from "~/features/training/applications-jobs.server";
import { db } from "~/lib/db/client.server";
import { accounts, applications, cohorts, consentRecords, developmentPlans, enrolments, outboxEmails, personalDataAccessLog, sessions, users } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { bornForAge, createStaff, createTestCohort, insertApplication, municipalityId, pathIn, type TestCohort } from "../support/training-apply";

const database = useTestDatabase();
let server: TestServer;
let havenstadId: string;
let leader: { id: string; email: string };
let otherLeader: { id: string; email: string };
let cohort: TestCohort;
let addressCounter = 0;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url, env: { TRUST_PROXY: "1" } });
  havenstadId = await municipalityId("havenstad");
  leader = await createStaff(havenstadId, "course_leader");
  otherLeader = await createStaff(havenstadId, "course_leader");
  cohort = await createTestCohort({ municipalityId: havenstadId, courseLeaderIds: [leader.id] });
  // The other course leader teaches another cohort of the same municipality.
  await createTestCohort({ municipalityId: havenstadId, courseLeaderIds: [otherLeader.id] });
});

afterAll(async () => {
  await server?.stop();
});

function applyPath(c: TestCohort = cohort) {
  return `/havenstad/cursus/${c.id}/aanmelden`;
}

async function post(path: string, fields: Record<string, string>, cookie = "") {
  addressCounter += 1;
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: server.url,
      "x-forwarded-for": `198.51.100.${addressCounter % 250}`,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, html: await response.text(), location: response.headers.get("location") };
}

async function get(path: string, cookie = "") {
  const response = await fetch(`${server.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  return { status: response.status, html: await response.text() };
}

function form(overrides: Record<string, string> = {}, c: TestCohort = cohort): Record<string, string> {
  return {
    name: "Sem de Boer",
    email: `sem-${Math.random().toString(36).slice(2, 8)}@example.org`,
    dateOfBirth: bornForAge(18, c.startsOn),
    neighbourhoodId: "",
    motivation: "Ik wil kinderen in mijn wijk leren sporten.",
    talents: "Voetbal",
    interests: "",
    availability: "Woensdagmiddag",
    heardVia: "school",
    ...overrides,
  };
}

async function applicationCount(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(applications);
  return row!.n;
}

async function mails(to: string) {
  return db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, to)).orderBy(outboxEmails.createdAt);
}

async function lastMail(to: string, kind: string) {
  const found = (await mails(to)).filter((m) => m.kind === kind).at(-1);
  if (!found) throw new Error(`no ${kind} mail to ${to}`);
  return found;
}

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
}

async function cookieFor(email: string) {
  return (await sessionCookieFor(database.url, email)).header;
}

describe("the age rule on the first course day", () => {
  it("shows the form with who the course is for and what happens with the data", async () => {
    const page = await get(applyPath());
    expect(page.status).toBe(200);
    const body = text(page.html);
    expect(body).toContain("14 tot en met 27 jaar");
    expect(body).toContain("Wat gebeurt er met je gegevens?");
    expect(body).toContain("ouder of voogd");
  });

  it("refuses someone who turns 14 the day after the first course day, and writes nothing", async () => {
    const before = await applicationCount();
    const email = "te-jong@example.org";
    const response = await post(applyPath(), form({ email, dateOfBirth: bornForAge(14, cohort.startsOn, { turnsTomorrow: true }), guardianName: "Ouder", guardianEmail: "ouder-jong@example.org" }));
    expect(response.status).toBe(422);
    expect(text(response.html)).toContain("minstens 14 jaar");
    expect(await applicationCount()).toBe(before);
    expect(await mails(email)).toHaveLength(0);
  });

  it("refuses someone older than 27 on the first course day, and writes nothing", async () => {
    const before = await applicationCount();
    const response = await post(applyPath(), form({ dateOfBirth: bornForAge(28, cohort.startsOn) }));
    expect(response.status).toBe(422);
    expect(text(response.html)).toContain("hoogstens 27 jaar");
    expect(await applicationCount()).toBe(before);
  });

  it("does not show a cohort that is not published or whose application period has closed", async () => {
    const hidden = await createTestCohort({ municipalityId: havenstadId, published: false });
    const closed = await createTestCohort({ municipalityId: havenstadId, opensInDays: -20, closesInDays: -1 });
    expect((await get(applyPath(hidden))).status).toBe(404);
    expect((await get(applyPath(closed))).status).toBe(404);
    expect((await post(applyPath(closed), form({}, closed))).status).toBe(404);
    // Another municipality's address does not open Havenstad's cohort either.
    expect((await get(`/rivierendal/cursus/${cohort.id}/aanmelden`)).status).toBe(404);
  });
});

describe("an adult applies (double opt-in)", () => {
  it("stays pending until the address is confirmed by the button behind the link, then is submitted", async () => {
    const fields = form({ email: "volwassen@example.org" });
    const response = await post(applyPath(), fields);
    expect(response.status).toBe(200);
    expect(text(response.html)).toContain("Kijk in je mailbox");
    const [row] = await db().select().from(applications).where(eq(applications.email, "volwassen@example.org"));
    expect(row).toMatchObject({ status: "pending", needsGuardianConsent: false, ageOnStart: 18 });
    expect(row!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);

    const link = pathIn((await lastMail("volwassen@example.org", "application-confirm")).textBody, "/cursus-aanmelding/");
    // Opening the link changes nothing (mail scanners open links).
    const page = await get(link);
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain("Bevestig je e-mailadres");
    expect((await db().select().from(applications).where(eq(applications.id, row!.id)))[0]!.status).toBe("pending");

    const confirmed = await post(link, { intent: "confirm" });
    expect(confirmed.status).toBe(200);
    const [after] = await db().select().from(applications).where(eq(applications.id, row!.id));
    expect(after).toMatchObject({ status: "submitted", expiresAt: null });
    expect(after!.emailConfirmedAt).not.toBeNull();
    expect(await lastMail("volwassen@example.org", "application-submitted")).toBeTruthy();
    expect(text((await get(link)).html)).toContain("Je aanmelding is binnen");
  });

  it("answers a second application with the same address exactly like a new one, and mails the address instead", async () => {
    const email = "dubbel@example.org";
    const first = await post(applyPath(), form({ email }));
    const second = await post(applyPath(), form({ email, name: "Iemand Anders" }));
    const fresh = await post(applyPath(), form({ email: "nieuw-adres@example.org" }));
    expect(second.status).toBe(first.status);
    const received = (html: string) => text(/<div role="status">([\s\S]*?)<\/div>/.exec(html)![1]!).replace(/\S+@example\.org/, "ADDRESS");
    expect(received(second.html)).toBe(received(first.html));
    expect(received(second.html)).toBe(received(fresh.html));
    const rows = await db().select().from(applications).where(eq(applications.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe("Sem de Boer");
    const kinds = (await mails(email)).map((m) => m.kind);
    expect(kinds).toEqual(["application-confirm", "application-alreadyApplied"]);
    // The newest link works; the earlier one no longer does.
    const oldLink = pathIn((await lastMail(email, "application-confirm")).textBody, "/cursus-aanmelding/");
    const newLink = pathIn((await lastMail(email, "application-alreadyApplied")).textBody, "/cursus-aanmelding/");
    expect((await get(oldLink)).status).toBe(404);
    expect((await get(newLink)).status).toBe(200);
  });

  it("lets the applicant withdraw by the link; a withdrawn application keeps none of the free text", async () => {
    const email = "trekt-in@example.org";
    await post(applyPath(), form({ email }));
    const link = pathIn((await lastMail(email, "application-confirm")).textBody, "/cursus-aanmelding/");
    await post(link, { intent: "confirm" });
    const withdrawn = await post(link, { intent: "withdraw" });
    expect(withdrawn.status).toBe(200);
    const [row] = await db().select().from(applications).where(eq(applications.email, email));
    expect(row).toMatchObject({ status: "withdrawn", motivation: "", talents: "", availability: "" });
    expect(await lastMail(email, "application-withdrawn")).toBeTruthy();
    expect(await lastMail(leader.email, "application-leadersWithdrawn")).toBeTruthy();
    // Withdrawing again changes nothing; a made-up link is 404.
    expect((await post(link, { intent: "withdraw" })).status).toBe(200);
    expect((await get("/cursus-aanmelding/ditbestaatnietditbestaatniet")).status).toBe(404);
  });
});

describe("a 15-year-old applies (guardian consent)", () => {
  const email = "vijftien@example.org";
  const guardianEmail = "ouder-vijftien@example.org";
  let applicationId: string;
  let consentLink: string;

  it("needs a guardian's name and address, and writes nothing without them", async () => {
    const before = await applicationCount();
    const response = await post(applyPath(), form({ email, dateOfBirth: bornForAge(15, cohort.startsOn) }));
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain("jonger dan 16");
    expect(await applicationCount()).toBe(before);
  });

  it("asks the guardian only after the applicant confirmed, in the applicant's language, with the text version", async () => {
    const response = await post(applyPath(), form({ email, dateOfBirth: bornForAge(15, cohort.startsOn), guardianName: "Petra de Boer", guardianEmail }));
    expect(response.status).toBe(200);
    const [row] = await db().select().from(applications).where(eq(applications.email, email));
    applicationId = row!.id;
    expect(row).toMatchObject({ status: "pending", needsGuardianConsent: true, ageOnStart: 15, guardianEmail });
    expect(await mails(guardianEmail)).toHaveLength(0);

    const link = pathIn((await lastMail(email, "application-confirm")).textBody, "/cursus-aanmelding/");
    await post(link, { intent: "confirm" });
    expect((await db().select().from(applications).where(eq(applications.id, applicationId)))[0]!.status).toBe("pending");
    expect(text((await get(link)).html)).toContain("We wachten op toestemming van je ouder of voogd");

    const mail = await lastMail(guardianEmail, "application-guardianConsent");
    expect(mail.locale).toBe("nl");
    expect(mail.textBody).toContain("Wat we bewaren");
    expect(mail.textBody).toContain("Grondslag");
    expect(mail.textBody).toContain("14 dagen");
    expect(mail.textBody).toContain("guardian-course-application-2026-12");
    consentLink = pathIn(mail.textBody, "/toestemming/");
    const [consent] = await db().select().from(consentRecords).where(eq(consentRecords.subjectApplicationId, applicationId));
    expect(consent).toMatchObject({ status: "requested", givenBy: "guardian", giverEmail: guardianEmail, textVersion: "guardian-course-application-2026-12", purpose: "course_application", legalBasis: "consent" });
  });

  it("shows the course leader only that the application waits for consent, without personal data", async () => {
    const page = await get(`/beheer/havenstad/cohorten/${cohort.id}/aanmeldingen`, await cookieFor(leader.email));
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain("Wacht op toestemming van ouder of voogd");
    expect(page.html).not.toContain(email);
    expect(page.html).not.toContain(applicationId);
    expect((await get(`/beheer/havenstad/cohorten/${cohort.id}/aanmeldingen/${applicationId}`, await cookieFor(leader.email))).status).toBe(404);
  });

  it("submits the application when the guardian consents by the page behind the link", async () => {
    const page = await get(consentLink);
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain("guardian-course-application-2026-12");
    expect(text(page.html)).toContain("Wat we bewaren");
    // Opening the page answers nothing.
    expect((await db().select().from(consentRecords).where(eq(consentRecords.subjectApplicationId, applicationId)))[0]!.status).toBe("requested");
    const answered = await post(consentLink, { intent: "give" });
    expect(answered.status).toBe(200);
    const [consent] = await db().select().from(consentRecords).where(eq(consentRecords.subjectApplicationId, applicationId));
    expect(consent).toMatchObject({ status: "given", evidence: "email-link" });
    expect(consent!.answeredAt).not.toBeNull();
    expect((await db().select().from(applications).where(eq(applications.id, applicationId)))[0]!.status).toBe("submitted");
    // A second answer changes nothing.
    expect((await post(consentLink, { intent: "refuse" })).status).toBe(200);
    expect((await db().select().from(consentRecords).where(eq(consentRecords.subjectApplicationId, applicationId)))[0]!.status).toBe("given");
  });

  it("lets the guardian withdraw by the same link: processing stops, data minimised, course leaders told", async () => {
    const withdrawn = await post(consentLink, { intent: "withdraw" });
    expect(withdrawn.status).toBe(200);
    const [consent] = await db().select().from(consentRecords).where(eq(consentRecords.subjectApplicationId, applicationId));
    expect(consent!.status).toBe("withdrawn");
    const [row] = await db().select().from(applications).where(eq(applications.id, applicationId));
    expect(row).toMatchObject({ status: "withdrawn", motivation: "", talents: "", interests: "", availability: "", intakeNotes: "" });
    const notice = await lastMail(leader.email, "application-leadersConsentWithdrawn");
    expect(notice.textBody).toContain("Sem de Boer");
    expect(text((await get(consentLink)).html)).toContain("Je hebt je toestemming ingetrokken");
  });

  it("withdraws the application when the guardian refuses", async () => {
    const young = "veertien@example.org";
    const guardian = "ouder-veertien@example.org";
    await post(applyPath(), form({ email: young, dateOfBirth: bornForAge(14, cohort.startsOn), guardianName: "Ouder Veertien", guardianEmail: guardian }));
    await post(pathIn((await lastMail(young, "application-confirm")).textBody, "/cursus-aanmelding/"), { intent: "confirm" });
    const link = pathIn((await lastMail(guardian, "application-guardianConsent")).textBody, "/toestemming/");
    expect((await post(link, { intent: "refuse" })).status).toBe(200);
    const [row] = await db().select().from(applications).where(eq(applications.email, young));
    expect(row!.status).toBe("withdrawn");
  });
});

describe("an applicant who applies in English", () => {
  it("gets every mail in English, and so does the guardian", async () => {
    const email = "english15@example.org";
    const guardianEmail = "parent-english@example.org";
    addressCounter += 1;
    const response = await fetch(`${server.url}${applyPath()}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie: "buurtkracht_lang=en", "x-forwarded-for": `198.51.100.${addressCounter % 250}` },
      body: new URLSearchParams(form({ email, dateOfBirth: bornForAge(15, cohort.startsOn), guardianName: "Pat Parent", guardianEmail })),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Check your inbox");
    const confirm = await lastMail(email, "application-confirm");
    expect(confirm.locale).toBe("en");
    expect(confirm.subject).toContain("Confirm your application");
    // The guardian's language is the applicant's, whatever language the confirming browser uses.
    await post(pathIn(confirm.textBody, "/cursus-aanmelding/"), { intent: "confirm" });
    const guardianMail = await lastMail(guardianEmail, "application-guardianConsent");
    expect(guardianMail.locale).toBe("en");
    expect(guardianMail.textBody).toContain("What we keep");
    expect(guardianMail.textBody).toContain("Legal basis");
    const [consent] = await db().select().from(consentRecords).where(eq(consentRecords.giverEmail, guardianEmail));
    expect(consent!.locale).toBe("en");
    expect(await (await fetch(`${server.url}${pathIn(guardianMail.textBody, "/toestemming/")}`)).text()).toContain("What we keep");
  });
});

describe("the expiry job", () => {
  it("deletes pending applications past their 14 days with their consent records, and nothing else", async () => {
    const expired = await insertApplication({ cohort, status: "pending", guardian: { name: "Ouder", email: "ouder-verlopen@example.org" } });
    const fresh = await insertApplication({ cohort, status: "pending" });
    const submitted = await insertApplication({ cohort, status: "submitted" });
    await db().insert(consentRecords).values({
      municipalityId: havenstadId,
      purpose: "course_application",
      legalBasis: "consent",
      subjectApplicationId: expired.id,
      givenBy: "guardian",
      giverName: "Ouder",
      giverEmail: "ouder-verlopen@example.org",
      textVersion: "guardian-course-application-2026-12",
    });
    await db().update(applications).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(applications.id, expired.id));
    // A submitted application is never deleted by the job, whatever its expiry says.
    await db().update(applications).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(applications.id, submitted.id));

    expect(await deleteExpiredApplications()).toBeGreaterThanOrEqual(1);
    const left = (await db().select({ id: applications.id }).from(applications)).map((r) => r.id);
    expect(left).not.toContain(expired.id);
    expect(left).toContain(fresh.id);
    expect(left).toContain(submitted.id);
    expect(await db().select().from(consentRecords).where(eq(consentRecords.giverEmail, "ouder-verlopen@example.org"))).toHaveLength(0);
  });
});

describe("who sees a cohort's applications", () => {
  let applicationId: string;
  beforeAll(async () => {
    applicationId = (await insertApplication({ cohort, name: "Zichtbaar Voorbeeld", email: "zichtbaar@example.org" })).id;
  });

  it("shows the cohort's course leader the list and the application, and logs every view", async () => {
    const cookie = await cookieFor(leader.email);
    const list = await get(`/beheer/havenstad/cohorten/${cohort.id}/aanmeldingen`, cookie);
    expect(list.status).toBe(200);
    expect(list.html).toContain("Zichtbaar Voorbeeld");
    const before = await db().select().from(personalDataAccessLog).where(eq(personalDataAccessLog.subjectApplicationId, applicationId));
    const page = await get(`/beheer/havenstad/cohorten/${cohort.id}/aanmeldingen/${applicationId}`, cookie);
    expect(page.status).toBe(200);
    expect(page.html).toContain("zichtbaar@example.org");
    const after = await db().select().from(personalDataAccessLog).where(eq(personalDataAccessLog.subjectApplicationId, applicationId));
    expect(after.length - before.length).toBe(2);
    expect(after.map((r) => r.resource).sort()).toEqual(expect.arrayContaining(["application", "intake_notes"]));
    expect(after.every((r) => r.actorUserId === leader.id && r.actorRole === "course_leader" && r.action === "view")).toBe(true);
  });

  it("gives the project leader the same pages", async () => {
    const cookie = await cookieFor("projectleider@havenstad.example");
    expect((await get(`/beheer/havenstad/cohorten/${cohort.id}/aanmeldingen/${applicationId}`, cookie)).status).toBe(200);
  });

  it("answers 404 to a course leader of another cohort, a partner contact, a practice supervisor, the network coordinator and another municipality", async () => {
    const outsiders = [
      await cookieFor(otherLeader.email),
      await cookieFor("partner@havenstad.example"),
      await cookieFor("begeleider@havenstad.example"),
      await cookieFor("coordinator@buurtkracht.example"),
      await cookieFor("projectleider@rivierendal.example"),
    ];
    const before = await db().select().from(applications).where(eq(applications.id, applicationId));
    for (const cookie of outsiders) {
      for (const path of [`/beheer/havenstad/cohorten/${cohort.id}/aanmeldingen`, `/beheer/havenstad/cohorten/${cohort.id}/aanmeldingen/${applicationId}`]) {
        const page = await get(path, cookie);
        expect(page.status, path).toBe(404);
        expect(page.html).not.toContain("Zichtbaar Voorbeeld");
      }
      for (const intent of ["admit", "decline", "notes"]) {
        const response = await post(`/beheer/havenstad/cohorten/${cohort.id}/aanmeldingen/${applicationId}`, { intent, intakeNotes: "overgenomen" }, cookie);
        expect(response.status).toBe(404);
      }
      expect((await post(`/beheer/havenstad/cohorten/${cohort.id}/aanmeldingen`, { intent: "offer_place" }, cookie)).status).toBe(404);
    }
    expect(await db().select().from(applications).where(eq(applications.id, applicationId))).toEqual(before);
  });
});

describe("intake and decisions", () => {
  const path = (id: string, c: TestCohort = cohort) => `/beheer/havenstad/cohorten/${c.id}/aanmeldingen/${id}`;

  it("plans an intake (mailed to the applicant, in Amsterdam time) and keeps intake notes", async () => {
    const { id, email } = await insertApplication({ cohort, name: "Intake Kandidaat" });
    const cookie = await cookieFor(leader.email);
    const planned = await post(path(id), { intent: "plan_intake", date: cohort.startsOn, time: "19:30", location: "Buurthuis De Kade" }, cookie);
    expect(planned.status).toBe(302);
    const [row] = await db().select().from(applications).where(eq(applications.id, id));
    expect(row!.status).toBe("intake_planned");
    expect(row!.intakeLocation).toBe("Buurthuis De Kade");
    expect((await lastMail(email, "application-intakePlanned")).textBody).toContain("19:30");

    const saved = await post(path(id), { intent: "notes", intakeNotes: "Enthousiast, speelt zelf voetbal." }, cookie);
    expect(saved.status).toBe(302);
    expect((await db().select().from(applications).where(eq(applications.id, id)))[0]!.intakeNotes).toBe("Enthousiast, speelt zelf voetbal.");
    expect(text((await get(path(id), cookie)).html)).toContain("Enthousiast, speelt zelf voetbal.");

    const bad = await post(path(id), { intent: "plan_intake", date: "2027-02-30", time: "19:30", location: "X" }, cookie);
    expect(bad.status).toBe(400);
    expect(text(bad.html)).toContain("Vul een bestaande datum in");
  });

  it("admits: an account (verified address, no password), an enrolment, an empty development plan; mails applicant and guardian", async () => {
    const guardian = { name: "Ouder Toegelaten", email: "ouder-toegelaten@example.org" };
    const { id, email } = await insertApplication({ cohort, name: "Toegelaten Cursist", age: 15, guardian });
    const [before] = await db().select().from(cohorts).where(eq(cohorts.id, cohort.id));
    const response = await post(path(id), { intent: "admit" }, await cookieFor(leader.email));
    expect(response.status).toBe(302);
    const [row] = await db().select().from(applications).where(eq(applications.id, id));
    expect(row!.status).toBe("admitted");
    const [user] = await db().select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ emailVerified: true, name: "Toegelaten Cursist" });
    expect(row!.userId).toBe(user!.id);
    expect(await db().select().from(accounts).where(eq(accounts.userId, user!.id))).toHaveLength(0);
    const [enrolment] = await db().select().from(enrolments).where(eq(enrolments.applicationId, id));
    expect(enrolment).toMatchObject({ status: "active", userId: user!.id, cohortId: cohort.id });
    expect(await db().select().from(developmentPlans).where(eq(developmentPlans.enrolmentId, enrolment!.id))).toHaveLength(1);
    expect((await db().select().from(cohorts).where(eq(cohorts.id, cohort.id)))[0]!.admittedCount).toBe(before!.admittedCount + 1);
    expect(await lastMail(email, "application-admitted")).toBeTruthy();
    expect((await lastMail(guardian.email, "application-guardianAdmitted")).textBody).toContain("Toegelaten Cursist");
  });

  it("links an admission to the existing account with that address", async () => {
    const { id } = await insertApplication({ cohort, email: "bewoner@buurtkracht.example", name: "Sam Bewoner" });
    const [existing] = await db().select().from(users).where(eq(users.email, "bewoner@buurtkracht.example"));
    expect((await post(path(id), { intent: "admit" }, await cookieFor(leader.email))).status).toBe(302);
    const [row] = await db().select().from(applications).where(eq(applications.id, id));
    expect(row!.userId).toBe(existing!.id);
    expect(await db().select().from(users).where(eq(users.email, "bewoner@buurtkracht.example"))).toHaveLength(1);
  });

  it("takes an unconfirmed account with that address away from whoever set its password: verified, no password, no sessions", async () => {
    const email = "nooit-bevestigd@example.org";
    const squatter = "11111111-2222-4333-8444-555555555555";
    await db().insert(users).values({ id: squatter, name: "Iemand Anders", email, emailVerified: false });
    await db().insert(accounts).values({ id: "squatter-credential", accountId: squatter, providerId: "credential", userId: squatter, password: "hash" });
    await db().insert(sessions).values({ id: "squatter-session", token: "squatter-token", userId: squatter, expiresAt: new Date(Date.now() + 86_400_000) });
    const { id } = await insertApplication({ cohort, email, name: "Echte Eigenaar" });
    expect((await post(path(id), { intent: "admit" }, await cookieFor(leader.email))).status).toBe(302);
    const [user] = await db().select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ id: squatter, emailVerified: true });
    expect(await db().select().from(accounts).where(eq(accounts.userId, squatter))).toHaveLength(0);
    expect(await db().select().from(sessions).where(eq(sessions.userId, squatter))).toHaveLength(0);
  });

  it("puts on the waiting list and declines, each with a mail to the applicant and, under 16, the guardian", async () => {
    const cookie = await cookieFor(leader.email);
    const waiting = await insertApplication({ cohort, age: 15, name: "Wacht Jong", guardian: { name: "Ouder Wacht", email: "ouder-wacht@example.org" } });
    const declined = await insertApplication({ cohort, age: 15, name: "Niet Jong", guardian: { name: "Ouder Niet", email: "ouder-niet@example.org" } });
    expect((await post(path(waiting.id), { intent: "waitlist" }, cookie)).status).toBe(302);
    expect((await post(path(declined.id), { intent: "decline" }, cookie)).status).toBe(302);
    expect((await db().select().from(applications).where(eq(applications.id, waiting.id)))[0]!.status).toBe("waitlisted");
    expect((await db().select().from(applications).where(eq(applications.id, declined.id)))[0]!.status).toBe("declined");
    expect(await lastMail(waiting.email, "application-waitlisted")).toBeTruthy();
    expect(await lastMail(declined.email, "application-declined")).toBeTruthy();
    expect((await lastMail("ouder-wacht@example.org", "application-guardianWaitlisted")).textBody).toContain("Wacht Jong");
    expect((await lastMail("ouder-niet@example.org", "application-guardianDeclined")).textBody).toContain("Niet Jong");
    // The applicant's own page says where they are in line.
    expect(text((await get(`/cursus-aanmelding/${waiting.token}`)).html)).toMatch(/op de wachtlijst, op plaats \d+/);
    // A declined application keeps none of its free text.
    expect((await db().select().from(applications).where(eq(applications.id, declined.id)))[0]!.motivation).toBe("");
    // A decided application takes no second decision.
    const again = await post(path(declined.id), { intent: "admit" }, cookie);
    expect(again.status).toBe(400);
  });

  it("refuses admission into a full cohort, changes nothing, and offers the waiting list; a freed place goes to the first waiting", async () => {
    const small = await createTestCohort({ municipalityId: havenstadId, courseLeaderIds: [leader.id], maxSize: 1 });
    const cookie = await cookieFor(leader.email);
    const first = await insertApplication({ cohort: small, name: "Eerste Cursist" });
    const second = await insertApplication({ cohort: small, name: "Tweede Wachtende" });
    const third = await insertApplication({ cohort: small, name: "Derde Wachtende" });
    expect((await post(path(first.id, small), { intent: "admit" }, cookie)).status).toBe(302);
    const full = await post(path(second.id, small), { intent: "admit" }, cookie);
    expect(full.status).toBe(400);
    expect(text(full.html)).toContain("De cursusgroep is vol");
    expect((await db().select().from(applications).where(eq(applications.id, second.id)))[0]!.status).toBe("submitted");
    expect(await db().select().from(enrolments).where(eq(enrolments.applicationId, second.id))).toHaveLength(0);

    expect((await post(path(second.id, small), { intent: "waitlist" }, cookie)).status).toBe(302);
    expect((await post(path(third.id, small), { intent: "waitlist" }, cookie)).status).toBe(302);
    const list = `/beheer/havenstad/cohorten/${small.id}/aanmeldingen`;
    expect(text((await get(list, cookie)).html)).not.toContain("Er is een plaats vrij");

    expect((await post(path(first.id, small), { intent: "withdraw_trainee" }, cookie)).status).toBe(302);
    expect((await db().select().from(cohorts).where(eq(cohorts.id, small.id)))[0]!.admittedCount).toBe(0);
    expect((await db().select().from(enrolments).where(eq(enrolments.applicationId, first.id)))[0]!.status).toBe("withdrawn");
    expect(text((await get(list, cookie)).html)).toContain("De eerste op de wachtlijst is Tweede Wachtende");

    expect((await post(list, { intent: "offer_place" }, cookie)).status).toBe(302);
    expect((await db().select().from(applications).where(eq(applications.id, second.id)))[0]!.status).toBe("admitted");
    expect((await db().select().from(applications).where(eq(applications.id, third.id)))[0]!.status).toBe("waitlisted");
    expect((await db().select().from(cohorts).where(eq(cohorts.id, small.id)))[0]!.admittedCount).toBe(1);
    expect(await lastMail(second.email, "application-admitted")).toBeTruthy();
    // Full again: a second offer is refused.
    expect((await post(list, { intent: "offer_place" }, cookie)).status).toBe(400);
  });

  it("gives a place back when an admitted trainee withdraws by their own link", async () => {
    const small = await createTestCohort({ municipalityId: havenstadId, courseLeaderIds: [leader.id], maxSize: 2 });
    const trainee = await insertApplication({ cohort: small });
    expect((await post(path(trainee.id, small), { intent: "admit" }, await cookieFor(leader.email))).status).toBe(302);
    expect((await db().select().from(cohorts).where(eq(cohorts.id, small.id)))[0]!.admittedCount).toBe(1);
    expect((await post(`/cursus-aanmelding/${trainee.token}`, { intent: "withdraw" })).status).toBe(200);
    expect((await db().select().from(cohorts).where(eq(cohorts.id, small.id)))[0]!.admittedCount).toBe(0);
    const [enrolment] = await db().select().from(enrolments).where(and(eq(enrolments.applicationId, trainee.id)));
    expect(enrolment!.status).toBe("withdrawn");
  });
});
