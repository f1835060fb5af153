/**
 * Mail leaves through the outbox: the change and its message are written in one transaction, then
 * a pg-boss job delivers the message over SMTP (SMTP_URL) and marks it sent. The SMTP server here is
 * a minimal one on loopback that records what it receives.
 */
import { createServer, type Server } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";
import { freePort, startTestServer, type TestServer } from "../support/server";

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

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const smtpPort = await freePort();
  smtp = await startSmtpSink(smtpPort);
  server = await startTestServer({
    databaseUrl,
    env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, RUN_JOBS: "true", MAIL_FROM: "Buurtkracht <noreply@buurtkracht.test>" },
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
        and (capacity is null or confirmed_count < capacity) order by starts_at limit 1`,
    );
    const response = await fetch(`${server.url}/api/v1/activities/${rows[0]!.id}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Mila Mail", email: "mila.mail@example.org", ageGroup: "18_26" }),
    });
    expect(response.status).toBe(201);

    const deadline = Date.now() + 30_000;
    while (!smtp.mails.some((mail) => mail.to.some((to) => to.includes("mila.mail@example.org"))) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const mail = smtp.mails.find((m) => m.to.some((to) => to.includes("mila.mail@example.org")));
    expect(mail, "the SMTP server received the confirmation").toBeDefined();
    expect(mail!.from).toContain("noreply@buurtkracht.test");
    expect(mail!.data).toContain("/inschrijving/");
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
