/**
 * Demo data of the evaluation: Havenstad's organised activities that have ended get evaluations
 * (one stays unevaluated), photo consents in every state (given internal and public — one by a
 * guardian — refused and requested) and two generated photos with the people on them. When the
 * organisers' seed made no ended organised activity, two ended ones of the demo Citytrainer are
 * made here. Skips quietly when Havenstad or the Citytrainer is absent.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import sharp from "sharp";
import { CURRENT_PHOTO_CONSENT_TEXT } from "~/features/privacy/consent-texts";
import { storePhotoFile } from "~/features/organisers/photos-file.server";
import type { Transaction } from "~/lib/db/client.server";
import { activities, activityEvaluations, activityPhotos, activityPhotoSubjects, consentRecords, municipalities, organisedActivities, registrations, users, type AgeGroup } from "~/lib/db/schema";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function createEndedActivities(tx: Transaction, municipalityId: string, now: number): Promise<void> {
  const [organiser] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, "citytrainer@buurtkracht.example"));
  if (!organiser) return;
  const plans = [
    { title: "Buurtbarbecue op het Havenplein", daysAgo: 4, idea: "Samen eten op het plein", people: ["Anouk de Wit:18_26", "Bram Visser:27_66", "Sem Jansen:12_15", "Fatima El Amrani:27_66", "Noor Bakker:16_17"] },
    { title: "Voetbaltoernooi voor de jeugd", daysAgo: 2, idea: "Een middag voetbal", people: ["Daan Smit:12_15", "Lotte de Boer:16_17"] },
  ];
  for (const plan of plans) {
    const startsAt = new Date(now - plan.daysAgo * DAY);
    const [activity] = await tx
      .insert(activities)
      .values({
        municipalityId,
        title: plan.title,
        description: "Georganiseerd door een Citytrainer uit de wijk.",
        category: "welfare",
        location: "Havenplein",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * HOUR),
        capacity: 30,
        confirmedCount: plan.people.length,
        registrationRequired: true,
        organiserName: organiser.name,
        organiserUserId: organiser.id,
        createdBy: organiser.id,
        status: "published",
        publishedAt: new Date(startsAt.getTime() - 10 * DAY),
      })
      .returning({ id: activities.id });
    await tx.insert(organisedActivities).values({ municipalityId, activityId: activity!.id, organiserUserId: organiser.id, idea: plan.idea, goal: "Buren leren elkaar kennen", targetGroup: "Bewoners van De Haven" });
    for (const [index, person] of plan.people.entries()) {
      const [name, ageGroup] = person.split(":") as [string, AgeGroup];
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.org`;
      await tx.insert(registrations).values({
        activityId: activity!.id,
        municipalityId,
        name,
        email,
        ageGroup,
        status: "confirmed",
        attendance: index === plan.people.length - 1 && plan.people.length > 2 ? "no_show" : "attended",
        cancelTokenHash: createHash("sha256").update(randomBytes(16)).digest("base64url"),
        createdAt: new Date(startsAt.getTime() - (5 - index) * DAY),
      });
    }
  }
}

/**
 * The demo resident took part too, signed up with their account, and gave consent for internal
 * use: "Mijn aanmeldingen" shows it and can withdraw it (which deletes the photo they are on).
 */
async function signUpDemoResident(tx: Transaction, municipalityId: string, activityId: string, now: number) {
  const [user] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, "bewoner@buurtkracht.example"));
  if (!user) return null;
  const [registration] = await tx
    .insert(registrations)
    .values({
      activityId,
      municipalityId,
      userId: user.id,
      name: user.name,
      email: user.email,
      ageGroup: "27_66",
      status: "confirmed",
      attendance: "attended",
      cancelTokenHash: createHash("sha256").update(randomBytes(16)).digest("base64url"),
      createdAt: new Date(now - 6 * DAY),
    })
    .returning({ id: registrations.id });
  await tx.update(activities).set({ confirmedCount: sql`${activities.confirmedCount} + 1` }).where(eq(activities.id, activityId));
  const [consent] = await tx
    .insert(consentRecords)
    .values({
      municipalityId,
      purpose: "photos",
      legalBasis: "consent",
      subjectRegistrationId: registration!.id,
      givenBy: "self",
      giverName: user.name,
      giverEmail: user.email,
      textVersion: CURRENT_PHOTO_CONSENT_TEXT.self,
      status: "given",
      photoScope: "internal",
      evidence: "email-link",
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      requestedAt: new Date(now - 20 * HOUR),
      answeredAt: new Date(now - 19 * HOUR),
    })
    .returning({ id: consentRecords.id });
  return { id: registration!.id, name: user.name, email: user.email as string | null, ageGroup: "27_66" as AgeGroup, consent: { id: consent!.id, scope: "internal" as const } };
}

