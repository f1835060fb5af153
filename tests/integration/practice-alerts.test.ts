/**
 * The practice alerts and their mails (alerts.server.ts, alerts-jobs.server.ts) on real
 * PostgreSQL, with real time arithmetic: the job is run at chosen moments instead of waiting. A
 * proposal shared 11 days ago is alerted and mailed once, 9 days is not; a quiet placement mails
 * its supervisor and the project leader once, and once more after new hours and another quiet
 * spell; the municipality's settings move the limits; a supervisor at another partner hears nothing.
 */
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import type { Actor } from "~/features/authorization/policy";
import { alertsFor, listPracticeAlerts, readAlertSettings } from "~/features/practice/alerts.server";
import { ANSWER_OVERDUE_MAIL_KIND, PLACEMENT_QUIET_MAIL_KIND } from "~/features/practice/alerts-emails.server";
import { sendPracticeAlerts } from "~/features/practice/alerts-jobs.server";
import { db } from "~/lib/db/client.server";
import { outboxEmails, placements, programmeSettings } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { createCourseFixture, createCourseUser } from "../support/training-course";
import { addHours, createMunicipality, createPartner, createPlacement, createStaffUser, daysAgo } from "../support/practice-pipeline";

useTestDatabase();

const DAY = 86_400_000;
let municipalityId: MunicipalityId;
let otherMunicipalityId: MunicipalityId;
let leaderId: string;
let supervisorA: string;
let supervisorB: string;
let partnerA: string;
let partnerB: string;
let trainees: { id: string; userId: string; email: string }[];
const placementIds: Record<string, string> = {};

async function mailsOf(kind: string, to?: string) {
  const rows = await db().select().from(outboxEmails).where(eq(outboxEmails.kind, kind));
  return to ? rows.filter((r) => r.toAddress === to) : rows;
}

beforeAll(async () => {
  municipalityId = (await createMunicipality("signaalstad", "Signaalstad")) as MunicipalityId;
  otherMunicipalityId = (await createMunicipality("anderstad", "Anderstad")) as MunicipalityId;
  leaderId = await createCourseUser("projectleider@signaalstad.example", { name: "Pien Projectleider", role: "project_leader", municipalitySlug: "signaalstad" });
  await createCourseUser("projectleider@anderstad.example", { name: "Otto Anderstad", role: "project_leader", municipalitySlug: "anderstad" });
  partnerA = await createPartner(municipalityId, "Voetbalclub Noord");
  partnerB = await createPartner(municipalityId, "Dansschool Zuid");
  supervisorA = await createStaffUser("begeleider-a@signaalstad.example", "Bram Begeleider", "practice_supervisor", municipalityId, partnerA);
  supervisorB = await createStaffUser("begeleider-b@signaalstad.example", "Bea Begeleider", "practice_supervisor", municipalityId, partnerB);
  const course = await createCourseFixture({
    municipalitySlug: "signaalstad",
    courseLeaderIds: [],
    trainees: ["elf", "negen", "toestemming", "stil", "druk"].map((n) => ({ email: `${n}@signaalstad.example`, name: `Cursist ${n}` })),
  });
  trainees = course.enrolments;
  const [elf, negen, toestemming, stil, druk] = trainees;
  placementIds.elf = await createPlacement({ municipalityId, enrolment: elf!, partnerId: partnerA, supervisorUserId: supervisorA, status: "proposed", proposedAt: daysAgo(12), sharedAt: daysAgo(11) });
  placementIds.negen = await createPlacement({ municipalityId, enrolment: negen!, partnerId: partnerA, supervisorUserId: supervisorA, status: "proposed", proposedAt: daysAgo(9), sharedAt: daysAgo(9) });
  placementIds.toestemming = await createPlacement({ municipalityId, enrolment: toestemming!, partnerId: partnerA, supervisorUserId: supervisorA, status: "proposed", proposedAt: daysAgo(11), sharedAt: null });
  placementIds.stil = await createPlacement({ municipalityId, enrolment: stil!, partnerId: partnerA, supervisorUserId: supervisorA, status: "active", startedAt: daysAgo(40) });
  // Logged long ago, but signed off 20 days ago: the latest moment counts, so not quiet.
  placementIds.druk = await createPlacement({ municipalityId, enrolment: druk!, partnerId: partnerB, supervisorUserId: supervisorB, status: "active", startedAt: daysAgo(60) });
  await addHours({ id: placementIds.druk, municipalityId, traineeUserId: druk!.userId }, { hours: 2, createdAt: daysAgo(35), signedOffAt: daysAgo(20) });
  await addHours({ id: placementIds.stil, municipalityId, traineeUserId: stil!.userId }, { hours: 2, createdAt: daysAgo(39), signedOffAt: daysAgo(38) });
});

