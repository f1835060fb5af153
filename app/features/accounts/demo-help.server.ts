import { DEMO_ACCOUNTS, DEMO_MUNICIPALITIES, DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoPerson } from "~/features/demo/seed.server";
import { STAFF_ROLES } from "~/features/authorization/policy";
import type { Role } from "~/lib/db/schema";
import { env } from "~/lib/env.server";

export interface DemoSignInHelp {
  password: string;
  totpSecret: string;
  accounts: { email: string; role: Role | DemoPerson; place: string | null; usesTwoFactor: boolean }[];
}

/** How to get into the demo network's accounts, shown on the sign-in pages of a demo installation. */
export function demoSignInHelp(): DemoSignInHelp | null {
  if (env.DEMO_DATA !== "true") return null;
  const municipalityName = new Map(DEMO_MUNICIPALITIES.map((m) => [m.slug, m.name]));
  return {
    password: DEMO_PASSWORD,
    totpSecret: DEMO_TOTP_SECRET,
    accounts: DEMO_ACCOUNTS.map((account) => ({
      email: account.email,
      role: account.role ?? account.person ?? "resident",
      place: [account.partner, account.municipality ? municipalityName.get(account.municipality) : undefined].filter(Boolean).join(", ") || null,
      usesTwoFactor: account.role !== null && STAFF_ROLES.includes(account.role),
    })),
  };
}
