/**
 * Every installation signs with its own secret. Without AUTH_SECRET one is generated on the first
 * start and kept (in the database with DATABASE_URL, in DATA_DIR with the embedded database), so
 * the constant that used to be the fallback signs nothing: a verification link forged with it
 * neither confirms an account nor signs anyone in.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { signJWT } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOrCreateSecretFile } from "~/lib/auth-secret.server";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { createPerson, query } from "../support/accounts";

/** The constant the app fell back to before every installation had its own secret. */
const OLD_CONSTANT = "buurtkracht-demo-secret-not-for-production-use-0001";

let first: TestServer;
let second: TestServer;
let firstUrl: string;
let secondUrl: string;

beforeAll(async () => {
  [firstUrl, secondUrl] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  [first, second] = await Promise.all([startTestServer({ databaseUrl: firstUrl }), startTestServer({ databaseUrl: secondUrl })]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

async function storedSecrets(databaseUrl: string): Promise<string[]> {
  return (await query<{ value: string }>(databaseUrl, "select value from installation_secrets where name = 'auth'")).map((r) => r.value);
}

async function userRow(databaseUrl: string, email: string) {
  const [row] = await query<{ id: string; email_verified: boolean }>(databaseUrl, "select id, email_verified from users where email = $1", [email]);
  return row!;
}

async function sessionCount(databaseUrl: string, userId: string): Promise<number> {
  const [row] = await query<{ n: number }>(databaseUrl, "select count(*)::int as n from sessions where user_id = $1", [userId]);
  return row!.n;
}

function verifyLink(server: TestServer, token: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/verify-email?token=${token}&callbackURL=%2Faccount`, { redirect: "manual" });
}

describe("the installation's secret", () => {
  it("is generated on the first start and differs between installations", async () => {
    const [a, b] = [await storedSecrets(firstUrl), await storedSecrets(secondUrl)];
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]!.length).toBeGreaterThanOrEqual(32);
    expect(a[0]).not.toBe(b[0]);
    expect(a[0]).not.toBe(OLD_CONSTANT);
  });

  it("is one secret for instances that start at the same time on a fresh database", async () => {
    const databaseUrl = await createTestDatabase();
    const servers = await Promise.all([startTestServer({ databaseUrl }), startTestServer({ databaseUrl })]);
    try {
      expect(await storedSecrets(databaseUrl)).toHaveLength(1);
      const [secret] = await storedSecrets(databaseUrl);
      const email = "new-here@example.org";
      const id = await createPerson(databaseUrl, { email, password: "a-password-nobody-knows", verified: false });
      const confirmed = await verifyLink(servers[0]!, await signJWT({ email, userId: id }, secret!, 3600));
      const cookie = confirmed.headers.getSetCookie().find((c) => c.startsWith("buurtkracht.session_token="));
      expect(cookie).toBeDefined();
      // The session one instance signed is good on the other: they sign with the same secret.
      const account = await fetch(`${servers[1]!.url}/account`, { redirect: "manual", headers: { Cookie: cookie!.split(";")[0]! } });
      expect(account.status).toBe(200);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
});

describe("a verification link forged with the old constant", () => {
  it("does not confirm an address its sender does not own", async () => {
    const email = "not-mine@example.org";
    await createPerson(firstUrl, { email, password: "a-password-nobody-knows", verified: false });
    const { id } = await userRow(firstUrl, email);
    const response = await verifyLink(first, await signJWT({ email, userId: id }, OLD_CONSTANT, 3600));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("error=");
    expect(response.headers.getSetCookie().filter((c) => c.startsWith("buurtkracht.session_token=") && !c.includes("Max-Age=0"))).toEqual([]);
    expect((await userRow(firstUrl, email)).email_verified).toBe(false);
    expect(await sessionCount(firstUrl, id)).toBe(0);
  });

  it("does not take over a staff account with two-factor sign-in, knowing only its user id", async () => {
    const email = "coordinator@buurtkracht.example";
    const { id } = await userRow(firstUrl, email);
    // A change-of-address confirmation moves the account to the attacker's address and signs in.
    const payload = { email, updateTo: "attacker@example.org", requestType: "change-email-verification", userId: id };
    const response = await verifyLink(first, await signJWT(payload, OLD_CONSTANT, 3600));
    expect(response.headers.getSetCookie().filter((c) => c.startsWith("buurtkracht.session_token=") && !c.includes("Max-Age=0"))).toEqual([]);
    expect(await query(firstUrl, "select email from users where id = $1", [id])).toEqual([{ email }]);
    expect(await sessionCount(firstUrl, id)).toBe(0);
  });

  it("while the same link signed with the installation's own secret works (the check is the secret, not the link)", async () => {
    const email = "mine@example.org";
    await createPerson(firstUrl, { email, password: "a-password-nobody-knows", verified: false });
    const { id } = await userRow(firstUrl, email);
    const [secret] = await storedSecrets(firstUrl);
    const response = await verifyLink(first, await signJWT({ email, userId: id }, secret!, 3600));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/account");
    expect((await userRow(firstUrl, email)).email_verified).toBe(true);
  });
});

describe("the secret file of an embedded installation", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "bk-secret-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("is created once, readable by its owner only, and kept across starts", async () => {
    const file = path.join(folder, "one", "auth-secret");
    const [a, b] = await Promise.all([readOrCreateSecretFile(file), readOrCreateSecretFile(file)]);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readOrCreateSecretFile(file)).toBe(a);
    expect(await readOrCreateSecretFile(path.join(folder, "two", "auth-secret"))).not.toBe(a);
  });
});
