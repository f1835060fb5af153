/**
 * The Citytrainer credential builder (app/features/certificates/credential.ts): the same content
 * gives the same JSON and the same signature, the credential passes the OB 3.0
 * AchievementCredential schema (ajv, JSON Schema 2019-09) before and after signing, and a
 * signature made offline verifies offline while one changed character does not. The loader never
 * reaches the network: fetch is replaced by one that fails the test.
 */
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildCitytrainerCredential, credentialJson, identityHash, OB_V3_CONTEXT, type CredentialInput } from "~/features/certificates/credential";
import { achievementCredentialErrors } from "~/features/certificates/credential-schema.server";
import { offlineDocumentLoader } from "~/features/certificates/document-loader.server";
import { SigningKey } from "~/features/certificates/keys.server";
import { signCredential } from "~/features/certificates/sign.server";

// The credential is checked field by field, so the test reads it untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let key: SigningKey;
let secret: string;

beforeAll(async () => {
  vi.stubGlobal("fetch", () => {
    throw new Error("network access during a credential test");
  });
  const pair = await Ed25519Multikey.generate();
  secret = pair.secretKeyMultibase!;
  key = new SigningKey("test-key", `did:key:${pair.publicKeyMultibase}`, pair.publicKeyMultibase, secret);
});

afterAll(() => {
  vi.unstubAllGlobals();
});

function input(overrides: Partial<CredentialInput> = {}): CredentialInput {
  return {
    certificateId: "7d4f1f5c-0a8b-4e59-9a57-1f2d3c4b5a69",
    issuedAt: new Date("2026-11-30T14:03:27.456Z"),
    issuer: { did: key.controller, name: "Gemeente Havenstad", url: "https://buurtkracht.test/havenstad" },
    recipientEmail: "Sam.de.Vries@Example.org",
    salt: "00112233445566778899aabbccddeeff",
    achievement: {
      id: "https://buurtkracht.test/credentials/achievements/2b1c7f1e-8d0e-4a55-9f0c-1a2b3c4d5e6f",
      trackName: "Ik train mijn stad",
      description: "Citytrainer na het traject Ik train mijn stad.",
      criteria: "Alle eisen gehaald.",
      competences: [
        { key: "b0000000-0000-4000-8000-000000000002", name: "Plannen", description: "", levels: [{ level: 2, name: "Zelfstandig", description: "" }, { level: 1, name: "Met hulp", description: "Vraagt hulp" }] },
        { key: "a0000000-0000-4000-8000-000000000001", name: "Samenwerken", description: "", levels: [{ level: 1, name: "Beginnend", description: "" }, { level: 2, name: "Gevorderd", description: "" }] },
      ],
    },
    results: { "a0000000-0000-4000-8000-000000000001": 2, "b0000000-0000-4000-8000-000000000002": 1 },
    status: { listUrl: "https://buurtkracht.test/credentials/status/11111111-2222-4333-8444-555555555555", index: 7 },
    wording: { name: "Citytrainer-certificaat: Ik train mijn stad" },
    ...overrides,
  };
}

