/**
 * The demo network: fictional municipalities, neighbourhoods, partner organisations and one
 * account for every role, written once into an empty database. The README lists the accounts.
 */
import { seedDemoEvaluations } from "./seed-evaluations.server";
import { randomUUID } from "node:crypto";
import { hashPassword, symmetricEncrypt } from "better-auth/crypto";
import { sql } from "drizzle-orm";
import { db, type Transaction } from "~/lib/db/client.server";
import {
  accounts,
  memberships,
  municipalities,
  neighbourhoods,
  partnerOrganisations,
  twoFactors,
  users,
  type PartnerKind,
  type Role,
} from "~/lib/db/schema";
import { STAFF_ROLES } from "~/features/authorization/policy";
import { ensureAuthSecret } from "~/lib/auth-secret.server";
import { seedDemoActivities } from "./seed-activities.server";
import { seedDemoRecruitment } from "./seed-recruitment.server";
import { seedDemoBudgets } from "./seed-budgets.server";
import { seedDemoOrganisers } from "./seed-organisers.server";
import { seedDemoCertificates } from "./seed-certificates.server";
import { seedDemoPractice } from "./seed-practice.server";
import { seedDemoTeams } from "./seed-teams.server";
import { seedDemoTraining } from "./seed-training.server";

export const DEMO_PASSWORD = "Buurtkracht-demo-2026";
/** The TOTP secret of every demo staff account (base32), for an authenticator app. */
export const DEMO_TOTP_SECRET = "KRACHTDEMOSTAFFA";

interface DemoMunicipality {
  slug: string;
  name: string;
  themeColour: string;
  introduction: string;
  neighbourhoods: string[];
  partners: { name: string; kind: PartnerKind }[];
}

export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  {
    slug: "havenstad",
    name: "Havenstad",
    themeColour: "#1d4f91",
    introduction: "In Havenstad organiseren bewoners samen sport, cultuur en ontmoeting in de wijk.",
    neighbourhoods: ["Centrum", "Havenkwartier", "Noorderpark", "De Werven", "Zuidrand", "Oude Dijk"],
    partners: [
      { name: "Sportvereniging Havenstad Vooruit", kind: "sport" },
      { name: "Cultuurhuis De Loods", kind: "culture" },
      { name: "Welzijn Havenstad", kind: "welfare" },
      { name: "Kindcentrum De Vuurtoren", kind: "school" },
      { name: "Woonstichting Kadewonen", kind: "housing" },
      { name: "Wijkteam Politie Havenstad", kind: "police" },
      { name: "Afdeling Sport en Bewegen", kind: "municipal_department" },
    ],
  },
  {
    slug: "rivierendal",
    name: "Rivierendal",
    themeColour: "#0b6e4f",
    introduction: "Rivierendal werkt met jonge bewoners die activiteiten in hun eigen buurt opzetten.",
    neighbourhoods: ["Binnenstad", "Uiterwaarden", "Molenwijk", "Het Veer", "Kersenbongerd"],
    partners: [
      { name: "Atletiekclub De Rivierlopers", kind: "sport" },
      { name: "Muziekschool Rivierendal", kind: "culture" },
      { name: "Stichting Samen Rivierendal", kind: "welfare" },
      { name: "Scholengemeenschap De Brug", kind: "school" },
      { name: "Bakkerij Van der Veer", kind: "business" },
    ],
  },
  {
    slug: "heuvelrijk",
    name: "Heuvelrijk",
    themeColour: "#8a2c0d",
    introduction: "In Heuvelrijk maken bewoners van jong tot oud hun dorpen en wijken sterker.",
    neighbourhoods: ["Boschkamp", "Hoog Heuvel", "Beekdal", "De Esch"],
    partners: [
      { name: "Tennisclub Heuvelrijk", kind: "sport" },
      { name: "Bibliotheek Heuvelrijk", kind: "culture" },
      { name: "Zorg en Welzijn Heuvelrijk", kind: "welfare" },
      { name: "Woningcorporatie Heuvelthuis", kind: "housing" },
      { name: "Dorpshuis De Esch", kind: "other" },
    ],
  },
];

