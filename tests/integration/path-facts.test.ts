/**
 * The path facts (app/features/practice/path-facts.server.ts) over the demo's course data: the
 * finished cohort's trainees stand at "certificate of participation", the running cohort's at "in
 * course", and a placement with signed-off hours moves a trainee on — computed by one query per
 * municipality, on real PostgreSQL.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { seedDemoNetwork } from "~/features/demo/seed.server";
import { countOpenApplications, listTraineePaths } from "~/features/practice/path-facts.server";
import { db } from "~/lib/db/client.server";
import { municipalities, partnerOrganisations, placements, practiceHours } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";

useTestDatabase();
let havenstad: MunicipalityId;

beforeAll(async () => {
  await seedDemoNetwork({ activities: false });
  const [row] = await db().select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, "havenstad"));
  havenstad = row!.id as MunicipalityId;
});

describe("the path of each trainee", () => {
  it("puts the finished cohort at the certificate of participation and the running one in the course", async () => {
    const paths = await listTraineePaths(havenstad);
    const byCohort = (prefix: string) => paths.filter((p) => p.cohortName.startsWith(prefix));
    expect(byCohort("Groep Noorderpark").length).toBeGreaterThan(0);
    expect(new Set(byCohort("Groep Noorderpark").map((p) => p.step))).toEqual(new Set(["participation_certificate"]));
    expect(new Set(byCohort("Groep Havenkwartier").map((p) => p.step))).toEqual(new Set(["in_course"]));
    expect(byCohort("Groep Noorderpark")[0]!.missing).toEqual(["practice_hours", "practice_activity", "final_report", "presentation"]);
  });

  it("moves a trainee into placement and counts only signed-off hours", async () => {
    const [trainee] = (await listTraineePaths(havenstad)).filter((p) => p.cohortName.startsWith("Groep Noorderpark"));
    const [partner] = await db().select({ id: partnerOrganisations.id }).from(partnerOrganisations).where(eq(partnerOrganisations.municipalityId, havenstad));
    const now = new Date();
    const [placement] = await db()
      .insert(placements)
      .values({
        municipalityId: havenstad,
        enrolmentId: trainee!.enrolmentId,
        traineeUserId: trainee!.userId,
        partnerOrganisationId: partner!.id,
        status: "active",
        handoverAt: now,
        handoverPlace: "Clubhuis",
        sharedAt: now,
        answeredAt: now,
        startedAt: now,
      })
      .returning({ id: placements.id });
    const hour = (status: "signed_off" | "submitted", hours: number) => ({
      municipalityId: havenstad,
      placementId: placement!.id,
      traineeUserId: trainee!.userId,
      startsAt: new Date("2026-11-02T09:00:00Z"),
      endsAt: new Date(Date.parse("2026-11-02T09:00:00Z") + hours * 3_600_000),
      description: "Training gegeven",
      status,
      reviewedAt: status === "signed_off" ? now : null,
    });
    await db().insert(practiceHours).values([hour("signed_off", 2), hour("signed_off", 1.5), hour("submitted", 4)]);
    const [path] = await listTraineePaths(havenstad, { enrolmentIds: [trainee!.enrolmentId] });
    expect(path).toMatchObject({ step: "in_placement", placementStatus: "active", signedOffMinutes: 210, targetHours: 15, placementId: placement!.id });
    expect(await listTraineePaths(havenstad, { cohortIds: [] })).toEqual([]);
  });

  it("counts open applications by status without reading them", async () => {
    const counts = await countOpenApplications(havenstad);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const { rows } = await db().execute<{ n: number }>(sql`select count(*)::int as n from applications where municipality_id = ${havenstad} and status = 'submitted'`);
    expect(counts.submitted ?? 0).toBe(rows[0]!.n);
  });
});
