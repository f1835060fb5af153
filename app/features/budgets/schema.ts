/** Form input of budgets: a pot, a request with its line items, a decision, a settlement. */
import { z } from "zod";
import { localDate } from "~/features/activities/schema";
import { POT_ELIGIBILITY } from "~/lib/db/schema";
import { optionalText, text } from "~/lib/validation";
import { MAX_AMOUNT_CENTS, parseEuros } from "./money";

export const PURPOSE_MAX = 2000;
export const LINE_DESCRIPTION_MAX = 200;
export const REASON_MAX = 1000;
/** Receipts per settlement form; more go in a second post (the body limit counts the whole form). */
export const MAX_RECEIPTS_PER_POST = 5;
/** Line rows the request form shows; empty rows are left out. */
export const LINE_ROWS = 6;

const EURO_MESSAGES = { invalid: "budgets.error.amountInvalid", negative: "budgets.error.amountNegative", tooLarge: "budgets.error.amountTooLarge" } as const;

/** An amount in euros as typed ("1.250,50", "1250.50") → integer cents, at least one cent. */
export const euros = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(30, { error: "budgets.error.amountInvalid" })
  .transform((value, ctx) => {
    const parsed = parseEuros(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: EURO_MESSAGES[parsed.problem] });
      return z.NEVER;
    }
    if (parsed.cents < 1) {
      ctx.addIssue({ code: "custom", message: "budgets.error.amountZero" });
      return z.NEVER;
    }
    return parsed.cents;
  });

/** The same, or nothing (an empty field). */
const optionalEuros = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? "")
  .pipe(z.union([z.literal("").transform(() => null), euros]));

/** Zero is a real amount spent (nothing was bought after all). */
const eurosOrZero = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(30, { error: "budgets.error.amountInvalid" })
  .transform((value, ctx) => {
    const parsed = parseEuros(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: EURO_MESSAGES[parsed.problem] });
      return z.NEVER;
    }
    return parsed.cents;
  });

const optionalId = z
  .string()
  .optional()
  .transform((value) => value ?? "")
  .refine((value) => value === "" || z.uuid().safeParse(value).success, { error: "validation.invalid" })
  .transform((value) => (value === "" ? null : value));

const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === "on" || value === "true");

export const potInput = z
  .object({
    name: text(120),
    year: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(2000, { error: "validation.invalid" }).max(2100, { error: "validation.invalid" }),
    startsOn: localDate,
    endsOn: localDate,
    amount: euros,
    neighbourhoodId: optionalId,
    maxPerRequest: euros,
    autoApproveUpTo: optionalEuros,
    eligible: z.enum(POT_ELIGIBILITY, { error: "validation.invalid" }),
  })
  .superRefine((value, ctx) => {
    if (value.endsOn < value.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "budgets.error.periodOrder" });
    if (value.maxPerRequest > value.amount) ctx.addIssue({ code: "custom", path: ["maxPerRequest"], message: "budgets.error.maxAboveAmount" });
    if (value.autoApproveUpTo !== null && value.autoApproveUpTo > value.maxPerRequest)
      ctx.addIssue({ code: "custom", path: ["autoApproveUpTo"], message: "budgets.error.autoAboveMax" });
  });
export type PotInput = z.infer<typeof potInput>;

/** The line rows that were filled in (fields lineDescription0…, lineAmount0…), with their row on the form. */
export function lineRows(values: Record<string, unknown>): { description: string; amount: string; row: number }[] {
  const rows: { description: string; amount: string; row: number }[] = [];
  for (let i = 0; i < LINE_ROWS; i++) {
    const read = (name: string) => {
      const value = values[`${name}${i}`];
      return typeof value === "string" ? value.trim() : "";
    };
    const description = read("lineDescription");
    const amount = read("lineAmount");
    if (description || amount) rows.push({ description, amount, row: i });
  }
  return rows;
}

const lineInput = z.object({ description: text(LINE_DESCRIPTION_MAX), amount: euros, row: z.number() });

export const requestInput = z
  .object({
    potId: z.uuid({ error: "budgets.error.choosePot" }),
    amount: euros,
    purpose: text(PURPOSE_MAX),
    idempotencyKey: z.string().trim().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "validation.invalid" }),
    lines: z.array(lineInput).min(1, { error: "budgets.error.linesRequired" }).max(LINE_ROWS),
  })
  .superRefine((value, ctx) => {
    const sum = value.lines.reduce((total, line) => total + line.amount, 0);
    if (sum !== value.amount) ctx.addIssue({ code: "custom", path: ["lines"], message: "budgets.error.linesSum" });
  });
export type RequestInput = z.infer<typeof requestInput>;

export const decisionInput = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("approve"), amount: optionalEuros }),
    z.object({ intent: z.literal("decline"), reason: text(REASON_MAX) }),
    z.object({ intent: z.literal("accept_settlement"), overspend: checkbox }),
    z.object({ intent: z.literal("return_settlement"), comment: text(REASON_MAX) }),
  ],
  { error: "validation.invalid" },
);
export type DecisionInput = z.infer<typeof decisionInput>;

export const settlementInput = z.object({
  spent: eurosOrZero,
  note: optionalText(REASON_MAX),
});
export type SettlementInput = z.infer<typeof settlementInput>;

export { MAX_AMOUNT_CENTS };