interface DemoAccount {
  email: string;
  name: string;
  role: Role | null;
  municipality?: string;
  partner?: string;
  /** For an account without a role: what kind of person it is in the demo (trainee is a status, not a role). */
  person?: DemoPerson;
  /** Shown in the README; not a membership (trainee is a status that later flows give). */
  description: string;
}

export type DemoPerson = "trainee" | "applicant" | "certified_trainee" | "trainee_in_placement" | "citytrainer" | "resident";

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "coordinator@buurtkracht.example", name: "Noor Coördinator", role: "network_coordinator", description: "network coordinator" },
  { email: "projectleider@havenstad.example", name: "Pieter Projectleider", role: "project_leader", municipality: "havenstad", description: "project leader, Havenstad" },
  { email: "projectleider@rivierendal.example", name: "Rosa Projectleider", role: "project_leader", municipality: "rivierendal", description: "project leader, Rivierendal" },
  { email: "cursusleider@havenstad.example", name: "Cas Cursusleider", role: "course_leader", municipality: "havenstad", description: "course leader, Havenstad" },
  { email: "begeleider@havenstad.example", name: "Bo Begeleider", role: "practice_supervisor", municipality: "havenstad", partner: "Sportvereniging Havenstad Vooruit", description: "practice supervisor, Sportvereniging Havenstad Vooruit" },
  { email: "begeleider@loods.havenstad.example", name: "Dewi Begeleider", role: "practice_supervisor", municipality: "havenstad", partner: "Cultuurhuis De Loods", description: "practice supervisor, Cultuurhuis De Loods" },
  { email: "partner@havenstad.example", name: "Pim Partner", role: "partner_contact", municipality: "havenstad", partner: "Cultuurhuis De Loods", description: "partner contact, Cultuurhuis De Loods" },
  { email: "cursist@buurtkracht.example", name: "Kim Cursist", role: null, municipality: "havenstad", person: "trainee", description: "trainee (Citytrainer in training) in the running course group" },
  { email: "aanmelder@buurtkracht.example", name: "Lina Aanmelder", role: null, municipality: "havenstad", person: "applicant", description: "applicant (15) waiting for a guardian's consent" },
  { email: "bewijs@buurtkracht.example", name: "Jesse Bewijs", role: null, municipality: "havenstad", person: "certified_trainee", description: "trainee with a certificate of participation (last year's course group)" },
  { email: "praktijk@buurtkracht.example", name: "Mila Praktijk", role: null, municipality: "havenstad", person: "trainee_in_placement", description: "trainee (14) in placement at Sportvereniging Havenstad Vooruit, hours waiting for sign-off" },
  { email: "citytrainer@buurtkracht.example", name: "Chris Citytrainer", role: null, municipality: "havenstad", person: "citytrainer", description: "certified Citytrainer" },
  { email: "organisator@buurtkracht.example", name: "Oscar Organisator", role: null, municipality: "havenstad", person: "citytrainer", description: "certified Citytrainer (17) who organises, trusted to publish directly" },
  { email: "bewoner@buurtkracht.example", name: "Sam Bewoner", role: null, person: "resident", description: "resident" },
  { email: "trekker@buurtkracht.example", name: "Tess Trekker", role: null, municipality: "havenstad", person: "resident", description: "key figure (trekker) of Buurtteam Havenkwartier, a team whose work rests on her" },
];

const STAFF: ReadonlySet<Role> = new Set(STAFF_ROLES);

// Any fixed number; keeps two instances starting at once from seeding twice.
const SEED_LOCK_ID = 7_240_312;

