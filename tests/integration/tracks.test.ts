/**
 * Tracks over real HTTP on real PostgreSQL: the network coordinator creates, edits and publishes
 * a track; a published version is frozen (a post that would change it writes nothing and gets a
 * 4xx); a new draft copies it with every part's key; a project leader adopts it, adapts it, sees
 * the network's next version with what changed, says "not now", then takes it over with their
 * own module kept. Materials are checked by their bytes, and downloaded only by staff who may.
 */
import { readdir, readFile } from "node:fs/promises";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeFromRow } from "~/features/authorization/gate.server";
import { listPublishedTrackVersions } from "~/features/training/tracks-reads.server";
import { db } from "~/lib/db/client.server";
import { competenceLevels, moduleMaterials, trackCompetences, trackModules, tracks, trackVersions } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import {
  competenceFields,
  exeBytes,
  get,
  idFromLocation,
  pdfBytes,
  post,
  postFile,
  settingsFields,
  trackTablesFingerprint,
  type Poster,
} from "../support/training-tracks";

const database = useTestDatabase();
let server: TestServer;
let coordinator: Poster;
let projectLeader: Poster;
let otherProjectLeader: Poster;
let courseLeader: Poster;

// Filled in as the story goes on.
let trackId = "";
let v1 = "";
let moduleId = "";
let materialId = "";
let municipalTrackId = "";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const as = async (email: string) => ({ url: server.url, cookie: (await sessionCookieFor(database.url, email)).header });
  coordinator = await as("coordinator@buurtkracht.example");
  projectLeader = await as("projectleider@havenstad.example");
  otherProjectLeader = await as("projectleider@rivierendal.example");
  courseLeader = await as("cursusleider@havenstad.example");
});
afterAll(async () => {
  await server?.stop();
});

async function draftOf(id: string) {
  const [row] = await db().select().from(trackVersions).where(and(eq(trackVersions.trackId, id), eq(trackVersions.status, "draft")));
  return row!;
}

