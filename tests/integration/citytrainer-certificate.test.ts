/**
 * The Citytrainer certificate end to end on real PostgreSQL and the real server: issued only when
 * every requirement is met (checked again in the write), concurrent issues take distinct status
 * list indexes and give one certificate per enrolment, the signed credential is verified by an
 * independent verifier (@digitalcredentials/verifier-core) and by a minimal check written here
 * from the eddsa-rdfc-2022 algorithm, one changed character fails both, a revoked certificate has
 * its status bit set and the verifier, the page and the JSON API say so, key rotation keeps old
 * credentials verifying, the signing key's secret is in no answer and no log line, and the PDF
 * passes poppler's checks. The test process has no network: fetch reaches only the test server.
 */
import { execFileSync } from "node:child_process";
import { createHash, createPublicKey, verify as verifySignature } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeList } from "@digitalbazaar/vc-bitstring-status-list";
import { verifyCredential as independentVerify } from "@digitalcredentials/verifier-core";
import { and, eq } from "drizzle-orm";
import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { credentialJson } from "~/features/certificates/credential";
import { seedDemoCertificates } from "~/features/demo/seed-certificates.server";
import { achievementCredentialErrors } from "~/features/certificates/credential-schema.server";
import { offlineDocumentLoader } from "~/features/certificates/document-loader.server";
import { isCitytrainer } from "~/features/certificates/reads.server";
import { issueCitytrainerCertificate } from "~/features/certificates/writes.server";
import { db } from "~/lib/db/client.server";
import { certificates, outboxEmails, placements, signingKeys } from "~/lib/db/schema";
import { createCitytrainerCandidates, type ReadyTrainee } from "../support/citytrainer";
import { useTestDatabase } from "../support/database";
import { sessionCookieFor } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";
import { userIdOf } from "../support/training-course";

