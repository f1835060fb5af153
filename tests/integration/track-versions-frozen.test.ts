/**
 * A published track version never changes in place, and the database holds that line itself (the
 * triggers of migrations 0007, 0008 and 0010), whatever a write in the app forgets. Deleting a
 * network track leaves the municipalities' published copies as they were, only without the link to
 * the version they were taken from.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase({ connect: false });
let client: pg.Client;

async function one(text: string, values: unknown[] = []): Promise<string> {
  const result = await client.query<{ id: string }>(text, values);
  return result.rows[0]!.id;
}

async function publishedVersion(trackId: string, municipalityId: string | null, basedOn: string | null): Promise<string> {
  const versionId = await one(
    `insert into track_versions (track_id, municipality_id, version, name, based_on_version_id) values ($1, $2, 1, 'Ik train mijn stad', $3) returning id`,
    [trackId, municipalityId, basedOn],
  );
  const competenceId = await one(`insert into track_competences (track_version_id, position, name) values ($1, 1, 'Organiseren') returning id`, [versionId]);
  await client.query(`insert into competence_levels (competence_id, level, name) values ($1, 1, 'Begint'), ($1, 2, 'Kan het')`, [competenceId]);
  await client.query(`insert into track_modules (track_version_id, position, title) values ($1, 1, 'Kennismaken')`, [versionId]);
  await client.query(`update track_versions set status = 'published', published_at = now() where id = $1`, [versionId]);
  return versionId;
}

let municipalityId: string;
let networkTrackId: string;
let networkVersionId: string;
let copyVersionId: string;

beforeAll(async () => {
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  municipalityId = await one(`insert into municipalities (slug, name) values ('bevroren', 'Bevroren') returning id`);
  networkTrackId = await one(`insert into tracks default values returning id`);
  networkVersionId = await publishedVersion(networkTrackId, null, null);
  const copyTrackId = await one(`insert into tracks (municipality_id, adopted_from_track_id) values ($1, $2) returning id`, [municipalityId, networkTrackId]);
  copyVersionId = await publishedVersion(copyTrackId, municipalityId, networkVersionId);
});

afterAll(async () => {
  await client?.end();
});

describe("published track versions", () => {
  it.each([
    ["a setting", `update track_versions set meeting_count = 6 where id = $1`],
    ["the name", `update track_versions set name = 'Anders' where id = $1`],
    ["a competence", `update track_competences set name = 'Anders' where track_version_id = $1`],
    ["a rubric level", `update competence_levels set description = 'Anders' where competence_id in (select id from track_competences where track_version_id = $1)`],
    ["a new module", `insert into track_modules (track_version_id, position, title) values ($1, 2, 'Erbij')`],
    ["a removed module", `delete from track_modules where track_version_id = $1`],
    ["the version itself", `delete from track_versions where id = $1`],
    ["the link to its network version, to another version", `update track_versions set based_on_version_id = id where id = $1`],
  ])("refuse a change to %s", async (_what, statement) => {
    const before = await client.query(`select t::text from track_versions t where id = $1`, [copyVersionId]);
    await expect(client.query(statement, [copyVersionId])).rejects.toThrow(/is published and cannot be changed/);
    const after = await client.query(`select t::text from track_versions t where id = $1`, [copyVersionId]);
    expect(after.rows).toEqual(before.rows);
  });

  it("keep a municipality's published copy when the network deletes the track it was taken from", async () => {
    const before = await client.query<{ row: Record<string, unknown> }>(`select to_jsonb(t) - 'based_on_version_id' as row from track_versions t where id = $1`, [copyVersionId]);
    await client.query(`delete from tracks where id = $1`, [networkTrackId]);
    const after = await client.query<{ row: Record<string, unknown>; based_on: string | null }>(
      `select to_jsonb(t) - 'based_on_version_id' as row, based_on_version_id as based_on from track_versions t where id = $1`,
      [copyVersionId],
    );
    expect(after.rows[0]!.based_on).toBeNull();
    expect(after.rows[0]!.row).toEqual(before.rows[0]!.row);
    expect((await client.query(`select 1 from track_versions where id = $1`, [networkVersionId])).rowCount).toBe(0);
  });
});
