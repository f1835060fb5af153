/**
 * Demo data for the Citytrainer course (issue 7): the network's four tracks, Havenstad's own
 * copies, and three cohorts in Havenstad at different stages: one running (about four weeks in,
 * with attendance, development plans and one assessment moment), one open for applications (an
 * application in every state, including an under-16 applicant waiting for a guardian's consent),
 * and one that finished last year (everyone has a certificate of participation). Dates follow the
 * day of seeding, in Europe/Amsterdam. Written inside the demo seed's transaction, in a handful of
 * batched inserts; the texts are in seed-training-content.ts.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Transaction } from "~/lib/db/client.server";
import {
  applications,
  assessmentMoments,
  assessments,
  certificates,
  cohortCourseLeaders,
  cohorts,
  cohortSessions,
  competenceLevels,
  consentRecords,
  developmentPlanChanges,
  developmentPlans,
  enrolments,
  learningGoals,
  municipalities,
  neighbourhoods,
  personalDataAccessLog,
  sessionAttendance,
  trackCompetences,
  trackModules,
  tracks,
  trackVersions,
  users,
  type ApplicationStatus,
  type AttendanceStatus,
} from "~/lib/db/schema";
import { addDaysToLocalDate, utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";
import { CURRENT_GUARDIAN_CONSENT_TEXT } from "~/features/privacy/consent-texts";
import { answerConsent, requestConsent } from "~/features/privacy/consent.server";
import { ageOn } from "~/features/training/age";
import { newApplicationToken } from "~/features/training/application-tokens.server";
import { applicationStatusPath, consentPath, loadMailCohort, queueApplicationEmail } from "~/features/training/applications-emails.server";
import {
  COMPETENCES,
  FINISHED_TRAINEES,
  HAVENSTAD_OWN_MODULE,
  LEVEL_NAMES,
  NARRATIVES,
  RUNNING_TRAINEES,
  TRACKS,
  TRAIN_VERSION_2,
  type CompetenceId,
  type DemoModule,
  type DemoTrack,
} from "./seed-training-content";

/** The consent text the demo's guardians were shown (app/features/privacy/consent-texts.ts). */
export const DEMO_GUARDIAN_CONSENT_TEXT = CURRENT_GUARDIAN_CONSENT_TEXT;

const DAY = 86_400_000;

/** The demo applicant waiting for a guardian's consent: 15 on the open cohort's first day. */
export const APPLICANT = {
  name: "Lina Aanmelder",
  email: "aanmelder@buurtkracht.example",
  age: 15,
  neighbourhood: "Havenkwartier",
  guardianName: "Mirjam Aanmelder",
  guardianEmail: "mirjam.aanmelder@voorbeeld.example",
};

/** First names for the guardians of the under-16 trainees, who consented when they applied. */
export const GUARDIAN_FIRST_NAMES = ["Marieke", "Hassan", "Petra", "Rob", "Samira", "Erik"];

export interface Version {
  id: string;
  competences: { id: string; key: string; name: string }[];
  modules: { id: string; key: string; title: string; position: number }[];
}

interface VersionInput {
  trackId: string;
  municipalityId: string | null;
  version: number;
  track: DemoTrack;
  competences: { id: CompetenceId; key: string }[];
  modules: (DemoModule & { key: string; origin: "network" | "own" })[];
  basedOnVersionId?: string;
  changeNote?: string;
  by: string | null;
  publishedAt: Date;
}

/**
 * Writes one published track version with its competences, rubric levels and modules. The parts
 * go in while the version is a draft: migration 0007 refuses any change to a published version.
 */
async function insertPublishedVersion(tx: Transaction, input: VersionInput): Promise<Version> {
  const [version] = await tx
    .insert(trackVersions)
    .values({
      trackId: input.trackId,
      municipalityId: input.municipalityId,
      version: input.version,
      name: input.track.name,
      description: input.track.description,
      minAge: input.track.minAge,
      maxAge: input.track.maxAge,
      guardianConsentBelowAge: input.track.guardianConsentBelowAge,
      meetingMinutes: input.track.meetingMinutes ?? 150,
      followUpMinutes: input.track.followUpMinutes ?? 240,
      basedOnVersionId: input.basedOnVersionId ?? null,
      changeNote: input.changeNote ?? "",
      createdBy: input.by,
      createdAt: new Date(input.publishedAt.getTime() - 7 * DAY),
    })
    .returning({ id: trackVersions.id });
  const versionId = version!.id;
  const competences = await tx
    .insert(trackCompetences)
    .values(
      input.competences.map((c, index) => ({
        trackVersionId: versionId,
        position: index + 1,
        name: COMPETENCES[c.id].name,
        description: COMPETENCES[c.id].description,
        key: c.key,
      })),
    )
    .returning({ id: trackCompetences.id, key: trackCompetences.key, name: trackCompetences.name });
  await tx.insert(competenceLevels).values(
    competences.flatMap((row, index) =>
      COMPETENCES[input.competences[index]!.id].levels.map((description, level) => ({
        competenceId: row.id,
        level: level + 1,
        name: LEVEL_NAMES[level]!,
        description,
      })),
    ),
  );
  const modules = await tx
    .insert(trackModules)
    .values(
      input.modules.map((m, index) => ({
        trackVersionId: versionId,
        position: index + 1,
        title: m.title,
        goal: m.goal,
        content: m.content,
        origin: m.origin,
        key: m.key,
      })),
    )
    .returning({ id: trackModules.id, key: trackModules.key, title: trackModules.title, position: trackModules.position });
  await tx
    .update(trackVersions)
    .set({ status: "published", publishedAt: input.publishedAt, publishedBy: input.by })
    .where(eq(trackVersions.id, versionId));
  return { id: versionId, competences, modules: modules.sort((a, b) => a.position - b.position) };
}

