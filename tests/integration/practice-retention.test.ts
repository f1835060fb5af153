/**
 * Retention of the practice path (docs/retention.md, forgetPastPractice) on a real database, with
 * trainees planted through the privacy factory (each: a declined proposal 92 days ago, a placement
 * ended early 60 days ago, and a live one with hours, a coaching note, a published practice
 * activity, a final report with a file on disk and a presentation):
 * - X's live placement was completed 800 days ago: it goes with everything on it and the file;
 *   the public activity stays in the calendar's history without X as organiser;
 * - Y's was completed 100 days ago: only the coaching notes and the texts shared at the handover go;
 * - Z's is still active: untouched. Everyone's declined proposal of 92 days ago goes.
 * The certificates stay. A second run changes nothing.
 */
import { access } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetPastPractice, PRACTICE_RETENTION_DAYS } from "~/features/privacy/jobs.server";
import { useTestDatabase } from "../support/database";
import { newMark, type PlantedPerson, plantPerson, plantSharedWorld, removePlantedFiles, rowsAsText } from "../support/privacy";

const database = useTestDatabase();
let client: pg.Client;
let x: PlantedPerson;
let y: PlantedPerson;
let z: PlantedPerson;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function count(text: string, values: unknown[]): Promise<number> {
  return (await client.query<{ n: number }>(text, values)).rows[0]!.n;
}

async function complete(person: PlantedPerson, daysAgo: number): Promise<void> {
  await client.query(`update placements set status = 'completed', ended_at = now() - make_interval(days => $2) where id = $1`, [person.placementId, daysAgo]);
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const world = await plantSharedWorld(client);
  x = await plantPerson(client, world, newMark("zqrx"));
  y = await plantPerson(client, world, newMark("zqry"));
  z = await plantPerson(client, world, newMark("zqrz"));
  await complete(x, 800);
  await complete(y, 100);
});

afterAll(async () => {
  await removePlantedFiles([x, y, z].filter(Boolean));
  await client?.end();
});

describe("retention of the practice path", () => {
  it("uses the documented periods", () => {
    expect(PRACTICE_RETENTION_DAYS).toEqual({ stoppedProposal: 90, coaching: 90, placement: 730 });
  });

  it("removes what is past its period and nothing else", async () => {
    const zBefore = await client.query<{ status: string }>(`select status from placements where trainee_user_id = $1 and status <> 'declined' order by status`, [z.userId]);
    const zRows = async () =>
      JSON.stringify(
        (await client.query(`select p.*, (select count(*) from practice_hours h where h.placement_id = p.id) as hours, (select count(*) from coaching_notes n where n.placement_id = p.id) as notes from placements p where p.id = $1`, [z.placementId])).rows,
      );
    const zLive = await zRows();

    const result = await forgetPastPractice();
    expect(result).toEqual({ stoppedProposals: 3, coachingNotes: 1, sharedTexts: 1, placements: 1 });

    // Everyone's declined proposal of 92 days ago is gone; the early end of 60 days ago stays.
    expect(await count(`select count(*)::int as n from placements where status = 'declined'`, [])).toBe(0);
    expect(await count(`select count(*)::int as n from placements where status = 'ended'`, [])).toBe(3);

    // X: the placement of 800 days ago is gone with everything on it, and the file from the disk.
    expect(await count(`select count(*)::int as n from placements where id = $1`, [x.placementId])).toBe(0);
    for (const table of ["practice_hours", "coaching_notes", "practice_activities", "final_reports", "final_presentations"]) {
      expect(await count(`select count(*)::int as n from ${table} where placement_id = $1`, [x.placementId]), table).toBe(0);
    }
    for (const file of x.practiceFiles) expect(await exists(file), file).toBe(false);
    expect(
      await count(`select count(*)::int as n from activities where municipality_id = $1 and title = 'Praktijkactiviteit' and organiser_name is null and organiser_user_id is null`, [
        x.municipalityId,
      ]),
    ).toBe(1);
    // The certificates stay: the Citytrainer one is X's proof until X asks for erasure.
    expect(await count(`select count(*)::int as n from certificates where user_id = $1 and kind = 'citytrainer' and revoked_at is null and credential is not null`, [x.userId])).toBe(1);

    // Y: 100 days after completion only the coaching notes and the texts shared at the handover are gone.
    expect(await count(`select count(*)::int as n from coaching_notes where placement_id = $1`, [y.placementId])).toBe(0);
    const yPlacement = await client.query<{ shared_observations: string; proposal_note: string; handover_place: string }>(
      `select shared_observations, proposal_note, handover_place from placements where id = $1`,
      [y.placementId],
    );
    expect(yPlacement.rows).toEqual([{ shared_observations: "", proposal_note: "", handover_place: `${y.mark}-placements-handover_place` }]);
    for (const table of ["practice_hours", "practice_activities", "final_reports", "final_presentations"]) {
      expect(await count(`select count(*)::int as n from ${table} where placement_id = $1`, [y.placementId]), table).toBeGreaterThan(0);
    }
    for (const file of y.practiceFiles) expect(await exists(file), file).toBe(true);

    // Z: the live placement is as it was.
    expect(await zRows()).toEqual(zLive);
    expect(zBefore.rows.length).toBe(2);
    for (const file of z.practiceFiles) expect(await exists(file), file).toBe(true);
  });

  it("changes nothing on a second run", async () => {
    const before = { x: await rowsAsText(client, x.mark), y: await rowsAsText(client, y.mark), z: await rowsAsText(client, z.mark) };
    expect(await forgetPastPractice()).toEqual({ stoppedProposals: 0, coachingNotes: 0, sharedTexts: 0, placements: 0 });
    expect({ x: await rowsAsText(client, x.mark), y: await rowsAsText(client, y.mark), z: await rowsAsText(client, z.mark) }).toEqual(before);
  });
});
