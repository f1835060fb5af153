/**
 * Demo invite links: every certified Citytrainer and every active team of Havenstad gets a link,
 * and sign-ups came through them — some from people new to the platform, some from people who had
 * signed up before. Chris Citytrainer's first link was replaced, with one sign-up that still
 * counts. The activities are the Citytrainer's own (organisers' seed) when there are any, else
 * upcoming Havenstad activities with room; rows of other areas are found by query and skipped
 * when absent. The attribution runs through the real rule (recordReferral) in the seed's transaction.
 */
import { createHash } from "node:crypto";
import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { ageGroupFits } from "~/features/registrations/policy";
import { recordReferral } from "~/features/recruitment/attribution.server";
import { ensureInviteLink, type LinkOwner } from "~/features/recruitment/writes.server";
import type { Transaction } from "~/lib/db/client.server";
import { activities, certificates, inviteLinks, municipalities, organisedActivities, registrations, teams, users, type AgeGroup } from "~/lib/db/schema";

const RECRUITS = [
  { name: "Noa Nieuwkomer", email: "noa.nieuwkomer@voorbeeld.example", returning: false },
  { name: "Daan de Vries", email: "daan.devries@voorbeeld.example", returning: false },
  { name: "Yara Bakker", email: "yara.bakker@voorbeeld.example", returning: true },
  { name: "Milan Jansen", email: "milan.jansen@voorbeeld.example", returning: false },
  { name: "Sara El Amrani", email: "sara.elamrani@voorbeeld.example", returning: true },
  { name: "Lucas Visser", email: "lucas.visser@voorbeeld.example", returning: false },
];

type Target = { id: string; municipalityId: string; minAge: number | null; maxAge: number | null };

async function upcomingTargets(tx: Transaction, municipalityId: string, organiserUserId: string | null): Promise<Target[]> {
  const room = sql`(${activities.capacity} is null or ${activities.confirmedCount} + 4 <= ${activities.capacity})`;
  const base = and(eq(activities.municipalityId, municipalityId), eq(activities.status, "published"), eq(activities.registrationRequired, true), gt(activities.startsAt, new Date(Date.now() + 86_400_000)), room);
  const columns = { id: activities.id, municipalityId: activities.municipalityId, minAge: activities.minAge, maxAge: activities.maxAge };
  if (organiserUserId) {
    const own = await tx
      .select(columns)
      .from(activities)
      .leftJoin(organisedActivities, eq(organisedActivities.activityId, activities.id))
      .where(and(base, or(eq(organisedActivities.organiserUserId, organiserUserId), eq(activities.organiserUserId, organiserUserId))))
      .orderBy(asc(activities.startsAt))
      .limit(3);
    if (own.length > 0) return own;
  }
  return tx.select(columns).from(activities).where(base).orderBy(asc(activities.startsAt), asc(activities.id)).limit(3);
}

function ageGroupFor(target: Target): AgeGroup {
  return (["27_66", "18_26", "16_17", "12_15", "under_12", "67_plus"] as const).find((group) => ageGroupFits(target, group)) ?? "27_66";
}

async function signUp(tx: Transaction, target: Target, recruit: { name: string; email: string }, code: string | null, n: number): Promise<void> {
  const [row] = await tx
    .insert(registrations)
    .values({
      activityId: target.id,
      municipalityId: target.municipalityId,
      name: recruit.name,
      email: recruit.email,
      ageGroup: ageGroupFor(target),
      status: "confirmed",
      locale: "nl",
      cancelTokenHash: createHash("sha256").update(`demo-recruit-${target.id}-${recruit.email}-${n}`).digest("base64url"),
    })
    .onConflictDoNothing()
    .returning({ id: registrations.id });
  if (!row) return;
  await tx.update(activities).set({ confirmedCount: sql`${activities.confirmedCount} + 1` }).where(eq(activities.id, target.id));
  await recordReferral(tx, { code, registrationId: row.id, municipalityId: target.municipalityId, userId: null, email: recruit.email });
}

export async function seedDemoRecruitment(tx: Transaction): Promise<void> {
  const [havenstad] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, "havenstad"));
  if (!havenstad) return;
  const citytrainers = await tx
    .selectDistinct({ userId: users.id, email: users.email })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .where(and(eq(certificates.municipalityId, havenstad.id), eq(certificates.kind, "citytrainer"), isNull(certificates.revokedAt)))
    .orderBy(asc(users.email));
  const activeTeams = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.municipalityId, havenstad.id), eq(teams.status, "active"))).orderBy(asc(teams.name));
  let n = 0;
  let recruitIndex = 0;
  const nextRecruit = () => RECRUITS[recruitIndex++ % RECRUITS.length]!;

  for (const citytrainer of citytrainers) {
    const owner: LinkOwner = { kind: "person", municipalityId: havenstad.id, userId: citytrainer.userId };
    const targets = await upcomingTargets(tx, havenstad.id, citytrainer.userId);
    const isChris = citytrainer.email === "citytrainer@buurtkracht.example";
    if (isChris && targets[0]) {
      // A first link that was replaced later: its sign-up keeps counting.
      const old = await ensureInviteLink(owner, tx);
      await signUp(tx, targets[0], { name: "Fenna Oudlink", email: "fenna.oudlink@voorbeeld.example" }, old.code, ++n);
      await tx.update(inviteLinks).set({ revokedAt: new Date(Date.now() - 7 * 86_400_000) }).where(eq(inviteLinks.id, old.id));
    }
    const link = await ensureInviteLink(owner, tx);
    const count = isChris ? RECRUITS.length : 2;
    for (let i = 0; i < count && targets.length > 0; i++) {
      const recruit = isChris ? RECRUITS[i]! : nextRecruit();
      const target = targets[i % targets.length]!;
      // A returning resident signed up for something else before, so they are not new to the platform.
      if (recruit.returning) {
        const earlier = targets[(i + 1) % targets.length]!;
        if (earlier.id !== target.id) await signUp(tx, earlier, recruit, null, ++n);
      }
      await signUp(tx, target, isChris ? recruit : { name: recruit.name, email: recruit.email.replace("@", `.${n}@`) }, link.code, ++n);
    }
  }
  for (const team of activeTeams) {
    const link = await ensureInviteLink({ kind: "team", municipalityId: havenstad.id, teamId: team.id }, tx);
    const targets = await upcomingTargets(tx, havenstad.id, null);
    if (targets[0]) await signUp(tx, targets[0], { name: "Timo Teamgast", email: `timo.teamgast.${team.id.slice(0, 8)}@voorbeeld.example` }, link.code, ++n);
  }
}
