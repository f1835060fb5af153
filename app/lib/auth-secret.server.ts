/**
 * The secret that signs sessions, emailed links and two-factor challenges and encrypts the
 * authenticator secrets. AUTH_SECRET when it is set; otherwise one generated on the first start
 * and kept with the installation, so no two installations share one and none uses a value that
 * can be read in the repository (docs/decisions/015-generated-auth-secret.md).
 */
import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { env } from "~/lib/env.server";

const SECRET_NAME = "auth";
/** File name of the generated secret inside DATA_DIR (embedded database only). */
export const AUTH_SECRET_FILE = "auth-secret";

let current: string | undefined;

function generateSecret(): string {
  return randomBytes(48).toString("base64url");
}

/**
 * The secret in a file readable by its owner only, created when missing. It is written to a
 * temporary file first and then linked into place, which fails when the file exists: a second
 * process starting at the same moment never reads a half-written file and keeps the first secret.
 */
export async function readOrCreateSecretFile(file: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(temporary, `${generateSecret()}\n`, { mode: 0o600, flag: "wx" });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temporary);
  }
  // A file copied in by hand may carry wider permissions: the secret is as good as a password.
  await chmod(file, 0o600);
  const value = (await readFile(file, "utf8")).trim();
  if (value.length < 32) throw new Error(`${file} holds no usable secret (at least 32 characters); delete it to generate a new one`);
  return value;
}

/**
 * The secret in the database, created when missing. Every instance inserts its own candidate and
 * keeps whatever row is there afterwards, so instances starting at the same time agree on one.
 */
export async function readOrCreateSecretRow(): Promise<string> {
  await db().execute(sql`insert into installation_secrets (name, value) values (${SECRET_NAME}, ${generateSecret()}) on conflict (name) do nothing`);
  const result = await db().execute<{ value: string }>(sql`select value from installation_secrets where name = ${SECRET_NAME}`);
  const value = result.rows[0]?.value;
  if (!value) throw new Error("installation_secrets holds no auth secret");
  return value;
}

/**
 * Decides this process's secret; called at start-up after the database is migrated. With the
 * embedded database the secret lives in DATA_DIR beside it; with DATABASE_URL in the database,
 * which every instance shares.
 */
export async function loadAuthSecret(options: { secretFile?: string } = {}): Promise<string> {
  current = env.AUTH_SECRET ?? (options.secretFile ? await readOrCreateSecretFile(options.secretFile) : await readOrCreateSecretRow());
  return current;
}

/** The secret loaded at start-up, or (for a process that did not start the platform) the database's. */
export async function ensureAuthSecret(): Promise<string> {
  return current ?? loadAuthSecret();
}

/** The secret of this process; only after loadAuthSecret (start-up) has run. */
export function authSecret(): string {
  if (!current) throw new Error("The auth secret is not loaded yet (loadAuthSecret runs at start-up)");
  return current;
}
