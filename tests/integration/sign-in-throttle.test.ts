/**
 * Repeated failed sign-ins are throttled in PostgreSQL: two app instances on one database share
 * the lock, parallel guesses cannot slip past it, the two-factor step is throttled the same way,
 * and the mail forms are rate-limited. better-auth's own sign-in endpoints are not reachable.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reserveAttempt, recordFailure, throttleKeys } from "~/features/accounts/sign-in-throttle.server";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { totpCode, unusedTotpCode } from "../support/totp";
import { CookieJar, DEMO_PASSWORD, DEMO_TOTP_SECRET, createPerson, getPage, mailsTo, postForm, postFormFrom, query } from "../support/accounts";

const database = useTestDatabase();
let first: TestServer;
let second: TestServer;

beforeAll(async () => {
  // Two instances of the app on one database, as behind a load balancer.
  [first, second] = await Promise.all([startTestServer({ databaseUrl: database.url }), startTestServer({ databaseUrl: database.url })]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

// Every test here signs in from 127.0.0.1; the address's own (larger) budget is tested separately.
beforeEach(async () => {
  await query(database.url, "delete from sign_in_throttles where key like '%:address:%'");
});

function signIn(server: TestServer, email: string, password: string, jar?: CookieJar) {
  return postForm(server.url, "/inloggen", { email, password, intent: "sign-in" }, jar);
}

async function throttleRow(key: string) {
  const [row] = await query<{ failure_count: number; locked_until: Date | null }>(
    database.url,
    "select failure_count, locked_until from sign_in_throttles where key = $1",
    [key],
  );
  return row;
}

describe("failed sign-ins", () => {
  it("locks an account for the address of five wrong passwords, on every app instance, even for the right password", async () => {
    const email = "locked@example.org";
    await createPerson(database.url, { email, password: "the-right-password" });
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      // Alternate between the instances: the count lives in the database, not in either process.
      const server = attempt % 2 ? first : second;
      statuses.push((await signIn(server, email, `wrong-password-${attempt}`)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);

    for (const server of [first, second]) {
      const response = await signIn(server, "LOCKED@example.org", "the-right-password");
      expect(response.status).toBe(429);
      expect(response.headers.getSetCookie().some((c) => c.includes("session_token=") && !c.includes("Max-Age=0"))).toBe(false);
      expect(await response.text()).toContain("kun je het over 15 minuten opnieuw proberen");
    }
    const row = await throttleRow(`password:pair:${email}|127.0.0.1`);
    expect(row?.failure_count).toBe(5);
    expect(row?.locked_until && new Date(row.locked_until).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await query(database.url, "select 1 from sessions s join users u on u.id = s.user_id where u.email = $1", [email])).toHaveLength(0);

    // Once the lock has run out (moved into the past here), the right password works again.
    await query(database.url, "update sign_in_throttles set locked_until = now() - interval '1 second', window_started_at = now() - interval '16 minutes' where key = $1", [
      `password:pair:${email}|127.0.0.1`,
    ]);
    const response = await signIn(second, email, "the-right-password");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/account");
    expect(await throttleRow(`password:pair:${email}|127.0.0.1`)).toBeUndefined();
  });

  it("does not lock the owner out: the right password from another address still signs in", async () => {
    const email = "coordinator@buurtkracht.example";
    // A stranger at one address guesses the coordinator's password until refused, on both instances.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await postFormFrom("127.0.0.9", attempt % 2 ? first.url : second.url, "/inloggen", { email, password: `guess-${attempt}` })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
    // The coordinator, at their own address, gets to the code step as usual.
    const owner = await postFormFrom("127.0.0.10", first.url, "/inloggen", { email, password: DEMO_PASSWORD });
    expect(owner.status).toBe(302);
    // The stranger stays refused, even with the right password.
    expect((await postFormFrom("127.0.0.9", second.url, "/inloggen", { email, password: DEMO_PASSWORD })).status).toBe(429);
  });

  it("lets only addresses the account signed in from through while many addresses guess", async () => {
    const email = "much-wanted@example.org";
    await createPerson(database.url, { email, password: "the-right-password" });
    // The owner signed in from 127.0.0.40 before.
    expect((await postFormFrom("127.0.0.40", first.url, "/inloggen", { email, password: "the-right-password" })).status).toBe(302);
    await query(database.url, "insert into sign_in_throttles (key, failure_count, window_started_at) values ($1, 50, now()) on conflict (key) do update set failure_count = 50", [
      `password:account:${email}`,
    ]);
    // Past the account's ceiling a new address is refused, even with the right password …
    expect((await postFormFrom("127.0.0.41", second.url, "/inloggen", { email, password: "the-right-password" })).status).toBe(429);
    // … the owner's usual address is not.
    expect((await postFormFrom("127.0.0.40", second.url, "/inloggen", { email, password: "the-right-password" })).status).toBe(302);
  });

  it("clears the account's count after a successful sign-in", async () => {
    const email = "forgetful@example.org";
    await createPerson(database.url, { email, password: "the-right-password" });
    for (let attempt = 0; attempt < 4; attempt++) expect((await signIn(first, email, "not-it-at-all")).status).toBe(400);
    expect((await signIn(second, email, "the-right-password")).status).toBe(302);
    expect(await throttleRow(`password:pair:${email}|127.0.0.1`)).toBeUndefined();
    // A fresh budget: four more mistakes are still answered normally.
    for (let attempt = 0; attempt < 4; attempt++) expect((await signIn(first, email, "not-it-at-all")).status).toBe(400);
  });

  it("lets at most five of many simultaneous guesses reach the password check", async () => {
    const email = "targeted@example.org";
    await createPerson(database.url, { email, password: "the-right-password" });
    // Twelve at once stays under the client address's own budget, so only the account's lock counts.
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(i % 2 ? first : second, email, `guess-number-${i}`)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
    expect((await signIn(first, email, "the-right-password")).status).toBe(429);
    expect((await throttleRow(`password:pair:${email}|127.0.0.1`))?.locked_until).not.toBeNull();
  });

  it("locks a client address after twenty failures, whichever accounts they were for", async () => {
    const from = "127.0.0.3";
    for (let i = 0; i < 20; i++) {
      const response = await postFormFrom(from, first.url, "/inloggen", { email: `guess-${i}@example.org`, password: "some-password" });
      expect(response.status).toBe(400);
    }
    const locked = await postFormFrom(from, second.url, "/inloggen", { email: "projectleider@rivierendal.example", password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect((await throttleRow(`password:address:${from}`))?.locked_until).not.toBeNull();
    // The same person from another address is not affected.
    expect((await signIn(first, "projectleider@rivierendal.example", DEMO_PASSWORD)).status).toBe(302);
  });

  it("reserves attempts atomically: exactly the budget is granted to parallel callers", async () => {
    // The account-and-address key alone: with the address's key too, refusals on one key hand slots back
    // while others are being refused, which can grant fewer (never more) than the budget.
    const keys = throttleKeys("password", "parallel@example.org", "192.0.2.10").slice(0, 1);
    const results = await Promise.all(Array.from({ length: 40 }, () => reserveAttempt(keys)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    await recordFailure(keys);
    const after = await reserveAttempt(keys);
    expect(after.allowed).toBe(false);
  });

  it("throttles the two-factor code step the same way", async () => {
    const jar = new CookieJar();
    const email = "cursusleider@havenstad.example";
    const passwordStep = await signIn(first, email, DEMO_PASSWORD, jar);
    expect(passwordStep.status).toBe(302);
    expect(passwordStep.headers.get("location")).toBe("/inloggen/tweestaps?redirectTo=%2Faccount");
    expect(jar.has("buurtkracht.two_factor")).toBe(true);

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await postForm(attempt % 2 ? first.url : second.url, "/inloggen/tweestaps", { code: "000000" }, jar)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const locked = await postForm(second.url, "/inloggen/tweestaps", { code: totpCode(DEMO_TOTP_SECRET) }, jar);
    expect(locked.status).toBe(429);
    expect(jar.has("buurtkracht.session_token")).toBe(false);
    const [user] = await query<{ id: string }>(database.url, "select id from users where email = $1", [email]);
    expect((await throttleRow(`two-factor:pair:${user!.id}|127.0.0.1`))?.locked_until).not.toBeNull();
  });

  it("refuses bad form input with 400 and writes nothing", async () => {
    const before = await query(database.url, "select count(*)::int as n from sign_in_throttles");
    const response = await postForm(first.url, "/inloggen", { email: "not an address", password: "" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Vul een geldig e-mailadres in");
    expect(await query(database.url, "select count(*)::int as n from sign_in_throttles")).toEqual(before);
  });
});

describe("the two-factor step", () => {
  it("accepts an authenticator code once, also across instances and in parallel", async () => {
    const email = "projectleider@havenstad.example";
    const code = await unusedTotpCode(database.url, email, DEMO_TOTP_SECRET);
    const jars = [new CookieJar(), new CookieJar(), new CookieJar()];
    for (const jar of jars) expect((await signIn(first, email, DEMO_PASSWORD, jar)).status).toBe(302);

    const used = await postForm(first.url, "/inloggen/tweestaps", { code, redirectTo: "/account" }, jars[0]);
    expect(used.status).toBe(302);
    expect(jars[0]!.has("buurtkracht.session_token")).toBe(true);

    // The same code again (within its 30 seconds), from a second sign-in on the other instance.
    const replayed = await postForm(second.url, "/inloggen/tweestaps", { code, redirectTo: "/account" }, jars[1]);
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toContain("Deze code is al gebruikt");
    expect(jars[1]!.has("buurtkracht.session_token")).toBe(false);

    // Two sign-ins racing with one fresh code: exactly one gets in.
    const [c, d] = [new CookieJar(), new CookieJar()];
    for (const jar of [c, d]) await signIn(second, email, DEMO_PASSWORD, jar);
    const fresh = await unusedTotpCode(database.url, email, DEMO_TOTP_SECRET);
    const raced = await Promise.all([c, d].map((jar, i) => postForm(i ? first.url : second.url, "/inloggen/tweestaps", { code: fresh }, jar)));
    expect(raced.map((r) => r.status).sort()).toEqual([302, 400]);
    expect([c, d].filter((jar) => jar.has("buurtkracht.session_token"))).toHaveLength(1);
    expect(jars[2]!.has("buurtkracht.session_token")).toBe(false);
  });

  it("does not accept the code that switched two-factor sign-in on for the next sign-in", async () => {
    const email = "new-two-factor@example.org";
    await createPerson(database.url, { email, password: "the-right-password" });
    const jar = new CookieJar();
    expect((await signIn(first, email, "the-right-password", jar)).status).toBe(302);
    const started = await postForm(first.url, "/account/tweestapsverificatie", { intent: "start", password: "the-right-password" }, jar);
    expect(started.status).toBe(200);
    const secret = (await started.text()).match(/data-testid="totp-secret"[^>]*>([A-Z2-7 ]+)</)![1]!.replace(/ /g, "");
    const code = totpCode(secret);
    const enabled = await postForm(second.url, "/account/tweestapsverificatie", { intent: "confirm", code }, jar);
    expect(enabled.status).toBe(302);

    const next = new CookieJar();
    expect((await signIn(first, email, "the-right-password", next)).headers.get("location")).toContain("/inloggen/tweestaps");
    const replayed = await postForm(first.url, "/inloggen/tweestaps", { code }, next);
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toContain("Deze code is al gebruikt");
    expect(next.has("buurtkracht.session_token")).toBe(false);
  });

  it("accepts a backup code once", async () => {
    const email = "begeleider@havenstad.example";
    const jar = new CookieJar();
    await signIn(first, email, DEMO_PASSWORD, jar);
    const used = await postForm(second.url, "/inloggen/tweestaps", { code: "demo-backup-1", redirectTo: "/account" }, jar);
    expect(used.status).toBe(302);
    expect(used.headers.get("location")).toBe("/account");
    expect(jar.has("buurtkracht.session_token")).toBe(true);

    const again = new CookieJar();
    await signIn(first, email, DEMO_PASSWORD, again);
    expect((await postForm(first.url, "/inloggen/tweestaps", { code: "demo-backup-1" }, again)).status).toBe(400);
    expect(again.has("buurtkracht.session_token")).toBe(false);
  });
});

describe("emailed sign-in links", () => {
  it("stop working once the account has switched two-factor sign-in on", async () => {
    const email = "cursist@buurtkracht.example";
    expect((await postForm(first.url, "/inloggen/link", { email })).status).toBe(200);
    const [mail] = (await mailsTo(database.url, email)).filter((m) => m.kind === "magic-link");
    const link = mail!.text_body.match(/https?:\/\/\S+/)![0];
    await query(database.url, "update users set two_factor_enabled = true where email = $1", [email]);

    const response = await fetch(link, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/inloggen/link?link=tweestaps");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await query(database.url, "select 1 from verifications where identifier like 'magic-link:%'")).toHaveLength(0);
    expect(await query(database.url, "select 1 from sessions s join users u on u.id = s.user_id where u.email = $1", [email])).toHaveLength(0);
    await query(database.url, "update users set two_factor_enabled = false where email = $1", [email]);
  });
});

describe("partner contacts (they see participants' personal data)", () => {
  it("sign in with password and code, like all staff", async () => {
    const jar = new CookieJar();
    const response = await signIn(first, "partner@havenstad.example", DEMO_PASSWORD, jar);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/inloggen/tweestaps");
    expect(jar.has("buurtkracht.session_token")).toBe(false);
  });

  it("must set up two-factor sign-in before the staff pages", async () => {
    const email = "nieuwe-partner@example.org";
    const id = await createPerson(database.url, { email, password: "the-right-password" });
    await query(
      database.url,
      `insert into memberships (user_id, role, municipality_id, partner_organisation_id)
       select $1, 'partner_contact', p.municipality_id, p.id from partner_organisations p where p.name = 'Cultuurhuis De Loods'`,
      [id],
    );
    const jar = new CookieJar();
    const response = await signIn(first, email, "the-right-password", jar);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/account/tweestapsverificatie?required=1");
    const staffPage = await getPage(second.url, "/beheer/havenstad", jar);
    expect(staffPage.status).toBe(302);
    expect(staffPage.headers.get("location")).toBe("/account/tweestapsverificatie?required=1");
  });

  it("never get an emailed sign-in link, with or without two-factor sign-in switched on", async () => {
    const email = "partner@havenstad.example";
    await query(database.url, "update users set two_factor_enabled = false where email = $1", [email]);
    try {
      expect((await postForm(first.url, "/inloggen/link", { email })).status).toBe(200);
      const mails = await mailsTo(database.url, email);
      expect(mails.map((m) => m.kind)).toEqual(["magic-link-refused"]);
      expect(mails[0]!.text_body).not.toContain("/api/auth/");
      expect(await query(database.url, "select 1 from sessions s join users u on u.id = s.user_id where u.email = $1", [email])).toHaveLength(0);
    } finally {
      await query(database.url, "update users set two_factor_enabled = true where email = $1", [email]);
    }
  });
});

describe("mail forms", () => {
  it("send at most three sign-in links per address in a quarter of an hour, with the same answer for unknown addresses", async () => {
    const known = "bewoner@buurtkracht.example";
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await postForm(i % 2 ? first.url : second.url, "/inloggen/link", { email: known })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await mailsTo(database.url, known)).filter((m) => m.kind === "magic-link")).toHaveLength(3);

    const unknown = await postForm(first.url, "/inloggen/link", { email: "nobody@example.org" });
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain("Als er een account bij nobody@example.org hoort");
    expect(await mailsTo(database.url, "nobody@example.org")).toEqual([]);
  });
});

describe("better-auth's own endpoints", () => {
  it("are closed except for the links in mails", async () => {
    const signInEndpoint = await fetch(`${first.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: first.url },
      body: JSON.stringify({ email: "bewoner@buurtkracht.example", password: DEMO_PASSWORD }),
    });
    expect(signInEndpoint.status).toBe(404);
    expect(signInEndpoint.headers.getSetCookie()).toEqual([]);
    for (const path of ["/api/auth/get-session", "/api/auth/ok", "/api/auth/two-factor/verify-totp", "/api/auth/sign-up/email"]) {
      expect((await getPage(first.url, path)).status, path).toBe(404);
    }
    // A link with a bad token is handled (and sent back to our page), not refused.
    const badLink = await getPage(first.url, "/api/auth/magic-link/verify?token=nope&callbackURL=%2Faccount&errorCallbackURL=%2Finloggen%2Flink%3Flink%3Dongeldig");
    expect(badLink.status).toBe(302);
    expect(badLink.headers.get("location")).toContain("/inloggen/link?link=ongeldig");
  });
});
