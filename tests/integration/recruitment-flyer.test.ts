/**
 * The A6 flyer as a file, checked with poppler: one A6 page, tagged, every font embedded, the
 * activity's facts and the short address as text, the QR code a Figure; a title full of markup
 * or thousands of characters long still gives one clean page. Then the flyer over HTTP carries
 * the organiser's code.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFlyerPdf, type FlyerContent } from "~/features/recruitment/flyer-pdf.server";
import { db } from "~/lib/db/client.server";
import { inviteLinks, organisedActivities, users } from "~/lib/db/schema";
import { zonedLocalToUtc } from "~/lib/time";
import { daysFromToday, havenstad, insertActivity } from "../support/calendar-fixtures";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const folder = mkdtempSync(join(tmpdir(), "flyer-"));
const database = useTestDatabase();
let server: TestServer;

function check(pdf: Buffer, name: string): { info: string; text: string; file: string } {
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  expect(info).toMatch(/Tagged:\s+yes/);
  expect(info).toMatch(/Pages:\s+1\n/);
  expect(info).toMatch(/Page size:\s+297\.64 x 419\.53 pts\n/);
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe("yes");
  expect(execFileSync("pdfinfo", ["-struct", file], { encoding: "utf8" })).toContain("Figure");
  return { info, text: execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }), file };
}

const base: FlyerContent = {
  title: "Stoepkrijtfestival op het plein",
  description: "Neem je eigen krijt mee, of gebruik het onze. Voor alle leeftijden.",
  location: "Pleintje Havenstraat",
  neighbourhoodName: "De Haven",
  // 29 March 2026 is the day summer time starts: 14:00 local is 12:00 UTC.
  startsAt: zonedLocalToUtc("2026-03-29", "14:00")!,
  endsAt: zonedLocalToUtc("2026-03-29", "16:30")!,
  municipalityName: "Havenstad",
  qrUrl: "http://localhost/havenstad/activiteiten/00000000-0000-4000-8000-000000000000?ref=abcdefgh1234",
  shortUrl: "http://localhost/doe-mee/abcdefgh1234",
};

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
});
afterAll(async () => {
  await server?.stop();
});

describe("the flyer PDF", () => {
  it("has the title, date and time in Amsterdam, place, a short line, and the short address", async () => {
    const { text, info, file } = check(await renderFlyerPdf(base, "nl"), "plain");
    expect(info).toContain("Flyer: Stoepkrijtfestival op het plein");
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Stoepkrijtfestival op het plein");
    expect(flat).toContain("zondag 29 maart 2026 om 14:00 – 16:30");
    expect(flat).toContain("Pleintje Havenstraat (De Haven)");
    expect(flat).toContain("Neem je eigen krijt mee");
    expect(flat).toContain("http://localhost/doe-mee/abcdefgh1234");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-singlefile", file, join(folder, "plain")]);
    const english = check(await renderFlyerPdf(base, "en"), "english").text.replace(/\s+/g, " ");
    expect(english).toContain("Sunday, 29 March 2026 at 14:00 – 16:30");
  });

  it("stays one clean page with markup, control characters and very long text", async () => {
    const hostile = {
      ...base,
      title: `<script>alert(1)</script>\u0000\u202e${"Heel lange titel ".repeat(400)}`,
      description: "<b>vet</b>\n\n".repeat(2000),
      location: "x".repeat(5000),
      neighbourhoodName: "<i>wijk</i>",
    };
    const { text } = check(await renderFlyerPdf(hostile, "nl"), "hostile");
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).not.toContain("\u202e");
    expect(text).toContain("http://localhost/doe-mee/abcdefgh1234");
    check(await renderFlyerPdf({ ...base, title: "   ", description: "" }, "nl"), "empty");
  });

  it("over HTTP carries the organiser's own code in the QR code's address and as text", async () => {
    const town = await havenstad();
    const [chris] = await db().select({ id: users.id }).from(users).where(eq(users.email, "citytrainer@buurtkracht.example"));
    const activityId = await insertActivity({ municipalityId: town.id, title: "Flyer <b>test</b> activiteit", date: daysFromToday(9), time: "13:00" });
    await db().insert(organisedActivities).values({ municipalityId: town.id, activityId, organiserUserId: chris!.id, idea: "i", goal: "g", targetGroup: "t" });
    const cookie = (await sessionCookieFor(database.url, "citytrainer@buurtkracht.example")).header;
    const response = await fetch(`${server.url}/mijn-activiteiten/${activityId}/flyer.pdf`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const { text } = check(Buffer.from(await response.arrayBuffer()), "http");
    const [link] = await db().select({ code: inviteLinks.code }).from(inviteLinks).where(and(eq(inviteLinks.ownerUserId, chris!.id), isNull(inviteLinks.revokedAt)));
    expect(text.replace(/\s+/g, " ")).toContain(`/doe-mee/${link!.code}`);
    expect(text).toContain("Flyer <b>test</b> activiteit");
  });
});
