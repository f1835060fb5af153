/**
 * Demo data for the practice path (issue 8): a course group that finished in the spring
 * ("Groep Zuidoever", on Havenstad's "Ik train mijn stad") whose trainees are now at every step
 * from warm handover to Citytrainer — proposals waiting for consent, for the supervisor and past
 * the answer time, placements with hours signed off, waiting, returned and (for the 14-year-old
 * demo trainee) outside the allowed times, a stalled placement, practice activities in review,
 * published and evaluated, final reports in every state, a planned ceremony and a past one. The
 * Citytrainer certificates themselves are issued by seed-certificates.server.ts for the placements
 * this returns. Every date follows the day of seeding in Europe/Amsterdam; every row is one the
 * journey (app/features/practice/journey.ts) can reach. Written in batched inserts inside the
 * demo seed's transaction; the texts are in seed-practice-content.ts.
 */
import { createHash, randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Transaction } from "~/lib/db/client.server";
import {
  activities,
  applications,
  assessmentMoments,
  assessments,
  ceremonies,
  certificates,
  coachingNotes,
  cohortCourseLeaders,
  cohorts,
  cohortSessions,
  consentRecords,
  developmentPlans,
  enrolments,
  finalPresentations,
  finalReports,
  learningGoals,
  municipalities,
  neighbourhoods,
  partnerOrganisations,
  personalDataAccessLog,
  placements,
  practiceActivities,
  practiceHours,
  registrations,
  sessionAttendance,
  trackCompetences,
  trackModules,
  users,
  type AgeGroup,
  type HourKind,
  type HourStatus,
} from "~/lib/db/schema";
import { addDaysToLocalDate, zonedLocalToUtc } from "~/lib/time";
import { checkYouthHours } from "~/features/practice/hours-guard";
import { requestConsent } from "~/features/privacy/consent.server";
import { queueHandoverEmail } from "~/features/practice/handover-emails.server";
import { loadMailPlacement } from "~/features/practice/handover-writes.server";
import { ageOn } from "~/features/training/age";
import {
  birthDateFor,
  DEMO_GUARDIAN_CONSENT_TEXT,
  demoHash,
  GUARDIAN_FIRST_NAMES,
  localDateOf,
  scheduleFrom,
  sessionRows,
  verificationCode,
  weekday,
} from "./seed-training.server";
import { NARRATIVES, TRACKS } from "./seed-training-content";
import {
  ACTIVITY_HOURS,
  ACTIVITY_PREPARATION,
  CULTURE_CENTRE,
  DECLINE_REASON,
  HOUR_DESCRIPTIONS,
  LOODS_SUPERVISOR,
  MINOR_OUT_OF_HOURS,
  PAST_CEREMONY,
  PLANNED_CEREMONY,
  PRACTICE_TRAINEES,
  RETURNED_COMMENT,
  REVOCATION_REASON,
  SPORT_CLUB,
  SPRING_COHORT,
  type DemoPracticeActivity,
  type PracticeStage,
} from "./seed-practice-content";

/**
 * The consent texts for sharing at the warm handover, by key (app/features/privacy/consent-texts.ts,
 * CURRENT_HANDOVER_SHARING_TEXT): the trainee's own from 16, a guardian's below.
 */
export const HANDOVER_CONSENT_TEXTS = { self: "trainee-handover-sharing-2026-12", guardian: "guardian-handover-sharing-2026-12" } as const;

/** Placements for the certificate seed: `certify` meet every requirement; `revoke` are revoked after issuing. */
export interface DemoPracticeResult {
  certify: string[];
  revoke: { placementId: string; reason: string }[];
}

const DAY = 86_400_000;
/** Days before seeding the spring course group started (early in spring for a seeding in December). */
const SPRING_STARTED_DAYS_AGO = 245;

/**
 * Per stage: days ago the placement was proposed (and started, when it is active), the number of
 * weekly entries signed off and how many days ago the last of them was, and the day the trainee's
 * own activity takes place (negative: past). Trainees who reached the target keep practising, so
 * only the one stalled placement is quiet for longer than four weeks.
 */
const TIMELINE: Record<PracticeStage, { proposed: number; started: number | null; signedOff: number; activityDay: number | null; lastSignedOff: number }> = {
  certified: { proposed: 178, started: 168, signedOff: 16, activityDay: -95, lastSignedOff: 10 },
  ready: { proposed: 150, started: 140, signedOff: 14, activityDay: -60, lastSignedOff: 10 },
  report_submitted: { proposed: 138, started: 130, signedOff: 12, activityDay: -40, lastSignedOff: 12 },
  activity_published: { proposed: 118, started: 110, signedOff: 6, activityDay: 9, lastSignedOff: 15 },
  minor_in_review: { proposed: 95, started: 85, signedOff: 6, activityDay: 18, lastSignedOff: 14 },
  returned: { proposed: 108, started: 100, signedOff: 5, activityDay: 25, lastSignedOff: 28 },
  stalled: { proposed: 128, started: 120, signedOff: 4, activityDay: null, lastSignedOff: 33 },
  awaiting_supervisor: { proposed: 4, started: null, signedOff: 0, activityDay: null, lastSignedOff: 0 },
  overdue: { proposed: 13, started: null, signedOff: 0, activityDay: null, lastSignedOff: 0 },
  awaiting_guardian: { proposed: 2, started: null, signedOff: 0, activityDay: null, lastSignedOff: 0 },
  awaiting_self: { proposed: 1, started: null, signedOff: 0, activityDay: null, lastSignedOff: 0 },
};

