/**
 * Running a municipality over real HTTP: bad input gets a 400 with a Dutch message and leaves the
 * database as it was; another municipality's rows cannot be reached through this municipality's
 * forms; cross-site posts are refused; invitations only work for the right person, once.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, invitations, memberships, municipalities, neighbourhoodDeletions, neighbourhoods, outboxEmails, partnerOrganisations, users } from "~/lib/db/schema";
import { createTestActivity } from "../support/activities";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
const cookies: Record<string, string> = {};

const PROJECT_LEADER = "projectleider@havenstad.example";
const OTHER_PROJECT_LEADER = "projectleider@rivierendal.example";
const COORDINATOR = "coordinator@buurtkracht.example";
const COURSE_LEADER = "cursusleider@havenstad.example";
const RESIDENT = "bewoner@buurtkracht.example";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  for (const email of [PROJECT_LEADER, OTHER_PROJECT_LEADER, COORDINATOR, COURSE_LEADER, RESIDENT]) {
    cookies[email] = (await sessionCookieFor(database.url, email)).header;
  }
});
afterAll(async () => {
  await server?.stop();
});

async function post(path: string, body: Record<string, string> | FormData | string, as: string | null, origin = server.url, language?: string) {
  const headers: Record<string, string> = { origin };
  if (as) headers.cookie = cookies[as]!;
  if (language) headers.cookie = `${headers.cookie ?? ""}; buurtkracht_lang=${language}`;
  let payload: BodyInit;
  if (typeof body === "string") {
    headers["content-type"] = "application/json";
    payload = body;
  } else if (body instanceof FormData) {
    payload = body;
  } else {
    payload = new URLSearchParams(body);
  }
  const response = await fetch(`${server.url}${path}`, { method: "POST", headers, body: payload, redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

async function get(path: string, as: string | null) {
  const response = await fetch(`${server.url}${path}`, { headers: as ? { cookie: cookies[as]! } : {}, redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

/** The visible text of a page (markup stripped, entities decoded), to look for messages. */
function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function municipalityRow(slug: string) {
  const [row] = await db().select().from(municipalities).where(eq(municipalities.slug, slug));
  return row;
}

async function idOf(slug: string): Promise<string> {
  return (await municipalityRow(slug))!.id;
}

async function tableCounts() {
  const [[m], [n], [p], [ms], [i], [o]] = await Promise.all([
    db().select({ n: count() }).from(municipalities),
    db().select({ n: count() }).from(neighbourhoods),
    db().select({ n: count() }).from(partnerOrganisations),
    db().select({ n: count() }).from(memberships),
    db().select({ n: count() }).from(invitations),
    db().select({ n: count() }).from(outboxEmails),
  ]);
  return { municipalities: m!.n, neighbourhoods: n!.n, partners: p!.n, memberships: ms!.n, invitations: i!.n, outbox: o!.n };
}

const validSettings = { name: "Havenstad", slug: "havenstad", themeColour: "#1d4f91", introduction: "Welkom." };

