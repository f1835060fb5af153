/** A signed-in person's own export: every registered table's rows of them, and a log row that it was written. */
import { db } from "~/lib/db/client.server";
import { exportPersonalData, resolveDataSubject, type PersonalDataExport } from "./registry.server";
import { recordDataExport } from "./writes.server";

export async function exportOwnData(userId: string): Promise<PersonalDataExport | null> {
  const person = await resolveDataSubject(db(), userId);
  if (!person) return null;
  // Logged first, so the export itself lists this download too.
  await recordDataExport(userId);
  return exportPersonalData(db(), person);
}
