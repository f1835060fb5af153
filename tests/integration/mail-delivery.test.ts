/**
 * Mail leaves through the outbox: the change and its message are written in one transaction, then
 * a pg-boss job delivers the message over SMTP (SMTP_URL) and marks it sent. The SMTP server here is
 * a minimal one on loopback that records what it receives; the tests read the raw messages as a
 * mail client would (headers, text and HTML parts, the .ics attachment).
 */
import { createServer, type Server } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";
import { parseMime } from "../support/mime";
import { freePort, startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/** Speaks just enough SMTP for nodemailer: greeting, EHLO, MAIL, RCPT, DATA, QUIT. */
function startSmtpSink(port: number): Promise<{ server: Server; mails: ReceivedMail[] }> {
  const mails: ReceivedMail[] = [];
  const server = createServer((socket) => {
    let buffer = "";
    let current: ReceivedMail = { from: "", to: [], data: "" };
    let inData = false;
    socket.write("220 sink.test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          mails.push(current);
          current = { from: "", to: [], data: "" };
          inData = false;
          socket.write("250 OK queued\r\n");
          continue;
        }
        const lineEnd = buffer.indexOf("\r\n");
        if (lineEnd === -1) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        const command = line.slice(0, 4).toUpperCase();
        if (command === "EHLO" || command === "HELO") socket.write("250-sink.test\r\n250 8BITMIME\r\n");
        else if (command === "MAIL") {
          current.from = line;
          socket.write("250 OK\r\n");
        } else if (command === "RCPT") {
          current.to.push(line);
          socket.write("250 OK\r\n");
        } else if (command === "DATA") {
          inData = true;
          socket.write("354 End data with <CR><LF>.<CR><LF>\r\n");
        }
        else if (command === "QUIT") socket.end("221 Bye\r\n");
        else socket.write("250 OK\r\n");
      }
    });
    socket.on("error", () => undefined);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve({ server, mails })));
}

let server: TestServer;
let smtp: { server: Server; mails: ReceivedMail[] };
let client: pg.Client;
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  const smtpPort = await freePort();
  smtp = await startSmtpSink(smtpPort);
  server = await startTestServer({
    databaseUrl,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      RUN_JOBS: "true",
      MAIL_FROM: "Buurtkracht <noreply@buurtkracht.test>",
      MAIL_REPLY_TO: "vragen@buurtkracht.test",
    },
  });
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await server?.stop();
  await new Promise((resolve) => smtp?.server.close(resolve));
});

