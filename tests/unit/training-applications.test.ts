/**
 * The pure rules of applying: ages on the cohort's first day (birthdays, 29 February, the day
 * itself), the application journey's state table, the form schemas, and the consent texts.
 */
import { describe, expect, it } from "vitest";
import { ageOn, checkAgeRule, parseLocalDate, todayInAmsterdam } from "~/features/training/age";
import { APPLICATION_TRANSITIONS, canTransition, isVisibleToStaff, nextStatus, staffEventsFrom, waitingFor } from "~/features/training/application-states";
import { applicationInput, decisionInput, intakeInput } from "~/features/training/applications-schema";
import { CONSENT_TEXTS, CURRENT_GUARDIAN_CONSENT_TEXT, renderConsentText } from "~/features/privacy/consent-texts";
import { APPLICATION_STATUSES } from "~/lib/db/schema";

describe("age on a day", () => {
  it("counts a birthday on the day itself, not the day before", () => {
    expect(ageOn("2012-03-15", "2026-03-14")).toBe(13);
    expect(ageOn("2012-03-15", "2026-03-15")).toBe(14);
    expect(ageOn("2012-03-15", "2026-03-16")).toBe(14);
  });

  it("makes someone born on 29 February a year older on 1 March in a year without it", () => {
    expect(ageOn("2012-02-29", "2026-02-28")).toBe(13);
    expect(ageOn("2012-02-29", "2026-03-01")).toBe(14);
    expect(ageOn("2012-02-29", "2028-02-29")).toBe(16);
    expect(ageOn("2012-02-29", "2028-02-28")).toBe(15);
  });

  it("refuses dates that do not exist", () => {
    expect(parseLocalDate("2026-02-29")).toBeNull();
    expect(parseLocalDate("2026-13-01")).toBeNull();
    expect(parseLocalDate("26-1-1")).toBeNull();
    expect(ageOn("2026-02-30", "2026-03-01")).toBeNull();
  });

  it("takes today's date in Amsterdam, where midnight comes an hour or two before UTC's", () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam (winter time, UTC+1).
    expect(todayInAmsterdam(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    // 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam (summer time, UTC+2).
    expect(todayInAmsterdam(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(todayInAmsterdam(new Date("2026-06-30T21:30:00Z"))).toBe("2026-06-30");
  });
});

describe("the track's age rule on the cohort's first day", () => {
  const rule = { minAge: 14, maxAge: 27, guardianConsentBelowAge: 16 };
  const startsOn = "2027-02-01";

  it("refuses someone who turns 14 the day after the first course day", () => {
    expect(checkAgeRule(rule, "2013-02-02", startsOn)).toEqual({ ok: false, reason: "too_young", age: 13 });
  });

  it("admits someone who turns 14 on the first course day, with a guardian's consent", () => {
    expect(checkAgeRule(rule, "2013-02-01", startsOn)).toEqual({ ok: true, age: 14, needsGuardianConsent: true });
  });

  it("needs no guardian from the 16th birthday on, counted on the first course day", () => {
    expect(checkAgeRule(rule, "2011-02-02", startsOn)).toMatchObject({ ok: true, age: 15, needsGuardianConsent: true });
    expect(checkAgeRule(rule, "2011-02-01", startsOn)).toMatchObject({ ok: true, age: 16, needsGuardianConsent: false });
  });

  it("refuses someone older than the maximum, and has no maximum when the track sets none", () => {
    expect(checkAgeRule(rule, "1999-01-31", startsOn)).toEqual({ ok: false, reason: "too_old", age: 28 });
    expect(checkAgeRule(rule, "1999-02-02", startsOn)).toMatchObject({ ok: true, age: 27 });
    expect(checkAgeRule({ ...rule, maxAge: null }, "1950-01-01", startsOn)).toMatchObject({ ok: true, age: 77 });
  });
});

describe("the application journey", () => {
  it("names only real states in the table", () => {
    for (const { from, to } of Object.values(APPLICATION_TRANSITIONS)) {
      expect(APPLICATION_STATUSES).toContain(to);
      for (const state of from) expect(APPLICATION_STATUSES).toContain(state);
    }
  });

  it.each([
    ["pending", "complete", "submitted"],
    ["pending", "admit", null],
    ["submitted", "plan_intake", "intake_planned"],
    ["intake_planned", "admit", "admitted"],
    ["waitlisted", "admit", "admitted"],
    ["submitted", "waitlist", "waitlisted"],
    ["waitlisted", "waitlist", null],
    ["declined", "admit", null],
    ["admitted", "decline", null],
    ["admitted", "withdraw", "withdrawn"],
    ["pending", "withdraw", "withdrawn"],
    ["withdrawn", "withdraw", null],
    ["declined", "withdraw", null],
  ] as const)("%s + %s → %s", (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
    expect(canTransition(from, event)).toBe(to !== null);
  });

  it("offers staff no decision on a pending, decided or withdrawn application", () => {
    expect(staffEventsFrom("pending")).toEqual([]);
    expect(staffEventsFrom("admitted")).toEqual([]);
    expect(staffEventsFrom("withdrawn")).toEqual([]);
    expect(staffEventsFrom("submitted")).toEqual(["plan_intake", "admit", "waitlist", "decline"]);
    expect(staffEventsFrom("waitlisted")).toEqual(["plan_intake", "admit", "decline"]);
  });

  it("keeps a pending application's data from staff", () => {
    expect(isVisibleToStaff("pending")).toBe(false);
    expect(APPLICATION_STATUSES.filter((s) => s !== "pending").every(isVisibleToStaff)).toBe(true);
  });

  it("says what a pending application waits for", () => {
    expect(waitingFor({ emailConfirmed: false, needsGuardianConsent: true, consentGiven: false })).toEqual(["email_confirmation", "guardian_consent"]);
    expect(waitingFor({ emailConfirmed: true, needsGuardianConsent: true, consentGiven: false })).toEqual(["guardian_consent"]);
    expect(waitingFor({ emailConfirmed: true, needsGuardianConsent: false, consentGiven: false })).toEqual([]);
  });
});

describe("the application form schema", () => {
  const valid = {
    name: "Sem de Boer",
    email: "Sem@Example.org",
    dateOfBirth: "2011-05-31",
    neighbourhoodId: "",
    motivation: "Ik wil kinderen leren voetballen.",
    heardVia: "",
  };

  it("accepts a complete form, lower-cases the address and reads empty choices as none", () => {
    const parsed = applicationInput.safeParse(valid);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ email: "sem@example.org", neighbourhoodId: null, heardVia: null, guardianName: "", guardianEmail: "", talents: "" });
  });

  it.each([
    ["dateOfBirth", "2011-02-30"],
    ["dateOfBirth", "31-05-2011"],
    ["dateOfBirth", "1899-12-31"],
    ["neighbourhoodId", "not-a-uuid"],
    ["heardVia", "tv"],
    ["motivation", ""],
    ["name", "www.example.org"],
    ["guardianEmail", "geen adres"],
    ["guardianName", "<script>"],
  ])("refuses %s = %j", (field, value) => {
    const parsed = applicationInput.safeParse({ ...valid, [field]: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });

  it("takes intake times and decisions only in their own shape", () => {
    expect(intakeInput.safeParse({ intent: "plan_intake", date: "2027-01-12", time: "19:30", location: "Buurthuis" }).success).toBe(true);
    expect(intakeInput.safeParse({ intent: "plan_intake", date: "2027-01-12", time: "25:00", location: "Buurthuis" }).success).toBe(false);
    expect(decisionInput.safeParse({ intent: "admit" }).success).toBe(true);
    expect(decisionInput.safeParse({ intent: "complete" }).success).toBe(false);
  });
});

describe("consent texts", () => {
  it("has the current guardian text in Dutch and English, paragraph for paragraph, with every placeholder filled", () => {
    const text = CONSENT_TEXTS[CURRENT_GUARDIAN_CONSENT_TEXT];
    expect(text.paragraphs.nl.length).toBe(text.paragraphs.en.length);
    const values = { applicant: "Sem", municipality: "Havenstad", track: "Ik train mijn stad", cohort: "Voorjaar", retentionDays: 14 };
    for (const locale of ["nl", "en"] as const) {
      const rendered = renderConsentText(CURRENT_GUARDIAN_CONSENT_TEXT, locale, values).join(" ");
      expect(rendered).not.toMatch(/\{\w+\}/);
      expect(rendered).toContain("14");
    }
    // What the mail must explain: what, why, the legal basis, retention, withdrawal.
    expect(text.paragraphs.nl.join(" ")).toMatch(/Wat we bewaren.*Waarom.*Grondslag.*Bewaren.*Intrekken/s);
  });

  it("keeps published versions dated and keyed by their date", () => {
    for (const [key, text] of Object.entries(CONSENT_TEXTS)) {
      expect(key).toMatch(/-\d{4}-\d{2}$/);
      expect(text.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