describe("the Citytrainer credential", () => {
  it("is the same JSON for the same content, whatever order the competences and levels come in", () => {
    const first = input();
    const shuffled = input({
      achievement: { ...first.achievement, competences: [...first.achievement.competences].reverse().map((c) => ({ ...c, levels: [...c.levels].reverse() })) },
    });
    expect(credentialJson(buildCitytrainerCredential(first))).toBe(credentialJson(buildCitytrainerCredential(shuffled)));
  });

  it("has the VC 2.0 and OB 3.0 shape: contexts, types, issuer profile, whole-second validFrom, hashed recipient, results, status entry", () => {
    const credential = buildCitytrainerCredential(input()) as Json;
    expect(credential["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2", OB_V3_CONTEXT]);
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(credential.id).toBe("urn:uuid:7d4f1f5c-0a8b-4e59-9a57-1f2d3c4b5a69");
    expect(credential.issuer).toEqual({ id: key.controller, type: ["Profile"], name: "Gemeente Havenstad", url: "https://buurtkracht.test/havenstad" });
    expect(credential.validFrom).toBe("2026-11-30T14:03:27Z");
    const [identity] = credential.credentialSubject.identifier;
    expect(identity).toMatchObject({ type: "IdentityObject", hashed: true, identityType: "emailAddress", salt: "00112233445566778899aabbccddeeff" });
    expect(identity.identityHash).toBe(identityHash("sam.de.vries@example.org", "00112233445566778899aabbccddeeff"));
    expect(identity.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(JSON.stringify(credential)).not.toContain("Sam.de.Vries");
    const { achievement, result } = credential.credentialSubject;
    expect(achievement.resultDescription.map((r: Json) => r.name)).toEqual(["Samenwerken", "Plannen"]);
    expect(achievement.resultDescription[1].rubricCriterionLevel.map((l: Json) => l.level)).toEqual(["1", "2"]);
    expect(result).toEqual([
      { type: ["Result"], resultDescription: `${achievement.id}#competence-a0000000-0000-4000-8000-000000000001`, achievedLevel: `${achievement.id}#competence-a0000000-0000-4000-8000-000000000001-level-2` },
      { type: ["Result"], resultDescription: `${achievement.id}#competence-b0000000-0000-4000-8000-000000000002`, achievedLevel: `${achievement.id}#competence-b0000000-0000-4000-8000-000000000002-level-1` },
    ]);
    expect(credential.credentialStatus).toEqual({
      id: "https://buurtkracht.test/credentials/status/11111111-2222-4333-8444-555555555555#7",
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: "7",
      statusListCredential: "https://buurtkracht.test/credentials/status/11111111-2222-4333-8444-555555555555",
    });
  });

  it("passes the OB 3.0 AchievementCredential schema, and the schema refuses a credential without its achievement's criteria or with a wrong type", () => {
    const credential = buildCitytrainerCredential(input()) as Json;
    expect(achievementCredentialErrors(credential)).toEqual([]);
    const noCriteria = structuredClone(credential);
    delete noCriteria.credentialSubject.achievement.criteria;
    expect(achievementCredentialErrors(noCriteria).join()).toMatch(/criteria/);
    expect(achievementCredentialErrors({ ...credential, type: ["VerifiableCredential"] })).not.toEqual([]);
    expect(achievementCredentialErrors({ ...credential, validFrom: "gisteren" })).not.toEqual([]);
  });

  it("signs deterministically offline, verifies offline, and fails verification when one character changes", async () => {
    const unsigned = buildCitytrainerCredential(input());
    const issuedAt = new Date("2026-11-30T14:03:27Z");
    const signed = await signCredential(unsigned, key, issuedAt);
    const again = await signCredential(buildCitytrainerCredential(input()), key, issuedAt);
    expect(credentialJson(again)).toBe(credentialJson(signed));
    const proof = signed.proof as Record<string, string>;
    expect(proof).toMatchObject({ type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022", proofPurpose: "assertionMethod", created: "2026-11-30T14:03:27Z", verificationMethod: key.verificationMethod });
    expect(achievementCredentialErrors(signed)).toEqual([]);
    expect(credentialJson(signed)).not.toContain(secret);

    const suite = new DataIntegrityProof({ cryptosuite });
    const documentLoader = offlineDocumentLoader();
    // The signature alone: the revocation status is the integration test's (it needs the status list).
    const checkStatus = async () => ({ verified: true });
    expect((await vc.verifyCredential({ credential: signed, suite, documentLoader, checkStatus })).verified).toBe(true);
    const tampered = JSON.parse(credentialJson(signed).replace("Ik train mijn stad", "Ik train mijn staf"));
    expect((await vc.verifyCredential({ credential: tampered, suite, documentLoader, checkStatus })).verified).toBe(false);
  });

  it("loads only bundled contexts and did:key documents: any other URL throws instead of being fetched", async () => {
    const load = offlineDocumentLoader();
    await expect(load("https://www.w3.org/ns/credentials/v2")).resolves.toBeTruthy();
    await expect(load(OB_V3_CONTEXT)).resolves.toBeTruthy();
    const did = await load(key.controller);
    expect((did.document as { assertionMethod: string[] }).assertionMethod).toEqual([key.verificationMethod]);
    await expect(load("https://example.org/context.json")).rejects.toThrow(/not available offline/);
    await expect(load("did:web:example.org")).rejects.toThrow(/not available offline/);
    await expect(load("did:key:z6MkNOTAKEY")).rejects.toThrow(/not available offline/);
  });

  it("never shows the secret key when a key is logged or serialised", async () => {
    const { inspect } = await import("node:util");
    expect(JSON.stringify({ key })).not.toContain(secret);
    expect(inspect(key, { depth: 5, showHidden: true })).not.toContain(secret);
    expect(String(Object.values(key))).not.toContain(secret);
  });
});