/** Fills an empty database with the demo network. Returns false when there was data already. */
export async function seedDemoNetwork(options: { activities?: boolean; training?: boolean; practice?: boolean } = {}): Promise<boolean> {
  // Every start comes here: skip the (deliberately slow) password hashing when there is data.
  if ((await db().select({ id: municipalities.id }).from(municipalities).limit(1)).length > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const secret = await ensureAuthSecret();
  const encryptedSecret = await symmetricEncrypt({ key: secret, data: `base32:${DEMO_TOTP_SECRET}` });
  const backupCodes = await symmetricEncrypt({ key: secret, data: JSON.stringify(["demo-backup-1", "demo-backup-2"]) });
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    const existing = await tx.select({ id: municipalities.id }).from(municipalities).limit(1);
    if (existing.length > 0) return false;
    const municipalityIds = new Map<string, string>();
    const partnerIds = new Map<string, string>();
    for (const demo of DEMO_MUNICIPALITIES) {
      const [row] = await tx
        .insert(municipalities)
        .values({ slug: demo.slug, name: demo.name, themeColour: demo.themeColour, introduction: demo.introduction, publishedAt: new Date() })
        .returning({ id: municipalities.id });
      municipalityIds.set(demo.slug, row!.id);
      await tx.insert(neighbourhoods).values(demo.neighbourhoods.map((name) => ({ municipalityId: row!.id, name })));
      const partners = await tx
        .insert(partnerOrganisations)
        .values(demo.partners.map((p) => ({ municipalityId: row!.id, name: p.name, kind: p.kind })))
        .returning({ id: partnerOrganisations.id, name: partnerOrganisations.name });
      for (const p of partners) partnerIds.set(p.name, p.id);
    }
    for (const account of DEMO_ACCOUNTS) {
      await createDemoUser(tx, account, passwordHash, encryptedSecret, backupCodes, municipalityIds, partnerIds);
    }
    if (options.activities !== false) await seedDemoActivities(tx);
    if (options.training !== false) await seedDemoTraining(tx);
    // The practice path builds on the course data (its trainees have a certificate of participation).
    if (options.training !== false && options.practice !== false) {
      const practice = await seedDemoPractice(tx);
      // Issued two days after the past ceremony (52 days before seeding), where they presented.
      await seedDemoCertificates(tx, { placementIds: practice.certify, revoked: practice.revoke, now: new Date(Date.now() - 50 * 86_400_000) });
      // Residents organise: builds on the certified Citytrainers the two seeds above make.
      await seedDemoOrganisers(tx);
    }
    // Resident teams organise activities of their own; they look up the other areas' people and skip what is absent.
    if (options.activities !== false) await seedDemoTeams(tx);
    // Evaluations look up the organised activities that have ended (the organisers' seed, when it ran first).
    if (options.activities !== false) await seedDemoEvaluations(tx);
    // Invite links of the Citytrainers (certified above) and the teams, with sign-ups through them.
    if (options.training !== false && options.practice !== false) await seedDemoRecruitment(tx);
    // Budgets after the organisers' and teams' seeds: their requests link to those activities and teams when they exist.
    if (options.activities !== false) await seedDemoBudgets(tx);
    return true;
  });
}

async function createDemoUser(
  tx: Transaction,
  account: DemoAccount,
  passwordHash: string,
  encryptedSecret: string,
  backupCodes: string,
  municipalityIds: Map<string, string>,
  partnerIds: Map<string, string>,
): Promise<void> {
  const id = randomUUID();
  const isStaff = account.role !== null && STAFF.has(account.role);
  await tx.insert(users).values({ id, name: account.name, email: account.email, emailVerified: true, twoFactorEnabled: isStaff, locale: "nl" });
  await tx.insert(accounts).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash });
  if (isStaff) {
    await tx.insert(twoFactors).values({ id: randomUUID(), userId: id, secret: encryptedSecret, backupCodes, verified: true });
  }
  if (account.role) {
    await tx.insert(memberships).values({
      userId: id,
      role: account.role,
      municipalityId: account.municipality ? municipalityIds.get(account.municipality)! : null,
      partnerOrganisationId: account.partner ? partnerIds.get(account.partner)! : null,
    });
  }
}
