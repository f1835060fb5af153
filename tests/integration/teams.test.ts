/**
 * Resident teams over HTTP against the real server and the demo data: a resident proposes a team
 * and a project leader confirms it (a course leader may not); key figures invite by email and by a
 * shared link, and accepting needs the right account; non-members, former members and another
 * municipality get 404 or a refusal; the last two votes arriving at once agree the point exactly
 * once; the period job closes expired points; hostile input never answers 5xx nor writes half;
 * a private team has no public page.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeExpiredActionPoints } from "~/features/teams/writes.server";
import { db } from "~/lib/db/client.server";
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";
import { createPerson, lastMail, linkIn } from "../support/accounts";
import { useTestDatabase } from "../support/database";
import { hostileFormValue } from "../support/hostile-input";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
const cookies: Record<string, string> = {};
const TREKKER = "trekker@buurtkracht.example";
const RESIDENT = "bewoner@buurtkracht.example";
const LEADER = "projectleider@havenstad.example";
const COURSE_LEADER = "cursusleider@havenstad.example";
const OUTSIDER_LEADER = "projectleider@rivierendal.example";
const NEWCOMER = "nieuwe-buur@example.org";
const LINK_JOINER = "linkbuur@example.org";
const STRANGER = "vreemde@example.org";
let haven: string;
const today = utcToZonedLocal(new Date()).date;

async function one<T = string>(query: ReturnType<typeof sql>): Promise<T> {
  const result = await db().execute(query);
  return Object.values(result.rows[0] ?? {})[0] as T;
}

function post(path: string, who: string | null, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie: who ? (cookies[who] ?? "") : "", origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}
function get(path: string, who?: string) {
  return fetch(`${server.url}${path}`, { headers: who ? { cookie: cookies[who]! } : {}, redirect: "manual" });
}
async function signIn(email: string) {
  cookies[email] = (await sessionCookieFor(database.url, email)).header;
}

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  for (const email of [NEWCOMER, LINK_JOINER, STRANGER]) await createPerson(database.url, { email, name: `Persoon ${email.split("@")[0]}`, password: "Een-lang-wachtwoord-1" });
  for (const email of [TREKKER, RESIDENT, LEADER, COURSE_LEADER, OUTSIDER_LEADER, NEWCOMER, LINK_JOINER, STRANGER]) await signIn(email);
  haven = await one(sql`select id from teams where name = 'Buurtteam Havenkwartier'`);
});
afterAll(async () => {
  await server?.stop();
});

describe("forming a team", () => {
  it("lets a resident propose a team, which a project leader confirms and a course leader cannot", async () => {
    const neighbourhood = await one(sql`select n.id from neighbourhoods n join municipalities m on m.id = n.municipality_id where m.slug = 'havenstad' and n.name = 'Zuidrand'`);
    const proposed = await post("/mijn-teams", RESIDENT, { intent: "proposeTeam", name: "Speeltuin Zuidrand", neighbourhoodId: neighbourhood, description: "Een veilige speeltuin." });
    expect(proposed.status).toBe(302);
    const team = await one(sql`select id from teams where name = 'Speeltuin Zuidrand' and status = 'proposed'`);
    expect(await one(sql`select is_key_figure from team_members where team_id = ${team}`)).toBe(true);
    // The same name again, in any case, is refused in the person's language.
    const again = await post("/mijn-teams", RESIDENT, { intent: "proposeTeam", name: "speeltuin zuidrand", neighbourhoodId: neighbourhood });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Er is al een team met deze naam");

    expect((await post("/beheer/havenstad/teams", COURSE_LEADER, { intent: "confirmTeam", id: team })).status).toBe(400);
    expect(await one(sql`select status from teams where id = ${team}`)).toBe("proposed");
    expect((await post("/beheer/havenstad/teams", LEADER, { intent: "confirmTeam", id: team })).status).toBe(302);
    expect(await one(sql`select status from teams where id = ${team}`)).toBe("active");
    expect((await lastMail(database.url, RESIDENT, "team-decision")).subject).toContain("bevestigd");
    // A second click changes nothing and says so.
    expect((await post("/beheer/havenstad/teams", LEADER, { intent: "confirmTeam", id: team })).status).toBe(400);
  });

  it("declines a proposal only with a reason, and mails the reason", async () => {
    const team = await one(sql`select id from teams where name = 'Moestuin De Werven'`);
    expect((await post("/beheer/havenstad/teams", LEADER, { intent: "declineTeam", id: team, reason: " " })).status).toBe(400);
    expect(await one(sql`select status from teams where id = ${team}`)).toBe("proposed");
    expect((await post("/beheer/havenstad/teams", LEADER, { intent: "declineTeam", id: team, reason: "Het veld is al verhuurd." })).status).toBe(302);
    expect(await one(sql`select decline_reason from teams where id = ${team}`)).toBe("Het veld is al verhuurd.");
    const mail = await lastMail(database.url, "ilse.degroot@buurtkracht.example", "team-decision");
    expect(mail.text_body).toContain("Het veld is al verhuurd.");
  });

  it("lets a course leader register a team that is active at once with its key figure", async () => {
    const neighbourhood = await one(sql`select n.id from neighbourhoods n join municipalities m on m.id = n.municipality_id where m.slug = 'havenstad' and n.name = 'Oude Dijk'`);
    const response = await post("/beheer/havenstad/teams", COURSE_LEADER, { intent: "registerTeam", name: "Dijkploeg", neighbourhoodId: neighbourhood, email: STRANGER });
    expect(response.status).toBe(302);
    const team = await one(sql`select id from teams where name = 'Dijkploeg' and status = 'active'`);
    expect(await one(sql`select count(*)::int from team_members tm join users u on u.id = tm.user_id where tm.team_id = ${team} and u.email = ${STRANGER} and tm.is_key_figure`)).toBe(1);
  });

  it("refuses a Junior team without the age confirmation when the age is unknown", async () => {
    const neighbourhood = await one(sql`select n.id from neighbourhoods n join municipalities m on m.id = n.municipality_id where m.slug = 'havenstad' and n.name = 'Centrum'`);
    const refused = await post("/mijn-teams", STRANGER, { intent: "proposeTeam", name: "Jong Centrum", neighbourhoodId: neighbourhood, isJunior: "on" });
    expect(refused.status).toBe(400);
    expect(await one(sql`select count(*)::int from teams where name = 'Jong Centrum'`)).toBe(0);
    expect((await post("/mijn-teams", STRANGER, { intent: "proposeTeam", name: "Jong Centrum", neighbourhoodId: neighbourhood, isJunior: "on", confirmAge: "on" })).status).toBe(302);
  });
});

describe("invitations", () => {
  it("invites by email; only that address can accept, after signing in", async () => {
    const page = `/mijn-teams/${haven}`;
    expect((await post(page, TREKKER, { intent: "inviteEmail", email: NEWCOMER.toUpperCase() })).status).toBe(302);
    const mail = await lastMail(database.url, NEWCOMER, "team-invitation");
    const link = new URL(linkIn(mail));
    expect(link.pathname).toMatch(/^\/team-uitnodiging\/[A-Za-z0-9_-]{43}$/);
    const token = link.pathname.split("/").at(-1)!;
    // Only the hash is stored.
    expect(await one(sql`select count(*)::int from team_invitations where token_hash = ${token}`)).toBe(0);
    const anonymous = await get(link.pathname);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).toContain(`/inloggen?redirectTo=${encodeURIComponent(link.pathname)}`);
    expect((await post(link.pathname, STRANGER, {})).status).toBe(403);
    const accepted = await post(link.pathname, NEWCOMER, {});
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toContain(`/mijn-teams/${haven}`);
    expect((await get(page, NEWCOMER)).status).toBe(200);
    // Used: a second account cannot use it again.
    expect((await post(link.pathname, LINK_JOINER, {})).status).toBe(410);
  });

  it("makes a shareable link shown once, which anyone with an account can use until it is replaced", async () => {
    const response = await post(`/mijn-teams/${haven}`, TREKKER, { intent: "createLink" });
    expect(response.status).toBe(200);
    const html = await response.text();
    const path = html.match(/\/team-uitnodiging\/[A-Za-z0-9_-]{43}/)![0];
    expect((await post(path, LINK_JOINER, {})).status).toBe(302);
    expect(await one(sql`select count(*)::int from team_members tm join users u on u.id = tm.user_id where tm.team_id = ${haven} and u.email = ${LINK_JOINER} and tm.left_at is null`)).toBe(1);
    // A new link replaces the old one.
    await post(`/mijn-teams/${haven}`, TREKKER, { intent: "createLink" });
    expect((await post(path, STRANGER, {})).status).toBe(410);
  });

  it("lets only key figures invite", async () => {
    expect((await post(`/mijn-teams/${haven}`, RESIDENT, { intent: "inviteEmail", email: "iemand@example.org" })).status).toBe(400);
    expect((await post(`/mijn-teams/${haven}`, RESIDENT, { intent: "createLink" })).status).toBe(400);
  });
});

describe("who sees a team", () => {
  it("answers 404 to a non-member, to anyone signed out, and to a former member", async () => {
    expect((await get(`/mijn-teams/${haven}`, STRANGER)).status).toBe(404);
    expect((await get(`/mijn-teams/${haven}`)).status).toBe(302);
    expect((await get(`/mijn-teams/00000000-0000-4000-8000-000000000000`, TREKKER)).status).toBe(404);
    expect((await get(`/mijn-teams/not-an-id`, TREKKER)).status).toBe(404);
    const linkJoiner = await one(sql`select id from users where email = ${LINK_JOINER}`);
    expect((await post(`/mijn-teams/${haven}`, TREKKER, { intent: "removeMember", userId: linkJoiner })).status).toBe(302);
    expect((await get(`/mijn-teams/${haven}`, LINK_JOINER)).status).toBe(404);
    expect((await post(`/mijn-teams/${haven}`, LINK_JOINER, { intent: "proposePoint", what: "x", why: "y", dueOn: today, decideBy: today })).status).toBe(404);
  });

  it("refuses another municipality's project leader Havenstad's team ids", async () => {
    const proposed = await one(sql`select id from teams where name = 'Jong Centrum'`);
    expect((await get(`/beheer/havenstad/teams/${haven}`, OUTSIDER_LEADER)).status).toBe(404);
    expect((await get(`/beheer/rivierendal/teams/${haven}`, OUTSIDER_LEADER)).status).toBe(404);
    expect((await post("/beheer/rivierendal/teams", OUTSIDER_LEADER, { intent: "confirmTeam", id: proposed })).status).toBe(400);
    expect(await one(sql`select status from teams where id = ${proposed}`)).toBe("proposed");
    const havenstadHood = await one(sql`select n.id from neighbourhoods n join municipalities m on m.id = n.municipality_id where m.slug = 'havenstad' limit 1`);
    expect((await post("/beheer/rivierendal/teams", OUTSIDER_LEADER, { intent: "registerTeam", name: "Overgenomen", neighbourhoodId: havenstadHood, email: "x@example.org" })).status).toBe(400);
    expect(await one(sql`select count(*)::int from teams where name = 'Overgenomen'`)).toBe(0);
  });

  it("shows the staff page with the one-person flag and logs who looked at a Junior team's members", async () => {
    const list = await (await get("/beheer/havenstad/teams", LEADER)).text();
    expect(list).toContain("Leunt op één persoon");
    expect(list).toContain("Tess Trekker organiseerde 4 van de 4 activiteiten");
    const junior = await one(sql`select id from teams where name = 'Junior Team Noorderpark'`);
    const before = await one<number>(sql`select count(*)::int from personal_data_access_log where resource = 'team'`);
    expect((await get(`/beheer/havenstad/teams/${junior}`, COURSE_LEADER)).status).toBe(200);
    expect(await one<number>(sql`select count(*)::int from personal_data_access_log where resource = 'team'`)).toBeGreaterThanOrEqual(before + 3);
  });

  it("has a public page only while the key figures keep it public, naming no one under 16", async () => {
    const junior = await one(sql`select id from teams where name = 'Junior Team Noorderpark'`);
    const page = await get(`/havenstad/teams/${junior}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain("Mila");
    expect(html).not.toContain("Bakker");
    expect(await (await get("/havenstad")).text()).toContain(`/havenstad/teams/${junior}`);
    expect((await get(`/rivierendal/teams/${junior}`)).status).toBe(404);
    expect((await post(`/mijn-teams/${haven}`, TREKKER, { intent: "setPublic" })).status).toBe(302);
    expect((await get(`/havenstad/teams/${haven}`)).status).toBe(404);
    expect(await (await get("/havenstad")).text()).not.toContain(`/havenstad/teams/${haven}`);
  });
});

describe("action points", () => {
  async function freshTeam(size: number) {
    const m = await one(sql`select id from municipalities where slug = 'havenstad'`);
    const hood = await one(sql`select id from neighbourhoods where municipality_id = ${m} limit 1`);
    const team = await one(sql`insert into teams (municipality_id, neighbourhood_id, name, status, confirmed_at) values (${m}, ${hood}, ${`Stemteam ${Math.random()}`}, 'active', now()) returning id`);
    const people: string[] = [];
    for (let i = 0; i < size; i++) {
      const email = `stemmer-${i}-${team.slice(0, 8)}@example.org`;
      const id = await createPerson(database.url, { email, password: "Een-lang-wachtwoord-1" });
      await db().execute(sql`insert into team_members (team_id, municipality_id, user_id, is_key_figure, created_at) values (${team}, ${m}, ${id}, ${i === 0}, now() - interval '1 day')`);
      await signIn(email);
      people.push(email);
    }
    return { team, people };
  }

  it("agrees a point exactly once when the last two members vote at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const { team, people } = await freshTeam(3);
      const proposed = await post(`/mijn-teams/${team}`, people[0]!, { intent: "proposePoint", what: "Samen vegen", why: "Schone stoep", dueOn: addDaysToLocalDate(today, 5), decideBy: addDaysToLocalDate(today, 3) });
      expect(proposed.status).toBe(302);
      const point = await one(sql`select id from action_points where team_id = ${team}`);
      const answers = await Promise.all(people.slice(1).map((who) => post(`/mijn-teams/${team}`, who, { intent: "vote", actionPointId: point, vote: "agree", comment: "" })));
      expect(answers.map((a) => a.status)).toEqual([302, 302]);
      const row = (await db().execute(sql`select status, decided_at from action_points where id = ${point}`)).rows[0]!;
      expect(row.status).toBe("agreed");
      expect(row.decided_at).not.toBeNull();
      // One of the two answers said it was agreed.
      expect(answers.filter((a) => a.headers.get("location")?.includes("melding=akkoord"))).toHaveLength(1);
      expect((await post(`/mijn-teams/${team}`, people[1]!, { intent: "vote", actionPointId: point, vote: "object" })).status).toBe(400);
    }
  });

  it("is not agreed after one objection, and members who joined later do not decide", async () => {
    const { team, people } = await freshTeam(2);
    await post(`/mijn-teams/${team}`, people[0]!, { intent: "proposePoint", what: "Verfklus", why: "Hek", dueOn: addDaysToLocalDate(today, 9), decideBy: addDaysToLocalDate(today, 2) });
    const point = await one(sql`select id from action_points where team_id = ${team}`);
    const m = await one(sql`select municipality_id from teams where id = ${team}`);
    const late = await createPerson(database.url, { email: `laat-${team.slice(0, 8)}@example.org`, password: "Een-lang-wachtwoord-1" });
    await db().execute(sql`insert into team_members (team_id, municipality_id, user_id) values (${team}, ${m}, ${late})`);
    await signIn(`laat-${team.slice(0, 8)}@example.org`);
    expect((await post(`/mijn-teams/${team}`, `laat-${team.slice(0, 8)}@example.org`, { intent: "vote", actionPointId: point, vote: "object" })).status).toBe(400);
    expect((await post(`/mijn-teams/${team}`, people[1]!, { intent: "vote", actionPointId: point, vote: "object", comment: "Liever volgende maand" })).status).toBe(302);
    expect(await one(sql`select status from action_points where id = ${point}`)).toBe("not_agreed");
    expect((await post(`/mijn-teams/${team}`, people[0]!, { intent: "markDone", actionPointId: point })).status).toBe(400);
  });

  it("closes points whose period ended without everyone: at read time, then by the job", async () => {
    const { team, people } = await freshTeam(2);
    await post(`/mijn-teams/${team}`, people[0]!, { intent: "proposePoint", what: "Te laat", why: "Niemand reageerde", dueOn: addDaysToLocalDate(today, 9), decideBy: addDaysToLocalDate(today, 2) });
    const point = await one(sql`select id from action_points where team_id = ${team}`);
    await db().execute(sql`update action_points set decide_by = current_date - 1 where id = ${point}`);
    // The page already reads the period before the job runs.
    expect(await (await get(`/mijn-teams/${team}`, people[1]!)).text()).toContain('data-point-status="not_agreed"');
    expect(await closeExpiredActionPoints()).toBeGreaterThanOrEqual(1);
    expect(await one(sql`select status from action_points where id = ${point}`)).toBe("not_agreed");
    expect(await closeExpiredActionPoints()).toBe(0);
    expect((await post(`/mijn-teams/${team}`, people[1]!, { intent: "vote", actionPointId: point, vote: "agree" })).status).toBe(400);
  });

  it("lets the last key figure leave only after naming a successor", async () => {
    const { team, people } = await freshTeam(2);
    expect((await post(`/mijn-teams/${team}`, people[0]!, { intent: "leave" })).status).toBe(400);
    const successor = await one(sql`select id from users where email = ${people[1]!}`);
    expect((await post(`/mijn-teams/${team}`, people[0]!, { intent: "leave", successorId: successor })).status).toBe(302);
    expect(await one(sql`select is_key_figure from team_members where team_id = ${team} and user_id = ${successor}`)).toBe(true);
    expect((await post(`/mijn-teams/${team}`, people[1]!, { intent: "leave" })).status).toBe(400);
  });
});

describe("hostile input", () => {
  const fields = ["intent", "name", "neighbourhoodId", "description", "isJunior", "confirmAge", "what", "why", "dueOn", "decideBy", "actionPointId", "vote", "comment", "email", "userId", "id", "reason", "successorId", "isPublic"];
  const hostile = hostileFormValue(["proposeTeam", "proposePoint", "vote", "markDone", "inviteEmail", "createLink", "revokeInvitation", "makeKeyFigure", "removeMember", "setPublic", "leave", "registerTeam", "confirmTeam", "declineTeam", "agree", "object", today]);

  async function snapshot() {
    return (await db().execute(sql`select (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from teams t) as teams,
      (select md5(coalesce(string_agg(p::text, '|' order by p::text), '')) from action_points p) as points,
      (select md5(coalesce(string_agg(v::text, '|' order by v::text), '')) from action_point_votes v) as votes,
      (select md5(coalesce(string_agg(m::text, '|' order by m::text), '')) from team_members m) as members`)).rows[0];
  }

  it("never answers 5xx, and a refused post writes nothing", async () => {
    const junior = await one(sql`select id from teams where name = 'Junior Team Noorderpark'`);
    const noa = "noa.bakker@buurtkracht.example";
    await signIn(noa);
    const targets: [string, string][] = [
      ["/mijn-teams", RESIDENT],
      [`/mijn-teams/${junior}`, noa],
      ["/beheer/havenstad/teams", LEADER],
      ["/team-uitnodiging/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", RESIDENT],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1, 2, 3), fc.dictionary(fc.constantFrom(...fields), hostile, { maxKeys: 10 }), async (target, values) => {
        const [path, who] = targets[target]!;
        const before = await snapshot();
        const response = await post(path, who, values);
        expect(response.status, JSON.stringify(values)).toBeLessThan(500);
        if (response.status >= 400) expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 120 },
    );
  });

  it("shows markup in a team's texts only escaped", async () => {
    const junior = await one(sql`select id from teams where name = 'Junior Team Noorderpark'`);
    const markup = `<script>alert("x")</script>`;
    expect((await post(`/mijn-teams/${junior}`, "noa.bakker@buurtkracht.example", { intent: "proposePoint", what: markup, why: markup, dueOn: addDaysToLocalDate(today, 3), decideBy: today })).status).toBe(302);
    const html = await (await get(`/mijn-teams/${junior}`, "noa.bakker@buurtkracht.example")).text();
    expect(html).not.toContain(markup);
    expect(html).toContain("&lt;script&gt;");
  });

  it("answers odd team ids with 404", async () => {
    for (const id of ["x", "00000000-0000-0000-0000-000000000000", "%00", "..%2f..%2fetc"]) {
      expect((await get(`/beheer/havenstad/teams/${id}`, LEADER)).status, id).toBe(404);
      expect((await get(`/havenstad/teams/${id}`)).status, id).toBe(404);
      expect((await get(`/mijn-teams/${id}`, TREKKER)).status, id).toBe(404);
    }
  });
});