const ACTIVE_STAGES: ReadonlySet<PracticeStage> = new Set(["certified", "ready", "report_submitted", "activity_published", "minor_in_review", "returned", "stalled"]);

/** The local weekday slot each partner practises in: ISO weekday, start, end. */
const SLOTS = {
  [SPORT_CLUB]: { day: 3, start: "15:30", end: "17:30" },
  [CULTURE_CENTRE]: { day: 4, start: "16:00", end: "18:00" },
} as const;
/** Under 15 a school day allows two hours at most: the 14-year-olds practise 90 minutes. */
const YOUNG_SLOT_END = "17:00";

const HANDOVER_PLACES = {
  [SPORT_CLUB]: "Kantine Sportpark Havenstad Vooruit",
  [CULTURE_CENTRE]: "Cultuurhuis De Loods, foyer",
} as const;

const FIRST_NAMES = ["Anouk", "Bilal", "Dewi", "Emre", "Femke", "Gijs", "Hanna", "Ilias", "Layla", "Milan", "Noa", "Omar", "Rania", "Sem", "Tess", "Vera", "Yara", "Zeynep"];
const LAST_NAMES = ["de Vries", "Jansen", "El Amrani", "Bakker", "Visser", "Smit", "Meijer", "Kaya", "Mulder", "de Boer", "Dekker", "Vos", "Peters"];

/** The most recent local date on or before `date` that falls on ISO weekday `day`. */
function onOrBefore(date: string, day: number): string {
  let d = date;
  while (weekday(d) !== day) d = addDaysToLocalDate(d, -1);
  return d;
}

/** The first local date on or after `date` that falls on ISO weekday `day`. */
function onOrAfter(date: string, day: number): string {
  let d = date;
  while (weekday(d) !== day) d = addDaysToLocalDate(d, 1);
  return d;
}

function at(date: string, time: string): Date {
  return zonedLocalToUtc(date, time)!;
}

function minutesBetween(start: string, end: string): number {
  const [sh, sm] = start.split(":").map(Number);
  const [eh, em] = end.split(":").map(Number);
  return eh! * 60 + em! - (sh! * 60 + sm!);
}

/** An age group that fits an activity for these ages (one of them, by `index`). */
function ageGroupFor(minAge: number | null, maxAge: number | null, index: number): AgeGroup {
  const groups: [AgeGroup, number, number][] = [
    ["under_12", 0, 11],
    ["12_15", 12, 15],
    ["16_17", 16, 17],
    ["18_26", 18, 26],
    ["27_66", 27, 66],
    ["67_plus", 67, 120],
  ];
  const fitting = groups.filter(([, low, high]) => high >= (minAge ?? 0) && low <= (maxAge ?? 120));
  return fitting[index % fitting.length]![0];
}

function firstName(name: string): string {
  return name.split(" ")[0]!;
}

