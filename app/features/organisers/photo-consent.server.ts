/**
 * Photo consent of an activity's participants (docs/decisions/033-activity-photos-consent.md).
 * The organiser asks; each participant with an address gets a mail with a link to /toestemming/:token
 * — for an under-16 addressed to a parent or guardian, who must give their name. The answer is
 * "only for the organisers and the municipality" or "also public"; a refusal is kept. The same
 * link withdraws, which deletes every photo the person is on (row and file) in the same transaction.
 */
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { CURRENT_PHOTO_CONSENT_TEXT } from "~/features/privacy/consent-texts";
import { findConsentByToken, requestConsent, withdrawConsent } from "~/features/privacy/consent.server";
import { lockActivity } from "~/features/registrations/writes.server";
import { db } from "~/lib/db/client.server";
import { activities, consentRecords, municipalities, registrations } from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";
import { refuse, type WriteResult } from "~/lib/write-result";
import type { OwnOrganisedActivity } from "./evaluation-access.server";
import { isEvaluationOpen, needsGuardianForPhotos } from "./evaluation-policy";
import { guardianName, type PhotoConsentAnswerInput } from "./evaluation-schema";
import { queuePhotoConsentMail } from "./photos-emails.server";
import { deletePhotosShowing } from "./photos-writes.server";

/**
 * Asks one participant (or all not asked yet) for photo consent. Only confirmed participants with
 * an address, and only once per person: someone who refused or withdrew is not asked again.
 */
export async function requestPhotoConsents(activity: OwnOrganisedActivity, registrationId: string | "all", now: Date = new Date()): Promise<WriteResult<{ asked: number }>> {
  return db().transaction(async (tx) => {
    const locked = await lockActivity(tx, activity.activityId);
    if (!locked || locked.municipalityId !== activity.municipalityId) return refuse("_form", "organisers.evaluation.error.notFound");
    if (locked.status !== "published" && locked.status !== "completed") return refuse("_form", "organisers.evaluation.error.notPublished");
    if (!isEvaluationOpen(activity.endsAt, now) && locked.startsAt.getTime() > now.getTime()) return refuse("_form", "organisers.photos.error.notStarted");
    const candidates = await tx
      .select({ id: registrations.id, name: registrations.name, email: registrations.email, ageGroup: registrations.ageGroup, locale: registrations.locale })
      .from(registrations)
      .where(
        and(
          eq(registrations.activityId, locked.id),
          eq(registrations.municipalityId, activity.municipalityId),
          eq(registrations.status, "confirmed"),
          isNotNull(registrations.email),
          registrationId === "all" ? undefined : eq(registrations.id, registrationId),
        ),
      );
    if (registrationId !== "all" && candidates.length === 0) return refuse("_form", "organisers.photos.error.cannotAsk");
    const asked = candidates.length
      ? new Set(
          (
            await tx
              .select({ id: consentRecords.subjectRegistrationId })
              .from(consentRecords)
              .where(and(eq(consentRecords.purpose, "photos"), inArray(consentRecords.subjectRegistrationId, candidates.map((c) => c.id))))
          ).map((row) => row.id),
        )
      : new Set<string | null>();
    const fresh = candidates.filter((c) => !asked.has(c.id));
    if (registrationId !== "all" && fresh.length === 0) return refuse("_form", "organisers.photos.error.alreadyAsked");
    for (const person of fresh) {
      const forGuardian = needsGuardianForPhotos(person.ageGroup);
      const { token } = await requestConsent(tx, {
        municipalityId: activity.municipalityId,
        purpose: "photos",
        legalBasis: "consent",
        subject: { registrationId: person.id },
        givenBy: forGuardian ? "guardian" : "self",
        // A guardian's name is not known yet: they give it when they answer.
        giverName: forGuardian ? "" : person.name,
        giverEmail: person.email!,
        textVersion: forGuardian ? CURRENT_PHOTO_CONSENT_TEXT.guardian : CURRENT_PHOTO_CONSENT_TEXT.self,
        locale: person.locale,
      });
      await queuePhotoConsentMail(tx, {
        to: person.email!,
        locale: person.locale,
        municipalityId: activity.municipalityId,
        activityId: locked.id,
        participantName: person.name,
        forGuardian,
        activityTitle: locked.title,
        startsAt: locked.startsAt,
        token,
      });
    }
    return { ok: true as const, asked: fresh.length };
  });
}