describe("municipality settings refuse bad input with a Dutch message and change nothing", () => {
  const cases: [string, Record<string, string>, string][] = [
    ["an empty name", { ...validSettings, name: "" }, "Vul dit veld in."],
    ["a name of only spaces", { ...validSettings, name: "    " }, "Vul dit veld in."],
    ["a huge name", { ...validSettings, name: "H".repeat(20_000) }, "Dit is te lang (maximaal 100 tekens)."],
    ["HTML in the name", { ...validSettings, name: "<script>alert(1)</script>" }, "Gebruik gewone tekst, zonder HTML-codes"],
    ["HTML in the introduction", { ...validSettings, introduction: 'Hallo <img src=x onerror="alert(1)">' }, "Gebruik gewone tekst"],
    ["control characters", { ...validSettings, name: "Haven\u0007stad\u0000" }, "Deze tekst bevat tekens die niet zijn toegestaan."],
    ["a slug another municipality uses", { ...validSettings, slug: "rivierendal" }, "Een andere gemeente gebruikt dit webadres al."],
    ["a reserved slug", { ...validSettings, slug: "netwerk" }, "Dit webadres is gereserveerd"],
    ["another reserved slug", { ...validSettings, slug: "uitnodiging" }, "Dit webadres is gereserveerd"],
    ["a slug with capitals and spaces", { ...validSettings, slug: "Haven Stad" }, "Gebruik alleen kleine letters, cijfers en streepjes"],
    ["a colour name", { ...validSettings, themeColour: "red" }, "Kies een kleur als #rrggbb"],
    ["a colour with a wrong digit", { ...validSettings, themeColour: "#12345g" }, "Kies een kleur als #rrggbb"],
    ["a colour that is too long", { ...validSettings, themeColour: "#1234567" }, "Kies een kleur als #rrggbb"],
    ["a missing colour", { name: "Havenstad", slug: "havenstad" }, "Vul dit veld in."],
    ["a huge introduction", { ...validSettings, introduction: "x".repeat(2001) }, "maximaal 2000 tekens"],
  ];

  for (const [name, fields, message] of cases) {
    it(`refuses ${name}`, async () => {
      const before = await municipalityRow("havenstad");
      const response = await post("/beheer/havenstad/instellingen", fields, PROJECT_LEADER);
      expect(response.status).toBe(400);
      expect(text(response.html)).toContain(message);
      expect(await municipalityRow("havenstad")).toEqual(before);
    });
  }

  it("refuses a file that is not an image, whatever its name and type claim", async () => {
    const before = await municipalityRow("havenstad");
    const form = new FormData();
    for (const [key, value] of Object.entries(validSettings)) form.set(key, value);
    form.set("logo", new File(["<?php echo 'not an image'; ?>"], "logo.png", { type: "image/png" }));
    const response = await post("/beheer/havenstad/instellingen", form, PROJECT_LEADER);
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain("Dit bestand is geen afbeelding die we kunnen gebruiken.");
    expect(await municipalityRow("havenstad")).toEqual(before);
  });

  it("refuses an empty file", async () => {
    const before = await municipalityRow("havenstad");
    const form = new FormData();
    for (const [key, value] of Object.entries(validSettings)) form.set(key, value);
    form.set("logo", new File([], "logo.png", { type: "image/png" }));
    const response = await post("/beheer/havenstad/instellingen", form, PROJECT_LEADER);
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain("Het gekozen bestand is leeg.");
    expect(await municipalityRow("havenstad")).toEqual(before);
  });

  it("refuses a body that is not a form, and an empty form", async () => {
    const before = await municipalityRow("havenstad");
    const json = await post("/beheer/havenstad/instellingen", JSON.stringify(validSettings), PROJECT_LEADER);
    expect(json.status).toBe(400);
    expect(text(json.html)).toContain("Vul dit veld in.");
    const empty = await post("/beheer/havenstad/instellingen", {}, PROJECT_LEADER);
    expect(empty.status).toBe(400);
    expect(await municipalityRow("havenstad")).toEqual(before);
  });

  it("refuses a cross-site post before anything runs", async () => {
    const before = await municipalityRow("havenstad");
    const response = await post("/beheer/havenstad/instellingen", { ...validSettings, name: "Overgenomen" }, PROJECT_LEADER, "https://evil.example");
    expect(response.status).toBe(403);
    expect(await municipalityRow("havenstad")).toEqual(before);
  });

  it("answers 404 to staff without the right, and changes nothing", async () => {
    const before = await municipalityRow("havenstad");
    for (const email of [COURSE_LEADER, OTHER_PROJECT_LEADER, RESIDENT]) {
      const response = await post("/beheer/havenstad/instellingen", { ...validSettings, name: "Overgenomen" }, email);
      expect(response.status, email).toBe(404);
    }
    expect((await get("/beheer/havenstad/instellingen", OTHER_PROJECT_LEADER)).status).toBe(404);
    expect(await municipalityRow("havenstad")).toEqual(before);
  });

  it("sends someone who is not signed in to the sign-in page", async () => {
    const response = await get("/beheer/havenstad/instellingen", null);
    expect(response.status).toBe(302);
    expect(response.location).toContain("/inloggen?redirectTo=%2Fbeheer%2Fhavenstad%2Finstellingen");
  });

  it("saves valid settings with a logo, and a new slug moves the pages", async () => {
    const logo = await sharp({ create: { width: 300, height: 120, channels: 3, background: "#ff6600" } }).png().toBuffer();
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...validSettings, name: "Havenstad aan Zee", slug: "havenstad-aan-zee", themeColour: "#7A1F5C" })) {
      form.set(key, value);
    }
    form.set("logo", new File([logo], "logo.png", { type: "image/png" }));
    const response = await post("/beheer/havenstad/instellingen", form, PROJECT_LEADER);
    expect(response.status).toBe(302);
    expect(response.location).toBe("/beheer/havenstad-aan-zee/instellingen?melding=opgeslagen");
    const row = await municipalityRow("havenstad-aan-zee");
    expect(row).toMatchObject({ name: "Havenstad aan Zee", themeColour: "#7a1f5c", introduction: "Welkom." });
    expect(row!.logoPath).toMatch(/^[0-9a-f-]{36}\.webp$/);
    const image = await fetch(`${server.url}/uploads/${row!.logoPath}`);
    expect(image.headers.get("content-type")).toBe("image/webp");
    expect((await get("/havenstad", null)).status).toBe(404);
    // Put it back for the other tests.
    const back = await post("/beheer/havenstad-aan-zee/instellingen", { ...validSettings, removeLogo: "on" }, PROJECT_LEADER);
    expect(back.status).toBe(302);
    expect(await municipalityRow("havenstad")).toMatchObject({ name: "Havenstad", logoPath: null });
  });
});

