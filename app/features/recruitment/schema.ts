import { z } from "zod";

/** "Replace my link": whose link, as `person:<municipality id>` or `team:<team id>`. */
export const replaceLinkInput = z.object({
  intent: z.literal("replace"),
  owner: z.string().regex(/^(person|team):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
});

export type OwnerKey = `person:${string}` | `team:${string}`;

export function parseOwnerKey(key: string): { kind: "person" | "team"; id: string } {
  const [kind, id] = key.split(":") as ["person" | "team", string];
  return { kind, id };
}

/** An optional invite code sent along with a sign-up through the API; an unknown one is ignored. */
export const apiReferral = z.object({ ref: z.string().max(64).optional() });