describe("the network coordinator's tracks", () => {
  it("are for the coordinator only: a project leader gets 404", async () => {
    expect((await get(coordinator, "/netwerk/trajecten")).status).toBe(200);
    expect((await get(projectLeader, "/netwerk/trajecten")).status).toBe(404);
    expect((await post(projectLeader, "/netwerk/trajecten", { name: "Overgenomen" })).status).toBe(404);
    expect((await get(courseLeader, "/netwerk/trajecten")).status).toBe(404);
    const network = await (await get(coordinator, "/netwerk")).text();
    expect(network).toContain('href="/netwerk/trajecten"');
  });

  it("creates a track as a version 1 draft with the usual settings", async () => {
    const refused = await post(coordinator, "/netwerk/trajecten", { name: "   " });
    expect(refused.status).toBe(400);
    const created = await post(coordinator, "/netwerk/trajecten", { name: "Ik train mijn stad" });
    expect(created.status).toBe(302);
    trackId = idFromLocation(created);
    const draft = await draftOf(trackId);
    v1 = draft.id;
    expect(draft).toMatchObject({ version: 1, status: "draft", name: "Ik train mijn stad", meetingCount: 7, meetingMinutes: 150, followUpDays: 2, followUpMinutes: 240, practiceHoursTarget: 15, completionMinMeetings: 6, completionRequiresAssessments: true, minAge: 14 });
    expect((await get(projectLeader, `/netwerk/trajecten/${trackId}`)).status).toBe(404);
    const page = await (await get(coordinator, `/netwerk/trajecten/${trackId}`)).text();
    expect(page).toContain("Ik train mijn stad");
  });

  it("saves the settings, and refuses impossible ones with messages and without writing", async () => {
    const saved = await post(coordinator, `/netwerk/trajecten/${trackId}`, settingsFields(v1, { maxAge: "23", meetingCount: "8" }));
    expect(saved.status).toBe(302);
    expect(await draftOf(trackId)).toMatchObject({ maxAge: 23, meetingCount: 8, description: expect.stringContaining("sport") });

    const before = await trackTablesFingerprint();
    const refused = await post(coordinator, `/netwerk/trajecten/${trackId}`, settingsFields(v1, { minAge: "18", maxAge: "16", completionMinMeetings: "9" }));
    expect(refused.status).toBe(400);
    const body = await refused.text();
    expect(body).toContain("De maximumleeftijd kan niet lager zijn dan de minimumleeftijd.");
    expect(body).toContain("Dit kan niet meer zijn dan het aantal bijeenkomsten.");
    expect(await trackTablesFingerprint()).toEqual(before);
  });

  it("adds, edits, orders and removes competences with their rubric levels", async () => {
    const path = `/netwerk/trajecten/${trackId}`;
    expect((await post(coordinator, path, competenceFields(v1, "Samenwerken", ["Start", "Groei", "Goed", "Sterk"]))).status).toBe(302);
    expect((await post(coordinator, path, competenceFields(v1, "Presenteren", ["Start", "Groei", "Goed", "Sterk"]))).status).toBe(302);
    expect((await post(coordinator, path, competenceFields(v1, "Weg ermee", ["A", "B"]))).status).toBe(302);
    const listed = async () => db().select().from(trackCompetences).where(eq(trackCompetences.trackVersionId, v1)).orderBy(asc(trackCompetences.position));
    let competences = await listed();
    expect(competences.map((c) => c.name)).toEqual(["Samenwerken", "Presenteren", "Weg ermee"]);
    const levels = await db().select().from(competenceLevels).where(eq(competenceLevels.competenceId, competences[0]!.id)).orderBy(asc(competenceLevels.level));
    expect(levels.map((l) => [l.level, l.name])).toEqual([
      [1, "Start"],
      [2, "Groei"],
      [3, "Goed"],
      [4, "Sterk"],
    ]);

    // Edit: three levels now; the rubric is replaced.
    const edit = competenceFields(v1, "Samen werken", ["Begin", "Op weg", "Zelfstandig"], competences[0]!.id);
    expect((await post(coordinator, path, edit)).status).toBe(302);
    const edited = await db().select().from(competenceLevels).where(eq(competenceLevels.competenceId, competences[0]!.id));
    expect(edited.map((l) => l.name).sort()).toEqual(["Begin", "Op weg", "Zelfstandig"]);

    // Too few levels: refused.
    const tooFew = await post(coordinator, path, competenceFields(v1, "Eén niveau", ["Alleen"]));
    expect(tooFew.status).toBe(400);
    expect(await tooFew.text()).toContain("Geef minimaal 2 niveaus een naam.");

    // Move "Presenteren" up, remove the third one.
    expect((await post(coordinator, path, { intent: "moveCompetence", versionId: v1, id: competences[1]!.id, direction: "up" })).status).toBe(302);
    expect((await post(coordinator, path, { intent: "removeCompetence", versionId: v1, id: competences[2]!.id })).status).toBe(302);
    competences = await listed();
    expect(competences.map((c) => [c.position, c.name])).toEqual([
      [1, "Presenteren"],
      [2, "Samen werken"],
    ]);
    // The first cannot move further up.
    expect((await post(coordinator, path, { intent: "moveCompetence", versionId: v1, id: competences[0]!.id, direction: "up" })).status).toBe(400);
  });

  it("adds a module and accepts a real PDF, but refuses a program renamed .pdf", async () => {
    const path = `/netwerk/trajecten/${trackId}`;
    const added = await post(coordinator, path, { intent: "saveModule", versionId: v1, moduleId: "", moduleTitle: "Kennismaken", moduleGoal: "Elkaar leren kennen", moduleContent: "Spelletjes en een kringgesprek." });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toMatch(/\?module=[0-9a-f-]{36}/);
    const [module] = await db().select().from(trackModules).where(eq(trackModules.trackVersionId, v1));
    moduleId = module!.id;
    expect(module).toMatchObject({ title: "Kennismaken", origin: "network", position: 1 });

    const before = await trackTablesFingerprint();
    const exe = await postFile(coordinator, path, { intent: "uploadMaterial", versionId: v1, id: moduleId }, { name: "lesplan.pdf", type: "application/pdf", bytes: exeBytes() });
    expect(exe.status).toBe(400);
    expect(await exe.text()).toContain("Dit soort bestand kun je niet toevoegen.");
    expect(await trackTablesFingerprint()).toEqual(before);

    // Larger than the cap of 5 MB: refused with the form's own message, nothing stored.
    const large = new Uint8Array(6 * 1024 * 1024);
    large.set(await pdfBytes(), 0);
    const tooLarge = await postFile(coordinator, path, { intent: "uploadMaterial", versionId: v1, id: moduleId }, { name: "groot.pdf", type: "application/pdf", bytes: large });
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.text()).toContain("Dit bestand is te groot.");
    expect(await trackTablesFingerprint()).toEqual(before);

    const pdf = await pdfBytes("Kennismaken: lesplan");
    const uploaded = await postFile(coordinator, path, { intent: "uploadMaterial", versionId: v1, id: moduleId }, { name: "lesplan kennismaken.pdf", type: "application/octet-stream", bytes: pdf });
    expect(uploaded.status).toBe(302);
    const [material] = await db().select().from(moduleMaterials).where(eq(moduleMaterials.moduleId, moduleId));
    materialId = material!.id;
    expect(material).toMatchObject({ fileName: "lesplan kennismaken.pdf", contentType: "application/pdf", byteSize: pdf.byteLength });

    const download = await get(coordinator, `${path}/materialen/${materialId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    expect((await get(projectLeader, `${path}/materialen/${materialId}`)).status).toBe(404);
  });

  it("publishes with a change note, after which the version is frozen", async () => {
    const path = `/netwerk/trajecten/${trackId}`;
    const noNote = await post(coordinator, path, { intent: "publish", versionId: v1, changeNote: "" });
    expect(noNote.status).toBe(400);
    const published = await post(coordinator, path, { intent: "publish", versionId: v1, changeNote: "Eerste versie." });
    expect(published.status).toBe(302);
    const [row] = await db().select().from(trackVersions).where(eq(trackVersions.id, v1));
    expect(row).toMatchObject({ status: "published", changeNote: "Eerste versie." });
    expect(row!.publishedAt).toBeInstanceOf(Date);

    const before = await trackTablesFingerprint();
    const [competence] = await db().select().from(trackCompetences).where(eq(trackCompetences.trackVersionId, v1));
    const attempts: Record<string, string>[] = [
      settingsFields(v1, { name: "Stiekem veranderd" }),
      competenceFields(v1, "Nieuw", ["A", "B"]),
      competenceFields(v1, "Anders", ["A", "B"], competence!.id),
      { intent: "removeCompetence", versionId: v1, id: competence!.id },
      { intent: "saveModule", versionId: v1, moduleId, moduleTitle: "Anders" },
      { intent: "removeModule", versionId: v1, id: moduleId },
      { intent: "removeMaterial", versionId: v1, id: materialId },
      { intent: "publish", versionId: v1, changeNote: "Nog een keer" },
      { intent: "discardDraft", versionId: v1 },
    ];
    for (const fields of attempts) {
      const response = await post(coordinator, path, fields);
      expect(response.status, fields.intent).toBe(400);
      if (fields.intent !== "discardDraft") expect(await response.text(), fields.intent).toContain("Deze versie is gepubliceerd en verandert niet meer.");
    }
    const refusedPdf = await pdfBytes(`Te laat ${Date.now()}`);
    const upload = await postFile(coordinator, path, { intent: "uploadMaterial", versionId: v1, id: moduleId }, { name: "extra.pdf", type: "application/pdf", bytes: refusedPdf });
    expect(upload.status).toBe(400);
    // The file stored while checking the upload is removed again (the server runs in this folder).
    const folder = "data/uploads/materials";
    const kept = await Promise.all((await readdir(folder)).map((name) => readFile(`${folder}/${name}`)));
    expect(kept.some((bytes) => Buffer.compare(bytes, Buffer.from(refusedPdf)) === 0)).toBe(false);
    expect(await trackTablesFingerprint()).toEqual(before);
    const list = await (await get(coordinator, "/netwerk/trajecten")).text();
    expect(list).toContain("Ik train mijn stad");
    expect(list).toContain("Versie 1");
  });
});

describe("a project leader's own copy", () => {
  it("adopts the network's published version as a draft, with the same keys", async () => {
    const list = await (await get(projectLeader, "/beheer/havenstad/trajecten")).text();
    expect(list).toContain("Ik train mijn stad");
    const adopted = await post(projectLeader, "/beheer/havenstad/trajecten", { intent: "adopt", id: trackId });
    expect(adopted.status).toBe(302);
    municipalTrackId = idFromLocation(adopted);
    const [track] = await db().select().from(tracks).where(eq(tracks.id, municipalTrackId));
    expect(track).toMatchObject({ adoptedFromTrackId: trackId });
    expect(track!.municipalityId).not.toBeNull();
    const draft = await draftOf(municipalTrackId);
    expect(draft).toMatchObject({ version: 1, basedOnVersionId: v1, name: "Ik train mijn stad", meetingCount: 8, municipalityId: track!.municipalityId });
    const keys = async (versionId: string) => ({
      competences: (await db().select({ key: trackCompetences.key }).from(trackCompetences).where(eq(trackCompetences.trackVersionId, versionId)).orderBy(asc(trackCompetences.position))).map((r) => r.key),
      modules: (await db().select({ key: trackModules.key }).from(trackModules).where(eq(trackModules.trackVersionId, versionId)).orderBy(asc(trackModules.position))).map((r) => r.key),
    });
    expect(await keys(draft.id)).toEqual(await keys(v1));

    // Once only; and not by another municipality's project leader through Havenstad's page.
    expect((await post(projectLeader, "/beheer/havenstad/trajecten", { intent: "adopt", id: trackId })).status).toBe(400);
    expect((await post(otherProjectLeader, "/beheer/havenstad/trajecten", { intent: "adopt", id: trackId })).status).toBe(404);
    expect((await get(otherProjectLeader, `/beheer/rivierendal/trajecten/${municipalTrackId}`)).status).toBe(404);
    expect((await get(courseLeader, `/beheer/havenstad/trajecten/${municipalTrackId}`)).status).toBe(404);
  });

  it("adapts and publishes it: renamed, other defaults, an own module", async () => {
    const path = `/beheer/havenstad/trajecten/${municipalTrackId}`;
    const draft = await draftOf(municipalTrackId);
    expect((await post(projectLeader, path, settingsFields(draft.id, { name: "Ik train Havenstad", meetingCount: "7", maxAge: "23" }))).status).toBe(302);
    expect((await post(projectLeader, path, { intent: "saveModule", versionId: draft.id, moduleId: "", moduleTitle: "Havenstad verkennen", moduleGoal: "De wijk kennen" })).status).toBe(302);
    const modules = await db().select().from(trackModules).where(eq(trackModules.trackVersionId, draft.id)).orderBy(asc(trackModules.position));
    expect(modules.map((m) => [m.title, m.origin])).toEqual([
      ["Kennismaken", "network"],
      ["Havenstad verkennen", "own"],
    ]);
    // The network's material comes along, the same stored file, and the project leader and course leaders may download it.
    const [material] = await db().select().from(moduleMaterials).where(eq(moduleMaterials.moduleId, modules[0]!.id));
    const [original] = await db().select().from(moduleMaterials).where(eq(moduleMaterials.id, materialId));
    expect(material!.storageKey).toBe(original!.storageKey);
    expect((await get(projectLeader, `${path}/materialen/${material!.id}`)).status).toBe(200);
    expect((await get(courseLeader, `${path}/materialen/${material!.id}`)).status).toBe(200);
    expect((await get(otherProjectLeader, `/beheer/rivierendal/trajecten/${municipalTrackId}/materialen/${material!.id}`)).status).toBe(404);
    expect((await get(projectLeader, `${path}/materialen/${materialId}`)).status).toBe(404);

    // Only published municipal versions are offered to cohorts.
    const havenstadId = scopeFromRow(draft.municipalityId!, true);
    // (The demo network's own Havenstad copies are published too: look at this copy's versions only.)
    const thisCopy = async () => (await listPublishedTrackVersions(havenstadId)).filter((v) => v.id === draft.id);
    expect(await thisCopy()).toEqual([]);
    expect((await post(projectLeader, path, { intent: "publish", versionId: draft.id, changeNote: "Onze eigen versie." })).status).toBe(302);
    expect(await thisCopy()).toEqual([
      expect.objectContaining({ id: draft.id, name: "Ik train Havenstad", version: 1, meetingCount: 7, followUpDays: 2, minAge: 14, maxAge: 23 }),
    ]);
    const page = await (await get(projectLeader, path)).text();
    expect(page).toContain("Ik train Havenstad");
    expect(page).not.toContain("Nieuwe versie van het netwerk");
  });

  it("sees the network's newer version with what changed, says not now, then takes it over keeping its own module", async () => {
    // The network makes version 2: a new competence, a renamed module, a change note.
    const networkPath = `/netwerk/trajecten/${trackId}`;
    const newDraft = await post(coordinator, networkPath, { intent: "newDraft" });
    expect(newDraft.status).toBe(302);
    const v2 = await draftOf(trackId);
    expect(v2.version).toBe(2);
    const [v2Module] = await db().select().from(trackModules).where(eq(trackModules.trackVersionId, v2.id));
    const [v1Module] = await db().select().from(trackModules).where(eq(trackModules.id, moduleId));
    expect(v2Module!.key).toBe(v1Module!.key);
    expect((await db().select().from(moduleMaterials).where(eq(moduleMaterials.moduleId, v2Module!.id))).length).toBe(1);
    expect((await post(coordinator, networkPath, { intent: "newDraft" })).status).toBe(400);
    expect((await post(coordinator, networkPath, competenceFields(v2.id, "Reflecteren", ["Start", "Groei", "Goed", "Sterk"]))).status).toBe(302);
    expect((await post(coordinator, networkPath, { intent: "saveModule", versionId: v2.id, moduleId: v2Module!.id, moduleTitle: "Kennismaken en afspraken", moduleGoal: "Elkaar leren kennen" })).status).toBe(302);
    expect((await post(coordinator, networkPath, { intent: "publish", versionId: v2.id, changeNote: "Nieuwe competentie Reflecteren." })).status).toBe(302);

    const path = `/beheer/havenstad/trajecten/${municipalTrackId}`;
    const list = await (await get(projectLeader, "/beheer/havenstad/trajecten")).text();
    expect(list).toContain("Versie 2 van het netwerk staat klaar");
    // The demo's own copy of its "Ik train mijn stad" says so too: count the offers.
    const offers = (html: string) => html.split("Versie 2 van het netwerk staat klaar").length - 1;
    const offersBefore = offers(list);
    const page = await (await get(projectLeader, path)).text();
    expect(page).toContain("Nieuwe versie van het netwerk: versie 2");
    expect(page).toContain("Nieuwe competentie Reflecteren.");
    expect(page).toContain("Reflecteren");
    expect(page).toContain("Kennismaken heet nu Kennismaken en afspraken");
    expect(page).toContain("Nu niet");

    // Not now: the list is quiet about it; the page still offers it.
    expect((await post(projectLeader, path, { intent: "notNow", networkVersionId: v2.id })).status).toBe(302);
    expect(offers(await (await get(projectLeader, "/beheer/havenstad/trajecten")).text())).toBe(offersBefore - 1);
    const quiet = await (await get(projectLeader, path)).text();
    expect(quiet).toContain("Je hebt gekozen om versie 2 van het netwerk nu niet over te nemen.");

    // An old or made-up network version cannot be taken over.
    expect((await post(projectLeader, path, { intent: "takeOver", networkVersionId: v1 })).status).toBe(400);

    const takenOver = await post(projectLeader, path, { intent: "takeOver", networkVersionId: v2.id });
    expect(takenOver.status).toBe(302);
    const draft = await draftOf(municipalTrackId);
    expect(draft).toMatchObject({ version: 2, basedOnVersionId: v2.id, name: "Ik train mijn stad" });
    const modules = await db().select().from(trackModules).where(eq(trackModules.trackVersionId, draft.id)).orderBy(asc(trackModules.position));
    expect(modules.map((m) => [m.title, m.origin])).toEqual([
      ["Kennismaken en afspraken", "network"],
      ["Havenstad verkennen", "own"],
    ]);
    const competences = await db().select().from(trackCompetences).where(eq(trackCompetences.trackVersionId, draft.id)).orderBy(asc(trackCompetences.position));
    expect(competences.map((c) => c.name)).toEqual(["Presenteren", "Samen werken", "Reflecteren"]);
    // A second take-over while the draft exists is refused; the offer is gone from the page.
    expect((await post(projectLeader, path, { intent: "takeOver", networkVersionId: v2.id })).status).toBe(400);
    expect(await (await get(projectLeader, path)).text()).not.toContain("Nieuwe versie van het netwerk");
  });

  it("takes over into a copy that was never published by replacing its draft, own modules kept", async () => {
    // Rivierendal adopted version 1 but never published its copy; the network has version 2 now.
    const adopted = await post(otherProjectLeader, "/beheer/rivierendal/trajecten", { intent: "adopt", id: trackId });
    const copy = idFromLocation(adopted);
    const path = `/beheer/rivierendal/trajecten/${copy}`;
    const draft = await draftOf(copy);
    // Adopted after version 2 was published: already up to date, nothing to take over.
    expect(draft.basedOnVersionId).not.toBe(v1);
    expect(await (await get(otherProjectLeader, path)).text()).not.toContain("Nieuwe versie van het netwerk");
    // Make it look like an old copy: based on version 1, with an own module.
    await db().update(trackVersions).set({ basedOnVersionId: v1 }).where(eq(trackVersions.id, draft.id));
    expect((await post(otherProjectLeader, path, { intent: "saveModule", versionId: draft.id, moduleId: "", moduleTitle: "Rivierendal aan de rivier" })).status).toBe(302);
    const latest = (await db().select().from(trackVersions).where(and(eq(trackVersions.trackId, trackId), eq(trackVersions.status, "published"))).orderBy(asc(trackVersions.version))).at(-1)!;
    expect((await post(otherProjectLeader, path, { intent: "takeOver", networkVersionId: latest.id })).status).toBe(302);
    const versions = await db().select().from(trackVersions).where(eq(trackVersions.trackId, copy));
    expect(versions.map((v) => [v.version, v.status, v.basedOnVersionId])).toEqual([[1, "draft", latest.id]]);
    const modules = await db().select().from(trackModules).where(eq(trackModules.trackVersionId, versions[0]!.id)).orderBy(asc(trackModules.position));
    expect(modules.map((m) => [m.title, m.origin])).toEqual([
      ["Kennismaken en afspraken", "network"],
      ["Rivierendal aan de rivier", "own"],
    ]);
  });

  it("discards a draft only when a published version remains", async () => {
    const path = `/beheer/havenstad/trajecten/${municipalTrackId}`;
    const draft = await draftOf(municipalTrackId);
    expect((await post(projectLeader, path, { intent: "discardDraft", versionId: draft.id })).status).toBe(302);
    const versions = await db().select().from(trackVersions).where(eq(trackVersions.trackId, municipalTrackId));
    expect(versions.map((v) => [v.version, v.status])).toEqual([[1, "published"]]);
  });
});

describe("two presses at once", () => {
  it("make one new draft, not two", async () => {
    const path = `/netwerk/trajecten/${trackId}`;
    const answers = await Promise.all([0, 1, 2].map(() => post(coordinator, path, { intent: "newDraft" })));
    expect(answers.map((r) => r.status).sort()).toEqual([302, 400, 400]);
    const drafts = await db().select().from(trackVersions).where(and(eq(trackVersions.trackId, trackId), eq(trackVersions.status, "draft")));
    expect(drafts).toHaveLength(1);
    // Its parts were copied once.
    const modules = await db().select().from(trackModules).where(eq(trackModules.trackVersionId, drafts[0]!.id));
    expect(modules).toHaveLength(1);
  });
});
