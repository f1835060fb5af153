/** Saving the municipality's programme settings (one row per municipality, made on first save). */
import { sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { programmeSettings } from "~/lib/db/schema";
import type { ProgrammeSettingsInput } from "./handover-schema";

export async function saveProgrammeSettings(municipalityId: MunicipalityId, input: ProgrammeSettingsInput, userId: string): Promise<void> {
  await db()
    .insert(programmeSettings)
    .values({ municipalityId, ...input, updatedBy: userId })
    .onConflictDoUpdate({
      target: programmeSettings.municipalityId,
      set: {
        handoverDuringCourse: input.handoverDuringCourse,
        handoverAnswerDays: input.handoverAnswerDays,
        placementQuietDays: input.placementQuietDays,
        certifiedPublishDirectly: input.certifiedPublishDirectly,
        updatedBy: userId,
        updatedAt: sql`now()`,
      },
    });
}
