/** Budget rules as tables: euro parsing, a pot's figures from its ledger, the request journey, and the pot's room. */
import { describe, expect, it } from "vitest";
import { figuresFromLedger, type LedgerRow } from "~/features/budgets/ledger";
import { formatEuros, parseEuros } from "~/features/budgets/money";
import { autoApproves, BUDGET_REQUEST_MACHINE, grantableCents, potChangeRefusal, potCoversNeighbourhood, potOpenTo, settlementEffect } from "~/features/budgets/policy";
import { eventsFor } from "~/lib/state-machine";

describe("parseEuros", () => {
  it.each([
    ["1.250,50", 125_050],
    ["1250.50", 125_050],
    ["1250,50", 125_050],
    ["1,250.50", 125_050],
    ["1.250", 125_000],
    ["1,250", 125_000],
    ["1.25", 125],
    ["12,5", 1250],
    ["0,99", 99],
    [",5", 50],
    ["€ 12", 1200],
    ["€12,-", 1200],
    ["1 250,00", 125_000],
    ["1.000.000", 100_000_000],
  ])("reads %s as %i cents", (input, cents) => {
    expect(parseEuros(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ["-5", "negative"],
    ["−5", "negative"],
    ["abc", "invalid"],
    ["1,2,3", "invalid"],
    ["1.250.50", "invalid"],
    ["1.250,5.0", "invalid"],
    ["12,345,67", "invalid"],
    ["1e5", "invalid"],
    ["0,001", "invalid"],
    ["0.001", "invalid"],
    ["000.000,01", "invalid"],
    ["١٢٣", "invalid"],
    ["", "invalid"],
    ["99999999999999", "tooLarge"],
    ["1.000.001", "tooLarge"],
  ])("refuses %s (%s)", (input, problem) => {
    expect(parseEuros(input)).toEqual({ ok: false, problem });
  });

  it("formats cents in the page's language", () => {
    expect(formatEuros(125_050, "nl").replace(/\s/g, " ")).toBe("€ 1.250,50");
    expect(formatEuros(125_050, "en")).toBe("€1,250.50");
  });
});

describe("figuresFromLedger", () => {
  const fund = (cents: number): LedgerRow => ({ kind: "fund", requestId: null, amountCents: cents });
  const row = (kind: LedgerRow["kind"], requestId: string, cents: number): LedgerRow => ({ kind, requestId, amountCents: cents });

  it.each([
    { name: "an empty pot", rows: [fund(10_000)], expected: { amountCents: 10_000, grantedCents: 0, reservedCents: 0, spentCents: 0, availableCents: 10_000 } },
    { name: "a raised pot", rows: [fund(10_000), fund(2_500), fund(-500)], expected: { amountCents: 12_000, grantedCents: 0, reservedCents: 0, spentCents: 0, availableCents: 12_000 } },
    { name: "an approval", rows: [fund(10_000), row("reserve", "a", 3_000)], expected: { amountCents: 10_000, grantedCents: 3_000, reservedCents: 3_000, spentCents: 0, availableCents: 7_000 } },
    {
      name: "a settlement below the grant",
      rows: [fund(10_000), row("reserve", "a", 3_000), row("spend", "a", 2_400), row("release", "a", 600)],
      expected: { amountCents: 10_000, grantedCents: 3_000, reservedCents: 0, spentCents: 2_400, availableCents: 7_600 },
    },
    {
      name: "an accepted overspend",
      rows: [fund(10_000), row("reserve", "a", 3_000), row("spend", "a", 3_500)],
      expected: { amountCents: 10_000, grantedCents: 3_000, reservedCents: 0, spentCents: 3_500, availableCents: 6_500 },
    },
    {
      name: "an approved request withdrawn",
      rows: [fund(10_000), row("reserve", "a", 3_000), row("release", "a", 3_000), row("reserve", "b", 1_000)],
      expected: { amountCents: 10_000, grantedCents: 4_000, reservedCents: 1_000, spentCents: 0, availableCents: 9_000 },
    },
  ])("sums $name", ({ rows, expected }) => {
    const figures = figuresFromLedger(rows);
    expect(figures).toMatchObject(expected);
    expect(figures.committedCents).toBe(figures.reservedCents + figures.spentCents);
  });
});

describe("the request journey and the pot's room", () => {
  it.each([
    ["submitted", "project_leader", ["approve", "decline"]],
    ["submitted", "requester", ["withdraw"]],
    ["approved", "requester", ["withdraw", "settle"]],
    ["approved", "project_leader", []],
    ["settlement_submitted", "project_leader", ["accept_settlement", "return_settlement"]],
    ["settled", "project_leader", []],
    ["declined", "requester", []],
  ] as const)("in %s the %s may %j", (state, role, events) => {
    expect(eventsFor(BUDGET_REQUEST_MACHINE, state, role)).toEqual(events);
  });

  it.each([
    [{ amountCents: 10_000, committedCents: 9_000 }, 1_000, 1_000, "ok"],
    [{ amountCents: 10_000, committedCents: 9_001 }, 1_000, 1_000, "noRoom"],
    [{ amountCents: 10_000, committedCents: 0 }, 1_000, 1_001, "aboveRequest"],
    [{ amountCents: 10_000, committedCents: 0 }, 1_000, 0, "aboveRequest"],
  ])("grantableCents(%j, asked %i, granted %i) is %s", (pot, asked, granted, expected) => {
    expect(grantableCents(asked, granted, pot)).toBe(expected);
  });

  it("auto-approves only within the threshold and the room", () => {
    expect(autoApproves(500, { autoApproveUpToCents: 500, amountCents: 1000, committedCents: 500 })).toBe(true);
    expect(autoApproves(501, { autoApproveUpToCents: 500, amountCents: 10_000, committedCents: 0 })).toBe(false);
    expect(autoApproves(500, { autoApproveUpToCents: 500, amountCents: 1000, committedCents: 501 })).toBe(false);
    expect(autoApproves(1, { autoApproveUpToCents: null, amountCents: 1000, committedCents: 0 })).toBe(false);
  });

  it("releases what was not spent and needs the tick and room for an overspend", () => {
    const pot = { amountCents: 10_000, committedCents: 9_000 };
    expect(settlementEffect(3_000, 2_000, false, pot)).toEqual({ ok: true, releaseCents: 1_000, extraCents: 0 });
    expect(settlementEffect(3_000, 3_500, false, pot)).toEqual({ ok: false, problem: "overspendNotTicked" });
    expect(settlementEffect(3_000, 4_001, true, pot)).toEqual({ ok: false, problem: "overspendNoRoom" });
    expect(settlementEffect(3_000, 4_000, true, pot)).toEqual({ ok: true, releaseCents: 0, extraCents: 1_000 });
  });

  it("opens pots to the right applicants and neighbourhoods, and keeps a pot's scope once it has requests", () => {
    expect(potOpenTo("both", "team")).toBe(true);
    expect(potOpenTo("citytrainers", "team")).toBe(false);
    expect(potOpenTo("teams", "team")).toBe(true);
    expect(potCoversNeighbourhood(null, "n1")).toBe(true);
    expect(potCoversNeighbourhood("n1", "n2")).toBe(false);
    const current = { neighbourhoodId: "n1", year: 2026, committedCents: 5_000 };
    expect(potChangeRefusal(current, { neighbourhoodId: "n1", year: 2026, amountCents: 4_999 }, true)).toBe("belowCommitted");
    expect(potChangeRefusal(current, { neighbourhoodId: "n2", year: 2026, amountCents: 9_000 }, true)).toBe("scopeFixed");
    expect(potChangeRefusal(current, { neighbourhoodId: "n2", year: 2027, amountCents: 9_000 }, false)).toBeNull();
    expect(potChangeRefusal(current, { neighbourhoodId: "n1", year: 2026, amountCents: 5_000 }, true)).toBeNull();
  });
});