/** A date of birth that makes someone `age` on `onDate`, with their birthday `daysAgo` days before it. */
export function birthDateFor(age: number, onDate: string, daysAgo: number): string {
  const birthday = `${Number(onDate.slice(0, 4)) - age}${onDate.slice(4)}`;
  return addDaysToLocalDate(birthday.endsWith("-02-29") ? birthday.replace("-02-29", "-02-28") : birthday, -daysAgo);
}

export function localDateOf(instant: Date): string {
  return utcToZonedLocal(instant).date;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
export function weekday(date: string): number {
  return ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

export function nextSaturday(date: string): string {
  let day = date;
  while (weekday(day) !== 6) day = addDaysToLocalDate(day, 1);
  return day;
}

/** What a decline or withdrawal leaves of an application (as the application writes do). */
const MINIMISED = { motivation: "", talents: "", interests: "", availability: "", intakeNotes: "", intakeLocation: null, neighbourhoodId: null, heardVia: null } as const;

/** A hash for tokens nobody will use (demo rows that need one): unique per purpose and row. */
export function demoHash(purpose: string, id: string): string {
  return createHash("sha256").update(`demo-${purpose}-${id}`).digest("base64url");
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** A verification code in the form the certificates table requires: three groups of four letters or digits. */
export function verificationCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]!);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8, 12).join("")}`;
}

export interface Schedule {
  startsOn: string;
  meetings: string[];
  followUps: string[];
}

/** Seven weekly meetings from the first day, and two follow-up Saturdays after the last meeting, two weeks apart. */
export function scheduleFrom(startsOn: string): Schedule {
  const meetings = Array.from({ length: 7 }, (_, i) => addDaysToLocalDate(startsOn, i * 7));
  const firstFollowUp = nextSaturday(addDaysToLocalDate(meetings[6]!, 1));
  return { startsOn, meetings, followUps: [firstFollowUp, addDaysToLocalDate(firstFollowUp, 14)] };
}

export type SessionRow = typeof cohortSessions.$inferInsert & { id: string; startsAt: Date; endsAt: Date; kind: "meeting" | "follow_up" };

export function sessionRows(cohortId: string, municipalityId: string, schedule: Schedule, version: Version, place: { meeting: string; followUp: string }): SessionRow[] {
  const networkModules = version.modules.filter((m) => m.position <= 7);
  const ownModule = version.modules.find((m) => m.position > 7);
  const rows: SessionRow[] = schedule.meetings.map((date, i) => {
    const startsAt = zonedLocalToUtc(date, "19:00")!;
    const module = networkModules[i];
    return {
      id: randomUUID(),
      cohortId,
      municipalityId,
      kind: "meeting",
      moduleId: module?.id ?? null,
      title: `Bijeenkomst ${i + 1}${module ? `: ${module.title}` : ""}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 150 * 60_000),
      location: place.meeting,
    };
  });
  schedule.followUps.forEach((date, i) => {
    const startsAt = zonedLocalToUtc(date, "10:00")!;
    rows.push({
      id: randomUUID(),
      cohortId,
      municipalityId,
      kind: "follow_up",
      moduleId: i === 0 ? (ownModule?.id ?? null) : null,
      title: `Terugkomdag ${i + 1}${i === 0 && ownModule ? `: ${ownModule.title}` : ""}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 240 * 60_000),
      location: place.followUp,
    });
  });
  return rows;
}

interface Person {
  id: string;
  name: string;
  email: string;
}

/**
 * The demo's course data, with every date relative to `now`. Does nothing when there are tracks
 * already, so the demo seed stays the one-time, all-or-nothing write it is.
 */
export async function seedDemoTraining(tx: Transaction, now: Date = new Date()): Promise<void> {
  if ((await tx.select({ id: tracks.id }).from(tracks).limit(1)).length > 0) return;
  const [havenstad] = await tx.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).where(eq(municipalities.slug, "havenstad"));
  if (!havenstad) return;
  const staffEmails = ["coordinator@buurtkracht.example", "cursusleider@havenstad.example", "projectleider@havenstad.example"];
  const demoTraineeEmails = [RUNNING_TRAINEES[0]!.email, FINISHED_TRAINEES[0]!.email, APPLICANT.email];
  const known = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.email, [...staffEmails, ...demoTraineeEmails]));
  const byEmail = new Map(known.map((u) => [u.email, u]));
  const coordinator = byEmail.get("coordinator@buurtkracht.example")?.id ?? null;
  const courseLeader = byEmail.get("cursusleider@havenstad.example");
  const projectLeader = byEmail.get("projectleider@havenstad.example");
  if (!courseLeader || !projectLeader) return;
  const neighbourhoodIds = new Map(
    (await tx.select({ id: neighbourhoods.id, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.municipalityId, havenstad.id))).map((n) => [n.name, n.id]),
  );
  const today = localDateOf(now);

  // --- Tracks: the network's templates and Havenstad's copies -------------------------------
  const keys = (ids: CompetenceId[]) => ids.map((id) => ({ id, key: randomUUID() }));
  const moduleKeys = (modules: DemoModule[]) => modules.map((m) => ({ ...m, key: randomUUID(), origin: "network" as const }));
  const networkPublished = new Date(now.getTime() - 540 * DAY);
  const network = new Map<keyof typeof TRACKS, { trackId: string; version: Version; competences: { id: CompetenceId; key: string }[]; modules: ReturnType<typeof moduleKeys> }>();
  for (const [name, track] of Object.entries(TRACKS) as [keyof typeof TRACKS, DemoTrack][]) {
    const [row] = await tx.insert(tracks).values({ createdBy: coordinator, createdAt: new Date(networkPublished.getTime() - 7 * DAY) }).returning({ id: tracks.id });
    const competences = keys(track.competences);
    const modules = moduleKeys(track.modules);
    const version = await insertPublishedVersion(tx, { trackId: row!.id, municipalityId: null, version: 1, track, competences, modules, by: coordinator, publishedAt: networkPublished });
    network.set(name, { trackId: row!.id, version, competences, modules });
  }
  // Version 2 of "Ik train mijn stad": one module rewritten (same key), one competence added.
  const train = network.get("train")!;
  await insertPublishedVersion(tx, {
    trackId: train.trackId,
    municipalityId: null,
    version: 2,
    track: TRACKS.train,
    competences: [...train.competences, { id: TRAIN_VERSION_2.extraCompetence, key: randomUUID() }],
    modules: train.modules.map((m, i) => (i + 1 === TRAIN_VERSION_2.changedModulePosition ? { ...m, ...TRAIN_VERSION_2.changedModule } : m)),
    changeNote: TRAIN_VERSION_2.changeNote,
    by: coordinator,
    publishedAt: new Date(now.getTime() - 12 * DAY),
  });

  // Havenstad adopted both youth tracks long before its first cohort; its copies keep the keys.
  const adoptedAt = new Date(now.getTime() - 480 * DAY);
  const adopt = async (name: "train" | "make", ownModules: DemoModule[]) => {
    const source = network.get(name)!;
    const [row] = await tx
      .insert(tracks)
      .values({ municipalityId: havenstad.id, adoptedFromTrackId: source.trackId, createdBy: projectLeader.id, createdAt: adoptedAt })
      .returning({ id: tracks.id });
    return insertPublishedVersion(tx, {
      trackId: row!.id,
      municipalityId: havenstad.id,
      version: 1,
      track: TRACKS[name],
      competences: source.competences,
      modules: [...source.modules, ...ownModules.map((m) => ({ ...m, key: randomUUID(), origin: "own" as const }))],
      basedOnVersionId: source.version.id,
      by: projectLeader.id,
      publishedAt: adoptedAt,
    });
  };
  const havenTrain = await adopt("train", [HAVENSTAD_OWN_MODULE]);
  const havenMake = await adopt("make", []);

  // --- People ---------------------------------------------------------------------------------
  const newUsers: (typeof users.$inferInsert)[] = [];
  const person = (name: string, email: string, createdAt: Date): Person => {
    const existing = byEmail.get(email);
    if (existing) return existing;
    const id = randomUUID();
    newUsers.push({ id, name, email, emailVerified: true, locale: "nl", createdAt });
    return { id, name, email };
  };

  const applicationRows: (typeof applications.$inferInsert & { id: string })[] = [];
  const enrolmentRows: (typeof enrolments.$inferInsert & { id: string })[] = [];
  const consentRows: (typeof consentRecords.$inferInsert)[] = [];
  const applicationTokens = new Map<string, string>();
  const application = (
    cohort: { id: string; startsOn: string },
    who: { name: string; email: string; age: number; neighbourhood: string; userId?: string | null },
    fields: Partial<typeof applications.$inferInsert> & { status: ApplicationStatus; createdAt: Date },
  ) => {
    const id = randomUUID();
    const { token, hash } = newApplicationToken();
    applicationTokens.set(id, token);
    const dateOfBirth = birthDateFor(who.age, cohort.startsOn, 40 + ((applicationRows.length * 37) % 280));
    const ageOnStart = ageOn(dateOfBirth, cohort.startsOn)!;
    // An under-16 who got further than "pending" had a guardian's consent when applying.
    const guardian =
      ageOnStart < 16 && !fields.guardianName
        ? { guardianName: `${GUARDIAN_FIRST_NAMES[applicationRows.length % GUARDIAN_FIRST_NAMES.length]} ${who.name.split(" ").slice(1).join(" ")}`, guardianEmail: `ouder.${who.email}` }
        : {};
    if (guardian.guardianName && fields.status !== "pending") {
      const answeredAt = new Date(fields.createdAt.getTime() + 26 * 3_600_000);
      consentRows.push({
        municipalityId: havenstad.id,
        purpose: "course_application",
        legalBasis: "consent",
        subjectApplicationId: id,
        subjectUserId: who.userId ?? null,
        givenBy: "guardian",
        giverName: guardian.guardianName,
        giverEmail: guardian.guardianEmail,
        textVersion: DEMO_GUARDIAN_CONSENT_TEXT,
        evidence: "email-link",
        status: "given",
        tokenHash: demoHash("consent", id),
        locale: "nl",
        requestedAt: fields.createdAt,
        answeredAt,
      });
    }
    applicationRows.push({
      id,
      cohortId: cohort.id,
      municipalityId: havenstad.id,
      name: who.name,
      email: who.email,
      dateOfBirth,
      neighbourhoodId: neighbourhoodIds.get(who.neighbourhood) ?? null,
      motivation: "Ik wil iets doen voor de kinderen en jongeren in mijn buurt.",
      ageOnStart,
      needsGuardianConsent: ageOnStart < 16,
      confirmTokenHash: hash,
      emailConfirmedAt: fields.createdAt,
      userId: who.userId ?? null,
      locale: "nl",
      heardVia: "school",
      ...guardian,
      ...fields,
      ...(fields.status === "declined" || fields.status === "withdrawn" ? MINIMISED : {}),
    });
    return id;
  };

  const sessionsToInsert: SessionRow[] = [];
  const attendanceRows: (typeof sessionAttendance.$inferInsert)[] = [];
  const planRows: (typeof developmentPlans.$inferInsert)[] = [];
  const goalRows: (typeof learningGoals.$inferInsert)[] = [];
  const changeRows: (typeof developmentPlanChanges.$inferInsert)[] = [];
  const momentRows: (typeof assessmentMoments.$inferInsert & { id: string })[] = [];
  const assessmentRows: (typeof assessments.$inferInsert)[] = [];
  const certificateRows: (typeof certificates.$inferInsert)[] = [];
  const accessRows: (typeof personalDataAccessLog.$inferInsert)[] = [];

  const insertCohort = async (values: Omit<typeof cohorts.$inferInsert, "municipalityId" | "createdBy">) => {
    const [row] = await tx
      .insert(cohorts)
      .values({ ...values, municipalityId: havenstad.id, createdBy: projectLeader.id })
      .returning({ id: cohorts.id, startsOn: cohorts.startsOn, name: cohorts.name });
    await tx.insert(cohortCourseLeaders).values({ cohortId: row!.id, userId: courseLeader.id, municipalityId: havenstad.id });
    return row!;
  };

  const assessMoment = (momentId: string, enrolmentId: string, version: Version, traineeIndex: number, boost: number, at: Date) => {
    version.competences.forEach((competence, c) => {
      const level = Math.min(4, 1 + ((traineeIndex + 2 * c + 1) % 3) + boost);
      const notes = NARRATIVES[level - 1]!;
      assessmentRows.push({
        momentId,
        enrolmentId,
        municipalityId: havenstad.id,
        competenceId: competence.id,
        level,
        narrative: notes[(traineeIndex + c) % notes.length]!,
        assessedBy: courseLeader.id,
        assessedAt: at,
      });
    });
  };

  // --- The running cohort: started 26 days ago, four meetings held ---------------------------
  const running = await insertCohort({
    trackVersionId: havenTrain.id,
    name: "Groep Havenkwartier",
    location: "Buurthuis De Kade, Havenkwartier",
    maxSize: 15,
    admittedCount: RUNNING_TRAINEES.length,
    startsOn: addDaysToLocalDate(today, -26),
    applicationsOpenOn: addDaysToLocalDate(today, -75),
    applicationsCloseOn: addDaysToLocalDate(today, -33),
    publishedAt: new Date(now.getTime() - 76 * DAY),
    createdAt: new Date(now.getTime() - 80 * DAY),
  });
  const runningSessions = sessionRows(running.id, havenstad.id, scheduleFrom(running.startsOn), havenTrain, {
    meeting: "Buurthuis De Kade, Havenkwartier",
    followUp: "Sportpark Noorderpark",
  });
  sessionsToInsert.push(...runningSessions);
  const heldMeetings = runningSessions.filter((s) => s.kind === "meeting" && s.endsAt.getTime() < now.getTime());
  // Per trainee, per held meeting: mostly present, some late, and two at risk of missing the completion rule.
  const attendancePattern: Record<string, (AttendanceStatus | "late")[]> = {
    "Kim Cursist": ["present", "present", "late", "present"],
    "Amira El Idrissi": ["present", "late", "present", "present"],
    "Fatima Yilmaz": ["present", "present", "late", "present"],
    "Jayden Koster": ["present", "absent", "late", "absent_with_notice"],
    "Sanne Willems": ["late", "present", "present", "present"],
    "Ravi Ramdin": ["present", "absent", "present", "absent"],
    "Elif Aydın": ["present", "present", "present", "late"],
  };
  const firstMoment = { id: randomUUID(), plannedOn: localDateOf(heldMeetings.at(-1)?.startsAt ?? now) };
  momentRows.push(
    { id: firstMoment.id, cohortId: running.id, municipalityId: havenstad.id, position: 1, name: "Halverwege", plannedOn: firstMoment.plannedOn },
    {
      id: randomUUID(),
      cohortId: running.id,
      municipalityId: havenstad.id,
      position: 2,
      name: "Eindbeoordeling",
      plannedOn: localDateOf(runningSessions.filter((s) => s.kind === "meeting").at(-1)!.startsAt),
    },
  );
  const decidedRunning = new Date(now.getTime() - 36 * DAY);
  RUNNING_TRAINEES.forEach((trainee, index) => {
    const user = person(trainee.name, trainee.email, decidedRunning);
    const applicationId = application(
      running,
      { ...trainee, userId: user.id },
      { status: "admitted", createdAt: new Date(now.getTime() - (70 - index) * DAY), decidedBy: courseLeader.id, decidedAt: decidedRunning, intakeNotes: "Intake gehad. Gemotiveerd en past goed in de groep." },
    );
    const enrolmentId = randomUUID();
    enrolmentRows.push({ id: enrolmentId, cohortId: running.id, municipalityId: havenstad.id, userId: user.id, applicationId, status: "active", createdAt: decidedRunning });
    const pattern = attendancePattern[trainee.name] ?? ["present", "present", "present", "present"];
    heldMeetings.forEach((session, s) => {
      const mark = pattern[s % pattern.length]!;
      attendanceRows.push({
        sessionId: session.id,
        enrolmentId,
        municipalityId: havenstad.id,
        status: mark === "late" ? "present" : mark,
        isLate: mark === "late",
        recordedBy: courseLeader.id,
        recordedAt: session.endsAt,
      });
    });
    const planUpdated = new Date(now.getTime() - (6 - (index % 4)) * DAY);
    planRows.push({
      enrolmentId,
      municipalityId: havenstad.id,
      ownTalent: trainee.ownTalent,
      ownStory: trainee.ownStory,
      challenges: trainee.challenges,
      observations: trainee.observations,
      updatedBy: courseLeader.id,
      updatedAt: planUpdated,
    });
    const goalIds = trainee.goals.map(() => randomUUID());
    trainee.goals.forEach((goal, g) =>
      goalRows.push({ id: goalIds[g]!, enrolmentId, municipalityId: havenstad.id, position: g + 1, description: goal.description, status: goal.status }),
    );
    // The history: the trainee wrote their parts after the first meeting, the course leader added
    // observations later, and the first goal moved on.
    const firstMeetingEnd = runningSessions[0]!.endsAt.getTime();
    changeRows.push(
      { enrolmentId, municipalityId: havenstad.id, part: "own_talent", previousValue: "", newValue: trainee.ownTalent, changedBy: user.id, changedAt: new Date(firstMeetingEnd + DAY) },
      { enrolmentId, municipalityId: havenstad.id, part: "own_story", previousValue: "", newValue: trainee.ownStory, changedBy: user.id, changedAt: new Date(firstMeetingEnd + DAY + 600_000) },
      { enrolmentId, municipalityId: havenstad.id, part: "challenges", previousValue: "", newValue: trainee.challenges, changedBy: user.id, changedAt: new Date(firstMeetingEnd + DAY + 900_000) },
      { enrolmentId, municipalityId: havenstad.id, part: "observations", previousValue: "", newValue: trainee.observations, changedBy: courseLeader.id, changedAt: planUpdated },
    );
    // Goals as the plan writes record them: the text when added, then each status change
    // ("status:" tells a status from a text).
    trainee.goals.forEach((goal, g) => {
      const goalPart = `goal:${goalIds[g]}`;
      changeRows.push({ enrolmentId, municipalityId: havenstad.id, part: goalPart, previousValue: null, newValue: goal.description, changedBy: user.id, changedAt: new Date(firstMeetingEnd + DAY + (20 + g) * 60_000) });
      if (goal.status !== "open") {
        changeRows.push({ enrolmentId, municipalityId: havenstad.id, part: goalPart, previousValue: "status:open", newValue: `status:${goal.status}`, changedBy: user.id, changedAt: new Date(now.getTime() - (3 + g) * DAY) });
      }
    });
    const assessedAt = zonedLocalToUtc(firstMoment.plannedOn, "22:00")!;
    assessMoment(firstMoment.id, enrolmentId, havenTrain, index, 0, assessedAt.getTime() < now.getTime() ? assessedAt : now);
    if (index < 6) {
      accessRows.push({
        municipalityId: havenstad.id,
        actorUserId: courseLeader.id,
        actorRole: "course_leader",
        subjectUserId: user.id,
        resource: "development_plan",
        action: "view",
        at: new Date(now.getTime() - (index + 1) * 3_600_000),
      });
    }
  });
  accessRows.push({
    municipalityId: havenstad.id,
    actorUserId: projectLeader.id,
    actorRole: "project_leader",
    subjectUserId: byEmail.get(RUNNING_TRAINEES[0]!.email)?.id ?? null,
    resource: "enrolment",
    action: "view",
    at: new Date(now.getTime() - 2 * DAY),
  });

  // --- The open cohort: applications until 10 days from now, starting in three weeks ---------
  const open = await insertCohort({
    trackVersionId: havenMake.id,
    name: "Groep Centrum",
    location: "Cultuurhuis De Loods, Centrum",
    maxSize: 15,
    admittedCount: 1,
    startsOn: addDaysToLocalDate(today, 21),
    applicationsOpenOn: addDaysToLocalDate(today, -14),
    applicationsCloseOn: addDaysToLocalDate(today, 10),
    publishedAt: new Date(now.getTime() - 15 * DAY),
    createdAt: new Date(now.getTime() - 20 * DAY),
  });
  sessionsToInsert.push(...sessionRows(open.id, havenstad.id, scheduleFrom(open.startsOn), havenMake, { meeting: "Cultuurhuis De Loods, Centrum", followUp: "Cultuurhuis De Loods, Centrum" }));
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const openApplicant = (name: string, email: string, age: number, neighbourhood: string) => ({ name, email, age, neighbourhood });
  const motivations = {
    music: "Ik maak muziek en wil jongeren in de buurt laten zien hoe leuk dat is.",
    cooking: "Ik kook graag en wil een buurtmaaltijd organiseren voor mensen die vaak alleen eten.",
    theatre: "Ik speel toneel op school en wil een theaterworkshop in het buurthuis.",
    art: "Ik teken en wil een muurschildering maken met kinderen uit de straat.",
  };
  const finnId = application(open, openApplicant("Finn Vos", "finn.vos@voorbeeld.example", 17, "Havenkwartier"), {
    status: "pending",
    createdAt: daysAgo(1),
    emailConfirmedAt: null,
    expiresAt: new Date(daysAgo(1).getTime() + 14 * DAY),
    motivation: motivations.music,
    heardVia: "social_media",
  });
  const applicant = byEmail.get(APPLICANT.email) ?? null;
  const waitingId = application(open, { ...APPLICANT, userId: applicant?.id ?? null }, {
    status: "pending",
    createdAt: daysAgo(2),
    expiresAt: new Date(daysAgo(2).getTime() + 14 * DAY),
    motivation: motivations.theatre,
    talents: "Toneelspelen en verhalen verzinnen.",
    interests: "Theater, muziek en films.",
    availability: "Doordeweeks na 18:00.",
    guardianName: APPLICANT.guardianName,
    guardianEmail: APPLICANT.guardianEmail,
  });
  const ayoubId = application(open, openApplicant("Ayoub Benali", "ayoub.benali@voorbeeld.example", 14, "Zuidrand"), {
    status: "submitted",
    createdAt: daysAgo(9),
    motivation: motivations.art,
    talents: "Tekenen en graffiti.",
    guardianName: "Karim Benali",
    guardianEmail: "karim.benali@voorbeeld.example",
  });
  application(open, openApplicant("Iris Jansen", "iris.jansen@voorbeeld.example", 19, "Centrum"), { status: "submitted", createdAt: daysAgo(8), motivation: motivations.cooking, heardVia: "friends" });
  const saraId = application(open, openApplicant("Sara Ouali", "sara.ouali@voorbeeld.example", 16, "De Werven"), { status: "submitted", createdAt: daysAgo(4), motivation: motivations.music, heardVia: "club" });
  const thijsId = application(open, openApplicant("Thijs de Boer", "thijs.deboer@voorbeeld.example", 16, "Oude Dijk"), {
    status: "intake_planned",
    createdAt: daysAgo(12),
    motivation: motivations.music,
    intakeAt: zonedLocalToUtc(addDaysToLocalDate(today, 3), "16:30")!,
    intakeLocation: "Cultuurhuis De Loods, kamer 2",
    intakeNotes: "Speelt gitaar in een jongerenband. Vragen naar zijn idee voor een open podium en of woensdagavond past naast zijn bijbaan.",
  });
  const nadia = person("Nadia Rahman", "nadia.rahman@voorbeeld.example", daysAgo(5));
  const nadiaApplicationId = application(open, { ...openApplicant("Nadia Rahman", nadia.email, 22, "Noorderpark"), userId: nadia.id }, {
    status: "admitted",
    createdAt: daysAgo(13),
    motivation: motivations.cooking,
    intakeAt: daysAgo(7),
    intakeLocation: "Cultuurhuis De Loods, kamer 2",
    intakeNotes: "Kookt elke vrijdag voor de buren. Wil een buurtmaaltijd voor ouderen opzetten. Toegelaten.",
    decidedBy: courseLeader.id,
    decidedAt: daysAgo(5),
  });
  enrolmentRows.push({ id: randomUUID(), cohortId: open.id, municipalityId: havenstad.id, userId: nadia.id, applicationId: nadiaApplicationId, status: "active", createdAt: daysAgo(5) });
  application(open, openApplicant("Bram Visser", "bram.visser@voorbeeld.example", 25, "Havenkwartier"), {
    status: "waitlisted",
    createdAt: daysAgo(11),
    motivation: motivations.theatre,
    intakeNotes: "Goede intake. Past beter in de groep van het voorjaar; op de wachtlijst gezet.",
    decidedBy: courseLeader.id,
    decidedAt: daysAgo(3),
  });
  application(open, openApplicant("Ruben Meijer", "ruben.meijer@voorbeeld.example", 31, "Centrum"), {
    status: "declined",
    createdAt: daysAgo(10),
    motivation: "Ik zoek een cursus om mijn eigen bedrijf te promoten.",
    intakeNotes: "Zoekt vooral klanten voor zijn bedrijf. Uitgelegd waar de cursus voor is; niet toegelaten.",
    decidedBy: courseLeader.id,
    decidedAt: daysAgo(6),
  });
  application(open, openApplicant("Hanna Dekker", "hanna.dekker@voorbeeld.example", 18, "Zuidrand"), { status: "withdrawn", createdAt: daysAgo(12), motivation: motivations.art });

  // --- The finished cohort: last year, everyone completed it -----------------------------------
  const finishedSchedule = scheduleFrom(addDaysToLocalDate(today, -392));
  const lastDay = finishedSchedule.followUps[1]!;
  const finished = await insertCohort({
    trackVersionId: havenTrain.id,
    name: "Groep Noorderpark",
    location: "Sporthal Noorderpark",
    maxSize: 15,
    admittedCount: FINISHED_TRAINEES.length,
    startsOn: finishedSchedule.startsOn,
    applicationsOpenOn: addDaysToLocalDate(finishedSchedule.startsOn, -50),
    applicationsCloseOn: addDaysToLocalDate(finishedSchedule.startsOn, -7),
    publishedAt: zonedLocalToUtc(addDaysToLocalDate(finishedSchedule.startsOn, -51), "10:00")!,
    finishedAt: zonedLocalToUtc(addDaysToLocalDate(lastDay, 1), "10:00")!,
    createdAt: zonedLocalToUtc(addDaysToLocalDate(finishedSchedule.startsOn, -55), "10:00")!,
  });
  const finishedSessions = sessionRows(finished.id, havenstad.id, finishedSchedule, havenTrain, { meeting: "Sporthal Noorderpark", followUp: "Sportpark Noorderpark" });
  sessionsToInsert.push(...finishedSessions);
  const finishedMoments = [
    { id: randomUUID(), position: 1, name: "Halverwege", plannedOn: finishedSchedule.meetings[3]! },
    { id: randomUUID(), position: 2, name: "Eindbeoordeling", plannedOn: finishedSchedule.meetings[6]! },
  ];
  for (const m of finishedMoments) momentRows.push({ ...m, cohortId: finished.id, municipalityId: havenstad.id });
  const decidedFinished = zonedLocalToUtc(addDaysToLocalDate(finishedSchedule.startsOn, -5), "12:00")!;
  const issuedAt = zonedLocalToUtc(addDaysToLocalDate(lastDay, 3), "15:00")!;
  FINISHED_TRAINEES.forEach((trainee, index) => {
    const user = person(trainee.name, trainee.email, decidedFinished);
    const applicationId = application(finished, { ...trainee, userId: user.id }, {
      status: "admitted",
      createdAt: zonedLocalToUtc(addDaysToLocalDate(finishedSchedule.startsOn, -40 + index), "20:00")!,
      decidedBy: courseLeader.id,
      decidedAt: decidedFinished,
    });
    const enrolmentId = randomUUID();
    enrolmentRows.push({ id: enrolmentId, cohortId: finished.id, municipalityId: havenstad.id, userId: user.id, applicationId, status: "completed", createdAt: decidedFinished });
    // Everyone met the completion rule: at most one meeting missed (with notice).
    finishedSessions.forEach((session, s) => {
      const missed = session.kind === "meeting" && s === (index * 2) % 7 && index % 3 === 0;
      attendanceRows.push({
        sessionId: session.id,
        enrolmentId,
        municipalityId: havenstad.id,
        status: missed ? "absent_with_notice" : "present",
        isLate: !missed && (index + s) % 9 === 0,
        recordedBy: courseLeader.id,
        recordedAt: session.endsAt,
      });
    });
    planRows.push({
      enrolmentId,
      municipalityId: havenstad.id,
      ownTalent: "Sport en mensen in beweging brengen.",
      ownStory: "Ik wilde iets terugdoen voor de buurt waar ik ben opgegroeid.",
      challenges: "Plannen en op tijd beginnen.",
      observations: "Heeft de cursus goed afgerond en is klaar voor de praktijk.",
      updatedBy: courseLeader.id,
      updatedAt: issuedAt,
    });
    goalRows.push({ enrolmentId, municipalityId: havenstad.id, position: 1, description: "Een eigen sportactiviteit organiseren in de wijk.", status: "achieved" });
    finishedMoments.forEach((m, i) => assessMoment(m.id, enrolmentId, havenTrain, index, i, zonedLocalToUtc(m.plannedOn, "22:00")!));
    certificateRows.push({
      enrolmentId,
      municipalityId: havenstad.id,
      userId: user.id,
      kind: "participation",
      verificationCode: verificationCode(),
      holderName: trainee.name,
      trackName: TRACKS.train.name,
      cohortName: finished.name,
      municipalityName: havenstad.name,
      courseStartedOn: finishedSchedule.startsOn,
      courseEndedOn: lastDay,
      issuedBy: courseLeader.id,
      issuedAt,
    });
  });

  // --- Write it all -----------------------------------------------------------------------------
  if (newUsers.length > 0) await tx.insert(users).values(newUsers);
  await tx.insert(applications).values(applicationRows);
  await tx.insert(enrolments).values(enrolmentRows);
  if (consentRows.length > 0) await tx.insert(consentRecords).values(consentRows);
  // Sessions that have started had their reminders the day before (the reminder job marks them so).
  for (const session of sessionsToInsert) if (session.startsAt.getTime() < now.getTime()) session.remindersSentAt = new Date(session.startsAt.getTime() - DAY);
  await tx.insert(cohortSessions).values(sessionsToInsert);
  await tx.insert(sessionAttendance).values(attendanceRows);
  await tx.insert(developmentPlans).values(planRows);
  await tx.insert(learningGoals).values(goalRows);
  await tx.insert(developmentPlanChanges).values(changeRows);
  await tx.insert(assessmentMoments).values(momentRows);
  await tx.insert(assessments).values(assessmentRows);
  await tx.insert(certificates).values(certificateRows);

  // The mails of the open cohort's applications, written by the application journey's own
  // functions: the unconfirmed applicant's confirmation, and the demo applicant's confirmation and
  // her guardian's consent request; the guardian of the under-16 who was submitted gave consent
  // by the link. Dated back to when they would have been sent.
  const mailCohort = await loadMailCohort(tx, open.id);
  const backdate = async (to: string, kind: string, at: Date) => {
    await tx.execute(sql`update outbox_emails set created_at = ${at} where to_address = ${to} and kind = ${kind}`);
  };
  const confirmMail = async (applicationId: string, who: { name: string; email: string }, needsGuardianConsent: boolean, sentAt: Date) => {
    await queueApplicationEmail(tx, "confirm", mailCohort, {
      to: who.email,
      locale: "nl",
      name: who.name,
      applicantName: who.name,
      link: applicationStatusPath(applicationTokens.get(applicationId)!),
      needsGuardianConsent,
    });
    await backdate(who.email, "application-confirm", sentAt);
  };
  const guardianMail = async (applicationId: string, who: { name: string; guardianName: string; guardianEmail: string }, requestedAt: Date) => {
    const { record, token } = await requestConsent(tx, {
      municipalityId: havenstad.id,
      purpose: "course_application",
      legalBasis: "consent",
      subject: { applicationId },
      givenBy: "guardian",
      giverName: who.guardianName,
      giverEmail: who.guardianEmail,
      textVersion: DEMO_GUARDIAN_CONSENT_TEXT,
      locale: "nl",
    });
    await tx.update(consentRecords).set({ requestedAt }).where(eq(consentRecords.id, record.id));
    await queueApplicationEmail(tx, "guardianConsent", mailCohort, {
      to: who.guardianEmail,
      locale: "nl",
      name: who.guardianName,
      applicantName: who.name,
      link: consentPath(token),
      consentText: DEMO_GUARDIAN_CONSENT_TEXT,
    });
    await backdate(who.guardianEmail, "application-guardianConsent", requestedAt);
    return record.id;
  };
  await confirmMail(finnId, { name: "Finn Vos", email: "finn.vos@voorbeeld.example" }, false, daysAgo(1));
  await confirmMail(waitingId, APPLICANT, true, daysAgo(2));
  await guardianMail(waitingId, APPLICANT, new Date(daysAgo(2).getTime() + 15 * 60_000));
  const ayoubGuardian = { name: "Ayoub Benali", guardianName: "Karim Benali", guardianEmail: "karim.benali@voorbeeld.example" };
  const ayoubConsent = await guardianMail(ayoubId, ayoubGuardian, daysAgo(9));
  await answerConsent(tx, ayoubConsent, "given", "email-link");
  await tx.update(consentRecords).set({ answeredAt: new Date(daysAgo(9).getTime() + 20 * 3_600_000) }).where(eq(consentRecords.id, ayoubConsent));

  // The course leader read the open cohort's applications and the intake notes.
  for (const [applicationId, resource, hoursAgo] of [
    [ayoubId, "application", 30],
    [saraId, "application", 26],
    [thijsId, "intake_notes", 20],
    [nadiaApplicationId, "intake_notes", 5 * 24 + 2],
  ] as const) {
    accessRows.push({ municipalityId: havenstad.id, actorUserId: courseLeader.id, actorRole: "course_leader", subjectApplicationId: applicationId, resource, action: "view", at: new Date(now.getTime() - hoursAgo * 3_600_000) });
  }
  await tx.insert(personalDataAccessLog).values(accessRows);
}