describe("the alerts", () => {
  it("uses the defaults without a settings row", async () => {
    expect(await readAlertSettings(municipalityId)).toEqual({ handoverAnswerDays: 10, placementQuietDays: 28 });
  });

  it("lists an unanswered proposal after 10 days, a proposal waiting for consent, and a quiet placement", async () => {
    const alerts = await listPracticeAlerts(municipalityId);
    const byPlacement = Object.fromEntries(alerts.map((a) => [a.placementId, a]));
    expect(byPlacement[placementIds.elf!]).toMatchObject({ kind: "answer_overdue", days: 11, limitDays: 10, traineeName: "Cursist elf", partnerName: "Voetbalclub Noord" });
    expect(byPlacement[placementIds.toestemming!]).toMatchObject({ kind: "awaiting_consent", days: 11 });
    expect(byPlacement[placementIds.stil!]).toMatchObject({ kind: "placement_quiet", days: 38, limitDays: 28, supervisorUserId: supervisorA });
    expect(byPlacement[placementIds.negen!]).toBeUndefined();
    expect(byPlacement[placementIds.druk!]).toBeUndefined();
    expect(await listPracticeAlerts(otherMunicipalityId)).toEqual([]);
  });

  it("shows the project leader every alert and a supervisor only their own quiet placements", async () => {
    const alerts = await listPracticeAlerts(municipalityId);
    const actor = (userId: string, role: "project_leader" | "practice_supervisor", partner: string | null = null): Actor => ({
      userId,
      memberships: [{ role, municipalityId, partnerOrganisationId: partner }],
    });
    expect(alertsFor(actor(leaderId, "project_leader"), municipalityId, alerts)).toHaveLength(3);
    expect(alertsFor(actor(supervisorA, "practice_supervisor", partnerA), municipalityId, alerts).map((a) => a.placementId)).toEqual([placementIds.stil]);
    expect(alertsFor(actor(supervisorB, "practice_supervisor", partnerB), municipalityId, alerts)).toEqual([]);
    expect(alertsFor(actor(leaderId, "project_leader"), otherMunicipalityId, alerts)).toEqual([]);
  });
});