// Credentials and verifier results are read field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const database = useTestDatabase();
let server: TestServer;
let municipalityId: MunicipalityId;
const LEADER = "projectleider@havenstad.example";
const cookies: Record<string, string> = {};
/** Every body the server sent in this file, searched for the secret key at the end. */
const bodies: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  // The server may not reach the network either: signing and verifying must work offline.
  const noNetwork = new URL("../support/no-outbound-fetch.mjs", import.meta.url).pathname;
  server = await startTestServer({ databaseUrl: database.url, env: { LOG_LEVEL: "info", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${noNetwork}`.trim() } });
  // No network for this process: only the test server answers (the independent verifier fetches the status list from it).
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(server.url)) throw new Error(`outbound fetch blocked in this test: ${url}`);
    return realFetch(input, init);
  }) as typeof fetch;
  cookies[LEADER] = (await sessionCookieFor(database.url, LEADER)).header;
}, 120_000);

afterAll(async () => {
  globalThis.fetch = realFetch;
  await server?.stop();
});

async function remember(response: Response): Promise<Response> {
  const buffer = Buffer.from(await response.clone().arrayBuffer());
  bodies.push(buffer.toString("latin1"));
  return response;
}

function post(path: string, who: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie: cookies[who] ?? "", origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  }).then(remember);
}

function get(path: string, who?: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, { headers: { ...(who ? { cookie: cookies[who]! } : {}), ...headers }, redirect: "manual" }).then(remember);
}

async function candidates(name: string, trainees: Parameters<typeof createCitytrainerCandidates>[0]["trainees"]): Promise<ReadyTrainee[]> {
  const leaderId = await userIdOf("cursusleider@havenstad.example");
  const made = await createCitytrainerCandidates({ courseLeaderIds: [leaderId], trainees, name });
  municipalityId = made.course.municipalityId as MunicipalityId;
  for (const trainee of made.trainees) cookies[trainee.email] = (await sessionCookieFor(database.url, trainee.email)).header;
  return made.trainees;
}

async function certificateOf(enrolmentId: string) {
  const [row] = await db().select().from(certificates).where(and(eq(certificates.enrolmentId, enrolmentId), eq(certificates.kind, "citytrainer")));
  return row ?? null;
}

/** Issues through the project leader's page, as a person would. */
async function issueOverHttp(trainee: ReadyTrainee) {
  const response = await post("/beheer/havenstad/citytrainers", LEADER, { intent: "issue", id: trainee.enrolmentId });
  expect(response.status, await response.clone().text()).toBe(302);
  const row = await certificateOf(trainee.enrolmentId);
  expect(row).not.toBeNull();
  return row!;
}

async function downloadCredential(trainee: ReadyTrainee): Promise<{ text: string; credential: Json; response: Response }> {
  const response = await get("/mijn-praktijk/certificaat.json", trainee.email);
  const text = await response.text();
  return { text, credential: response.status === 200 ? JSON.parse(text) : null, response };
}

// ------------------------------------------------------------------------------------------ //
// A minimal second verifier: eddsa-rdfc-2022 as the Data Integrity EdDSA spec describes it,
// with nothing from the issuing code but the offline context loader.

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
function base58Decode(text: string): Buffer {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) throw new Error("not base58");
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  for (const char of text) {
    if (char !== "1") break;
    bytes.unshift(0);
  }
  return Buffer.from(bytes);
}

async function minimalVerify(credential: Json): Promise<boolean> {
  const { proof, ...document } = credential;
  if (proof?.cryptosuite !== "eddsa-rdfc-2022" || typeof proof.proofValue !== "string" || !proof.proofValue.startsWith("z")) return false;
  const { proofValue, ...proofOptions } = proof;
  const documentLoader = offlineDocumentLoader() as Json;
  const canonize = (input: Json) => jsonld.canonize(input, { algorithm: "RDFC-1.0", format: "application/n-quads", documentLoader, safe: true } as Json);
  const sha = (text: string) => createHash("sha256").update(text).digest();
  const hashData = Buffer.concat([sha(await canonize({ ...proofOptions, "@context": document["@context"] })), sha(await canonize(document))]);
  const multikey = base58Decode(String(proof.verificationMethod).split("#")[1]!.slice(1));
  if (multikey[0] !== 0xed || multikey[1] !== 0x01 || multikey.length !== 34) return false;
  const spki = Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), multikey.subarray(2)]);
  const publicKey = createPublicKey({ key: spki, format: "der", type: "spki" });
  const issuerDid = typeof credential.issuer === "string" ? credential.issuer : credential.issuer.id;
  if (!String(proof.verificationMethod).startsWith(`${issuerDid}#`)) return false;
  return verifySignature(null, hashData, publicKey, base58Decode(proofValue.slice(1)));
}

function logEntry(result: Json, id: string): Json {
  return result.log?.find((entry: Json) => entry.id === id);
}

// ------------------------------------------------------------------------------------------ //

describe("issuing", () => {
  it("refuses while a requirement is open, writes nothing, and issues once the last one is met", async () => {
    const [trainee] = await candidates("Groep Eisen", [{ email: "eisen@example.org", name: "Eva Eisen", skip: "presentation" }]);
    const page = await (await get("/beheer/havenstad/citytrainers", LEADER)).text();
    expect(page).toContain("Eva Eisen");
    expect(page).not.toContain(`value="${trainee!.enrolmentId}"`);

    const refused = await post("/beheer/havenstad/citytrainers", LEADER, { intent: "issue", id: trainee!.enrolmentId });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("eindpresentatie gegeven");
    expect(await certificateOf(trainee!.enrolmentId)).toBeNull();
    const [placement] = await db().select().from(placements).where(eq(placements.id, trainee!.placementId));
    expect(placement!.status).toBe("active");

    const { finalPresentations } = await import("~/lib/db/schema");
    await db().update(finalPresentations).set({ givenAt: new Date() }).where(eq(finalPresentations.placementId, trainee!.placementId));
    const ready = await (await get("/beheer/havenstad/citytrainers", LEADER)).text();
    expect(ready).toContain(`value="${trainee!.enrolmentId}"`);
    const row = await issueOverHttp(trainee!);
    expect(row).toMatchObject({ kind: "citytrainer", holderName: "Eva Eisen", issuedBy: await userIdOf(LEADER), municipalityName: "Havenstad" });
    expect(row.achievedCompetences).toEqual([
      { name: expect.any(String), level: 3, levelName: "Kan het" },
      { name: expect.any(String), level: 4, levelName: "Voorbeeld" },
    ]);
    const [completed] = await db().select().from(placements).where(eq(placements.id, trainee!.placementId));
    expect(completed).toMatchObject({ status: "completed" });
    expect(completed!.endedAt).not.toBeNull();
    const mails = await db().select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, "eisen@example.org"), eq(outboxEmails.kind, "citytrainer-certificate")));
    expect(mails).toHaveLength(1);
    expect(await isCitytrainer(trainee!.userId)).toBe(true);
    expect(await (await get("/mijn-cursus", trainee!.email)).text()).toContain("Je bent Citytrainer.");

    const again = await post("/beheer/havenstad/citytrainers", LEADER, { intent: "issue", id: trainee!.enrolmentId });
    expect(again.status).toBe(400);
  });

  it("gives concurrent issues distinct status list indexes and one certificate per enrolment", async () => {
    const trainees = await candidates(
      "Groep Tegelijk",
      Array.from({ length: 6 }, (_, i) => ({ email: `tegelijk${i}@example.org`, name: `Tessa Tegelijk ${i}` })),
    );
    const leaderId = await userIdOf(LEADER);
    // Each trainee twice at once: twelve issues racing for six certificates.
    const outcomes = await Promise.all([...trainees, ...trainees].map((t) => issueCitytrainerCertificate(municipalityId, t.enrolmentId, leaderId)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(6);
    expect(outcomes.filter((o) => !o.ok).map((o) => (o.ok ? null : o.reason))).toEqual(Array(6).fill("already_issued"));
    const rows = await db().select().from(certificates).where(and(eq(certificates.municipalityId, municipalityId), eq(certificates.kind, "citytrainer")));
    const indexes = rows.map((r) => `${r.statusListId}:${r.statusListIndex}`);
    expect(new Set(indexes).size).toBe(rows.length);
    for (const trainee of trainees) expect(rows.filter((r) => r.enrolmentId === trainee.enrolmentId)).toHaveLength(1);
    for (const row of rows) expect(achievementCredentialErrors(row.credential)).toEqual([]);
  });
});

describe("verification", () => {
  let trainee: ReadyTrainee;
  let issued: Json;
  let downloaded: string;

  beforeAll(async () => {
    [trainee] = (await candidates("Groep Controle", [{ email: "controle@example.org", name: "Cor Controle" }])) as [ReadyTrainee];
    await issueOverHttp(trainee);
    const { text, credential, response } = await downloadCredential(trainee);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="citytrainer-certificaat-[A-Z0-9-]{14}\.json"$/);
    downloaded = text;
    issued = credential;
  });

  it("serves the stored credential byte for byte, the same on every download", async () => {
    const row = await certificateOf(trainee.enrolmentId);
    expect(downloaded).toBe(credentialJson(row!.credential));
    expect((await downloadCredential(trainee)).text).toBe(downloaded);
    expect(issued.credentialStatus.statusListCredential).toMatch(new RegExp(`^${server.url}/credentials/status/[0-9a-f-]{36}$`));
    expect(issued.issuer.id).toMatch(/^did:key:z6Mk/);
    expect(issued.issuer.name).toBe("Gemeente Havenstad");
    expect(Date.parse(issued.validFrom)).toBeLessThanOrEqual(Date.now());
  });

  it("is verified by an independent verifier (signature, not revoked) and by the minimal check", async () => {
    const result = await independentVerify({ credential: issued, knownDIDRegistries: [] });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(logEntry(result, "valid_signature")?.valid).toBe(true);
    expect(logEntry(result, "revocation_status")?.valid).toBe(true);
    expect(await minimalVerify(issued)).toBe(true);
  });

  it("fails verification when one character of the credential changes", async () => {
    const at = downloaded.indexOf('"Ik train mijn stad');
    expect(at).toBeGreaterThan(0);
    const tampered = JSON.parse(`${downloaded.slice(0, at + 1)}J${downloaded.slice(at + 2)}`);
    const result = await independentVerify({ credential: tampered, knownDIDRegistries: [] });
    expect(logEntry(result, "valid_signature")?.valid === true).toBe(false);
    expect(await minimalVerify(tampered)).toBe(false);
    // The public page's file check says so too.
    const code = (await certificateOf(trainee.enrolmentId))!.verificationCode;
    const page = await (await post(`/certificaat/${code}`, "nobody", { credential: JSON.stringify(tampered) })).text();
    expect(page).toContain("de handtekening klopt niet");
    const good = await (await post(`/certificaat/${code}`, "nobody", { credential: downloaded })).text();
    expect(good).toContain("De handtekening klopt: dit bestand is door Gemeente Havenstad ondertekend");
  });

  it("shows valid on the public page and in the JSON, the same 404 for a wrong and an unknown code", async () => {
    const row = (await certificateOf(trainee.enrolmentId))!;
    const page = await get(`/certificaat/${row.verificationCode.toLowerCase()}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Dit Citytrainer-certificaat is geldig.");
    expect(html).toContain("Gemeente Havenstad");
    expect(html).toContain("Kan het");
    const api = await get(`/api/v1/certificates/${row.verificationCode.toLowerCase()}`);
    expect(api.headers.get("api-version")).toBeTruthy();
    expect((await api.json()).data).toMatchObject({ kind: "citytrainer", status: "valid", issuer: { name: "Gemeente Havenstad", id: issued.issuer.id }, revokedAt: null });

    const wrong = row.verificationCode.slice(0, -1) + (row.verificationCode.endsWith("A") ? "B" : "A");
    const [unknownPage, wrongPage] = [await get("/certificaat/ZZZZ-ZZZZ-ZZZZ"), await get(`/certificaat/${wrong}`)];
    expect([unknownPage.status, wrongPage.status]).toEqual([404, 404]);
    expect(await unknownPage.text()).toContain("Er is geen certificaat met deze code.");
    expect((await wrongPage.text()).replace(wrong, "")).not.toContain("Cor Controle");
    const notFound = await get(`/api/v1/certificates/${wrong.toLowerCase()}`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await get("/api/v1/certificates/niet-een-code")).status).toBe(400);
  });

  it("revokes with a reason: the status bit is set, and the verifier, the page, the JSON and the download say revoked", async () => {
    const row = (await certificateOf(trainee.enrolmentId))!;
    const empty = await post("/beheer/havenstad/citytrainers", LEADER, { intent: "revoke", certificateId: row.id, reason: "  " });
    expect(empty.status).toBe(400);
    const revoked = await post("/beheer/havenstad/citytrainers", LEADER, { intent: "revoke", certificateId: row.id, reason: "Uitgereikt aan de verkeerde persoon" });
    expect(revoked.status).toBe(302);

    const list = await (await get(new URL(issued.credentialStatus.statusListCredential).pathname)).json();
    expect(list.type).toEqual(["VerifiableCredential", "BitstringStatusListCredential"]);
    const bits = await decodeList({ encodedList: list.credentialSubject.encodedList });
    expect(bits.getStatus(Number(issued.credentialStatus.statusListIndex))).toBe(true);

    const result = await independentVerify({ credential: issued, knownDIDRegistries: [] });
    expect(logEntry(result, "valid_signature")?.valid).toBe(true);
    expect(logEntry(result, "revocation_status")?.valid).toBe(false);

    const page = await (await get(`/certificaat/${row.verificationCode}`)).text();
    expect(page).toContain("Dit Citytrainer-certificaat is ingetrokken op");
    expect(page).toContain("Uitgereikt aan de verkeerde persoon");
    expect((await (await get(`/api/v1/certificates/${row.verificationCode.toLowerCase()}`)).json()).data).toMatchObject({ status: "revoked", revocationReason: "Uitgereikt aan de verkeerde persoon" });
    expect((await downloadCredential(trainee)).response.status).toBe(410);
    expect((await get("/mijn-praktijk/certificaat.pdf", trainee.email)).status).toBe(410);
    expect(await isCitytrainer(trainee.userId)).toBe(false);
  });

  it("rotates the key: new certificates name the new key, older ones still verify", async () => {
    const [before] = await db().select().from(signingKeys).where(eq(signingKeys.municipalityId, municipalityId));
    expect((await post("/beheer/havenstad/citytrainers", LEADER, { intent: "rotate" })).status).toBe(302);
    const keys = await db().select().from(signingKeys).where(eq(signingKeys.municipalityId, municipalityId));
    expect(keys.filter((k) => k.retiredAt === null)).toHaveLength(1);
    expect(keys.find((k) => k.id === before!.id)!.retiredAt).not.toBeNull();
    const [next] = (await candidates("Groep Nieuw", [{ email: "nieuw@example.org", name: "Nina Nieuw" }])) as [ReadyTrainee];
    await issueOverHttp(next);
    const fresh = (await downloadCredential(next)).credential;
    expect(fresh.issuer.id).not.toBe(issued.issuer.id);
    const old = await (await get(`/mijn-praktijk/certificaat.json`, "eisen@example.org")).json();
    for (const credential of [fresh, old]) {
      const result = await independentVerify({ credential, knownDIDRegistries: [] });
      expect(logEntry(result, "valid_signature")?.valid, JSON.stringify(result.errors)).toBe(true);
      expect(logEntry(result, "revocation_status")?.valid).toBe(true);
      expect(await minimalVerify(credential)).toBe(true);
    }
  });
});

describe("the PDF", () => {
  it("embeds every font, is tagged, and has the name and the code as text", async () => {
    const [trainee] = (await candidates("Groep Pdf", [{ email: "pdf@example.org", name: "Pia Pdf" }])) as [ReadyTrainee];
    const row = await issueOverHttp(trainee);
    const response = await get("/mijn-praktijk/certificaat.pdf", trainee.email);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="citytrainer-certificaat-${row.verificationCode}.pdf"`);
    const file = join(mkdtempSync(join(tmpdir(), "citytrainer-")), "certificaat.pdf");
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe("yes");
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Form:\s+none/);
    expect(info).toContain("Citytrainer-certificaat van Pia Pdf");
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("Pia Pdf");
    expect(text).toContain(row.verificationCode);
    expect(text).toContain("Kan het");
    expect(execFileSync("pdfinfo", ["-struct", file], { encoding: "utf8" })).toContain("Figure");
    // Without an account there is nothing to download: the address only ever serves one's own.
    expect((await get("/mijn-praktijk/certificaat.pdf")).status).toBe(302);
  });
});

