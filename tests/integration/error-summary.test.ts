/**
 * What someone sees after sending a form with mistakes, over real HTTP: one alert at the top that
 * names every field ("Titel: vul dit veld in."), each line a link to its field, in the person's
 * language, and no notice of an earlier change beside it. Staff forms and account forms alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
const cookies: Record<string, string> = {};

const PROJECT_LEADER = "projectleider@havenstad.example";
const COORDINATOR = "coordinator@buurtkracht.example";
const RESIDENT = "bewoner@buurtkracht.example";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  for (const email of [PROJECT_LEADER, COORDINATOR, RESIDENT]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

async function post(path: string, fields: Record<string, string>, as: string | null, language = "nl") {
  const cookie = [as ? cookies[as] : null, `buurtkracht_lang=${language}`].filter(Boolean).join("; ");
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  return { status: response.status, html: await response.text() };
}

function decode(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The page's alerts and status banners, and the summary's lines with where each links to. */
function banners(html: string) {
  const alerts = html.match(/role="alert"/g)?.length ?? 0;
  const statuses = html.match(/class="utrecht-alert utrecht-alert--ok"/g)?.length ?? 0;
  const summary = html.match(/<div class="utrecht-alert utrecht-alert--error"[\s\S]*?<\/ul>/)?.[0] ?? "";
  const lines = [...summary.matchAll(/<a class="utrecht-link" href="#([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => [m[1], decode(m[2]!)]);
  return { alerts, statuses, lines };
}

describe("error summaries name the field", () => {
  it("lists each empty field of the activity form by its label, linking to it, in Dutch and English", async () => {
    const dutch = await post("/beheer/havenstad/activiteiten/nieuw", { category: "sport", registration: "required" }, PROJECT_LEADER);
    expect(dutch.status).toBe(400);
    const { alerts, lines } = banners(dutch.html);
    expect(alerts).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        ["field-title", "Titel: vul dit veld in."],
        ["field-location", "Locatie: vul dit veld in."],
        ["field-date", "Datum: vul dit veld in."],
      ]),
    );
    // No two lines read the same: every one says which field it is about.
    expect(new Set(lines.map(([, line]) => line)).size).toBe(lines.length);
    for (const [target] of lines) expect(dutch.html).toContain(`id="${target}"`);

    const english = await post("/beheer/havenstad/activiteiten/nieuw", { category: "sport", registration: "required" }, PROJECT_LEADER, "en");
    expect(banners(english.html).lines).toEqual(expect.arrayContaining([["field-title", "Title: please fill in this field."]]));
  });

  const forms: [string, string, Record<string, string>, string | null, [string, string]][] = [
    ["settings", "/beheer/havenstad/instellingen", { name: "", slug: "havenstad", themeColour: "#1d4f91" }, PROJECT_LEADER, ["field-name", "Naam van de gemeente: vul dit veld in."]],
    ["neighbourhoods", "/beheer/havenstad/wijken", { intent: "add", name: "" }, PROJECT_LEADER, ["field-name", "Naam van de wijk: vul dit veld in."]],
    ["partners", "/beheer/havenstad/partners", { name: "De Kade", kind: "" }, PROJECT_LEADER, ["field-kind", "Soort organisatie: kies een soort organisatie uit de lijst."]],
    ["team", "/beheer/havenstad/team", { intent: "invite", email: "geen-adres", role: "course_leader" }, PROJECT_LEADER, ["field-email", "E-mailadres: vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."]],
    ["network", "/netwerk", { intent: "create", name: "", slug: "kustdorp", themeColour: "#123456" }, COORDINATOR, ["field-name", "Naam van de gemeente: vul dit veld in."]],
    ["account", "/account", { intent: "profile", name: "" }, RESIDENT, ["field-name", "Naam: vul dit veld in."]],
    ["sign-up", "/registreren", { name: "", email: "nieuw@voorbeeld.nl", password: "een-lang-genoeg-wachtwoord", locale: "nl" }, null, ["field-name", "Naam: vul dit veld in."]],
  ];
  for (const [name, path, fields, as, line] of forms) {
    it(`does so on the ${name} form too`, async () => {
      const response = await post(path, fields, as);
      expect(response.status).toBe(400);
      const { alerts, lines } = banners(response.html);
      expect(alerts).toBe(1);
      expect(lines).toContainEqual(line);
    });
  }
});

describe("one banner after a post", () => {
  it("drops the notice of an earlier change when the next post comes back with errors", async () => {
    const path = "/beheer/havenstad/instellingen?melding=opgeslagen";
    const page = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[PROJECT_LEADER]! } });
    expect(banners(await page.text()).statuses).toBe(1);
    const response = await post(path, { name: "", slug: "havenstad", themeColour: "#1d4f91" }, PROJECT_LEADER);
    expect(response.status).toBe(400);
    const { alerts, statuses } = banners(response.html);
    expect({ alerts, statuses }).toEqual({ alerts: 1, statuses: 0 });
    expect(decode(response.html)).not.toContain("De wijzigingen zijn opgeslagen.");
  });

  it("does the same on the account page", async () => {
    const path = "/account?opgeslagen=profiel";
    const response = await post(path, { intent: "profile", name: "" }, RESIDENT);
    expect(response.status).toBe(400);
    expect(banners(response.html)).toMatchObject({ alerts: 1, statuses: 0 });
  });
});
