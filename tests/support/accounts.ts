/**
 * Helpers for the account tests: the mails the platform wrote to its outbox, people created
 * straight in the database, and form posts over plain HTTP with a small cookie jar.
 */
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { hashPassword } from "better-auth/crypto";
import pg from "pg";

export const DEMO_PASSWORD = "Buurtkracht-demo-2026";
export const DEMO_TOTP_SECRET = "KRACHTDEMOSTAFFA";

export async function query<Row extends Record<string, unknown>>(databaseUrl: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export interface OutboxMail {
  to_address: string;
  kind: string;
  subject: string;
  text_body: string;
}

/** The mails to one address, oldest first. */
export async function mailsTo(databaseUrl: string, to: string): Promise<OutboxMail[]> {
  return query<OutboxMail & Record<string, unknown>>(
    databaseUrl,
    "select to_address, kind, subject, text_body from outbox_emails where to_address = $1 order by created_at, id",
    [to],
  );
}

/** The newest mail of a kind to an address; fails the test when there is none. */
export async function lastMail(databaseUrl: string, to: string, kind: string): Promise<OutboxMail> {
  const mail = (await mailsTo(databaseUrl, to)).filter((m) => m.kind === kind).at(-1);
  if (!mail) throw new Error(`no ${kind} mail to ${to}`);
  return mail;
}

/** The first web link in a mail's text. */
export function linkIn(mail: OutboxMail): string {
  const match = mail.text_body.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in mail "${mail.subject}"`);
  return match[0];
}

/** A confirmed account with a password, optionally with a role, created without the forms. */
export async function createPerson(
  databaseUrl: string,
  person: { email: string; name?: string; password: string; verified?: boolean; role?: "course_leader" | "project_leader"; municipality?: string },
): Promise<string> {
  const id = randomUUID();
  const hash = await hashPassword(person.password);
  await query(databaseUrl, "insert into users (id, name, email, email_verified, locale) values ($1, $2, $3, $4, 'nl')", [
    id,
    person.name ?? "Test Persoon",
    person.email,
    person.verified ?? true,
  ]);
  await query(databaseUrl, "insert into accounts (id, account_id, provider_id, user_id, password) values ($1, $2, 'credential', $2, $3)", [randomUUID(), id, hash]);
  if (person.role) {
    await query(
      databaseUrl,
      "insert into memberships (user_id, role, municipality_id) select $1, $2, id from municipalities where slug = $3",
      [id, person.role, person.municipality ?? "havenstad"],
    );
  }
  return id;
}

/** Cookies kept between fetch calls, as a browser would. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

/** Posts a form as a browser on that site would (same Origin), without following redirects. */
export async function postForm(baseUrl: string, path: string, fields: Record<string, string>, jar?: CookieJar): Promise<Response> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseUrl,
      ...(jar ? { Cookie: jar.header() } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
  jar?.store(response);
  return response;
}

export async function getPage(baseUrl: string, path: string, jar?: CookieJar): Promise<Response> {
  const response = await fetch(`${baseUrl}${path}`, { redirect: "manual", headers: jar ? { Cookie: jar.header() } : {} });
  jar?.store(response);
  return response;
}

/**
 * Posts a form from another loopback address (127.0.0.x), so the server sees a different client
 * address. Answers with the status and body only.
 */
export async function postFormFrom(localAddress: string, baseUrl: string, path: string, fields: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(path, baseUrl);
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: "POST",
        localAddress,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Origin: baseUrl },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