describe("the demo seed", () => {
  it("issues through the same write inside the seed's transaction and revokes the listed ones", async () => {
    const trainees = await candidates("Groep Demo", [
      { email: "demo1@example.org", name: "Demi Demo" },
      { email: "demo2@example.org", name: "Dirk Demo" },
    ]);
    const now = new Date(Date.now() - 60_000);
    const { issued } = await db().transaction((tx) =>
      seedDemoCertificates(tx, { placementIds: trainees.map((t) => t.placementId), revoked: [{ placementId: trainees[1]!.placementId, reason: "Dubbel uitgereikt" }], now }),
    );
    expect(issued).toHaveLength(2);
    const [first, second] = [await certificateOf(trainees[0]!.enrolmentId), await certificateOf(trainees[1]!.enrolmentId)];
    expect(first).toMatchObject({ revokedAt: null, issuedAt: new Date(Math.floor(now.getTime() / 1000) * 1000) });
    expect(second).toMatchObject({ revocationReason: "Dubbel uitgereikt" });
    const result = await independentVerify({ credential: first!.credential as Json, knownDIDRegistries: [] });
    expect(logEntry(result, "valid_signature")?.valid).toBe(true);
    await expect(db().transaction((tx) => seedDemoCertificates(tx, { placementIds: [trainees[0]!.placementId], revoked: [], now }))).rejects.toThrow(/already_issued/);
  });
});

describe("the signing key's secret", () => {
  it("is in no answer, no export and no log line", async () => {
    const keys = await db().select({ secret: signingKeys.secretKeyMultibase }).from(signingKeys);
    expect(keys.length).toBeGreaterThan(0);
    await get("/account/mijn-gegevens/download.json", "eisen@example.org");
    await get("/beheer/havenstad/privacy", LEADER);
    await get("/beheer/havenstad/citytrainers", LEADER);
    const lists = await db().selectDistinct({ id: certificates.statusListId }).from(certificates);
    for (const list of lists) if (list.id) await get(`/credentials/status/${list.id}`);
    expect(server.output()).toContain("outbound fetch guard active");
    expect(server.output()).not.toContain("OUTBOUND FETCH BLOCKED");
    const everything = bodies.join("\n") + server.output();
    expect(server.output().length).toBeGreaterThan(0);
    for (const { secret } of keys) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.slice(1, 30));
    }
  });
});
