/** Input of the privacy pages. */
import { z } from "zod";
import { AUDITED_RESOURCES } from "~/lib/db/schema";
import { optionalText, text, uuid } from "~/lib/validation";

export const erasureRequestInput = z.object({
  reason: optionalText(1000),
  confirm: z.literal("on", { error: "privacy.validation.confirm" }),
});

export const handleErasureInput = z.object({ requestId: uuid });

export const rejectErasureInput = z.object({ requestId: uuid, note: text(1000) });

/** The access log's filter from the page address; anything unreadable is simply no filter. */
export function readAccessLogFilter(url: URL): { person?: string; resource?: (typeof AUDITED_RESOURCES)[number]; before?: number } {
  const person = url.searchParams.get("persoon")?.trim().slice(0, 100) || undefined;
  const resourceValue = url.searchParams.get("onderdeel");
  const resource = AUDITED_RESOURCES.find((r) => r === resourceValue);
  const beforeValue = Number(url.searchParams.get("voor"));
  const before = Number.isSafeInteger(beforeValue) && beforeValue > 0 ? beforeValue : undefined;
  return { person, resource, before };
}
