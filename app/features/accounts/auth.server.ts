/**
 * Identity only: accounts, sessions, passwords, emailed sign-in links and TOTP, by better-auth
 * (docs/decisions/002-authentication-library.md). What a person may do is decided by the
 * product's own policies in features/authorization.
 */
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { magicLink, twoFactor } from "better-auth/plugins";
import { db } from "~/lib/db/client.server";
import * as schema from "~/lib/db/schema";
import { authSecret } from "~/lib/auth-secret.server";
import { baseUrl, env } from "~/lib/env.server";
import { CLIENT_ADDRESS_HEADER } from "~/lib/rate-limit.server";
import { sendExistingAccountEmail, sendMagicLinkEmail, sendPasswordResetEmail, sendVerificationEmail } from "./auth-emails.server";

function createAuth() {
  return betterAuth({
    appName: "Buurtkracht",
    baseURL: baseUrl,
    basePath: "/api/auth",
    secret: authSecret(),
    trustedOrigins: [baseUrl],
    telemetry: { enabled: false },
    database: drizzleAdapter(db(), {
      provider: "pg",
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
        twoFactor: schema.twoFactors,
        rateLimit: schema.rateLimits,
      },
    }),
    user: {
      additionalFields: {
        locale: { type: "string", required: false, defaultValue: "nl", input: true },
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => sendPasswordResetEmail(user, url),
      onExistingUserSignUp: async ({ user }) => sendExistingAccountEmail(user),
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => sendVerificationEmail(user, url),
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: env.NODE_ENV !== "test",
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 60,
    },
    advanced: {
      cookiePrefix: "buurtkracht",
      useSecureCookies: baseUrl.startsWith("https://"),
      // The address the HTTP layer determined (TRUST_PROXY applied, set on every request): without
      // it the rate limiter shares one bucket per path among everyone, so a few requests by one
      // person would stop everyone's links.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    plugins: [
      magicLink({
        expiresIn: 15 * 60,
        disableSignUp: true,
        sendMagicLink: async ({ email, url }) => sendMagicLinkEmail(email, url),
      }),
      twoFactor({ issuer: "Buurtkracht", skipVerificationOnEnable: false }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
let instance: Auth | undefined;

/** The better-auth instance of this process, created on first use (after the database is connected). */
export function auth(): Auth {
  instance ??= createAuth();
  return instance;
}
