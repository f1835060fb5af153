/** The Zod schemas of the track forms: what they accept, and which message each refusal gets. */
import { describe, expect, it } from "vitest";
import { competenceInput, createTrackInput, moduleInput, publishInput, trackFieldsInput } from "~/features/training/tracks-schema";

const versionId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

const fields = {
  versionId,
  name: "Ik train mijn stad",
  description: "",
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
};

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message.split("|")[0]]));
}

describe("trackFieldsInput", () => {
  it("turns the form's text into numbers, an empty maximum into null and the checkbox into a boolean", () => {
    const parsed = trackFieldsInput.parse(fields);
    expect(parsed).toMatchObject({ minAge: 14, maxAge: null, meetingCount: 7, completionMinMeetings: 6, completionRequiresAssessments: true });
    expect(trackFieldsInput.parse({ ...fields, completionRequiresAssessments: undefined }).completionRequiresAssessments).toBe(false);
  });

  it("refuses numbers outside the database's ranges, fractions and words", () => {
    const result = trackFieldsInput.safeParse({ ...fields, minAge: "5", meetingCount: "51", meetingMinutes: "12.5", practiceHoursTarget: "veel" });
    expect(messages(result)).toMatchObject({
      minAge: "tracks.error.numberRange",
      meetingCount: "tracks.error.numberRange",
      meetingMinutes: "tracks.error.wholeNumber",
      practiceHoursTarget: "tracks.error.wholeNumber",
    });
  });

  it("refuses a maximum age below the minimum and a completion rule above the number of meetings", () => {
    const result = trackFieldsInput.safeParse({ ...fields, minAge: "16", maxAge: "15", meetingCount: "5", completionMinMeetings: "6" });
    expect(messages(result)).toEqual({ maxAge: "tracks.error.ageRange", completionMinMeetings: "tracks.error.completionAboveMeetings" });
  });

  it("refuses a version id that is not an id", () => {
    expect(messages(trackFieldsInput.safeParse({ ...fields, versionId: "1 or 1=1" }))).toEqual({ versionId: "validation.invalid" });
  });
});

describe("competenceInput", () => {
  const base = { versionId, competenceName: "Samenwerken", competenceDescription: "" };

  it("numbers the filled-in levels 1, 2, … from low to high, skipping empty rows", () => {
    const parsed = competenceInput.parse({ ...base, level1Name: "Start", level2Name: "", level3Name: "Groei", level3Description: "Doet mee", level4Name: "Sterk" });
    expect(parsed.levels).toEqual([
      { level: 1, name: "Start", description: "" },
      { level: 2, name: "Groei", description: "Doet mee" },
      { level: 3, name: "Sterk", description: "" },
    ]);
    expect(parsed.competenceId).toBeNull();
  });

  it("asks for at least two levels, and for a name where a description is given", () => {
    expect(messages(competenceInput.safeParse({ ...base, level1Name: "Start" }))).toEqual({ level1Name: "tracks.error.levelsTooFew" });
    expect(messages(competenceInput.safeParse({ ...base, level1Name: "A", level2Name: "B", level3Description: "zonder naam" }))).toEqual({
      level3Name: "tracks.error.levelNameMissing",
    });
  });

  it("needs a name", () => {
    expect(messages(competenceInput.safeParse({ ...base, competenceName: "  ", level1Name: "A", level2Name: "B" }))).toHaveProperty("competenceName", "validation.required");
  });
});

describe("the other track forms", () => {
  it("need a module title, a change note and a track name; control characters are refused", () => {
    expect(moduleInput.safeParse({ versionId, moduleTitle: "" }).success).toBe(false);
    expect(moduleInput.parse({ versionId, moduleTitle: "Kennismaken" })).toEqual({ versionId, moduleId: null, title: "Kennismaken", goal: "", content: "" });
    expect(publishInput.safeParse({ versionId, changeNote: "" }).success).toBe(false);
    expect(createTrackInput.safeParse({ name: "Junior\u0000" }).success).toBe(false);
    expect(createTrackInput.parse({ name: " Junior " })).toEqual({ name: "Junior" });
  });
});
