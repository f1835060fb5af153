/**
 * Helpers for the track tests: form posts (plain and multipart) as a signed-in person, the fields
 * of the track forms, real files to upload, and a fingerprint of every track table to prove that
 * a refused post wrote nothing.
 */
import PDFDocument from "pdfkit";
import { sql } from "drizzle-orm";
import { db } from "~/lib/db/client.server";

export interface Poster {
  url: string;
  cookie: string;
}

export async function post(as: Poster, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${as.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: as.cookie, origin: as.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

export async function postFile(as: Poster, path: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> }): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([file.bytes], { type: file.type }), file.name);
  return fetch(`${as.url}${path}`, { method: "POST", redirect: "manual", headers: { cookie: as.cookie, origin: as.url }, body: form });
}

export async function get(as: Poster, path: string): Promise<Response> {
  return fetch(`${as.url}${path}`, { redirect: "manual", headers: { cookie: as.cookie } });
}

/** The settings form with the usual values, and any overrides. */
export function settingsFields(versionId: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "saveFields",
    versionId,
    name: "Ik train mijn stad",
    description: "De cursus voor jongeren die sport willen geven in hun buurt.",
    minAge: "14",
    maxAge: "",
    guardianConsentBelowAge: "16",
    meetingCount: "7",
    meetingMinutes: "150",
    followUpDays: "2",
    followUpMinutes: "240",
    practiceHoursTarget: "15",
    completionMinMeetings: "6",
    completionRequiresAssessments: "on",
    ...overrides,
  };
}

/** A competence form with its levels, lowest first. */
export function competenceFields(versionId: string, name: string, levels: readonly string[], competenceId = ""): Record<string, string> {
  const fields: Record<string, string> = { intent: "saveCompetence", versionId, competenceId, competenceName: name, competenceDescription: "" };
  levels.forEach((level, index) => {
    fields[`level${index + 1}Name`] = level;
    fields[`level${index + 1}Description`] = `Wat je ziet bij ${level.toLowerCase()}`;
  });
  return fields;
}

/** A real, small PDF made with pdfkit. */
export async function pdfBytes(text = "Lesmateriaal"): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({ size: "A6" });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.text(text);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** The start of a Windows program (MZ header with a PE signature), whatever its name says. */
export function exeBytes(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(1024);
  bytes.set([0x4d, 0x5a], 0);
  // e_lfanew at 0x3c points to the PE header.
  bytes.set([0x80, 0x00, 0x00, 0x00], 0x3c);
  bytes.set([0x50, 0x45, 0x00, 0x00, 0x4c, 0x01], 0x80);
  return bytes;
}

/** Every row of every track table, as one digest per table. */
export async function trackTablesFingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ["tracks", "track_versions", "track_competences", "competence_levels", "track_modules", "module_materials"]) {
    const result = await db().execute<{ digest: string | null; n: number }>(
      sql.raw(`select md5(string_agg(t::text, '|' order by t::text)) as digest, count(*)::int as n from ${table} t`),
    );
    out[table] = `${result.rows[0]?.n}:${result.rows[0]?.digest}`;
  }
  return out;
}

/** The id in a redirect's Location: /netwerk/trajecten/<id>?… */
export function idFromLocation(response: Response): string {
  const location = response.headers.get("location") ?? "";
  const match = location.match(/trajecten\/([0-9a-f-]{36})/);
  if (!match) throw new Error(`no track id in ${location} (${response.status})`);
  return match[1]!;
}
