/**
 * Who the public sees as the organiser of an activity. Staff create activities on behalf of an
 * organisation, so the public calendar, the API, the feed, the search-engine data and the mails
 * name the partner organisation — or the municipality when there is none — and a person's own
 * name only when somebody typed it in. Real server, real PostgreSQL.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, outboxEmails, partnerOrganisations } from "~/lib/db/schema";
import { municipalityIdOf } from "../support/activities";
import { useTestDatabase } from "../support/database";
import { sessionCookieFor } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";

const database = useTestDatabase();
let server: TestServer;
let cookie: string;
let partner: { id: string; name: string };

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  cookie = (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header;
  const havenstad = await municipalityIdOf("havenstad");
  const [row] = await db()
    .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
    .from(partnerOrganisations)
    .where(eq(partnerOrganisations.municipalityId, havenstad))
    .limit(1);
  partner = row!;
});
afterAll(async () => {
  await server?.stop();
});

function post(path: string, form: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: server.url },
    body: new URLSearchParams(form),
    redirect: "manual",
  });
}

/** Creates and publishes an activity through the staff pages, as the project leader would. */
async function publishThroughForm(title: string, fields: { organiserName?: string; partnerOrganisationId?: string }): Promise<string> {
  const created = await post("/beheer/havenstad/activiteiten/nieuw", {
    title,
    category: "culture",
    location: "Buurthuis De Kade",
    date: "2099-03-14",
    startTime: "19:30",
    endTime: "21:00",
    registration: "required",
    capacity: "12",
    waitlistEnabled: "on",
    organiserName: fields.organiserName ?? "",
    partnerOrganisationId: fields.partnerOrganisationId ?? "",
  });
  expect(created.status, await created.clone().text()).toBe(302);
  const id = /activiteiten\/([0-9a-f-]{36})/.exec(created.headers.get("location")!)![1]!;
  const published = await post(`/beheer/havenstad/activiteiten/${id}`, { intent: "publish" });
  expect(published.status).toBe(302);
  return id;
}

/** What the public page, its JSON-LD, the API, the activity's .ics and a confirmation mail name as organiser. */
async function publicOrganiser(id: string) {
  const page = await (await fetch(`${server.url}/havenstad/activiteiten/${id}`)).text();
  const shown = /<dt>Georganiseerd door<\/dt>\s*<dd>([^<]*)<\/dd>/.exec(page)?.[1];
  const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as { organizer: { name: string } };
  const api = ((await (await fetch(`${server.url}/api/v1/activities/${id}`)).json()) as { data: { organiser: string } }).data;
  const ics = (await (await fetch(`${server.url}/havenstad/activiteiten/${id}/agenda.ics`)).text()).replace(/\r\n[ \t]/g, "");
  const email = `organiser-${id}@example.org`;
  const signUp = await fetch(`${server.url}/api/v1/activities/${id}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Sam", email, ageGroup: "27_66" }),
  });
  expect(signUp.status).toBeLessThan(300);
  const [mail] = await db().select({ text: outboxEmails.textBody }).from(outboxEmails).where(eq(outboxEmails.toAddress, email));
  return { shown, jsonLd: jsonLd.organizer.name, api: api.organiser, ics, mail: mail?.text ?? "" };
}

describe("the publicly shown organiser", () => {
  it("is not filled in with the staff member's own name on a new activity", async () => {
    const page = await (await fetch(`${server.url}/beheer/havenstad/activiteiten/nieuw`, { headers: { cookie } })).text();
    expect(page).toContain('name="organiserName"');
    expect(page).not.toContain("Pieter Projectleider\"");
    expect(/name="organiserName"[^>]*value="[^"]+"/.test(page) || /value="[^"]+"[^>]*name="organiserName"/.test(page)).toBe(false);
  });

  it("is the partner organisation when the organiser field is left empty", async () => {
    const id = await publishThroughForm("Verhalenavond met de buren", { partnerOrganisationId: partner.id });
    const [row] = await db().select({ organiserName: activities.organiserName }).from(activities).where(eq(activities.id, id));
    expect(row!.organiserName).toBeNull();
    const shown = await publicOrganiser(id);
    expect(shown.shown).toBe(partner.name);
    expect(shown.jsonLd).toBe(partner.name);
    expect(shown.api).toBe(partner.name);
    expect(shown.ics).toContain(partner.name);
    expect(shown.mail).toContain(`Georganiseerd door: ${partner.name}`);
    expect(shown.mail).not.toContain("Pieter Projectleider");
  });

  it("is the municipality when there is no partner organisation either", async () => {
    const id = await publishThroughForm("Buurtgesprek in het wijkcentrum", {});
    const shown = await publicOrganiser(id);
    expect(shown.shown).toBe("Havenstad");
    expect(shown.jsonLd).toBe("Havenstad");
    expect(shown.api).toBe("Havenstad");
    expect(shown.mail).toContain("Georganiseerd door: Havenstad");
  });

  it("is the name somebody typed in, when they chose one", async () => {
    const id = await publishThroughForm("Muziekmiddag van het jongerenteam", { organiserName: "Jongerenteam Havenkwartier", partnerOrganisationId: partner.id });
    const shown = await publicOrganiser(id);
    expect(shown.shown).toBe("Jongerenteam Havenkwartier");
    expect(shown.api).toBe("Jongerenteam Havenkwartier");
    expect(shown.jsonLd).toBe("Jongerenteam Havenkwartier");
  });

  it("follows the partner organisation's name when it is renamed", async () => {
    const id = await publishThroughForm("Lampionnen maken", { partnerOrganisationId: partner.id });
    const renamed = `${partner.name} (nieuw)`;
    await db().update(partnerOrganisations).set({ name: renamed }).where(eq(partnerOrganisations.id, partner.id));
    try {
      const api = ((await (await fetch(`${server.url}/api/v1/activities/${id}`)).json()) as { data: { organiser: string } }).data;
      expect(api.organiser).toBe(renamed);
    } finally {
      await db().update(partnerOrganisations).set({ name: partner.name }).where(eq(partnerOrganisations.id, partner.id));
    }
  });
});
