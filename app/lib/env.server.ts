import { z } from "zod";

/**
 * Every environment variable the platform reads, parsed once. The README's configuration table
 * lists the same variables; keep both in step.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Public base URL, used in emails, feeds, QR codes and as the trusted origin for forms. */
  APP_URL: z.url().optional(),
  /** External PostgreSQL; when unset an embedded server is started with its data under DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default("./data"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().default(5433),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** At least 32 characters; signs sessions and links. When unset the installation generates its own (auth-secret.server.ts). */
  AUTH_SECRET: z.string().min(32).optional(),
  /** nodemailer SMTP URL; without it messages stay in the in-app mail viewer. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Buurtkracht <noreply@buurtkracht.example>"),
  /** Reply-To of mails not sent for a municipality, or for one without a contact address. */
  MAIL_REPLY_TO: z.email().optional(),
  /** Days after which the outbox forgets a message's body, links and attachments (docs/retention.md). */
  MAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Days after an activity's end when its registrations lose name, address and account (docs/retention.md). */
  REGISTRATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** "required": staff roles must use two-factor sign-in; "optional": everyone may. */
  STAFF_TWO_FACTOR: z.enum(["required", "optional"]).default("required"),
  /** Fill an empty database with the demo network. */
  DEMO_DATA: z.enum(["true", "false"]).default("true"),
  /** Run background jobs (mail delivery, schedules) in this process. */
  RUN_JOBS: z.enum(["true", "false"]).default("true"),
  UPLOAD_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seconds a public page is kept for visitors who are not signed in (0 switches the page cache off). */
  PUBLIC_PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(1),
  /** Contact address in the public API's OpenAPI document (`info.contact`). */
  API_CONTACT_EMAIL: z.email().default("maintainers@buurtkracht.example"),
  /** Number of proxies in front of the app whose X-Forwarded-For may be trusted. */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
});

export type Env = z.infer<typeof schema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  // An empty variable counts as unset, so `SMTP_URL=` switches mail delivery off.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

export const baseUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");

export const uploadDir = env.UPLOAD_DIR ?? `${env.DATA_DIR}/uploads`;