/** A simple generated picture (no faces): coloured shapes on a background, as a JPEG. */
async function demoPicture(colour: string, accent: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="533"><rect width="800" height="533" fill="${colour}"/><circle cx="260" cy="300" r="120" fill="${accent}"/><rect x="430" y="180" width="240" height="240" rx="24" fill="#ffffff" opacity="0.8"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

export async function seedDemoEvaluations(tx: Transaction, now: number = Date.now()): Promise<void> {
  const [havenstad] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, "havenstad"));
  if (!havenstad) return;
  const endedQuery = () =>
    tx
      .select({ id: activities.id, organiserUserId: organisedActivities.organiserUserId })
      .from(organisedActivities)
      .innerJoin(activities, eq(activities.id, organisedActivities.activityId))
      .where(and(eq(organisedActivities.municipalityId, havenstad.id), eq(activities.status, "published"), lt(activities.endsAt, new Date(now))))
      .orderBy(asc(activities.startsAt));
  let ended = await endedQuery();
  if (ended.length === 0) {
    await createEndedActivities(tx, havenstad.id, now);
    ended = await endedQuery();
  }
  // The most recent one stays unevaluated, so the demo shows an evaluation still to do.
  const toEvaluate = ended.slice(0, Math.max(ended.length - 1, 0));
  for (const [index, activity] of toEvaluate.entries()) {
    const people = await tx
      .select({ id: registrations.id, name: registrations.name, email: registrations.email, ageGroup: registrations.ageGroup, attendance: registrations.attendance })
      .from(registrations)
      .where(and(eq(registrations.activityId, activity.id), eq(registrations.status, "confirmed")))
      .orderBy(asc(registrations.sequence));
    const attended = people.filter((p) => p.attendance === "attended");
    await tx.insert(activityEvaluations).values({
      activityId: activity.id,
      municipalityId: havenstad.id,
      turnout: attended.length + 2,
      firstTimeCount: Math.min(2, attended.length + 2),
      wentWell: "Veel buren die elkaar nog niet kenden, raakten aan de praat. De kinderen hielpen met opruimen.",
      doDifferently: "Eerder beginnen met flyeren, en een plek in de schaduw regelen.",
      evaluatedBy: activity.organiserUserId,
      evaluatedAt: new Date(now - DAY),
    });
    await tx.update(activities).set({ status: "completed" }).where(eq(activities.id, activity.id));
    if (index === 0) await seedConsentsAndPhotos(tx, havenstad.id, activity, people, now);
  }
}

async function seedConsentsAndPhotos(
  tx: Transaction,
  municipalityId: string,
  activity: { id: string; organiserUserId: string | null },
  people: { id: string; name: string; email: string | null; ageGroup: AgeGroup }[],
  now: number,
): Promise<void> {
  const reachable = people.filter((p) => p.email);
  const adults = reachable.filter((p) => !["under_12", "12_15"].includes(p.ageGroup));
  const child = reachable.find((p) => ["under_12", "12_15"].includes(p.ageGroup));
  const answers: { person: (typeof people)[number]; status: "given" | "refused" | "requested"; scope?: "internal" | "public"; guardian?: string }[] = [];
  if (adults[0]) answers.push({ person: adults[0], status: "given", scope: "public" });
  if (adults[1]) answers.push({ person: adults[1], status: "given", scope: "internal" });
  if (child) answers.push({ person: child, status: "given", scope: "public", guardian: "Marieke Jansen" });
  if (adults[2]) answers.push({ person: adults[2], status: "refused" });
  if (adults[3]) answers.push({ person: adults[3], status: "requested" });
  const consentIds = new Map<string, { id: string; scope?: "internal" | "public" }>();
  for (const answer of answers) {
    const [row] = await tx
      .insert(consentRecords)
      .values({
        municipalityId,
        purpose: "photos",
        legalBasis: "consent",
        subjectRegistrationId: answer.person.id,
        givenBy: answer.guardian ? "guardian" : "self",
        giverName: answer.guardian ?? answer.person.name,
        giverEmail: answer.person.email!,
        textVersion: answer.guardian ? CURRENT_PHOTO_CONSENT_TEXT.guardian : CURRENT_PHOTO_CONSENT_TEXT.self,
        status: answer.status,
        photoScope: answer.status === "given" ? answer.scope : null,
        evidence: answer.status === "requested" ? null : "email-link",
        tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        requestedAt: new Date(now - 20 * HOUR),
        answeredAt: answer.status === "requested" ? null : new Date(now - 18 * HOUR),
      })
      .returning({ id: consentRecords.id });
    if (answer.status === "given") consentIds.set(answer.person.id, { id: row!.id, scope: answer.scope });
  }
  const resident = await signUpDemoResident(tx, municipalityId, activity.id, now);
  if (resident) consentIds.set(resident.id, resident.consent);
  const publicSubjects = [adults[0], child].filter((p): p is (typeof people)[number] => p !== undefined && consentIds.has(p.id));
  const internalSubjects = [adults[1], resident ?? undefined].filter((p): p is (typeof people)[number] => p !== undefined && consentIds.has(p.id));
  const photos = [
    { subjects: publicSubjects, caption: "Buren aan de lange tafel op het plein", colour: "#2f6f8f", accent: "#f2b134" },
    { subjects: internalSubjects, caption: "Opruimen na afloop", colour: "#5b8c3a", accent: "#e4572e" },
  ];
  for (const photo of photos) {
    if (photo.subjects.length === 0) continue;
    const fileKey = await storePhotoFile(await demoPicture(photo.colour, photo.accent));
    const visibility = photo.subjects.every((s) => consentIds.get(s.id)!.scope === "public") ? "public" : "internal";
    const id = randomUUID();
    await tx.insert(activityPhotos).values({ id, activityId: activity.id, municipalityId, fileKey, visibility, caption: photo.caption, uploadedBy: activity.organiserUserId, uploadedAt: new Date(now - 12 * HOUR) });
    await tx.insert(activityPhotoSubjects).values(photo.subjects.map((s) => ({ photoId: id, municipalityId, registrationId: s.id, consentId: consentIds.get(s.id)!.id })));
  }
}