export async function seedDemoPractice(tx: Transaction, now: Date = new Date()): Promise<DemoPracticeResult> {
  const result: DemoPracticeResult = { certify: [], revoke: [] };
  if ((await tx.select({ id: placements.id }).from(placements).limit(1)).length > 0) return result;
  const [havenstad] = await tx.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).where(eq(municipalities.slug, "havenstad"));
  if (!havenstad) return result;
  const staffEmails = ["cursusleider@havenstad.example", "projectleider@havenstad.example", "begeleider@havenstad.example", LOODS_SUPERVISOR.email];
  const known = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...staffEmails, ...PRACTICE_TRAINEES.map((t) => t.email)]));
  const idByEmail = new Map(known.map((u) => [u.email, u.id]));
  const courseLeader = idByEmail.get("cursusleider@havenstad.example");
  const projectLeader = idByEmail.get("projectleider@havenstad.example");
  const sportSupervisor = idByEmail.get("begeleider@havenstad.example");
  const loodsSupervisor = idByEmail.get(LOODS_SUPERVISOR.email);
  // The course data comes first: its finished course group carries the adopted track.
  const [finished] = await tx.select({ trackVersionId: cohorts.trackVersionId }).from(cohorts).where(and(eq(cohorts.municipalityId, havenstad.id), eq(cohorts.name, "Groep Noorderpark")));
  if (!courseLeader || !projectLeader || !sportSupervisor || !loodsSupervisor || !finished) return result;
  const supervisorOf = { [SPORT_CLUB]: sportSupervisor, [CULTURE_CENTRE]: loodsSupervisor } as const;

  const partnerRows = await tx
    .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
    .from(partnerOrganisations)
    .where(and(eq(partnerOrganisations.municipalityId, havenstad.id), inArray(partnerOrganisations.name, [SPORT_CLUB, CULTURE_CENTRE])));
  const partnerId = new Map(partnerRows.map((p) => [p.name, p.id]));
  const neighbourhoodId = new Map(
    (await tx.select({ id: neighbourhoods.id, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.municipalityId, havenstad.id))).map((n) => [n.name, n.id]),
  );
  const versionId = finished.trackVersionId;
  const competences = await tx.select({ id: trackCompetences.id, key: trackCompetences.key, name: trackCompetences.name }).from(trackCompetences).where(eq(trackCompetences.trackVersionId, versionId)).orderBy(asc(trackCompetences.position));
  const modules = await tx.select({ id: trackModules.id, key: trackModules.key, title: trackModules.title, position: trackModules.position }).from(trackModules).where(eq(trackModules.trackVersionId, versionId)).orderBy(asc(trackModules.position));
  const version = { id: versionId, competences, modules };

  const today = localDateOf(now);
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const localDay = (offset: number) => addDaysToLocalDate(today, offset);

  // --- The spring course group: finished, everyone has a certificate of participation ----------
  const schedule = scheduleFrom(localDay(-SPRING_STARTED_DAYS_AGO));
  const lastDay = schedule.followUps[1]!;
  const [spring] = await tx
    .insert(cohorts)
    .values({
      municipalityId: havenstad.id,
      trackVersionId: versionId,
      name: SPRING_COHORT.name,
      location: SPRING_COHORT.location,
      maxSize: 15,
      admittedCount: PRACTICE_TRAINEES.length,
      startsOn: schedule.startsOn,
      applicationsOpenOn: addDaysToLocalDate(schedule.startsOn, -45),
      applicationsCloseOn: addDaysToLocalDate(schedule.startsOn, -7),
      publishedAt: at(addDaysToLocalDate(schedule.startsOn, -46), "10:00"),
      finishedAt: at(addDaysToLocalDate(lastDay, 1), "10:00"),
      createdBy: projectLeader,
      createdAt: at(addDaysToLocalDate(schedule.startsOn, -50), "10:00"),
    })
    .returning({ id: cohorts.id });
  await tx.insert(cohortCourseLeaders).values({ cohortId: spring!.id, userId: courseLeader, municipalityId: havenstad.id });
  const sessions = sessionRows(spring!.id, havenstad.id, schedule, version, { meeting: SPRING_COHORT.location, followUp: SPRING_COHORT.followUpLocation });
  for (const session of sessions) session.remindersSentAt = new Date(session.startsAt.getTime() - DAY);
  const moments = {
    halfway: { id: randomUUID(), cohortId: spring!.id, municipalityId: havenstad.id, position: 1, name: "Halverwege", plannedOn: schedule.meetings[3]!, kind: "course" as const },
    end: { id: randomUUID(), cohortId: spring!.id, municipalityId: havenstad.id, position: 2, name: "Eindbeoordeling", plannedOn: schedule.meetings[6]!, kind: "course" as const },
    final: { id: randomUUID(), cohortId: spring!.id, municipalityId: havenstad.id, position: 3, name: "Eindverslag", plannedOn: null, kind: "final" as const },
  };
  const decidedAt = at(addDaysToLocalDate(schedule.startsOn, -5), "12:00");
  const participationIssuedAt = at(addDaysToLocalDate(lastDay, 3), "15:00");

  const newUsers: (typeof users.$inferInsert)[] = [];
  const applicationRows: (typeof applications.$inferInsert)[] = [];
  const enrolmentRows: (typeof enrolments.$inferInsert)[] = [];
  const consentRows: (typeof consentRecords.$inferInsert & { id: string })[] = [];
  const attendanceRows: (typeof sessionAttendance.$inferInsert)[] = [];
  const planRows: (typeof developmentPlans.$inferInsert)[] = [];
  const goalRows: (typeof learningGoals.$inferInsert & { id: string })[] = [];
  const assessmentRows: (typeof assessments.$inferInsert)[] = [];
  const certificateRows: (typeof certificates.$inferInsert)[] = [];
  const placementRows: (typeof placements.$inferInsert & { id: string })[] = [];
  const hourRows: (typeof practiceHours.$inferInsert)[] = [];
  const noteRows: (typeof coachingNotes.$inferInsert)[] = [];
  const activityRows: (typeof activities.$inferInsert & { id: string })[] = [];
  const practiceActivityRows: (typeof practiceActivities.$inferInsert)[] = [];
  const registrationRows: (typeof registrations.$inferInsert)[] = [];
  const reportRows: (typeof finalReports.$inferInsert)[] = [];
  const accessRows: (typeof personalDataAccessLog.$inferInsert)[] = [];
  const pastPresenters: { placementId: string; title: string }[] = [];
  const plannedPresenters: { placementId: string; title: string }[] = [];
  const guardianRequests: { userId: string; applicationId: string; guardianName: string; guardianEmail: string; requestedAt: Date; placementId: string }[] = [];
  let registrationCounter = 0;

  const assess = (momentId: string, enrolmentId: string, traineeIndex: number, boost: number, by: string, assessedAt: Date) => {
    competences.forEach((competence, c) => {
      const level = Math.min(4, 1 + ((traineeIndex + 2 * c + 1) % 3) + boost);
      const notes = NARRATIVES[level - 1]!;
      assessmentRows.push({ momentId, enrolmentId, municipalityId: havenstad.id, competenceId: competence.id, level, narrative: notes[(traineeIndex + c) % notes.length]!, assessedBy: by, assessedAt });
    });
  };

  const register = (activity: typeof activities.$inferInsert & { id: string }, confirmed: number, attended: number | null) => {
    for (let i = 0; i < confirmed; i++) {
      const n = ++registrationCounter;
      const first = FIRST_NAMES[(n * 7) % FIRST_NAMES.length]!;
      registrationRows.push({
        activityId: activity.id,
        municipalityId: havenstad.id,
        name: `${first} ${LAST_NAMES[(n * 5) % LAST_NAMES.length]}`,
        email: `${first.toLowerCase()}.praktijk${n}@voorbeeld.example`,
        ageGroup: ageGroupFor(activity.minAge ?? null, activity.maxAge ?? null, n),
        status: "confirmed",
        locale: "nl",
        cancelTokenHash: createHash("sha256").update(`demo-practice-registration-${activity.id}-${n}`).digest("base64url"),
        attendance: attended === null ? null : i < attended ? "attended" : "no_show",
        createdAt: new Date(Math.min(now.getTime(), (activity.publishedAt as Date).getTime() + (i + 1) * 3_600_000 * 5)),
      });
    }
    activity.confirmedCount = confirmed;
  };

  PRACTICE_TRAINEES.forEach((trainee, index) => {
    const timeline = TIMELINE[trainee.stage];
    const userId = idByEmail.get(trainee.email) ?? randomUUID();
    if (!idByEmail.has(trainee.email)) newUsers.push({ id: userId, name: trainee.name, email: trainee.email, emailVerified: true, locale: "nl", createdAt: decidedAt });
    const dateOfBirth = birthDateFor(trainee.age, schedule.startsOn, trainee.birthdayDaysBefore);
    const ageToday = ageOn(dateOfBirth, today)!;
    const applicationId = randomUUID();
    const applied = at(addDaysToLocalDate(schedule.startsOn, -40 + index), "20:00");
    const underSixteenAtStart = trainee.age < 16;
    const guardianName = underSixteenAtStart ? `${GUARDIAN_FIRST_NAMES[index % GUARDIAN_FIRST_NAMES.length]} ${trainee.name.split(" ").slice(1).join(" ")}` : null;
    const guardianEmail = underSixteenAtStart ? `ouder.${trainee.email.replace("@buurtkracht.example", "@voorbeeld.example")}` : null;
    applicationRows.push({
      id: applicationId,
      cohortId: spring!.id,
      municipalityId: havenstad.id,
      status: "admitted",
      name: trainee.name,
      email: trainee.email,
      dateOfBirth,
      neighbourhoodId: neighbourhoodId.get(trainee.neighbourhood) ?? null,
      motivation: "Ik wil iets doen voor de kinderen en jongeren in mijn buurt.",
      ageOnStart: trainee.age,
      needsGuardianConsent: underSixteenAtStart,
      guardianName,
      guardianEmail,
      confirmTokenHash: demoHash("practice-application", applicationId),
      emailConfirmedAt: applied,
      userId,
      locale: "nl",
      heardVia: "school",
      intakeNotes: "Intake gehad. Gemotiveerd en past goed in de groep.",
      decidedBy: courseLeader,
      decidedAt,
      createdAt: applied,
    });
    if (guardianName && guardianEmail) {
      consentRows.push({
        id: randomUUID(),
        municipalityId: havenstad.id,
        purpose: "course_application",
        legalBasis: "consent",
        subjectApplicationId: applicationId,
        subjectUserId: userId,
        givenBy: "guardian",
        giverName: guardianName,
        giverEmail: guardianEmail,
        textVersion: DEMO_GUARDIAN_CONSENT_TEXT,
        evidence: "email-link",
        status: "given",
        tokenHash: demoHash("practice-consent", applicationId),
        locale: "nl",
        requestedAt: applied,
        answeredAt: new Date(applied.getTime() + 26 * 3_600_000),
      });
    }
    const enrolmentId = randomUUID();
    enrolmentRows.push({ id: enrolmentId, cohortId: spring!.id, municipalityId: havenstad.id, userId, applicationId, status: "completed", createdAt: decidedAt });
    sessions.forEach((session, s) => {
      const missed = session.kind === "meeting" && index % 4 === 1 && s === index % 7;
      attendanceRows.push({ sessionId: session.id, enrolmentId, municipalityId: havenstad.id, status: missed ? "absent_with_notice" : "present", isLate: !missed && (index + s) % 8 === 0, recordedBy: courseLeader, recordedAt: session.endsAt });
    });
    planRows.push({
      enrolmentId,
      municipalityId: havenstad.id,
      ownTalent: "Sport en spel met kinderen en jongeren.",
      ownStory: "Ik wil dat kinderen in mijn buurt net zoveel kansen krijgen als ik.",
      challenges: "Plannen en voor een groep staan.",
      observations: trainee.observations,
      updatedBy: courseLeader,
      updatedAt: participationIssuedAt,
    });
    const done = trainee.stage === "certified" || trainee.stage === "ready" || trainee.stage === "report_submitted";
    const goalIds = trainee.goals.map((description, g) => {
      const id = randomUUID();
      const status = done ? "achieved" : timeline.started !== null ? (g === 0 ? "working_on" : "open") : "open";
      goalRows.push({ id, enrolmentId, municipalityId: havenstad.id, position: g + 1, description, status });
      return id;
    });
    assess(moments.halfway.id, enrolmentId, index, 0, courseLeader, at(moments.halfway.plannedOn, "22:00"));
    assess(moments.end.id, enrolmentId, index, 1, courseLeader, at(moments.end.plannedOn, "22:00"));
    certificateRows.push({
      enrolmentId,
      municipalityId: havenstad.id,
      userId,
      kind: "participation",
      verificationCode: verificationCode(),
      holderName: trainee.name,
      trackName: TRACKS.train.name,
      cohortName: SPRING_COHORT.name,
      municipalityName: havenstad.name,
      courseStartedOn: schedule.startsOn,
      courseEndedOn: lastDay,
      issuedBy: courseLeader,
      issuedAt: participationIssuedAt,
    });

    // --- The warm handover --------------------------------------------------------------------
    const supervisor = supervisorOf[trainee.partner];
    const proposedAt = daysAgo(timeline.proposed);
    const active = ACTIVE_STAGES.has(trainee.stage);
    const guardianShares = ageOn(dateOfBirth, localDateOf(proposedAt))! < 16;
    const placementId = randomUUID();

    // An earlier proposal the other partner declined: why the overdue one went to De Loods.
    if (trainee.stage === "overdue") {
      const declinedConsentId = randomUUID();
      consentRows.push({
        id: declinedConsentId,
        municipalityId: havenstad.id,
        purpose: "handover_sharing",
        legalBasis: "consent",
        subjectUserId: userId,
        givenBy: "self",
        giverName: trainee.name,
        giverEmail: trainee.email,
        textVersion: HANDOVER_CONSENT_TEXTS.self,
        evidence: "signed-in",
        status: "given",
        locale: "nl",
        requestedAt: daysAgo(40),
        answeredAt: daysAgo(39),
      });
      placementRows.push({
        id: randomUUID(),
        municipalityId: havenstad.id,
        enrolmentId,
        traineeUserId: userId,
        partnerOrganisationId: partnerId.get(SPORT_CLUB)!,
        supervisorUserId: sportSupervisor,
        status: "declined",
        handoverAt: at(localDay(-30), "16:00"),
        handoverPlace: HANDOVER_PLACES[SPORT_CLUB],
        proposalNote: "Anouk wil een fotoproject over de wijk maken en zoekt een club die haar foto's wil gebruiken.",
        sharedObservations: trainee.observations,
        sharingConsentId: declinedConsentId,
        sharedAt: daysAgo(39),
        proposedBy: courseLeader,
        proposedAt: daysAgo(40),
        answeredBy: sportSupervisor,
        answeredAt: daysAgo(33),
        declineReason: DECLINE_REASON,
        endedAt: daysAgo(33),
      });
    }

    let sharingConsentId: string | null = null;
    let sharedAt: Date | null = null;
    if (trainee.stage === "awaiting_guardian") {
      guardianRequests.push({ userId, applicationId, guardianName: guardianName!, guardianEmail: guardianEmail!, requestedAt: new Date(proposedAt.getTime() + 10 * 60_000), placementId });
    } else if (trainee.stage !== "awaiting_self") {
      sharedAt = trainee.stage === "awaiting_supervisor" ? daysAgo(3) : trainee.stage === "overdue" ? daysAgo(12) : new Date(proposedAt.getTime() + DAY);
      sharingConsentId = randomUUID();
      const guardian = guardianShares && guardianName && guardianEmail;
      consentRows.push({
        id: sharingConsentId,
        municipalityId: havenstad.id,
        purpose: "handover_sharing",
        legalBasis: "consent",
        subjectUserId: userId,
        subjectApplicationId: guardian ? applicationId : null,
        givenBy: guardian ? "guardian" : "self",
        giverName: guardian ? guardianName : trainee.name,
        giverEmail: guardian ? guardianEmail : trainee.email,
        textVersion: guardian ? HANDOVER_CONSENT_TEXTS.guardian : HANDOVER_CONSENT_TEXTS.self,
        evidence: guardian ? "email-link" : "signed-in",
        status: "given",
        tokenHash: guardian ? demoHash("handover-consent", placementId) : null,
        locale: "nl",
        requestedAt: proposedAt,
        answeredAt: sharedAt,
      });
    }
    if (trainee.stage === "awaiting_self") sharingConsentId = null;

    const startedAt = active ? daysAgo(timeline.started!) : null;
    placementRows.push({
      id: placementId,
      municipalityId: havenstad.id,
      enrolmentId,
      traineeUserId: userId,
      partnerOrganisationId: partnerId.get(trainee.partner)!,
      supervisorUserId: supervisor,
      status: active ? "active" : "proposed",
      handoverAt: active ? at(localDateOf(new Date(startedAt!.getTime() + 2 * DAY)), "16:00") : at(localDay(7 + (index % 5)), "16:00"),
      handoverPlace: HANDOVER_PLACES[trainee.partner],
      proposalNote: trainee.proposalNote,
      sharedObservations: trainee.observations,
      sharingConsentId,
      sharedAt,
      proposedBy: courseLeader,
      proposedAt,
      answeredBy: active ? supervisor : null,
      answeredAt: startedAt,
      startedAt,
    });
    if (!active) return;

    // --- Practice hours -------------------------------------------------------------------------
    const slot = SLOTS[trainee.partner];
    const slotEnd = ageToday < 15 ? YOUNG_SLOT_END : slot.end;
    const lastSignedOffSlot = onOrBefore(localDay(-timeline.lastSignedOff), slot.day);
    const recentSlot = onOrBefore(localDay(-1), slot.day);
    const descriptions = HOUR_DESCRIPTIONS[trainee.partner];
    const minutesOnDay = new Map<string, number>();
    const entry = (date: string, start: string, end: string, kind: HourKind, status: HourStatus, description: string, goal: number | null) => {
      const startsAt = at(date, start);
      const endsAt = at(date, end);
      const age = ageOn(dateOfBirth, date)!;
      const otherMinutesThatDay = minutesOnDay.get(date) ?? 0;
      minutesOnDay.set(date, otherMinutesThatDay + minutesBetween(start, end));
      const guardWarnings = checkYouthHours({ age, date, start, end, otherMinutesThatDay });
      const reviewedAt = status === "submitted" ? null : new Date(Math.min(endsAt.getTime() + 2 * DAY, now.getTime() - 3_600_000));
      hourRows.push({
        municipalityId: havenstad.id,
        placementId,
        traineeUserId: userId,
        kind,
        startsAt,
        endsAt,
        description,
        learningGoalId: goal === null ? null : goalIds[goal]!,
        status,
        guardWarnings,
        // A signed-off entry with warnings was confirmed first (the database refuses it otherwise).
        guardConfirmedBy: status === "signed_off" && guardWarnings.length > 0 ? supervisor : null,
        guardConfirmedAt: status === "signed_off" && guardWarnings.length > 0 ? reviewedAt : null,
        returnComment: status === "returned" ? RETURNED_COMMENT : null,
        reviewedBy: reviewedAt ? supervisor : null,
        reviewedAt,
        createdAt: new Date(Math.min(endsAt.getTime() + 3 * 3_600_000, now.getTime())),
      });
    };
    // Weekly afternoons, the last one `lastSignedOff` days ago, none before the placement started.
    for (let n = timeline.signedOff - 1; n >= 0; n--) {
      const date = addDaysToLocalDate(lastSignedOffSlot, -7 * n);
      if (at(date, slot.start).getTime() <= startedAt!.getTime()) continue;
      entry(date, slot.start, slotEnd, "placement", "signed_off", descriptions[n % descriptions.length]!, n % 2);
    }
    if (trainee.stage === "activity_published") {
      entry(recentSlot, slot.start, slotEnd, "placement", "submitted", descriptions[4]!, 0);
    }
    if (trainee.stage === "returned") {
      entry(onOrBefore(localDay(-14), slot.day), slot.start, slotEnd, "placement", "returned", "Geholpen.", null);
      entry(recentSlot, slot.start, slotEnd, "activity_preparation", "submitted", ACTIVITY_PREPARATION, 1);
    }
    if (trainee.stage === "minor_in_review") {
      // Awaiting sign-off: one ordinary afternoon, a Sunday tournament and a school evening.
      entry(recentSlot, slot.start, slotEnd, "placement", "submitted", descriptions[1]!, 0);
      entry(onOrBefore(localDay(-2), 7), "10:00", "13:00", "placement", "submitted", MINOR_OUT_OF_HOURS.sunday, 0);
      entry(onOrBefore(localDay(-1), 4), "17:30", "20:00", "placement", "submitted", MINOR_OUT_OF_HOURS.evening, null);
      accessRows.push(
        { municipalityId: havenstad.id, actorUserId: sportSupervisor, actorRole: "practice_supervisor", subjectUserId: userId, resource: "placement", action: "view", at: daysAgo(1) },
        { municipalityId: havenstad.id, actorUserId: sportSupervisor, actorRole: "practice_supervisor", subjectUserId: userId, resource: "practice_hours", action: "view", at: new Date(daysAgo(1).getTime() + 120_000) },
      );
    }

    // --- The practice activity ------------------------------------------------------------------
    if (trainee.activity && timeline.activityDay !== null) {
      const activityDate = onOrAfter(localDay(timeline.activityDay), 6);
      const plan = trainee.activity;
      const activityId = randomUUID();
      const startsAt = at(activityDate, plan.time);
      const prepDate = addDaysToLocalDate(activityDate, -3);
      const past = startsAt.getTime() < now.getTime();
      if (past) {
        // Preparation and the activity itself count as practice hours too.
        const [h, m] = plan.time.split(":").map(Number);
        const endMinutes = h! * 60 + m! + plan.minutes;
        const end = `${String(Math.floor(endMinutes / 60)).padStart(2, "0")}:${String(endMinutes % 60).padStart(2, "0")}`;
        entry(prepDate, "14:00", "16:00", "activity_preparation", "signed_off", ACTIVITY_PREPARATION, 0);
        entry(activityDate, plan.time, end, "activity", "signed_off", ACTIVITY_HOURS, 0);
      }
      const status = trainee.stage === "minor_in_review" ? "in_review" : trainee.stage === "returned" ? "draft" : past ? "completed" : "published";
      const submittedAt = status === "draft" ? daysAgo(12) : status === "in_review" ? daysAgo(2) : new Date(startsAt.getTime() - 24 * DAY);
      const approvedAt = status === "published" || status === "completed" ? new Date(submittedAt.getTime() + 2 * DAY) : null;
      const activityRow = {
        id: activityId,
        municipalityId: havenstad.id,
        neighbourhoodId: neighbourhoodId.get(trainee.neighbourhood) ?? null,
        title: plan.title,
        description: plan.description,
        category: plan.category,
        location: plan.location,
        startsAt,
        endsAt: new Date(startsAt.getTime() + plan.minutes * 60_000),
        minAge: plan.minAge,
        maxAge: plan.maxAge,
        capacity: plan.capacity,
        registrationRequired: true,
        // The public calendar shows only the first name of an organiser under 16.
        organiserName: ageToday < 16 ? firstName(trainee.name) : trainee.name,
        organiserUserId: userId,
        partnerOrganisationId: partnerId.get(trainee.partner)!,
        status,
        reviewedBy: approvedAt ? supervisor : status === "draft" ? supervisor : null,
        reviewedAt: approvedAt ?? (status === "draft" ? daysAgo(10) : null),
        createdBy: userId,
        publishedAt: approvedAt,
        createdAt: new Date(submittedAt.getTime() - 3 * DAY),
      } satisfies typeof activities.$inferInsert;
      activityRows.push(activityRow);
      if (status === "completed") register(activityRow, Math.min(plan.capacity, plan.evaluation!.turnout + 2), plan.evaluation!.turnout);
      if (status === "published") register(activityRow, Math.ceil(plan.capacity / 2), null);
      practiceActivityRows.push(practiceActivity(havenstad.id, placementId, activityId, plan, status, submittedAt, approvedAt, supervisor, startsAt));
    }

    // --- The final report, its assessment and the presentation ------------------------------
    const reportDates: Partial<Record<PracticeStage, { submitted: number | null; assessed: number | null }>> = {
      certified: { submitted: 70, assessed: 60 },
      ready: { submitted: 20, assessed: 8 },
      report_submitted: { submitted: 5, assessed: null },
      activity_published: { submitted: null, assessed: null },
      returned: { submitted: null, assessed: null },
    };
    const dates = reportDates[trainee.stage];
    if (trainee.report && dates) {
      const status = dates.assessed !== null ? "assessed" : dates.submitted !== null ? "submitted" : "draft";
      reportRows.push({
        municipalityId: havenstad.id,
        placementId,
        body: trainee.report,
        status,
        submittedAt: dates.submitted === null ? null : daysAgo(dates.submitted),
        assessedAt: dates.assessed === null ? null : daysAgo(dates.assessed),
        createdAt: daysAgo((dates.submitted ?? 10) + 14),
      });
      if (dates.assessed !== null) assess(moments.final.id, enrolmentId, index, 2, index % 2 === 0 ? supervisor : courseLeader, daysAgo(dates.assessed));
    }
    if (trainee.stage === "certified") pastPresenters.push({ placementId, title: trainee.presentationTitle! });
    if (trainee.stage === "ready") plannedPresenters.push({ placementId, title: trainee.presentationTitle! });

    (trainee.notes ?? []).forEach((body, n, all) => {
      const span = timeline.started! - Math.max(timeline.lastSignedOff, 1);
      noteRows.push({ municipalityId: havenstad.id, placementId, authorUserId: supervisor, body, createdAt: daysAgo(timeline.started! - Math.round(((n + 1) * span) / (all.length + 1))) });
    });
    if (trainee.stage === "certified") {
      result.certify.push(placementId);
      if (trainee.email === "hatice.demir@voorbeeld.example") result.revoke.push({ placementId, reason: REVOCATION_REASON });
    }
  });

  // --- Ceremonies: one past with presentations given, one planned with presentations assigned ---
  const ceremony = (offset: number, content: typeof PAST_CEREMONY, capacity: number) => {
    const date = onOrAfter(localDay(offset), 5);
    const startsAt = at(date, "19:00");
    const activityRow = {
      id: randomUUID(),
      municipalityId: havenstad.id,
      neighbourhoodId: null,
      title: content.title,
      description: `${content.description}\n\n${content.programme}`,
      category: "other" as const,
      location: content.location,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      capacity,
      registrationRequired: true,
      organiserName: null,
      partnerOrganisationId: null,
      status: startsAt.getTime() < now.getTime() ? ("completed" as const) : ("published" as const),
      createdBy: projectLeader,
      reviewedBy: projectLeader,
      reviewedAt: new Date(startsAt.getTime() - 28 * DAY),
      publishedAt: new Date(startsAt.getTime() - 28 * DAY),
      createdAt: new Date(startsAt.getTime() - 30 * DAY),
    };
    activityRows.push(activityRow);
    return {
      row: { id: randomUUID(), municipalityId: havenstad.id, title: content.title, startsAt, endsAt: activityRow.endsAt, location: content.location, programme: content.programme, activityId: activityRow.id, createdBy: projectLeader, createdAt: activityRow.createdAt },
      activity: activityRow,
    };
  };
  const past = ceremony(-52, PAST_CEREMONY, 60);
  register(past.activity, 24, 21);
  const planned = ceremony(17, PLANNED_CEREMONY, 80);
  register(planned.activity, 9, null);
  const presentationRows: (typeof finalPresentations.$inferInsert)[] = [
    ...pastPresenters.map((p, i) => ({
      municipalityId: havenstad.id,
      ceremonyId: past.row.id,
      placementId: p.placementId,
      position: i + 1,
      title: p.title,
      givenAt: new Date(past.row.startsAt.getTime() + (30 + 15 * i) * 60_000),
      markedBy: projectLeader,
      createdAt: new Date(past.row.startsAt.getTime() - 21 * DAY),
    })),
    ...plannedPresenters.map((p, i) => ({ municipalityId: havenstad.id, ceremonyId: planned.row.id, placementId: p.placementId, position: i + 1, title: p.title, createdAt: daysAgo(6) })),
  ];

  // --- Write it all -----------------------------------------------------------------------------
  if (newUsers.length > 0) await tx.insert(users).values(newUsers);
  await tx.insert(applications).values(applicationRows);
  await tx.insert(enrolments).values(enrolmentRows);
  await tx.insert(consentRecords).values(consentRows);
  await tx.insert(cohortSessions).values(sessions);
  await tx.insert(sessionAttendance).values(attendanceRows);
  await tx.insert(developmentPlans).values(planRows);
  await tx.insert(learningGoals).values(goalRows);
  await tx.insert(assessmentMoments).values(Object.values(moments));
  await tx.insert(assessments).values(assessmentRows);
  await tx.insert(certificates).values(certificateRows);
  await tx.insert(placements).values(placementRows);
  await tx.insert(practiceHours).values(hourRows);
  await tx.insert(coachingNotes).values(noteRows);
  await tx.insert(activities).values(activityRows);
  await tx.insert(practiceActivities).values(practiceActivityRows);
  await tx.insert(registrations).values(registrationRows);
  await tx.insert(finalReports).values(reportRows);
  await tx.insert(ceremonies).values([past.row, planned.row]);
  await tx.insert(finalPresentations).values(presentationRows);
  await tx.insert(personalDataAccessLog).values(accessRows);

  // The guardian of the under-16 whose proposal waits is asked by the consent module itself, so
  // the request is a real one with a token; the placement points to it until it is answered.
  for (const request of guardianRequests) {
    const { record, token } = await requestConsent(tx, {
      municipalityId: havenstad.id,
      purpose: "handover_sharing",
      legalBasis: "consent",
      subject: { userId: request.userId, applicationId: request.applicationId },
      givenBy: "guardian",
      giverName: request.guardianName,
      giverEmail: request.guardianEmail,
      textVersion: HANDOVER_CONSENT_TEXTS.guardian,
      locale: "nl",
    });
    await tx.update(consentRecords).set({ requestedAt: request.requestedAt }).where(eq(consentRecords.id, record.id));
    await tx.update(placements).set({ sharingConsentId: record.id }).where(eq(placements.id, request.placementId));
    // The guardian's mail is in the mail viewer, and its link works, as for a real proposal.
    const placement = await loadMailPlacement(tx, request.placementId);
    await queueHandoverEmail(tx, "guardianSharing", placement.mail, { name: request.guardianName, email: request.guardianEmail, locale: "nl", audience: "guardian" }, { consentToken: token, consentText: HANDOVER_CONSENT_TEXTS.guardian });
  }
  return result;
}

function practiceActivity(
  municipalityId: string,
  placementId: string,
  activityId: string,
  plan: DemoPracticeActivity,
  status: string,
  submittedAt: Date,
  approvedAt: Date | null,
  supervisor: string,
  startsAt: Date,
): typeof practiceActivities.$inferInsert {
  const evaluated = status === "completed" && plan.evaluation;
  return {
    municipalityId,
    placementId,
    activityId,
    idea: plan.idea,
    goal: plan.goal,
    targetGroup: plan.targetGroup,
    changesRequested: status === "draft" ? (plan.changesRequested ?? null) : null,
    submittedAt,
    approvedBy: approvedAt ? supervisor : null,
    approvedAt,
    evaluationTurnout: evaluated ? plan.evaluation!.turnout : null,
    evaluationWentWell: evaluated ? plan.evaluation!.wentWell : null,
    evaluationDoDifferently: evaluated ? plan.evaluation!.doDifferently : null,
    evaluatedAt: evaluated ? new Date(startsAt.getTime() + 2 * DAY) : null,
    createdAt: new Date(submittedAt.getTime() - 3 * DAY),
  };
}

