/** How a municipality runs the practice part of the programme; a missing row means the defaults. */
import { eq } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Executor } from "~/lib/db/client.server";
import { programmeSettings } from "~/lib/db/schema";

export interface ProgrammeSettings {
  /** Whether a placement may be proposed before the certificate of participation. */
  handoverDuringCourse: boolean;
  /** Days a practice supervisor has to answer a proposal before the project leader is alerted. */
  handoverAnswerDays: number;
  /** Days without logged or signed-off hours before a placement counts as stalled. */
  placementQuietDays: number;
  /** Whether certified Citytrainers publish their plans without review (trusted organisers; a project leader overrides per person). */
  certifiedPublishDirectly: boolean;
}

export const DEFAULT_PROGRAMME_SETTINGS: ProgrammeSettings = { handoverDuringCourse: false, handoverAnswerDays: 10, placementQuietDays: 28, certifiedPublishDirectly: false };

/** The municipality's programme settings, or the defaults when it never saved any. */
export async function getProgrammeSettings(municipalityId: MunicipalityId | string, executor: Executor = db()): Promise<ProgrammeSettings> {
  const [row] = await executor
    .select({
      handoverDuringCourse: programmeSettings.handoverDuringCourse,
      handoverAnswerDays: programmeSettings.handoverAnswerDays,
      placementQuietDays: programmeSettings.placementQuietDays,
      certifiedPublishDirectly: programmeSettings.certifiedPublishDirectly,
    })
    .from(programmeSettings)
    .where(eq(programmeSettings.municipalityId, municipalityId));
  return row ?? { ...DEFAULT_PROGRAMME_SETTINGS };
}