describe("neighbourhoods", () => {
  it("refuses an empty, duplicate, marked-up or unknown-intent entry", async () => {
    const before = await tableCounts();
    const cases: [Record<string, string>, string][] = [
      [{ intent: "add", name: "" }, "Vul dit veld in."],
      [{ intent: "add", name: "Centrum" }, "Deze gemeente heeft al een wijk met deze naam."],
      [{ intent: "add", name: "<b>Wijk</b>" }, "Gebruik gewone tekst"],
      [{ intent: "add", name: "W".repeat(101) }, "maximaal 100 tekens"],
      [{ intent: "explode" }, "Deze waarde is niet geldig."],
      [{ intent: "delete", id: "not-a-uuid" }, "Deze waarde is niet geldig."],
    ];
    for (const [fields, message] of cases) {
      const response = await post("/beheer/havenstad/wijken", fields, PROJECT_LEADER);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(text(response.html)).toContain(message);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("cannot rename or delete another municipality's neighbourhood through this municipality's page", async () => {
    const rivierendal = await idOf("rivierendal");
    const [target] = await db().select().from(neighbourhoods).where(eq(neighbourhoods.municipalityId, rivierendal)).limit(1);
    const rename = await post("/beheer/havenstad/wijken", { intent: "rename", id: target!.id, name: "Gekaapt" }, PROJECT_LEADER);
    expect(rename.status).toBe(400);
    expect(text(rename.html)).toContain("Dit onderdeel bestaat niet (meer) bij deze gemeente.");
    const remove = await post("/beheer/havenstad/wijken", { intent: "delete", id: target!.id }, PROJECT_LEADER);
    expect(remove.status).toBe(400);
    const [after] = await db().select().from(neighbourhoods).where(eq(neighbourhoods.id, target!.id));
    expect(after).toEqual(target);
  });

  it("adds, renames and deletes its own neighbourhoods", async () => {
    const havenstad = await idOf("havenstad");
    expect((await post("/beheer/havenstad/wijken", { intent: "add", name: "Nieuwe Haven" }, PROJECT_LEADER)).status).toBe(302);
    const [added] = await db().select().from(neighbourhoods).where(and(eq(neighbourhoods.municipalityId, havenstad), eq(neighbourhoods.name, "Nieuwe Haven")));
    expect(added).toBeDefined();
    const duplicateRename = await post("/beheer/havenstad/wijken", { intent: "rename", id: added!.id, name: "Centrum" }, PROJECT_LEADER);
    expect(duplicateRename.status).toBe(400);
    expect(text(duplicateRename.html)).toContain("al een wijk met deze naam");
    expect((await post("/beheer/havenstad/wijken", { intent: "rename", id: added!.id, name: "Havenhoofd" }, PROJECT_LEADER)).status).toBe(302);
    expect((await db().select().from(neighbourhoods).where(eq(neighbourhoods.id, added!.id)))[0]!.name).toBe("Havenhoofd");
    expect((await post("/beheer/havenstad/wijken", { intent: "delete", id: added!.id }, PROJECT_LEADER)).status).toBe(302);
    expect(await db().select().from(neighbourhoods).where(eq(neighbourhoods.id, added!.id))).toEqual([]);
  });
});

describe("deleting a neighbourhood asks first and can be undone", () => {
  it("says how many activities lose it, deletes on the confirming post, and gives everything back on undo", async () => {
    const havenstad = await idOf("havenstad");
    const [wijk] = await db().insert(neighbourhoods).values({ municipalityId: havenstad, name: "Tijdelijke Wijk" }).returning();
    const inIt = [
      await createTestActivity({ neighbourhoodId: wijk!.id, title: "In de wijk 1" }),
      await createTestActivity({ neighbourhoodId: wijk!.id, title: "In de wijk 2" }),
    ];
    const ask = await get(`/beheer/havenstad/wijken?verwijderen=${wijk!.id}`, PROJECT_LEADER);
    expect(ask.status).toBe(200);
    expect(text(ask.html)).toContain("Wijk Tijdelijke Wijk verwijderen?");
    expect(text(ask.html)).toContain("2 activiteiten hebben deze wijk. Ze blijven bestaan, maar zonder wijk.");
    expect(await db().select().from(neighbourhoods).where(eq(neighbourhoods.id, wijk!.id))).toHaveLength(1);

    const deleted = await post("/beheer/havenstad/wijken", { intent: "delete", id: wijk!.id }, PROJECT_LEADER);
    expect(deleted.status).toBe(302);
    expect(deleted.location).toMatch(/^\/beheer\/havenstad\/wijken\?melding=verwijderd&herstel=[0-9a-f-]{36}$/);
    expect(await db().select().from(neighbourhoods).where(eq(neighbourhoods.id, wijk!.id))).toEqual([]);
    const lost = await db().select({ n: activities.neighbourhoodId }).from(activities).where(inArray(activities.id, inIt));
    expect(lost).toEqual([{ n: null }, { n: null }]);
    const notice = await get(deleted.location!, PROJECT_LEADER);
    expect(text(notice.html)).toContain("Wijk Tijdelijke Wijk is verwijderd.");
    expect(text(notice.html)).toContain("Ongedaan maken");
    const deletionId = deleted.location!.split("herstel=")[1]!;

    // Another municipality reaches nothing: its own page does not know this deletion.
    const elsewhere = await post("/beheer/rivierendal/wijken", { intent: "restore", id: deletionId }, OTHER_PROJECT_LEADER);
    expect(elsewhere.status).toBe(400);
    expect(await db().select().from(neighbourhoods).where(eq(neighbourhoods.id, wijk!.id))).toEqual([]);

    const restored = await post("/beheer/havenstad/wijken", { intent: "restore", id: deletionId }, PROJECT_LEADER);
    expect(restored.location).toBe("/beheer/havenstad/wijken?melding=hersteld");
    expect((await db().select().from(neighbourhoods).where(eq(neighbourhoods.id, wijk!.id)))[0]).toMatchObject({ name: "Tijdelijke Wijk", municipalityId: havenstad });
    const back = await db().select({ n: activities.neighbourhoodId }).from(activities).where(inArray(activities.id, inIt));
    expect(back).toEqual([{ n: wijk!.id }, { n: wijk!.id }]);
    expect(text((await get(restored.location!, PROJECT_LEADER)).html)).toContain("De verwijdering is ongedaan gemaakt.");

    const twice = await post("/beheer/havenstad/wijken", { intent: "restore", id: deletionId }, PROJECT_LEADER);
    expect(twice.status).toBe(400);
    expect(text(twice.html)).toContain("Dit kan niet meer ongedaan worden gemaakt.");
  });

  it("keeps an activity's new neighbourhood, refuses a name taken meanwhile, and stops after an hour", async () => {
    const havenstad = await idOf("havenstad");
    const [wijk] = await db().insert(neighbourhoods).values({ municipalityId: havenstad, name: "Kortstondig" }).returning();
    const [other] = await db().insert(neighbourhoods).values({ municipalityId: havenstad, name: "Elders" }).returning();
    const moved = await createTestActivity({ neighbourhoodId: wijk!.id });
    const deleted = await post("/beheer/havenstad/wijken", { intent: "delete", id: wijk!.id }, PROJECT_LEADER);
    const deletionId = deleted.location!.split("herstel=")[1]!;
    await db().update(activities).set({ neighbourhoodId: other!.id }).where(eq(activities.id, moved));
    await db().insert(neighbourhoods).values({ municipalityId: havenstad, name: "Kortstondig" });
    const taken = await post("/beheer/havenstad/wijken", { intent: "restore", id: deletionId }, PROJECT_LEADER, server.url, "en");
    expect(taken.status).toBe(400);
    expect(text(taken.html)).toContain("Another neighbourhood now has this name. Rename that one first.");
    await db().delete(neighbourhoods).where(and(eq(neighbourhoods.municipalityId, havenstad), eq(neighbourhoods.name, "Kortstondig")));
    expect((await post("/beheer/havenstad/wijken", { intent: "restore", id: deletionId }, PROJECT_LEADER)).status).toBe(302);
    expect((await db().select().from(activities).where(eq(activities.id, moved)))[0]!.neighbourhoodId).toBe(other!.id);

    const [late] = await db().insert(neighbourhoods).values({ municipalityId: havenstad, name: "Te Laat" }).returning();
    const lateDeletion = (await post("/beheer/havenstad/wijken", { intent: "delete", id: late!.id }, PROJECT_LEADER)).location!.split("herstel=")[1]!;
    await db().update(neighbourhoodDeletions).set({ deletedAt: new Date(Date.now() - 61 * 60_000) }).where(eq(neighbourhoodDeletions.id, lateDeletion));
    expect(text((await get(`/beheer/havenstad/wijken?melding=verwijderd&herstel=${lateDeletion}`, PROJECT_LEADER)).html)).not.toContain("Ongedaan maken");
    const tooLate = await post("/beheer/havenstad/wijken", { intent: "restore", id: lateDeletion }, PROJECT_LEADER);
    expect(tooLate.status).toBe(400);
    expect(await db().select().from(neighbourhoods).where(eq(neighbourhoods.id, late!.id))).toEqual([]);
  });
});

describe("partner organisations", () => {
  const validPartner = { name: "Buurthuis De Kade", kind: "welfare", website: "https://dekade.example.nl", email: "info@dekade.example.nl" };

  it("refuses bad input and changes nothing", async () => {
    const before = await tableCounts();
    const cases: [Record<string, string>, string][] = [
      [{ ...validPartner, kind: "castle" }, "Kies een soort organisatie uit de lijst."],
      [{ ...validPartner, kind: "" }, "Kies een soort organisatie uit de lijst."],
      [{ ...validPartner, website: "javascript:alert(1)" }, "Vul een geldig webadres in"],
      [{ ...validPartner, email: "geen-adres" }, "Vul een geldig e-mailadres in"],
      [{ ...validPartner, name: "Cultuurhuis De Loods" }, "al een partnerorganisatie met deze naam"],
      [{ ...validPartner, name: "<iframe>" }, "Gebruik gewone tekst"],
    ];
    for (const [fields, message] of cases) {
      const response = await post("/beheer/havenstad/partners", fields, PROJECT_LEADER);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(text(response.html)).toContain(message);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("cannot open, edit or delete another municipality's partner", async () => {
    const rivierendal = await idOf("rivierendal");
    const [target] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.municipalityId, rivierendal)).limit(1);
    expect((await get(`/beheer/havenstad/partners/${target!.id}`, PROJECT_LEADER)).status).toBe(404);
    expect((await post(`/beheer/havenstad/partners/${target!.id}`, { intent: "save", ...validPartner }, PROJECT_LEADER)).status).toBe(404);
    expect((await post(`/beheer/havenstad/partners/${target!.id}`, { intent: "delete" }, PROJECT_LEADER)).status).toBe(404);
    expect((await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.id, target!.id)))[0]).toEqual(target);
  });

  it("will not delete a partner that people still work for", async () => {
    const [loods] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.name, "Cultuurhuis De Loods"));
    const response = await post(`/beheer/havenstad/partners/${loods!.id}`, { intent: "delete" }, PROJECT_LEADER);
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain("Deze organisatie heeft nog mensen in het team.");
    expect(await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.id, loods!.id))).toHaveLength(1);
  });

  it("adds, edits and deletes its own partner", async () => {
    const added = await post("/beheer/havenstad/partners", validPartner, PROJECT_LEADER);
    expect(added.status).toBe(302);
    const [row] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.name, validPartner.name));
    expect(row).toMatchObject({ kind: "welfare", website: validPartner.website, email: validPartner.email, municipalityId: await idOf("havenstad") });
    const edited = await post(`/beheer/havenstad/partners/${row!.id}`, { intent: "save", ...validPartner, kind: "culture", website: "" }, PROJECT_LEADER);
    expect(edited.status).toBe(302);
    expect((await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.id, row!.id)))[0]).toMatchObject({ kind: "culture", website: null });
    expect((await post(`/beheer/havenstad/partners/${row!.id}`, { intent: "delete" }, PROJECT_LEADER)).status).toBe(302);
    expect(await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.id, row!.id))).toEqual([]);
  });
});

