/**
 * The final report over HTTP against the real server: the trainee writes a draft, attaches a file
 * (checked by its bytes: a program renamed .pdf is refused), hands it in; the supervisor sends it
 * back with a comment; the trainee changes it and hands it in again; supervisor and course leader
 * assess it on the track's competences at the cohort's final moment, and it is assessed when every
 * competence has a level. A supervisor of another partner, a colleague supervisor, a course leader
 * of another cohort and the trainee get 404 on the staff pages; the project leader reads only.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { assessmentMoments, assessments, finalReports, personalDataAccessLog } from "~/lib/db/schema";
import { listMoments } from "~/features/training/course-reads.server";
import { findFinalReportSummary } from "~/features/practice/final-report-reads.server";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { mailsTo } from "../support/accounts";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createCourseFixture, createCourseUser, userIdOf, type CourseFixture } from "../support/training-course";
import { exeBytes, pdfBytes } from "../support/training-tracks";
import { createActivePlacement, createSupervisor, partnerIdOf } from "../support/practice-finale";

const database = useTestDatabase();
let server: TestServer;
let a: CourseFixture;
let placementId = "";
const cookies: Record<string, string> = {};

const TRAINEE = "eind-sanne@example.org";
const SUPERVISOR = "begeleider@havenstad.example";
const COLLEAGUE = "collega-begeleider@havenstad.example";
const OTHER_PARTNER = "loods-begeleider@havenstad.example";
const LEADER = "cursusleider@havenstad.example";
const LEADER_B = "eind-leider-b@havenstad.example";
const PROJECT_LEADER = "projectleider@havenstad.example";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const leaderB = await createCourseUser(LEADER_B, { name: "Bram Anderegroep", role: "course_leader" });
  a = await createCourseFixture({ courseLeaderIds: [await userIdOf(LEADER)], trainees: [{ email: TRAINEE, name: "Sanne Eindverslag" }], name: "Havenstad eindverslag" });
  await createCourseFixture({ courseLeaderIds: [leaderB], trainees: [{ email: "eind-lotte@example.org" }], name: "Havenstad andere groep" });
  await createSupervisor(COLLEAGUE, "Sportvereniging Havenstad Vooruit", { name: "Cor Collega" });
  await createSupervisor(OTHER_PARTNER, "Cultuurhuis De Loods", { name: "Lies Loods" });
  placementId = await createActivePlacement({
    municipalityId: a.municipalityId,
    enrolmentId: a.enrolments[0]!.id,
    traineeUserId: a.enrolments[0]!.userId,
    partnerOrganisationId: await partnerIdOf("Sportvereniging Havenstad Vooruit"),
    supervisorUserId: await userIdOf(SUPERVISOR),
  });
  for (const email of [TRAINEE, SUPERVISOR, COLLEAGUE, OTHER_PARTNER, LEADER, LEADER_B, PROJECT_LEADER]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

const OWN = "/mijn-praktijk/eindverslag";
const staffPath = () => `/beheer/havenstad/praktijk/${placementId}/eindverslag`;

function post(path: string, who: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("file", new Blob([file.bytes], { type: file.type }), file.name);
  return fetch(`${server.url}${path}`, { method: "POST", headers: { cookie: cookies[who] ?? "", origin: server.url }, body: form, redirect: "manual" });
}
function get(path: string, who: string) {
  return fetch(`${server.url}${path}`, { headers: { cookie: cookies[who]! }, redirect: "manual" });
}
async function report() {
  const [row] = await db().select().from(finalReports).where(eq(finalReports.placementId, placementId));
  return row;
}
const level = (index: number) => `level-${a.competences[index]!.id}`;
const narrative = (index: number) => `narrative-${a.competences[index]!.id}`;

describe("the final report", () => {
  it("is written as a draft, refuses a program renamed .pdf and keeps a real PDF", async () => {
    expect((await get(OWN, TRAINEE)).status).toBe(200);
    const saved = await post(OWN, TRAINEE, { intent: "save", body: "Ik heb <b>tien</b> trainingen gegeven." });
    expect(saved.status).toBe(302);
    expect(await report()).toMatchObject({ status: "draft", body: "Ik heb <b>tien</b> trainingen gegeven.", filePath: null });

    const exe = await post(OWN, TRAINEE, { intent: "save", body: "Met bijlage" }, { name: "verslag.pdf", type: "application/pdf", bytes: exeBytes() });
    expect(exe.status).toBe(400);
    expect(await exe.text()).toContain("Dit soort bestand kun je niet toevoegen.");
    expect(await report()).toMatchObject({ body: "Ik heb <b>tien</b> trainingen gegeven.", filePath: null });

    const pdf = await pdfBytes("Mijn eindverslag");
    expect((await post(OWN, TRAINEE, { intent: "save", body: "Ik heb tien trainingen gegeven." }, { name: "eindverslag.pdf", type: "application/octet-stream", bytes: pdf })).status).toBe(302);
    expect(await report()).toMatchObject({ fileName: "eindverslag.pdf", fileType: "application/pdf", fileSize: pdf.byteLength });
    // A draft is the trainee's own: the reviewers do not get its file yet.
    expect((await get(`${staffPath()}/bestand`, SUPERVISOR)).status).toBe(404);
    expect((await get(`${OWN}/bestand`, TRAINEE)).status).toBe(200);
  });

  it("is handed in, mails supervisor and course leader, and is then closed for changes", async () => {
    expect((await post(OWN, TRAINEE, { intent: "submit", body: "" })).status).toBe(400);
    expect((await report())!.status).toBe("draft");
    const submitted = await post(OWN, TRAINEE, { intent: "submit", body: "Ik heb tien trainingen gegeven." });
    expect(submitted.status).toBe(302);
    expect((await report())!.status).toBe("submitted");
    expect((await mailsTo(database.url, SUPERVISOR)).filter((m) => m.kind === "final-report-submitted")).toHaveLength(1);
    expect((await mailsTo(database.url, LEADER)).filter((m) => m.kind === "final-report-submitted")).toHaveLength(1);
    const again = await post(OWN, TRAINEE, { intent: "save", body: "Toch anders" });
    expect(again.status).toBe(400);
    expect((await report())!.body).toBe("Ik heb tien trainingen gegeven.");
    expect(await findFinalReportSummary(a.municipalityId as MunicipalityId, placementId)).toMatchObject({ status: "submitted", assessedAt: null });
  });

  it("is read by the supervisor, with its file as an attachment, and the view is logged", async () => {
    const page = await get(staffPath(), SUPERVISOR);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Ik heb tien trainingen gegeven.");
    const file = await get(`${staffPath()}/bestand`, SUPERVISOR);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toContain("attachment");
    expect(file.headers.get("x-content-type-options")).toContain("nosniff");
    const logged = await db()
      .select()
      .from(personalDataAccessLog)
      .where(and(eq(personalDataAccessLog.subjectUserId, a.enrolments[0]!.userId), eq(personalDataAccessLog.resource, "final_report")));
    expect(logged.length).toBeGreaterThanOrEqual(2);
  });

  it("is out of reach for another partner's supervisor, a colleague supervisor, another cohort's course leader and the trainee", async () => {
    const assess = { intent: "assess", [level(0)]: "2" };
    for (const who of [OTHER_PARTNER, COLLEAGUE, LEADER_B, TRAINEE]) {
      expect((await get(staffPath(), who)).status, who).toBe(404);
      expect((await get(`${staffPath()}/bestand`, who)).status, who).toBe(404);
      expect((await post(staffPath(), who, assess)).status, who).toBe(404);
      expect((await post(staffPath(), who, { intent: "sendBack", comment: "Nee" })).status, who).toBe(404);
    }
    expect(await db().select().from(assessments).where(eq(assessments.enrolmentId, a.enrolments[0]!.id))).toHaveLength(0);
    expect((await report())!.status).toBe("submitted");
  });

  it("is sent back only with a comment, which the trainee sees; changed and handed in again", async () => {
    expect((await post(staffPath(), SUPERVISOR, { intent: "sendBack", comment: "  " })).status).toBe(400);
    expect((await report())!.status).toBe("submitted");
    expect((await post(staffPath(), SUPERVISOR, { intent: "sendBack", comment: "Vertel meer over <i>wat</i> je leerde." })).status).toBe(302);
    expect(await report()).toMatchObject({ status: "draft", submittedAt: null, returnComment: "Vertel meer over <i>wat</i> je leerde." });
    expect((await mailsTo(database.url, TRAINEE)).filter((m) => m.kind === "final-report-sent-back")).toHaveLength(1);
    const own = await (await get(OWN, TRAINEE)).text();
    expect(own).toContain("Vertel meer over &lt;i&gt;wat&lt;/i&gt; je leerde.");
    expect((await post(OWN, TRAINEE, { intent: "submit", body: "Ik heb tien trainingen gegeven en geleerd hoe ik een groep stil krijg." })).status).toBe(302);
    expect(await report()).toMatchObject({ status: "submitted", returnComment: null, fileName: "eindverslag.pdf" });
  });

  it("is read-only for the project leader", async () => {
    const page = await get(staffPath(), PROJECT_LEADER);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('name="intent" value="assess"');
    const refused = await post(staffPath(), PROJECT_LEADER, { intent: "assess", [level(0)]: "2" });
    expect(refused.status).toBe(400);
    expect(await db().select().from(assessments).where(eq(assessments.enrolmentId, a.enrolments[0]!.id))).toHaveLength(0);
  });

  it("is assessed once every competence has a level at the cohort's final moment", async () => {
    expect((await post(staffPath(), SUPERVISOR, { intent: "assess", [level(0)]: "9" })).status).toBe(400);
    const partly = await post(staffPath(), SUPERVISOR, { intent: "assess", [level(0)]: "3", [narrative(0)]: "Werkt goed samen met de trainers." });
    expect(partly.status).toBe(302);
    expect(partly.headers.get("location")).toContain("deels-beoordeeld");
    expect((await report())!.status).toBe("submitted");
    const moments = await db().select().from(assessmentMoments).where(eq(assessmentMoments.cohortId, a.cohortId));
    expect(moments.filter((m) => m.kind === "final")).toHaveLength(1);
    // The final moment is no course moment: the certificate of participation does not wait for it.
    expect(await listMoments(a.cohortId)).toHaveLength(0);

    const done = await post(staffPath(), LEADER, { intent: "assess", [level(1)]: "4", [narrative(1)]: "Leidt de groep met rust." });
    expect(done.status).toBe(302);
    const row = await report();
    expect(row!.status).toBe("assessed");
    expect(row!.assessedAt).not.toBeNull();
    expect(await db().select().from(assessmentMoments).where(and(eq(assessmentMoments.cohortId, a.cohortId), eq(assessmentMoments.kind, "final")))).toHaveLength(1);
    expect((await mailsTo(database.url, TRAINEE)).filter((m) => m.kind === "final-report-assessed")).toHaveLength(1);

    const own = await (await get(OWN, TRAINEE)).text();
    expect(own).toContain("Werkt goed samen met de trainers.");
    expect(own).toContain("Leidt de groep met rust.");
    // Assessed is final: no more changes, no more assessing.
    expect((await post(staffPath(), SUPERVISOR, { intent: "assess", [level(0)]: "1" })).status).toBe(400);
    expect((await post(staffPath(), SUPERVISOR, { intent: "sendBack", comment: "Toch niet" })).status).toBe(400);
    expect(await findFinalReportSummary(a.municipalityId as MunicipalityId, placementId)).toMatchObject({ status: "assessed" });
  });
});
