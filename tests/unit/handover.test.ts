/**
 * The warm handover's pure rules: when a placement may be proposed, who decides about sharing
 * (the trainee from their 16th birthday, the guardian before), which staff views count as a
 * minor's, the settings' ranges, and the consent texts (which ones cover handover sharing).
 */
import { describe, expect, it } from "vitest";
import { handoverRefusal, needsGuardianForSharing } from "~/features/practice/handover-reads.server";
import { isMinorToday as isMinor } from "~/features/practice/minors";
import { programmeSettingsInput, proposeInput } from "~/features/practice/handover-schema";
import { CONSENT_TEXTS, CURRENT_GUARDIAN_CONSENT_TEXT, CURRENT_HANDOVER_SHARING_TEXT, renderConsentText } from "~/features/privacy/consent-texts";

describe("when a placement may be proposed", () => {
  const cases = [
    { certificate: true, status: "completed", duringCourse: false, live: false, expected: null },
    { certificate: true, status: "active", duringCourse: false, live: false, expected: null },
    { certificate: false, status: "active", duringCourse: false, live: false, expected: "no_certificate" },
    { certificate: false, status: "active", duringCourse: true, live: false, expected: null },
    { certificate: false, status: "completed", duringCourse: true, live: false, expected: "no_certificate" },
    { certificate: true, status: "withdrawn", duringCourse: true, live: false, expected: "withdrawn" },
    { certificate: true, status: "active", duringCourse: false, live: true, expected: "live_placement" },
  ] as const;
  it.each(cases)("certificate $certificate, enrolment $status, during course $duringCourse, live $live → $expected", (c) => {
    expect(handoverRefusal({ hasCertificate: c.certificate, enrolmentStatus: c.status }, c.duringCourse, c.live)).toBe(c.expected);
  });
});

describe("who decides about sharing", () => {
  // 1 June 2026 at noon in Amsterdam.
  const now = new Date("2026-06-01T10:00:00Z");
  it("is the guardian up to the day before the 16th birthday, the trainee from that day", () => {
    expect(needsGuardianForSharing("2010-06-02", now)).toBe(true);
    expect(needsGuardianForSharing("2010-06-01", now)).toBe(false);
    expect(needsGuardianForSharing("2008-01-01", now)).toBe(false);
  });
  it("uses the Amsterdam date: just after midnight there it is already the birthday", () => {
    expect(needsGuardianForSharing("2010-06-02", new Date("2026-06-01T22:30:00Z"))).toBe(false);
  });
  it("is the trainee when the date of birth is unknown (the application was erased)", () => {
    expect(needsGuardianForSharing(null, now)).toBe(false);
  });
  it("logs staff views of anyone under 18, and of anyone whose age is unknown", () => {
    expect(isMinor("2008-06-02", now)).toBe(true);
    expect(isMinor("2008-06-01", now)).toBe(false);
    expect(isMinor(null, now)).toBe(true);
  });
});

describe("the forms' input", () => {
  it("keeps the settings within their ranges", () => {
    const ok = (answer: string, quiet: string) => programmeSettingsInput.safeParse({ handoverAnswerDays: answer, placementQuietDays: quiet }).success;
    expect(ok("1", "7")).toBe(true);
    expect(ok("60", "180")).toBe(true);
    expect(ok("0", "28")).toBe(false);
    expect(ok("61", "28")).toBe(false);
    expect(ok("10", "6")).toBe(false);
    expect(ok("10", "181")).toBe(false);
    expect(ok("1e1", "28")).toBe(false);
    expect(ok("10.5", "28")).toBe(false);
    expect(programmeSettingsInput.parse({ handoverAnswerDays: "10", placementQuietDays: "28", handoverDuringCourse: "on" }).handoverDuringCourse).toBe(true);
    expect(programmeSettingsInput.parse({ handoverAnswerDays: "10", placementQuietDays: "28" }).handoverDuringCourse).toBe(false);
    expect(programmeSettingsInput.safeParse({ handoverAnswerDays: "10", placementQuietDays: "28", handoverDuringCourse: "yes" }).success).toBe(false);
  });
  it("asks a proposal for a supervisor, a date, a time and a place", () => {
    const base = { supervisor: "7b0a6f5e-8c1d-4d5e-9f00-000000000001", date: "2027-03-15", time: "15:30", place: "Sporthal" };
    expect(proposeInput.safeParse(base).success).toBe(true);
    expect(proposeInput.safeParse({ ...base, time: "24:00" }).success).toBe(false);
    expect(proposeInput.safeParse({ ...base, supervisor: "" }).success).toBe(false);
    expect(proposeInput.safeParse({ ...base, place: "\u0000" }).success).toBe(false);
  });
});

describe("consent texts for the handover", () => {
  it("say whether they cover handover sharing: the current guardian course-application text does not", () => {
    expect(CONSENT_TEXTS[CURRENT_GUARDIAN_CONSENT_TEXT].coversHandoverSharing).toBe(false);
    for (const key of Object.values(CURRENT_HANDOVER_SHARING_TEXT)) {
      expect(CONSENT_TEXTS[key].purpose).toBe("handover_sharing");
      expect(CONSENT_TEXTS[key].coversHandoverSharing).toBe(true);
    }
  });
  it("have every paragraph in Dutch and English with every placeholder filled", () => {
    const values = { trainee: "Mila", partner: "Sportclub", supervisor: "Bo", municipality: "Havenstad", track: "Ik train mijn stad", cohort: "Voorjaar", applicant: "Mila" };
    for (const key of Object.values(CURRENT_HANDOVER_SHARING_TEXT)) {
      const text = CONSENT_TEXTS[key];
      expect(text.paragraphs.nl.length).toBe(text.paragraphs.en.length);
      for (const locale of ["nl", "en"] as const) expect(renderConsentText(key, locale, values).join(" ")).not.toMatch(/\{\w+\}/);
      expect(text.paragraphs.nl.join(" ")).toMatch(/Wat we doorgeven.*Waarom.*Grondslag/s);
    }
  });
});
