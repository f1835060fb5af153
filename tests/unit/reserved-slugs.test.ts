import { describe, expect, it } from "vitest";
import routes from "~/routes";
import { createMunicipalitySchema, RESERVED_SLUGS } from "~/features/municipalities/schema";

function firstSegments(entries: readonly { path?: string; children?: unknown }[]): string[] {
  return entries.flatMap((entry) => {
    const own = entry.path?.split("/")[0] ?? "";
    const children = Array.isArray(entry.children) ? firstSegments(entry.children as { path?: string }[]) : [];
    return [own, ...children];
  });
}

describe("reserved municipality slugs", () => {
  it("include the first segment of every platform URL, so no municipality can shadow a page", () => {
    const segments = firstSegments(routes as { path?: string }[]).filter((segment) => segment !== "" && !segment.startsWith(":"));
    expect(segments).toContain("netwerk");
    const missing = [...new Set(segments)].filter((segment) => !RESERVED_SLUGS.has(segment.replace(/^\./, "")));
    expect(missing, "add these to RESERVED_SLUGS in app/features/municipalities/schema.ts").toEqual([]);
  });

  it("are refused when creating a municipality", () => {
    for (const slug of ["netwerk", "beheer", "inloggen", "uitnodiging", "api", "uploads"]) {
      const result = createMunicipalitySchema.safeParse({ name: "Test", slug, themeColour: "#123456" });
      expect(result.success, slug).toBe(false);
    }
    expect(createMunicipalitySchema.safeParse({ name: "Test", slug: "den-bosch", themeColour: "#123456" }).success).toBe(true);
  });
});