describe("mail delivery over SMTP", () => {
  it("delivers a sign-up confirmation through the outbox job and marks it sent", async () => {
    const { rows } = await client.query<{ id: string }>(
      `select id from activities where status = 'published' and registration_required and starts_at > now()
        and (capacity is null or confirmed_count < capacity)
        and (min_age is null or min_age <= 26) and (max_age is null or max_age >= 18) order by starts_at limit 1`,
    );
    const response = await fetch(`${server.url}/api/v1/activities/${rows[0]!.id}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Mila Mail", email: "mila.mail@example.org", ageGroup: "18_26" }),
    });
    expect(response.status).toBe(202);

    const deadline = Date.now() + 30_000;
    while (!smtp.mails.some((mail) => mail.to.some((to) => to.includes("mila.mail@example.org"))) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const mail = smtp.mails.find((m) => m.to.some((to) => to.includes("mila.mail@example.org")));
    expect(mail, "the SMTP server received the confirmation").toBeDefined();
    expect(mail!.from).toContain("noreply@buurtkracht.test");
    expect(mail!.data).toContain("/aanmelding/");
    expect(mail!.data).toMatch(/text\/calendar/);

    let status = "";
    while (Date.now() < deadline) {
      const outbox = await client.query<{ status: string }>(`select status from outbox_emails where to_address = 'mila.mail@example.org'`);
      status = outbox.rows[0]?.status ?? "";
      if (status === "sent") break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe("sent");
  });
});

/** Waits for the SMTP server to receive a mail for `address` and returns it parsed. */
async function receivedMail(address: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const mail = smtp.mails.find((m) => m.to.some((to) => to.includes(address)));
    if (mail) return { raw: mail.data, ...parseMime(mail.data) };
    if (Date.now() > deadline) throw new Error(`no mail for ${address} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function openActivity(slug: string, offset: number): Promise<{ id: string; municipalityId: string }> {
  const { rows } = await client.query<{ id: string; municipality_id: string }>(
    `select a.id, a.municipality_id from activities a join municipalities m on m.id = a.municipality_id
      where m.slug = $1 and a.status = 'published' and a.registration_required and a.starts_at > now()
        and (a.capacity is null or a.confirmed_count < a.capacity)
        and (a.min_age is null or a.min_age <= 66) and (a.max_age is null or a.max_age >= 27)
      order by a.starts_at, a.id offset $2 limit 1`,
    [slug, offset],
  );
  return { id: rows[0]!.id, municipalityId: rows[0]!.municipality_id };
}

async function signUp(activityId: string, person: { name: string; email: string }, language: string) {
  const response = await fetch(`${server.url}/api/v1/activities/${activityId}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": language },
    body: JSON.stringify({ ...person, ageGroup: "27_66" }),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
}

/** The project leader sets Havenstad's contact address on the settings page, as in the browser. */
async function saveContactAddress(contactEmail: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ name: "Havenstad", slug: "havenstad", themeColour: "#1d4f91", introduction: "", contactEmail })) form.set(name, value);
  const cookie = (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header;
  const response = await fetch(`${server.url}/beheer/havenstad/instellingen`, { method: "POST", headers: { origin: server.url, cookie }, body: form, redirect: "manual" });
  return { status: response.status, html: await response.text() };
}

async function contactAddressOfHavenstad() {
  const { rows } = await client.query<{ contact_email: string | null }>(`select contact_email from municipalities where slug = 'havenstad'`);
  return rows[0]!.contact_email;
}

describe("the municipality's contact address", () => {
  it("is refused with a message when it is no address, and saved when it is", async () => {
    const refused = await saveContactAddress("wijkteam op het stadhuis");
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("Vul een geldig e-mailadres in");
    expect(await contactAddressOfHavenstad()).toBeNull();
    expect((await saveContactAddress("Wijkteam@Havenstad.test")).status).toBe(302);
    expect(await contactAddressOfHavenstad()).toBe("wijkteam@havenstad.test");
    const page = await fetch(`${server.url}/beheer/havenstad/instellingen`, {
      headers: { cookie: (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header },
    });
    expect(await page.text()).toContain('value="wijkteam@havenstad.test"');
    expect((await saveContactAddress("")).status).toBe(302);
    expect(await contactAddressOfHavenstad()).toBeNull();
  });
});

describe("what a mail carries", () => {
  it("says it is automatic, in the recipient's language, with the municipality's Reply-To and an escaped HTML part", async () => {
    const activity = await openActivity("havenstad", 3);
    await saveContactAddress("wijkteam@havenstad.test");
    await client.query(`update activities set title = $2 where id = $1`, [activity.id, `<img src=x onerror=alert(1)> Kerst & "Co"`]);
    // The public sign-up refuses markup in names (ADR 020); quotes and ampersands still need escaping.
    await signUp(activity.id, { name: `Anne "Annie" O'Neill & Co`, email: "anne.markup@example.org" }, "en");

    const mail = await receivedMail("anne.markup@example.org");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.headers.get("content-language")).toBe("en");
    expect(mail.headers.get("reply-to")).toContain("wijkteam@havenstad.test");

    const text = mail.parts.find((part) => part.contentType === "text/plain");
    const html = mail.parts.find((part) => part.contentType === "text/html");
    expect(text?.body).toContain(`Anne "Annie" O'Neill & Co`);
    expect(html, "an HTML part beside the text").toBeDefined();
    expect(html!.body).toContain('<html lang="en">');
    expect(html!.body).toContain("Anne &quot;Annie&quot; O&#39;Neill &amp; Co");
    expect(html!.body).toContain("&lt;img src=x onerror=alert(1)&gt; Kerst &amp; &quot;Co&quot;");
    expect(html!.body).not.toMatch(/<b>|<img/);
    // The platform's own links are links in the HTML part, the cancel link among them.
    expect(html!.body).toMatch(new RegExp(`<a href="${server.url}/havenstad/activiteiten/${activity.id}">`));
    expect(html!.body).toMatch(new RegExp(`<a href="${server.url}/aanmelding/[A-Za-z0-9_-]+">`));
  });

  it("sends replies to MAIL_REPLY_TO for a municipality without a contact address, in Dutch by default", async () => {
    const activity = await openActivity("rivierendal", 0);
    await signUp(activity.id, { name: "Ruud Rivier", email: "ruud.rivier@example.org" }, "nl");
    const mail = await receivedMail("ruud.rivier@example.org");
    expect(mail.headers.get("reply-to")).toContain("vragen@buurtkracht.test");
    expect(mail.headers.get("content-language")).toBe("nl");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.parts.find((part) => part.contentType === "text/html")?.body).toContain('<html lang="nl">');
  });

  it("ends every .ics with CRLF: the mail attachment, the feed and the single activity", async () => {
    const activity = await openActivity("havenstad", 5);
    await signUp(activity.id, { name: "Iris Ics", email: "iris.ics@example.org" }, "nl");
    const mail = await receivedMail("iris.ics@example.org");
    const attachment = mail.parts.find((part) => part.contentType === "text/calendar");
    expect(attachment, "the confirmation carries an .ics").toBeDefined();
    const calendars = {
      attachment: attachment!.body,
      feed: await (await fetch(`${server.url}/api/v1/municipalities/havenstad/calendar.ics`)).text(),
      activity: await (await fetch(`${server.url}/havenstad/activiteiten/${activity.id}/agenda.ics`)).text(),
    };
    for (const [name, body] of Object.entries(calendars)) {
      expect(body.startsWith("BEGIN:VCALENDAR\r\n"), name).toBe(true);
      expect(body.endsWith("END:VCALENDAR\r\n"), name).toBe(true);
      // Every line break is CRLF: no bare LF anywhere.
      expect(/[^\r]\n/.test(body), name).toBe(false);
    }
  });
});