describe("team and invitations", () => {
  it("refuses a partner organisation of another municipality, and writes no invitation or mail", async () => {
    const before = await tableCounts();
    const [elsewhere] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.municipalityId, await idOf("rivierendal"))).limit(1);
    const response = await post(
      "/beheer/havenstad/team",
      { intent: "invite", email: "nieuw@voorbeeld.nl", role: "partner_contact", partnerOrganisationId: elsewhere!.id },
      PROJECT_LEADER,
    );
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain("Kies een partnerorganisatie van deze gemeente.");
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses other bad invitations", async () => {
    const before = await tableCounts();
    const cases: [Record<string, string>, string][] = [
      [{ intent: "invite", email: "geen-adres", role: "course_leader" }, "Vul een geldig e-mailadres in"],
      [{ intent: "invite", email: "a@voorbeeld.nl", role: "project_leader" }, "Kies een rol uit de lijst."],
      [{ intent: "invite", email: "a@voorbeeld.nl", role: "network_coordinator" }, "Kies een rol uit de lijst."],
      [{ intent: "invite", email: "a@voorbeeld.nl", role: "practice_supervisor", partnerOrganisationId: "" }, "Kies de partnerorganisatie waar deze persoon voor werkt."],
      [{ intent: "invite", email: COURSE_LEADER, role: "course_leader" }, "Deze persoon heeft deze rol hier al."],
    ];
    for (const [fields, message] of cases) {
      const response = await post("/beheer/havenstad/team", fields, PROJECT_LEADER);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(text(response.html)).toContain(message);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("cannot remove a membership of another municipality or a fellow project leader", async () => {
    const before = await tableCounts();
    const [otherLeader] = await db()
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.role, "project_leader"), eq(memberships.municipalityId, await idOf("rivierendal"))));
    const elsewhere = await post("/beheer/havenstad/team", { intent: "remove", id: otherLeader!.id }, PROJECT_LEADER);
    expect(elsewhere.status).toBe(400);
    const [ownLeader] = await db()
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.role, "project_leader"), eq(memberships.municipalityId, await idOf("havenstad"))));
    const self = await post("/beheer/havenstad/team", { intent: "remove", id: ownLeader!.id }, PROJECT_LEADER);
    expect(self.status).toBe(400);
    expect(text(self.html)).toContain("Deze rol kun je niet intrekken.");
    expect(await tableCounts()).toEqual(before);
  });

  it("asks before revoking a role, and gives it back from the notice", async () => {
    const havenstad = await idOf("havenstad");
    const userId = `user-${randomBytes(6).toString("hex")}`;
    await db().insert(users).values({ id: userId, name: "Rik Rolhouder", email: `${userId}@voorbeeld.nl`, emailVerified: true });
    const [membership] = await db().insert(memberships).values({ userId, role: "course_leader", municipalityId: havenstad }).returning();
    const ask = await get(`/beheer/havenstad/team?intrekken=${membership!.id}`, PROJECT_LEADER);
    expect(text(ask.html)).toContain("Rol van Rik Rolhouder intrekken?");
    expect(await db().select().from(memberships).where(eq(memberships.userId, userId))).toHaveLength(1);

    const removed = await post("/beheer/havenstad/team", { intent: "remove", id: membership!.id }, PROJECT_LEADER);
    expect(removed.location).toMatch(/^\/beheer\/havenstad\/team\?melding=verwijderd&herstel=[0-9a-f-]{36}$/);
    expect(await db().select().from(memberships).where(eq(memberships.userId, userId))).toEqual([]);
    expect(text((await get(removed.location!, PROJECT_LEADER)).html)).toContain("De rol van Rik Rolhouder is ingetrokken.");
    const removalId = removed.location!.split("herstel=")[1]!;
    expect((await post("/beheer/rivierendal/team", { intent: "restore", id: removalId }, OTHER_PROJECT_LEADER)).status).toBe(400);

    const restored = await post("/beheer/havenstad/team", { intent: "restore", id: removalId }, PROJECT_LEADER);
    expect(restored.location).toBe("/beheer/havenstad/team?melding=hersteld");
    expect(await db().select().from(memberships).where(eq(memberships.userId, userId))).toEqual([
      expect.objectContaining({ role: "course_leader", municipalityId: havenstad, partnerOrganisationId: null }),
    ]);
    const twice = await post("/beheer/havenstad/team", { intent: "restore", id: removalId }, PROJECT_LEADER, server.url, "en");
    expect(twice.status).toBe(400);
    expect(text(twice.html)).toContain("This can no longer be undone.");
  });

  it("stores only the hash of the token; the mail holds the link; accepting works once, for the right person", async () => {
    const invitedEmail = "nieuwe.begeleider@voorbeeld.nl";
    const [partner] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.name, "Welzijn Havenstad"));
    const invited = await post(
      "/beheer/havenstad/team",
      { intent: "invite", email: invitedEmail.toUpperCase(), role: "practice_supervisor", partnerOrganisationId: partner!.id },
      PROJECT_LEADER,
    );
    expect(invited.status).toBe(302);
    const [invitation] = await db().select().from(invitations).where(eq(invitations.email, invitedEmail));
    expect(invitation).toMatchObject({ role: "practice_supervisor", partnerOrganisationId: partner!.id, acceptedAt: null });
    const days = (invitation!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const [mail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, invitedEmail));
    expect(mail).toMatchObject({ kind: "invitation", status: "held", municipalityId: await idOf("havenstad") });
    expect(mail!.subject).toBe("Uitnodiging: praktijkbegeleider bij Welzijn Havenstad in Havenstad");
    const token = mail!.textBody.match(/\/uitnodiging\/([A-Za-z0-9_-]{43})/)![1]!;
    expect(invitation!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(invitation)).not.toContain(token);

    // Not signed in: what it is for, and links to sign in or sign up that come back here.
    const anonymous = await get(`/uitnodiging/${token}`, null);
    expect(anonymous.status).toBe(200);
    expect(text(anonymous.html)).toContain("Pieter Projectleider nodigt je uit als praktijkbegeleider bij Welzijn Havenstad in Havenstad.");
    expect(anonymous.html).toContain(`/inloggen?redirectTo=${encodeURIComponent(`/uitnodiging/${token}`)}`);
    expect(anonymous.html).toContain(`/registreren?redirectTo=${encodeURIComponent(`/uitnodiging/${token}`)}`);

    // Someone else signed in cannot take it.
    const wrong = await post(`/uitnodiging/${token}`, {}, RESIDENT);
    expect(wrong.status).toBe(403);
    expect(await db().select().from(memberships).where(eq(memberships.partnerOrganisationId, partner!.id))).toEqual([]);

    // The invited person (an account with that address) accepts, twice: one membership.
    const userId = `user-${randomBytes(6).toString("hex")}`;
    await db().insert(users).values({ id: userId, name: "Nina Nieuw", email: invitedEmail, emailVerified: true });
    cookies[invitedEmail] = (await sessionCookieFor(database.url, invitedEmail)).header;
    const first = await post(`/uitnodiging/${token}`, {}, invitedEmail);
    expect(first.status).toBe(302);
    const second = await post(`/uitnodiging/${token}`, {}, invitedEmail);
    expect(second.status).toBe(302);
    const granted = await db().select().from(memberships).where(eq(memberships.userId, userId));
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ role: "practice_supervisor", partnerOrganisationId: partner!.id, municipalityId: await idOf("havenstad") });
    expect((await db().select().from(invitations).where(eq(invitations.id, invitation!.id)))[0]).toMatchObject({ acceptedBy: userId });
    const accepted = await get(`/uitnodiging/${token}`, invitedEmail);
    expect(accepted.status).toBe(200);
    expect(text(accepted.html)).toContain("Uitnodiging aangenomen");

    // Used: anyone else now learns it was used.
    const used = await get(`/uitnodiging/${token}`, null);
    expect(used.status).toBe(410);
    expect(text(used.html)).toContain("Uitnodiging al gebruikt");
    expect((await post(`/uitnodiging/${token}`, {}, RESIDENT)).status).toBe(410);
  });

  it("keeps its context for a new colleague: the sign-up is pre-filled and confirming leads back to the invitation", async () => {
    const invitedEmail = "nieuwe.cursusleider@voorbeeld.nl";
    expect((await post("/beheer/havenstad/team", { intent: "invite", email: invitedEmail, role: "course_leader" }, PROJECT_LEADER)).status).toBe(302);
    const [mail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, invitedEmail));
    const token = mail!.textBody.match(/\/uitnodiging\/([A-Za-z0-9_-]{43})/)![1]!;
    const back = `/uitnodiging/${token}`;

    const invitationPage = await get(back, null);
    const signUpHref = invitationPage.html.match(/href="(\/registreren\?[^"]+)"/)![1]!.replace(/&amp;/g, "&");
    const signUpPage = await get(signUpHref, null);
    expect(signUpPage.status).toBe(200);
    expect(signUpPage.html).toMatch(new RegExp(`name="email"[^>]*value="${invitedEmail.replace(/\./g, "\\.")}"`));
    expect(signUpPage.html).toContain(`name="redirectTo" value="${back}"`);

    const signedUp = await post("/registreren", { name: "Nadia Nieuw", email: invitedEmail, password: "een-eigen-wachtwoord", locale: "nl", redirectTo: back }, null);
    expect(signedUp.status).toBe(200);
    const [confirmation] = await db()
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toAddress, invitedEmail), eq(outboxEmails.kind, "verify-email")));
    const link = confirmation!.textBody.match(/https?:\/\/\S+/)![0];
    const confirmed = await fetch(link, { redirect: "manual" });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(back);
    const session = confirmed.headers.getSetCookie().find((c) => c.startsWith("buurtkracht.session_token="))!.split(";")[0]!;

    const accepted = await fetch(`${server.url}${back}`, { method: "POST", headers: { origin: server.url, cookie: session }, redirect: "manual" });
    expect(accepted.status).toBe(302);
    const [user] = await db().select().from(users).where(eq(users.email, invitedEmail));
    expect(await db().select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, user!.id))).toEqual([{ role: "course_leader" }]);
  });

  it("answers unknown and expired tokens with a clear page", async () => {
    const unknown = await get(`/uitnodiging/${randomBytes(32).toString("base64url")}`, null);
    expect(unknown.status).toBe(404);
    expect(text(unknown.html)).toContain("Uitnodiging niet gevonden");
    const malformed = await get("/uitnodiging/%3Cscript%3E", null);
    expect(malformed.status).toBe(404);

    const token = randomBytes(32).toString("base64url");
    await db().insert(invitations).values({
      email: RESIDENT,
      role: "course_leader",
      municipalityId: await idOf("havenstad"),
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() - 1000),
    });
    const expired = await get(`/uitnodiging/${token}`, RESIDENT);
    expect(expired.status).toBe(410);
    expect(text(expired.html)).toContain("Uitnodiging verlopen");
    const before = await tableCounts();
    expect((await post(`/uitnodiging/${token}`, {}, RESIDENT)).status).toBe(410);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("network administration", () => {
  it("refuses a duplicate or reserved slug and bad colours, and creates nothing", async () => {
    const before = await tableCounts();
    const cases: [Record<string, string>, string][] = [
      [{ intent: "create", name: "Havenstad 2", slug: "havenstad", themeColour: "#123456" }, "Een andere gemeente gebruikt dit webadres al."],
      [{ intent: "create", name: "Beheer", slug: "beheer", themeColour: "#123456" }, "Dit webadres is gereserveerd"],
      [{ intent: "create", name: "Mail", slug: "mail", themeColour: "#123456" }, "Dit webadres is gereserveerd"],
      [{ intent: "create", name: "Duinwijk", slug: "duinwijk", themeColour: "blue" }, "Kies een kleur als #rrggbb"],
      [{ intent: "create", name: "", slug: "", themeColour: "" }, "Vul dit veld in."],
      [{ intent: "appoint", municipalityId: "00000000-0000-4000-8000-000000000000", email: "pl@voorbeeld.nl" }, "Deze waarde is niet geldig."],
      [{ intent: "appoint", municipalityId: "", email: "pl@voorbeeld.nl" }, "Deze waarde is niet geldig."],
    ];
    for (const [fields, message] of cases) {
      const response = await post("/netwerk", fields, COORDINATOR);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(text(response.html)).toContain(message);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("is not there for a project leader", async () => {
    const before = await tableCounts();
    expect((await get("/netwerk", PROJECT_LEADER)).status).toBe(404);
    expect((await post("/netwerk", { intent: "create", name: "Duinwijk", slug: "duinwijk", themeColour: "#123456" }, PROJECT_LEADER)).status).toBe(404);
    expect((await post("/netwerk", { intent: "appoint", municipalityId: await idOf("havenstad"), email: "x@voorbeeld.nl" }, PROJECT_LEADER)).status).toBe(404);
    expect(await tableCounts()).toEqual(before);
  });

  it("creates a municipality and appoints its project leader by invitation", async () => {
    expect((await post("/netwerk", { intent: "create", name: "Duinwijk", slug: "duinwijk", themeColour: "#0A5C7A" }, COORDINATOR)).location).toBe(
      "/netwerk?melding=aangemaakt",
    );
    const duinwijk = await municipalityRow("duinwijk");
    expect(duinwijk).toMatchObject({ name: "Duinwijk", themeColour: "#0a5c7a" });
    const appointed = await post("/netwerk", { intent: "appoint", municipalityId: duinwijk!.id, email: "pl@duinwijk.example" }, COORDINATOR);
    expect(appointed.status).toBe(302);
    const [invitation] = await db().select().from(invitations).where(eq(invitations.email, "pl@duinwijk.example"));
    expect(invitation).toMatchObject({ role: "project_leader", municipalityId: duinwijk!.id, partnerOrganisationId: null });
    const [mail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, "pl@duinwijk.example"));
    expect(mail!.subject).toBe("Uitnodiging: projectleider bij Duinwijk");
  });
});

describe("publishing a new municipality", () => {
  it("shows every municipality's real number of neighbourhoods and partners in the network overview", async () => {
    const page = (await get("/netwerk", COORDINATOR)).html;
    for (const slug of ["havenstad", "rivierendal", "heuvelrijk"]) {
      const id = await idOf(slug);
      const [[n], [p]] = await Promise.all([
        db().select({ n: count() }).from(neighbourhoods).where(eq(neighbourhoods.municipalityId, id)),
        db().select({ n: count() }).from(partnerOrganisations).where(eq(partnerOrganisations.municipalityId, id)),
      ]);
      expect(n!.n, slug).toBeGreaterThan(0);
      expect(p!.n, slug).toBeGreaterThanOrEqual(5);
      const row = page.match(new RegExp(`<tr>(?:(?!</tr>).)*?href="/beheer/${slug}"(?:(?!</tr>).)*</tr>`, "s"))![0];
      const cells = [...row.matchAll(/<td>(.*?)<\/td>/gs)].map((cell) => text(cell[1]!).trim());
      expect(cells.slice(2, 5), slug).toEqual([String(n!.n), String(p!.n), "Openbaar"]);
    }
  });

  it("keeps a new municipality out of every public page, feed and API until its project leader publishes it", async () => {
    expect((await post("/netwerk", { intent: "create", name: "Zandvoort-Noord", slug: "zandvoort-noord", themeColour: "#0A5C7A" }, COORDINATOR)).status).toBe(302);
    const id = await idOf("zandvoort-noord");
    expect((await municipalityRow("zandvoort-noord"))!.publishedAt).toBeNull();
    await db().insert(neighbourhoods).values({ municipalityId: id, name: "Duinrand" });
    const activityId = await createTestActivity({ municipalitySlug: "zandvoort-noord", title: "Strandjutten in Zandvoort-Noord" });
    const leaderEmail = `pl-${randomBytes(4).toString("hex")}@zandvoort.example`;
    const leaderId = `user-${randomBytes(6).toString("hex")}`;
    // Staff must use two-factor sign-in; this session stands for a sign-in with password and code.
    await db().insert(users).values({ id: leaderId, name: "Zara Zandvoort", email: leaderEmail, emailVerified: true, twoFactorEnabled: true });
    await db().insert(memberships).values({ userId: leaderId, role: "project_leader", municipalityId: id });
    cookies[leaderEmail] = (await sessionCookieFor(database.url, leaderEmail)).header;

    const hidden = [
      "/zandvoort-noord",
      "/zandvoort-noord/activiteiten",
      "/zandvoort-noord/embed",
      `/zandvoort-noord/activiteiten/${activityId}`,
      `/zandvoort-noord/activiteiten/${activityId}/agenda.ics`,
      "/activiteiten?gemeente=zandvoort-noord",
      "/api/v1/municipalities/zandvoort-noord/calendar.ics",
      "/api/v1/municipalities/zandvoort-noord/neighbourhoods",
      `/api/v1/activities/${activityId}`,
      "/api/v1/activities?municipality=zandvoort-noord",
    ];
    const listings = ["/", "/activiteiten?q=strandjutten", "/api/v1/municipalities", "/api/v1/activities?q=strandjutten"];
    async function publicView() {
      const statuses = await Promise.all(hidden.map(async (path) => [path, (await get(path, null)).status] as const));
      const listed = await Promise.all(listings.map(async (path) => [path, /Zandvoort-Noord|zandvoort-noord/.test((await get(path, null)).html)] as const));
      return { statuses: Object.fromEntries(statuses), listed: Object.fromEntries(listed) };
    }
    const before = await publicView();
    // Exactly what a municipality that does not exist gets (the API calls an unknown filter value bad input).
    const unknown = async (path: string) => (await get(path.replaceAll("zandvoort-noord", "bestaat-niet"), null)).status;
    expect(before.statuses).toEqual(Object.fromEntries(await Promise.all(hidden.map(async (path) => [path, path.includes("bestaat") ? 0 : await unknown(path)]))));
    expect(Object.values(before.statuses).every((status) => status === 404 || status === 400)).toBe(true);
    expect(before.listed).toEqual(Object.fromEntries(listings.map((path) => [path, false])));
    const signUp = await fetch(`${server.url}/api/v1/activities/${activityId}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Vroege Vogel", email: "vroeg@voorbeeld.nl", ageGroup: "27_66" }),
    });
    expect(signUp.status).toBe(404);

    // The network overview and the settings page tell staff where things stand.
    expect(text((await get("/netwerk", COORDINATOR)).html)).toContain("Nog niet openbaar");
    const settings = await get("/beheer/zandvoort-noord/instellingen", leaderEmail);
    expect(text(settings.html)).toContain("Deze gemeente is nog niet openbaar.");
    expect((await post("/beheer/zandvoort-noord/instellingen", { intent: "publish" }, OTHER_PROJECT_LEADER)).status).toBe(404);
    expect((await municipalityRow("zandvoort-noord"))!.publishedAt).toBeNull();

    const published = await post("/beheer/zandvoort-noord/instellingen", { intent: "publish" }, leaderEmail);
    expect(published.location).toBe("/beheer/zandvoort-noord/instellingen?melding=gepubliceerd");
    expect((await municipalityRow("zandvoort-noord"))!.publishedAt).toBeInstanceOf(Date);
    expect(text((await get(published.location!, leaderEmail)).html)).toContain("De gemeente is nu openbaar.");
    const after = await publicView();
    expect(after.statuses).toEqual(Object.fromEntries(hidden.map((path) => [path, 200])));
    expect(after.listed).toEqual(Object.fromEntries(listings.map((path) => [path, true])));
    const english = await fetch(`${server.url}/beheer/zandvoort-noord/instellingen`, { headers: { cookie: `${cookies[leaderEmail]}; buurtkracht_lang=en` } });
    expect(text(await english.text())).toContain("This municipality has been public since");
  });
});

describe("mail viewer", () => {
  it("shows the coordinator everything, a project leader only their municipality's mail, and nobody else anything", async () => {
    await db().insert(outboxEmails).values([
      { toAddress: "a@voorbeeld.nl", subject: "Bericht voor Havenstad", textBody: "Zie https://voorbeeld.nl/pad?x=1 <b>vet</b>", kind: "test", status: "held", municipalityId: await idOf("havenstad") },
      { toAddress: "b@voorbeeld.nl", subject: "Bericht voor Rivierendal", textBody: "Rivierendal", kind: "test", status: "held", municipalityId: await idOf("rivierendal") },
      { toAddress: "c@voorbeeld.nl", subject: "Inloglink zonder gemeente", textBody: "Geheim", kind: "magic-link", status: "held" },
    ]);
    const coordinator = text((await get("/beheer/mail", COORDINATOR)).html);
    expect(coordinator).toContain("Bericht voor Havenstad");
    expect(coordinator).toContain("Bericht voor Rivierendal");
    expect(coordinator).toContain("Inloglink zonder gemeente");
    const leader = text((await get("/beheer/mail", PROJECT_LEADER)).html);
    expect(leader).toContain("Bericht voor Havenstad");
    expect(leader).not.toContain("Bericht voor Rivierendal");
    expect(leader).not.toContain("Inloglink zonder gemeente");
    for (const email of [COURSE_LEADER, RESIDENT]) expect((await get("/beheer/mail", email)).status, email).toBe(404);

    const [rivierendalMail] = await db().select().from(outboxEmails).where(eq(outboxEmails.subject, "Bericht voor Rivierendal"));
    expect((await get(`/beheer/mail/${rivierendalMail!.id}`, PROJECT_LEADER)).status).toBe(404);
    expect((await get(`/beheer/mail/${rivierendalMail!.id}`, OTHER_PROJECT_LEADER)).status).toBe(200);
    expect((await get("/beheer/mail/niet-een-id", COORDINATOR)).status).toBe(404);

    const [havenstadMail] = await db().select().from(outboxEmails).where(eq(outboxEmails.subject, "Bericht voor Havenstad"));
    const detail = await get(`/beheer/mail/${havenstadMail!.id}`, PROJECT_LEADER);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain('<a class="utrecht-link" href="https://voorbeeld.nl/pad?x=1"');
    expect(detail.html).toContain("&lt;b&gt;vet&lt;/b&gt;");
    expect(detail.html).not.toContain("<b>vet</b>");
  });

  it("pages newest first and survives odd page numbers", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      toAddress: `p${i}@voorbeeld.nl`,
      subject: `Pagineren ${String(i).padStart(2, "0")}`,
      textBody: "x",
      kind: "test",
      status: "held" as const,
      createdAt: new Date(Date.now() + 60_000 + i * 1000),
    }));
    await db().insert(outboxEmails).values(rows);
    const first = text((await get("/beheer/mail", COORDINATOR)).html);
    expect(first.indexOf("Pagineren 29")).toBeLessThan(first.indexOf("Pagineren 28"));
    expect(first).not.toContain("Pagineren 04");
    const second = text((await get("/beheer/mail?pagina=2", COORDINATOR)).html);
    expect(second).toContain("Pagineren 04");
    for (const page of ["abc", "-1", "0", "99999999999999999999"]) {
      expect((await get(`/beheer/mail?pagina=${page}`, COORDINATOR)).status, page).toBe(200);
    }
    const [{ n }] = (await db().execute(sql`select count(*)::int as n from outbox_emails`)).rows as [{ n: number }];
    expect(n).toBeGreaterThan(30);
  });
});