describe("the alert mails", () => {
  it("mails an unanswered proposal to the project leader once, and a quiet placement to its supervisor and the project leader once", async () => {
    const now = new Date();
    const first = await sendPracticeAlerts(now);
    expect(first).toEqual({ answerOverdue: 1, placementQuiet: 2 });
    const overdue = await mailsOf(ANSWER_OVERDUE_MAIL_KIND);
    expect(overdue.map((m) => m.toAddress)).toEqual(["projectleider@signaalstad.example"]);
    expect(overdue[0]!.textBody).toContain("Cursist elf");
    expect(overdue[0]!.textBody).toContain(`/beheer/signaalstad/praktijk/${placementIds.elf}`);
    const quiet = await mailsOf(PLACEMENT_QUIET_MAIL_KIND);
    expect(quiet.map((m) => m.toAddress).sort()).toEqual(["begeleider-a@signaalstad.example", "projectleider@signaalstad.example"]);
    expect(quiet.every((m) => m.textBody.includes("Cursist stil"))).toBe(true);

    const [marked] = await db().select().from(placements).where(eq(placements.id, placementIds.elf!));
    expect(marked!.answerOverdueMailedAt?.getTime()).toBe(now.getTime());
    const [unmarked] = await db().select().from(placements).where(eq(placements.id, placementIds.negen!));
    expect(unmarked!.answerOverdueMailedAt).toBeNull();

    expect(await sendPracticeAlerts(new Date(now.getTime() + 60_000))).toEqual({ answerOverdue: 0, placementQuiet: 0 });
    expect(await mailsOf(ANSWER_OVERDUE_MAIL_KIND)).toHaveLength(1);
    expect(await mailsOf(PLACEMENT_QUIET_MAIL_KIND)).toHaveLength(2);
  });

  it("never mails the supervisor of another partner, nor a proposal waiting for consent", async () => {
    expect(await mailsOf(PLACEMENT_QUIET_MAIL_KIND, "begeleider-b@signaalstad.example")).toEqual([]);
    expect(await mailsOf(ANSWER_OVERDUE_MAIL_KIND, "begeleider-b@signaalstad.example")).toEqual([]);
    expect((await mailsOf(ANSWER_OVERDUE_MAIL_KIND)).some((m) => m.textBody.includes("Cursist toestemming"))).toBe(false);
    expect((await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, "projectleider@anderstad.example")))).toEqual([]);
  });

  it("mails the 9-day proposal the day it passes 10 days, once", async () => {
    const later = new Date(Date.now() + 1.5 * DAY);
    expect(await sendPracticeAlerts(later)).toMatchObject({ answerOverdue: 1 });
    const overdue = await mailsOf(ANSWER_OVERDUE_MAIL_KIND);
    expect(overdue.filter((m) => m.textBody.includes("Cursist negen"))).toHaveLength(1);
    expect(await sendPracticeAlerts(later)).toMatchObject({ answerOverdue: 0 });
  });

  it("mails a quiet placement again after new hours and another quiet spell, and not before", async () => {
    const [stil] = trainees.filter((t) => t.email.startsWith("stil"));
    const loggedAt = new Date();
    const stilMails = async () => (await mailsOf(PLACEMENT_QUIET_MAIL_KIND)).filter((m) => m.textBody.includes("Cursist stil"));
    await addHours({ id: placementIds.stil!, municipalityId, traineeUserId: stil!.userId }, { hours: 1.5, createdAt: loggedAt });
    await sendPracticeAlerts(new Date(loggedAt.getTime() + 27 * DAY));
    expect(await stilMails()).toHaveLength(2);
    expect((await listPracticeAlerts(municipalityId, new Date(loggedAt.getTime() + 27 * DAY))).some((a) => a.placementId === placementIds.stil)).toBe(false);
    const spell = new Date(loggedAt.getTime() + 29 * DAY);
    await sendPracticeAlerts(spell);
    await sendPracticeAlerts(spell);
    const quiet = await stilMails();
    expect(quiet).toHaveLength(4);
    expect(quiet.filter((m) => m.toAddress === "begeleider-a@signaalstad.example")).toHaveLength(2);
  });

  it("respects the municipality's settings", async () => {
    // A row with a shorter answer time and a longer quiet time.
    await db().insert(programmeSettings).values({ municipalityId, handoverAnswerDays: 5, placementQuietDays: 60 });
    expect(await readAlertSettings(municipalityId)).toEqual({ handoverAnswerDays: 5, placementQuietDays: 60 });
    const [trainee] = (await createCourseFixture({ municipalitySlug: "signaalstad", courseLeaderIds: [], trainees: [{ email: "zes@signaalstad.example", name: "Cursist zes" }] })).enrolments;
    const six = await createPlacement({ municipalityId, enrolment: trainee!, partnerId: partnerB, supervisorUserId: supervisorB, status: "proposed", proposedAt: daysAgo(6), sharedAt: daysAgo(6) });
    const alerts = await listPracticeAlerts(municipalityId);
    expect(alerts.find((a) => a.placementId === six)).toMatchObject({ kind: "answer_overdue", limitDays: 5, days: 6 });
    // 38 days quiet is no longer quiet enough at 60 days.
    expect(alerts.some((a) => a.kind === "placement_quiet")).toBe(false);
    expect(await sendPracticeAlerts()).toEqual({ answerOverdue: 1, placementQuiet: 0 });
    const mailed = await db().select().from(placements).where(and(eq(placements.municipalityId, municipalityId), inArray(placements.id, [six])));
    expect(mailed[0]!.answerOverdueMailedAt).not.toBeNull();
  });

  it("mails once when two instances run the job at the same moment", async () => {
    const [trainee] = (await createCourseFixture({ municipalitySlug: "signaalstad", courseLeaderIds: [], trainees: [{ email: "tweeling@signaalstad.example", name: "Cursist tweeling" }] })).enrolments;
    await createPlacement({ municipalityId, enrolment: trainee!, partnerId: partnerA, supervisorUserId: supervisorA, status: "proposed", proposedAt: daysAgo(8), sharedAt: daysAgo(7) });
    const now = new Date();
    const runs = await Promise.all([sendPracticeAlerts(now), sendPracticeAlerts(now), sendPracticeAlerts(now)]);
    expect(runs.reduce((sum, run) => sum + run.answerOverdue, 0)).toBe(1);
    expect((await mailsOf(ANSWER_OVERDUE_MAIL_KIND)).filter((m) => m.textBody.includes("Cursist tweeling"))).toHaveLength(1);
  });
});
