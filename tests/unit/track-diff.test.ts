/** What changed between two track versions: settings field by field, parts matched by key. */
import { describe, expect, it } from "vitest";
import { diffTrackVersions, isEmptyDiff, type TrackSnapshot } from "~/features/training/track-diff";

const levels = [
  { level: 1, name: "Start", description: "" },
  { level: 2, name: "Groei", description: "" },
];

function snapshot(overrides: Partial<TrackSnapshot> = {}): TrackSnapshot {
  return {
    fields: {
      name: "Ik train mijn stad",
      description: "Sport",
      minAge: 14,
      maxAge: null,
      guardianConsentBelowAge: 16,
      meetingCount: 7,
      meetingMinutes: 150,
      followUpDays: 2,
      followUpMinutes: 240,
      practiceHoursTarget: 15,
      completionMinMeetings: 6,
      completionRequiresAssessments: true,
    },
    competences: [
      { key: "c1", name: "Samenwerken", description: "", levels },
      { key: "c2", name: "Presenteren", description: "", levels },
    ],
    modules: [
      { key: "m1", title: "Kennismaken", goal: "", content: "", origin: "network", materials: [] },
      { key: "m2", title: "Oefenen", goal: "", content: "", origin: "network", materials: [{ fileName: "a.pdf", storageKey: "k1" }] },
    ],
    ...overrides,
  };
}

describe("diffTrackVersions", () => {
  it("finds nothing between equal versions", () => {
    const diff = diffTrackVersions(snapshot(), snapshot());
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it("lists each changed setting with its old and new value", () => {
    const after = snapshot();
    after.fields = { ...after.fields, meetingCount: 8, maxAge: 23, completionRequiresAssessments: false };
    const diff = diffTrackVersions(snapshot(), after);
    expect(diff.fields).toEqual([
      { field: "maxAge", from: null, to: 23 },
      { field: "meetingCount", from: 7, to: 8 },
      { field: "completionRequiresAssessments", from: true, to: false },
    ]);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("matches competences by key: a rename is a change, a new key is an addition, a missing key a removal", () => {
    const after = snapshot({
      competences: [
        { key: "c1", name: "Samen werken", description: "", levels },
        { key: "c3", name: "Reflecteren", description: "", levels },
      ],
    });
    const diff = diffTrackVersions(snapshot(), after);
    expect(diff.competences.added).toEqual([{ key: "c3", name: "Reflecteren" }]);
    expect(diff.competences.removed).toEqual([{ key: "c2", name: "Presenteren" }]);
    expect(diff.competences.changed).toEqual([{ key: "c1", name: "Samen werken", previousName: "Samenwerken", parts: ["name"] }]);
  });

  it("sees changed rubric levels", () => {
    const after = snapshot();
    after.competences = [{ ...after.competences[0]!, levels: [...levels, { level: 3, name: "Sterk", description: "" }] }, after.competences[1]!];
    const diff = diffTrackVersions(snapshot(), after);
    expect(diff.competences.changed).toEqual([{ key: "c1", name: "Samenwerken", previousName: "Samenwerken", parts: ["levels"] }]);
  });

  it("sees module goal, content, materials and order, but not a move caused by an addition", () => {
    const before = snapshot();
    const after = snapshot({
      modules: [
        { key: "m0", title: "Nieuw begin", goal: "", content: "", origin: "network", materials: [] },
        { key: "m1", title: "Kennismaken", goal: "Elkaar kennen", content: "", origin: "network", materials: [] },
        { key: "m2", title: "Oefenen", goal: "", content: "Meer", origin: "network", materials: [] },
      ],
    });
    const diff = diffTrackVersions(before, after);
    expect(diff.modules.added).toEqual([{ key: "m0", name: "Nieuw begin" }]);
    expect(diff.modules.removed).toEqual([]);
    expect(diff.modules.changed).toEqual([
      { key: "m1", name: "Kennismaken", previousName: "Kennismaken", parts: ["goal"] },
      { key: "m2", name: "Oefenen", previousName: "Oefenen", parts: ["content", "materials"] },
    ]);
  });

  it("sees a swap of two modules as a change of order for both", () => {
    const before = snapshot();
    const after = snapshot({ modules: [before.modules[1]!, before.modules[0]!] });
    const diff = diffTrackVersions(before, after);
    expect(diff.modules.changed.map((m) => [m.key, m.parts])).toEqual([
      ["m2", ["position"]],
      ["m1", ["position"]],
    ]);
  });
});
