/**
 * Havenstad's resident teams (EigenWIJzebuurten) for the demo: Buurtteam Havenkwartier, whose
 * work rests on its key figure Tess (trekker@buurtkracht.example: she organised every activity and
 * proposed four of five action points), with Sam Bewoner as a member who still has to answer an
 * open point; the Junior team Noorderpark, whose work is shared and whose page is public; a
 * proposed team waiting for the project leader; and a pending email invitation. Each team has
 * agreed (one done), open (with some answers) and not agreed action points. The teams organise
 * their own activities (activities + organised_activities with the team), so the figures do not
 * depend on the organisers' seed. Dates are relative to seeding time.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { newInvitationToken } from "~/features/memberships/tokens.server";
import { queueTeamInvitationMail } from "~/features/teams/emails.server";
import { todayInAmsterdam } from "~/features/training/age";
import type { Transaction } from "~/lib/db/client.server";
import { addDaysToLocalDate } from "~/lib/time";

const DAY = 86_400_000;

export async function seedDemoTeams(tx: Transaction, now: Date = new Date()): Promise<void> {
  const place = await tx.execute(sql`select id from municipalities where slug = 'havenstad'`);
  const m = place.rows[0]?.id as string | undefined;
  if (!m) return;
  const hood = async (name: string) => (await tx.execute(sql`select id from neighbourhoods where municipality_id = ${m} and name = ${name}`)).rows[0]?.id as string | undefined;
  const user = async (email: string) => (await tx.execute(sql`select id from users where email = ${email}`)).rows[0]?.id as string | undefined;
  const [havenkwartier, noorderpark, werven] = [await hood("Havenkwartier"), await hood("Noorderpark"), await hood("De Werven")];
  const [tess, sam, mila, leader] = [await user("trekker@buurtkracht.example"), await user("bewoner@buurtkracht.example"), await user("praktijk@buurtkracht.example"), await user("projectleider@havenstad.example")];
  if (!havenkwartier || !noorderpark || !werven || !tess || !leader) return;
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const today = todayInAmsterdam(now);
  const dayIn = (days: number) => addDaysToLocalDate(today, days);

  // Members without a README row: residents who take part but are not demo logins.
  const person = async (name: string, email: string) => {
    const id = randomUUID();
    await tx.execute(sql`insert into users (id, name, email, email_verified, locale) values (${id}, ${name}, ${email}, true, 'nl')`);
    return id;
  };
  const yusuf = await person("Yusuf Demir", "yusuf.demir@buurtkracht.example");
  const fatima = await person("Fatima El Idrissi", "fatima.elidrissi@buurtkracht.example");
  const daan = await person("Daan Visser", "daan.visser@buurtkracht.example");
  const noa = await person("Noa Bakker", "noa.bakker@buurtkracht.example");
  const ilse = await person("Ilse de Groot", "ilse.degroot@buurtkracht.example");

  const team = async (v: { name: string; neighbourhood: string; description: string; isJunior: boolean; status: "active" | "proposed"; isPublic: boolean; proposedBy: string; createdDaysAgo: number }) =>
    (
      await tx.execute(sql`
        insert into teams (municipality_id, neighbourhood_id, name, description, is_junior, status, is_public, proposed_by, confirmed_by, confirmed_at, created_at)
        values (${m}, ${v.neighbourhood}, ${v.name}, ${v.description}, ${v.isJunior}, ${v.status}, ${v.isPublic}, ${v.proposedBy},
                ${v.status === "active" ? leader : null}, ${v.status === "active" ? ago(v.createdDaysAgo - 2) : null}, ${ago(v.createdDaysAgo)})
        returning id`)
    ).rows[0]!.id as string;
  const member = (teamId: string, userId: string, isKeyFigure: boolean, joinedDaysAgo: number) =>
    tx.execute(sql`insert into team_members (team_id, municipality_id, user_id, is_key_figure, created_at) values (${teamId}, ${m}, ${userId}, ${isKeyFigure}, ${ago(joinedDaysAgo)})`);
  const point = async (
    teamId: string,
    v: { by: string; what: string; why: string; createdDaysAgo: number; dueIn: number; decideIn: number; status: "open" | "agreed" | "not_agreed" | "done"; votes: [string, "agree" | "object", string?][] },
  ) => {
    const createdAt = ago(v.createdDaysAgo);
    const decided = v.status === "open" ? null : ago(Math.max(v.createdDaysAgo - 3, 0));
    const id = (
      await tx.execute(sql`
        insert into action_points (team_id, municipality_id, proposed_by, what, why, due_on, decide_by, status, decided_at, done_at, created_at)
        values (${teamId}, ${m}, ${v.by}, ${v.what}, ${v.why}, ${dayIn(v.dueIn)}, ${dayIn(v.decideIn)}, ${v.status}, ${decided},
                ${v.status === "done" ? ago(Math.max(v.createdDaysAgo - 10, 0)) : null}, ${createdAt})
        returning id`)
    ).rows[0]!.id as string;
    for (const [userId, vote, comment] of v.votes) {
      await tx.execute(sql`insert into action_point_votes (action_point_id, municipality_id, user_id, vote, comment, created_at) values (${id}, ${m}, ${userId}, ${vote}, ${comment ?? ""}, ${createdAt})`);
    }
  };
  const activity = async (teamId: string, teamName: string, v: { by: string; title: string; location: string; neighbourhood: string; startsInDays: number; turnout?: number; signUps: number; createdDaysAgo: number; ageGroup?: "12_15" | "16_17" | "18_26" | "27_66" }) => {
    const startsAt = new Date(now.getTime() + v.startsInDays * DAY);
    startsAt.setUTCHours(13, 0, 0, 0);
    const endsAt = new Date(startsAt.getTime() + 3 * 3_600_000);
    const status = v.turnout !== undefined ? "completed" : "published";
    const id = (
      await tx.execute(sql`
        insert into activities (municipality_id, neighbourhood_id, title, description, category, location, starts_at, ends_at, organiser_name, organiser_user_id,
                                status, published_at, confirmed_count, registration_required, created_by, created_at)
        values (${m}, ${v.neighbourhood}, ${v.title}, ${`Georganiseerd door ${teamName}, voor iedereen uit de buurt.`}, 'other', ${v.location},
                ${startsAt.toISOString()}, ${endsAt.toISOString()}, ${teamName}, ${v.by}, ${status}, ${ago(v.createdDaysAgo - 1)}, ${v.signUps}, ${v.signUps > 0}, ${v.by}, ${ago(v.createdDaysAgo)})
        returning id`)
    ).rows[0]!.id as string;
    // The sign-ups behind the counter (the activity's confirmed_count always equals its confirmed rows).
    if (v.signUps > 0) {
      await tx.execute(sql`
        insert into registrations (activity_id, municipality_id, name, email, age_group, status, cancel_token_hash, created_at)
        select ${id}, ${m}, 'Buurtbewoner ' || n, 'buur-' || n || '-' || ${id.slice(0, 8)} || '@example.org', ${v.ageGroup ?? "27_66"}, 'confirmed',
               md5(${id} || n::text), ${ago(v.createdDaysAgo - 2)}::timestamptz + n * interval '1 hour'
          from generate_series(1, ${v.signUps}) as n`);
    }
    await tx.execute(sql`
      insert into organised_activities (municipality_id, activity_id, organiser_user_id, team_id, idea, goal, target_group, submitted_at, published_without_review_at, created_at)
      values (${m}, ${id}, ${v.by}, ${teamId}, ${v.title}, 'Buren leren elkaar kennen.', 'Iedereen uit de buurt', ${ago(v.createdDaysAgo)}, ${ago(v.createdDaysAgo - 1)}, ${ago(v.createdDaysAgo)})`);
    if (v.turnout !== undefined) {
      await tx.execute(sql`
        insert into activity_evaluations (activity_id, municipality_id, turnout, first_time_count, went_well, do_differently, evaluated_by, created_at)
        values (${id}, ${m}, ${v.turnout}, ${Math.floor(v.turnout / 3)}, 'Veel buren die elkaar nog niet kenden.', 'Eerder beginnen met flyeren.', ${v.by}, ${endsAt.toISOString()})`);
    }
  };

  // Buurtteam Havenkwartier: everything goes through Tess (flagged), Sam still has to answer.
  const haven = await team({
    name: "Buurtteam Havenkwartier",
    neighbourhood: havenkwartier,
    description: "We willen dat buren in het Havenkwartier elkaar weer groeten. Met kleine dingen die we samen doen.",
    isJunior: false,
    status: "active",
    isPublic: true,
    proposedBy: tess,
    createdDaysAgo: 150,
  });
  await member(haven, tess, true, 150);
  await member(haven, yusuf, false, 140);
  await member(haven, fatima, false, 120);
  if (sam) await member(haven, sam, false, 90);
  const all = [tess, yusuf, fatima, ...(sam ? [sam] : [])];
  await point(haven, { by: tess, what: "Bankjes bij de speeltuin schoonmaken", why: "Ouders zitten er graag, maar de bankjes zijn vies.", createdDaysAgo: 80, dueIn: -50, decideIn: -73, status: "done", votes: all.map((u) => [u, "agree"]) });
  await point(haven, { by: tess, what: "Flyers voor het buurtfeest uitdelen", why: "Zo hoort iedereen ervan, ook wie niet online is.", createdDaysAgo: 20, dueIn: 5, decideIn: -13, status: "agreed", votes: all.map((u) => [u, "agree"]) });
  await point(haven, { by: tess, what: "Zomerfeest aan de kade", why: "Een middag waarop iedereen elkaar ontmoet.", createdDaysAgo: 30, dueIn: 60, decideIn: -23, status: "agreed", votes: all.map((u) => [u, "agree"]) });
  await point(haven, {
    by: tess,
    what: "Een ruilkast bij de bibliotheek",
    why: "Boeken en spullen ruilen brengt buren bij elkaar.",
    createdDaysAgo: 3,
    dueIn: 30,
    decideIn: 4,
    status: "open",
    votes: [
      [tess, "agree"],
      [yusuf, "agree", "Goed idee, ik heb nog een oude kast."],
    ],
  });
  await point(haven, {
    by: yusuf,
    what: "Groenbakken verplaatsen naar de kade",
    why: "Dan staan ze niet meer op de stoep.",
    createdDaysAgo: 40,
    dueIn: -10,
    decideIn: -33,
    status: "not_agreed",
    votes: [
      [yusuf, "agree"],
      [fatima, "object", "Dat regelt de gemeente al."],
    ],
  });
  await activity(haven, "Buurtteam Havenkwartier", { by: tess, title: "Koffie op de kade", location: "Havenplein", neighbourhood: havenkwartier, startsInDays: -120, turnout: 24, signUps: 0, createdDaysAgo: 140 });
  await activity(haven, "Buurtteam Havenkwartier", { by: tess, title: "Rommelmarkt Havenkwartier", location: "Havenplein", neighbourhood: havenkwartier, startsInDays: -70, signUps: 31, createdDaysAgo: 100 });
  await activity(haven, "Buurtteam Havenkwartier", { by: tess, title: "Opruimochtend langs de kade", location: "Kade bij de brug", neighbourhood: havenkwartier, startsInDays: -35, turnout: 18, signUps: 0, createdDaysAgo: 60 });
  await activity(haven, "Buurtteam Havenkwartier", { by: tess, title: "Zomerfeest aan de kade", location: "Havenplein", neighbourhood: havenkwartier, startsInDays: 55, signUps: 12, createdDaysAgo: 15 });
  // A pending invitation by email, mailed like the page does.
  const invite = newInvitationToken();
  const expiresAt = new Date(now.getTime() + 10 * DAY);
  await tx.execute(sql`
    insert into team_invitations (team_id, municipality_id, email, token_hash, invited_by, expires_at, created_at)
    values (${haven}, ${m}, 'buurvrouw.jansen@example.org', ${invite.tokenHash}, ${tess}, ${expiresAt.toISOString()}, ${ago(4)})`);
  await queueTeamInvitationMail(tx, {
    to: "buurvrouw.jansen@example.org",
    locale: "nl",
    token: invite.token,
    teamName: "Buurtteam Havenkwartier",
    inviterName: "Tess Trekker",
    municipalityId: m,
    municipalityName: "Havenstad",
    expiresAt,
  });

  // Junior team Noorderpark: the work is shared; Mila (14) is counted on the public page, never named.
  const junior = await team({
    name: "Junior Team Noorderpark",
    neighbourhood: noorderpark,
    description: "Jongeren uit Noorderpark die sport en muziek naar het park brengen.",
    isJunior: true,
    status: "active",
    isPublic: true,
    proposedBy: noa,
    createdDaysAgo: 100,
  });
  await member(junior, noa, true, 100);
  await member(junior, daan, true, 95);
  if (mila) await member(junior, mila, false, 60);
  const juniors = [noa, daan, ...(mila ? [mila] : [])];
  await point(junior, { by: noa, what: "Voetbaltoernooi op het Noorderveld", why: "Iedereen kan meedoen, ook wie niet bij een club zit.", createdDaysAgo: 12, dueIn: 10, decideIn: -5, status: "agreed", votes: juniors.map((u) => [u, "agree"]) });
  await point(junior, { by: mila ?? daan, what: "Opruimactie bij de skatebaan", why: "Er ligt veel glas.", createdDaysAgo: 50, dueIn: -30, decideIn: -43, status: "done", votes: juniors.map((u) => [u, "agree"]) });
  await point(junior, {
    by: daan,
    what: "Graffitimuur met de wijk",
    why: "Een muur waar iedereen mag tekenen, in plaats van tags op de huizen.",
    createdDaysAgo: 2,
    dueIn: 45,
    decideIn: 5,
    status: "open",
    votes: [
      [daan, "agree"],
      [noa, "agree", "Ik vraag de woningcorporatie om een muur."],
    ],
  });
  await point(junior, { by: noa, what: "Elke week een open podium", why: "Voor wie wil optreden.", createdDaysAgo: 25, dueIn: 20, decideIn: -18, status: "not_agreed", votes: [[noa, "agree"]] });
  await activity(junior, "Junior Team Noorderpark", { by: noa, title: "Muziek in het park", location: "Noorderpark, bij de vijver", neighbourhood: noorderpark, startsInDays: -40, turnout: 35, signUps: 0, createdDaysAgo: 70 });
  await activity(junior, "Junior Team Noorderpark", { by: daan, title: "Voetbaltoernooi op het Noorderveld", location: "Noorderveld", neighbourhood: noorderpark, startsInDays: 10, signUps: 16, createdDaysAgo: 8, ageGroup: "12_15" });

  // A proposal waiting for the project leader.
  const proposed = await team({
    name: "Moestuin De Werven",
    neighbourhood: werven,
    description: "Een moestuin op het braakliggende veld achter de school, voor en door de buurt.",
    isJunior: false,
    status: "proposed",
    isPublic: false,
    proposedBy: ilse,
    createdDaysAgo: 2,
  });
  await member(proposed, ilse, true, 2);
}