/** What the consent page shows behind a photo consent link; null for any other token. */
export async function findPhotoConsent(token: string) {
  const consent = await findConsentByToken(db(), token);
  if (!consent || consent.purpose !== "photos" || !consent.subjectRegistrationId) return null;
  const [about] = await db()
    .select({ participantName: registrations.name, activityTitle: activities.title, startsAt: activities.startsAt, municipalityName: municipalities.name })
    .from(registrations)
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .innerJoin(municipalities, eq(municipalities.id, registrations.municipalityId))
    .where(eq(registrations.id, consent.subjectRegistrationId));
  if (!about) return null;
  return { consent, ...about };
}

export type PhotoConsentAnswerResult = "given" | "refused" | "withdrawn" | "unchanged" | "not_found" | { field: string; message: "organisers.consent.error.guardianName" | "validation.nameLink" | "validation.nameCharacters" };

/**
 * The giver's answer through their link. Giving or refusing changes only a consent that still
 * waits (a replayed form changes nothing); withdrawing deletes the photos the person is on.
 */
export async function answerPhotoConsent(token: string, input: PhotoConsentAnswerInput): Promise<PhotoConsentAnswerResult> {
  const found = await findConsentByToken(db(), token);
  if (!found || found.purpose !== "photos" || !found.subjectRegistrationId) return "not_found";
  let giverName = found.giverName;
  if (input.intent !== "withdraw" && found.givenBy === "guardian") {
    const parsed = guardianName.safeParse(input.giverName ?? "");
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message;
      return { field: "giverName", message: message === "validation.nameLink" || message === "validation.nameCharacters" ? message : "organisers.consent.error.guardianName" };
    }
    giverName = parsed.data;
  }
  return db().transaction(async (tx) => {
    if (input.intent === "withdraw") {
      const withdrawn = await withdrawConsent(tx, found.id);
      if (!withdrawn) return "unchanged" as const;
      await deletePhotosShowing(tx, { consentId: found.id });
      return "withdrawn" as const;
    }
    const [answered] = await tx
      .update(consentRecords)
      .set({
        status: input.intent === "give" ? "given" : "refused",
        photoScope: input.intent === "give" ? input.scope : null,
        giverName,
        answeredAt: new Date(),
        evidence: "email-link",
      })
      .where(and(eq(consentRecords.id, found.id), eq(consentRecords.status, "requested")))
      .returning({ status: consentRecords.status });
    return answered ? (answered.status as "given" | "refused") : ("unchanged" as const);
  });
}

/**
 * The photo consents of a signed-in person's own sign-ups (registrations.user_id), for
 * "Mijn aanmeldingen": per sign-up the newest consent asked for it, or none.
 */
export async function listOwnPhotoConsents(userId: string, registrationIds: readonly string[]) {
  if (registrationIds.length === 0) return new Map<string, OwnPhotoConsent>();
  const rows = await db()
    .select({ id: consentRecords.id, registrationId: consentRecords.subjectRegistrationId, status: consentRecords.status, photoScope: consentRecords.photoScope })
    .from(consentRecords)
    .innerJoin(registrations, eq(registrations.id, consentRecords.subjectRegistrationId))
    .where(and(eq(consentRecords.purpose, "photos"), eq(registrations.userId, userId), inArray(registrations.id, [...registrationIds])))
    .orderBy(desc(consentRecords.requestedAt), desc(consentRecords.id));
  const perRegistration = new Map<string, OwnPhotoConsent>();
  for (const row of rows) {
    if (row.registrationId && !perRegistration.has(row.registrationId)) perRegistration.set(row.registrationId, { id: row.id, status: row.status, photoScope: row.photoScope });
  }
  return perRegistration;
}
export interface OwnPhotoConsent {
  id: string;
  status: "requested" | "given" | "refused" | "withdrawn";
  photoScope: "internal" | "public" | null;
}

/**
 * Withdrawal from the person's own account: the same as through the consent link (every photo
 * they are on is deleted, row and file, in the withdrawal's transaction), for a consent whose
 * sign-up is linked to this account; null when there is no such given consent.
 */
export async function withdrawOwnPhotoConsent(userId: string, consentId: string): Promise<{ activityTitle: string } | null> {
  if (!isUuid(consentId)) return null;
  const [found] = await db()
    .select({ id: consentRecords.id, activityTitle: activities.title })
    .from(consentRecords)
    .innerJoin(registrations, eq(registrations.id, consentRecords.subjectRegistrationId))
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .where(and(eq(consentRecords.id, consentId), eq(consentRecords.purpose, "photos"), eq(registrations.userId, userId)));
  if (!found) return null;
  return db().transaction(async (tx) => {
    const withdrawn = await withdrawConsent(tx, found.id);
    if (!withdrawn) return null;
    await deletePhotosShowing(tx, { consentId: found.id });
    return { activityTitle: found.activityTitle };
  });
}
