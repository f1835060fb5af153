/**
 * Signs a person in without the sign-in form, for tests about what happens *after* sign-in (the
 * sign-in flows themselves are tested through the real pages). Writes a session row the way
 * better-auth does and returns the signed cookie.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { makeSignature } from "better-auth/crypto";
import pg from "pg";
import type { BrowserContext } from "playwright-core";

/**
 * The secret the test database's installation signs with (generated on its first start). Made
 * here the way the app makes it when no server has started on the database yet.
 */
export async function installationSecret(client: pg.Client): Promise<string> {
  await client.query("insert into installation_secrets (name, value) values ('auth', $1) on conflict (name) do nothing", [randomBytes(48).toString("base64url")]);
  const row = await client.query<{ value: string }>("select value from installation_secrets where name = 'auth'");
  return row.rows[0]!.value;
}

export async function sessionCookieFor(databaseUrl: string, email: string): Promise<{ name: string; value: string; header: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const user = await client.query<{ id: string }>("select id from users where email = $1", [email]);
    if (!user.rows[0]) throw new Error(`no user ${email}`);
    const token = randomBytes(24).toString("base64url");
    await client.query(
      `insert into sessions (id, token, user_id, expires_at, created_at, updated_at) values ($1, $2, $3, now() + interval '1 day', now(), now())`,
      [randomUUID(), token, user.rows[0].id],
    );
    const value = encodeURIComponent(`${token}.${await makeSignature(token, await installationSecret(client))}`);
    const name = "buurtkracht.session_token";
    return { name, value, header: `${name}=${value}` };
  } finally {
    await client.end();
  }
}

/** Puts a signed-in session for `email` into a browser context. */
export async function signInBrowserAs(context: BrowserContext, baseUrl: string, databaseUrl: string, email: string): Promise<void> {
  const cookie = await sessionCookieFor(databaseUrl, email);
  await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
}
