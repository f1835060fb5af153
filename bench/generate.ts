/**
 * National-scale data generated inside PostgreSQL with set-based SQL (generate_series), so a
 * million activities and ten million registrations take minutes, not hours. Every row respects
 * the schema's check constraints, `confirmed_count` equals the confirmed registrations of each
 * activity, and live registrations never repeat an e-mail address within an activity.
 */
import type pg from "pg";
import type { DataSize } from "./config.ts";

// Invented name parts; combined they make fictional municipality names.
const NAME_ROOTS = [
  "Aarvel", "Brunk", "Dremmel", "Elsker", "Fliet", "Gaarde", "Hamper", "Istel", "Jorling", "Klamper",
  "Lutter", "Mirnel", "Noor", "Ospel", "Prinsel", "Quarle", "Rumpel", "Snater", "Torling", "Uddel",
  "Vinkel", "Wamper", "Zwolder", "Kiever",
];
const NAME_SUFFIXES = [
  "dorp", "hoven", "werd", "zijl", "wolde", "kerke", "rade", "sloot", "voort", "loo",
  "horst", "broek", "veen", "dijk", "meer", "beek", "hem", "hout",
];
const NEIGHBOURHOODS = [
  "Centrum", "Noord", "Oost", "Zuid", "West", "De Akkers", "Molenwijk", "Het Hof", "Kerkbuurt", "Stationsbuurt",
  "De Weiden", "Bloemenwijk", "Vogelbuurt", "Het Veld", "Oude Haven", "Nieuwland", "De Linde", "Schoolbuurt",
  "Park Oost", "De Brink",
];
// Dark enough for white text (the theme colour is used as a background).
const THEME_COLOURS = ["#1d4f91", "#0b6e4f", "#8a2c0d", "#5b2a86", "#0f5c73", "#7a1f3d", "#3d5a1e", "#4a4a8a"];
const TITLES: Record<string, string[]> = {
  sport: ["Voetbal op het plein", "Wandelgroep in de wijk", "Buurtbootcamp", "Tafeltennis voor iedereen", "Streetdance voor jongeren", "Fietsen met ouderen", "Basketbal na school", "Yoga in het park"],
  culture: ["Buurtkoor", "Schilderen met buren", "Filmavond in het wijkcentrum", "Verhalencafé", "Fotowandeling", "Muziek maken voor beginners", "Theaterworkshop", "Poëzie op de stoep"],
  welfare: ["Samen koken en eten", "Taalcafé", "Koffieochtend voor nieuwe buren", "Repaircafé", "Huiswerkhulp", "Spelletjesmiddag", "Computerhulp voor ouderen", "Moestuinieren"],
  other: ["Buurtschoonmaak", "Ruilmarkt", "Straatfeest", "Plantjesruil", "Buurtquiz", "Klusdag in de speeltuin", "Kinderrommelmarkt", "Picknick in het park"],
};
const DESCRIPTION_OPENINGS = [
  "Een activiteit voor en door bewoners.",
  "Georganiseerd door een Citytrainer uit de buurt.",
  "Iedereen is welkom, ervaring is niet nodig.",
  "Kom langs en neem gerust een buur mee.",
  "Een gezellige bijeenkomst om elkaar beter te leren kennen.",
];
const DESCRIPTION_DETAILS = [
  "We zorgen voor materiaal en iets te drinken; je hoeft alleen jezelf mee te nemen.",
  "Aanmelden helpt ons om genoeg plek en materiaal te regelen.",
  "Na afloop drinken we samen nog iets en bedenken we ideeën voor de volgende keer.",
  "De activiteit is gratis dankzij een bijdrage uit het buurtbudget.",
  "Er is begeleiding aanwezig voor wie wat extra hulp kan gebruiken.",
];
const FIRST_NAMES = ["Noah", "Emma", "Daan", "Julia", "Sem", "Mila", "Lucas", "Tess", "Finn", "Sara", "Milan", "Zoë", "Levi", "Nora", "Adam", "Yara", "Bram", "Fenna", "Mohammed", "Lotte", "Ayoub", "Anna", "Jesse", "Fatima"];
const LAST_NAMES = ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Yilmaz", "El Amrani", "Dekker", "Kok", "Verbeek", "Postma"];

/** A SQL array literal of text values. */
function textArray(values: readonly string[]): string {
  return `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]::text[]`;
}

function titleExpression(categoryColumn: string, random: string): string {
  const branches = Object.entries(TITLES)
    .map(([category, titles]) => `when '${category}' then (${textArray(titles)})[1 + floor(${random} * ${titles.length})::int]`)
    .join(" ");
  return `(case ${categoryColumn} ${branches} end)`;
}

/** Adds fictional municipalities (with neighbourhoods) until the network has `size.municipalities`. */
export async function generateMunicipalities(client: pg.ClientBase, size: DataSize): Promise<number> {
  const existing = Number((await client.query<{ n: string }>("select count(*) as n from municipalities")).rows[0]!.n);
  const missing = Math.max(0, size.municipalities - existing);
  if (missing > NAME_ROOTS.length * NAME_SUFFIXES.length) throw new Error("Not enough name parts for that many municipalities");
  await client.query(
    `with roots as (select r, i from unnest(${textArray(NAME_ROOTS)}) with ordinality as x(r, i)),
          suffixes as (select s, j from unnest(${textArray(NAME_SUFFIXES)}) with ordinality as y(s, j)),
          names as (
            -- A stride through the combinations so neighbouring rows do not share a root.
            select r || s as name, row_number() over (order by (i * 7 + j * 5) % 23, i, j) as n
            from roots cross join suffixes
          )
     insert into municipalities (slug, name, theme_colour, introduction)
     select lower(name), name,
            (${textArray(THEME_COLOURS)})[1 + (n % ${THEME_COLOURS.length})::int],
            'In ' || name || ' organiseren bewoners samen activiteiten in hun eigen buurt.'
     from names
     where lower(name) not in (select slug from municipalities)
     order by n
     limit $1`,
    [missing],
  );
  // Between 6 and 20 neighbourhoods each, for every municipality without any.
  await client.query(
    `insert into neighbourhoods (municipality_id, name)
     select m.id, (${textArray(NEIGHBOURHOODS)})[k]
     from municipalities m
     cross join lateral generate_series(1, 6 + abs(hashtext(m.slug)) % ${NEIGHBOURHOODS.length - 5}) as k
     where not exists (select 1 from neighbourhoods n where n.municipality_id = m.id)`,
  );
  return missing;
}

export interface StagePlan {
  /** Number of activities to add. */
  count: number;
  /** "bulk": every municipality, two years back to half a year ahead, Havenstad's future kept
   * out of its public calendar; "havenstad": published upcoming activities for Havenstad. */
  mode: "bulk" | "havenstad";
  registrations: number;
  residentPool: number;
}

/**
 * Writes planned activities into an unlogged staging table `bench_plan`, with the number of
 * confirmed, waitlisted and cancelled registrations of each already decided, so activities and
 * registrations can be inserted consistently in two set-based statements.
 */
async function stagePlan(client: pg.ClientBase, plan: StagePlan): Promise<void> {
  await client.query("drop table if exists bench_stage, bench_plan");
  const bulk = plan.mode === "bulk";
  await client.query(
    `create unlogged table bench_stage as
     with towns as (
       select m.id, m.slug, m.name, row_number() over (order by m.slug) - 1 as idx,
              coalesce(array_agg(n.id order by n.name) filter (where n.id is not null), '{}') as hood_ids,
              coalesce(array_agg(n.name order by n.name) filter (where n.id is not null), '{}') as hood_names
       from municipalities m left join neighbourhoods n on n.municipality_id = m.id
       where $2::boolean or m.slug = 'havenstad'
       group by m.id
     ),
     town_count as (select count(*) as c from towns),
     drawn as (
       select g as k, t.id as municipality_id, t.slug, t.name as town_name, t.hood_ids, t.hood_names,
              r.*
       from generate_series(0, $1::int - 1) as g
       join towns t on t.idx = g % (select c from town_count)
       -- Referencing g makes the subquery run (and draw new random numbers) for every row.
       cross join lateral (
         select g as gg, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
                random() as r6, random() as r7, random() as r8, random() as r9, random() as r10, random() as r11
       ) r
     ),
     timed as (
       select d.*,
              ((current_date + ($3::int + floor(r1 * ($4::int - $3::int + 1))::int))
                + make_time(9 + floor(r2 * 12)::int, floor(r3 * 4)::int * 15, 0))::timestamp
                at time zone 'Europe/Amsterdam' as starts_at,
              1 + floor(r11 * cardinality(hood_ids) * 1.1)::int as hood_index,
              (array['sport', 'culture', 'welfare', 'other'])[1 + floor(r6 * 4)::int] as category
       from drawn d
     )
     select t.k, gen_random_uuid() as id, t.municipality_id, t.starts_at, t.category,
            t.hood_ids[t.hood_index] as neighbourhood_id,
            t.hood_names[t.hood_index] as hood_name, t.town_name,
            case
              when not $2::boolean then 'published'
              when t.starts_at > now() and t.slug = 'havenstad' then (case when r4 < 0.5 then 'draft' else 'in_review' end)
              when t.starts_at > now() then (case when r4 < 0.85 then 'published' when r4 < 0.9 then 'draft' when r4 < 0.95 then 'in_review' else 'cancelled' end)
              else (case when r4 < 0.9 then 'completed' when r4 < 0.97 then 'cancelled' else 'published' end)
            end as status,
            r5 < 0.9 as registration_required,
            case when r7 < 0.2 then null else 10 + floor(r8 * 41)::int end as capacity,
            r9 < 0.8 as waitlist_enabled,
            least(8, -ln(1 - r10)) as weight,
            floor(r10 * 8)::int as age_choice,
            r2, r3, r8, r9, r11
     from timed t`,
    [plan.count, bulk, bulk ? -730 : 1, bulk ? 181 : 90],
  );
  // Registration counts with an exact total: each eligible activity gets the share of the
  // total between its cumulative weights (an exponential spread, so some activities are full).
  await client.query(
    `create unlogged table bench_plan as
     with eligible as (
       select k, weight, sum(weight) over (order by k rows unbounded preceding) as cum
       from bench_stage where registration_required and status in ('published', 'completed')
     ),
     -- The largest running sum is the total, so the last activity's upper bound is exactly the total.
     total as (select coalesce(max(cum), 1) as w from eligible),
     counted as (
       select s.*, coalesce(floor($1::float8 * e.cum / t.w) - floor($1::float8 * (e.cum - e.weight) / t.w), 0)::int as n_total
       from bench_stage s left join eligible e using (k) cross join total t
     ),
     live as (
       select c.*, floor(c.n_total * 0.08)::int as n_cancelled, c.n_total - floor(c.n_total * 0.08)::int as n_live
       from counted c
     ),
     capped as (
       select l.*,
              case when l.capacity is null then null
                   when not l.waitlist_enabled then greatest(l.capacity, l.n_live)
                   else l.capacity end as final_capacity
       from live l
     )
     select c.*,
            case when c.final_capacity is null then c.n_live else least(c.n_live, c.final_capacity) end as n_confirmed
     from capped c`,
    [plan.registrations],
  );
  await client.query("drop table bench_stage");
}

async function insertPlanned(client: pg.ClientBase, plan: StagePlan): Promise<{ activities: number; registrations: number }> {
  const minAges = "array[null, 6, 12, 16, 18, 55, null, 4]::int[]";
  const maxAges = "array[null, 12, 17, 26, null, null, 99, 8]::int[]";
  const activities = await client.query(
    `insert into activities (id, municipality_id, neighbourhood_id, title, description, category, location,
                             starts_at, ends_at, min_age, max_age, capacity, confirmed_count, waitlist_enabled,
                             registration_required, organiser_name, status, published_at, cancelled_at, created_at, updated_at)
     select p.id, p.municipality_id, p.neighbourhood_id,
            ${titleExpression("p.category", "p.r3")},
            (${textArray(DESCRIPTION_OPENINGS)})[1 + floor(p.r8 * ${DESCRIPTION_OPENINGS.length})::int] || ' ' ||
              (${textArray(DESCRIPTION_DETAILS)})[1 + floor(p.r9 * ${DESCRIPTION_DETAILS.length})::int],
            p.category,
            case p.category when 'sport' then 'Sportveld ' when 'culture' then 'Wijkcentrum ' when 'welfare' then 'Buurthuis ' else 'Speeltuin ' end
              || coalesce(p.hood_name, p.town_name),
            p.starts_at,
            p.starts_at + (60 + 30 * floor(p.r2 * 3)::int) * interval '1 minute',
            (${minAges})[1 + p.age_choice], (${maxAges})[1 + p.age_choice],
            p.final_capacity, p.n_confirmed, p.waitlist_enabled, p.registration_required,
            (${textArray(FIRST_NAMES)})[1 + floor(p.r11 * ${FIRST_NAMES.length})::int] || ' ' ||
              (${textArray(LAST_NAMES)})[1 + floor(p.r9 * ${LAST_NAMES.length})::int],
            p.status,
            case when p.status in ('published', 'completed', 'cancelled') then least(now(), p.starts_at - interval '14 days') end,
            case when p.status = 'cancelled' then least(now(), p.starts_at - interval '2 days') end,
            least(now(), p.starts_at - interval '21 days'),
            least(now(), p.starts_at - interval '14 days')
     from bench_plan p
     -- Rows arrive roughly in the order they were planned in real life.
     order by p.starts_at`,
  );
  // Registration i of an activity: the first n_confirmed are confirmed, then the waitlist, then
  // the cancelled ones; the resident number (and so the e-mail address) differs for every i.
  const registrations = await client.query(
    `insert into registrations (activity_id, municipality_id, name, email, age_group, status, cancel_token_hash,
                                attendance, is_walk_in, created_at, cancelled_at)
     select p.id, p.municipality_id,
            (${textArray(FIRST_NAMES)})[1 + (x.resident % ${FIRST_NAMES.length})::int] || ' ' ||
              (${textArray(LAST_NAMES)})[1 + ((x.resident / ${FIRST_NAMES.length}) % ${LAST_NAMES.length})::int],
            'bewoner' || x.resident || '@voorbeeld.example',
            (array['under_12', '12_15', '16_17', '18_26', '27_66', '67_plus'])[1 + (x.resident % 6)::int],
            x.status,
            -- Same shape as the app's token hashes: sha256, base64url without padding.
            rtrim(translate(encode(sha256(convert_to(p.id::text || ':' || i, 'UTF8')), 'base64'), '+/', '-_'), '='),
            case when p.status = 'completed' and x.status = 'confirmed'
                 then (case when x.resident % 7 = 0 then 'no_show' else 'attended' end) end,
            p.status = 'completed' and x.status = 'confirmed' and x.resident % 23 = 0,
            least(now(), p.starts_at - (1 + i % 20) * interval '1 day'),
            case when x.status = 'cancelled' then least(now(), p.starts_at - interval '12 hours') end
     from bench_plan p
     cross join lateral generate_series(1, p.n_total) as i
     cross join lateral (
       select (p.k::bigint * 7919 + i::bigint * 104729) % $1::bigint as resident,
              case when i <= p.n_confirmed then 'confirmed'
                   when i <= p.n_live then 'waitlisted'
                   else 'cancelled' end as status
     ) x
     where p.n_total > 0`,
    [plan.residentPool],
  );
  await client.query("drop table bench_plan");
  return { activities: activities.rowCount ?? 0, registrations: registrations.rowCount ?? 0 };
}

interface IndexSet {
  drop: string[];
  create: string[];
}

/**
 * Constraints and indexes of activities and registrations (and foreign keys pointing at them),
 * so a bulk load can drop them and build them once afterwards, which is several times faster
 * than maintaining them row by row. The definitions come from the catalogue, so this follows
 * whatever the migrations define.
 */
async function captureIndexes(client: pg.ClientBase, tables: string[]): Promise<IndexSet> {
  const oids = `(select oid from pg_class where relname = any($1) and relnamespace = 'public'::regnamespace)`;
  const constraints = await client.query<{ name: string; table: string; type: string; def: string; incoming: boolean }>(
    `select conname as name, conrelid::regclass::text as table, contype as type, pg_get_constraintdef(oid) as def,
            conrelid not in ${oids} as incoming
     from pg_constraint
     where (conrelid in ${oids} and contype in ('p', 'u', 'f'))
        or (confrelid in ${oids} and contype = 'f' and conrelid not in ${oids})`,
    [tables],
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i
     where i.indrelid in ${oids}
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid and c.contype in ('p', 'u', 'x'))`,
    [tables],
  );
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const byType = (type: string, incoming?: boolean) =>
    constraints.rows.filter((c) => c.type === type && (incoming === undefined || c.incoming === incoming));
  const dropConstraint = (c: { name: string; table: string }) => `alter table ${c.table} drop constraint ${quote(c.name)}`;
  const addConstraint = (c: { name: string; table: string; def: string }) => `alter table ${c.table} add constraint ${quote(c.name)} ${c.def}`;
  return {
    drop: [
      ...byType("f", true).map(dropConstraint),
      ...byType("f", false).map(dropConstraint),
      ...byType("u").map(dropConstraint),
      ...byType("p").map(dropConstraint),
      ...indexes.rows.map((i) => `drop index ${i.name}`),
    ],
    create: [
      ...byType("p").map(addConstraint),
      ...byType("u").map(addConstraint),
      ...indexes.rows.map((i) => i.def),
      ...byType("f", false).map(addConstraint),
      ...byType("f", true).map(addConstraint),
    ],
  };
}

export interface GenerationResult {
  municipalitiesAdded: number;
  activities: number;
  registrations: number;
  seconds: { plan: number; load: number; indexes: number };
}

/** The bulk load: municipalities, then activities and registrations with indexes built afterwards. */
export async function generateBulk(client: pg.ClientBase, size: DataSize, havenstadTopUp: number, log: (line: string) => void): Promise<GenerationResult> {
  await client.query("set timezone = 'Europe/Amsterdam'");
  await client.query("set maintenance_work_mem = '1GB'");
  await client.query("set work_mem = '256MB'");
  const municipalitiesAdded = await generateMunicipalities(client, size);
  log(`added ${municipalitiesAdded} municipalities with neighbourhoods`);

  const seconds = { plan: 0, load: 0, indexes: 0 };
  let activities = 0;
  let registrations = 0;
  await client.query("begin");
  try {
    const indexes = await captureIndexes(client, ["activities", "registrations"]);
    for (const statement of indexes.drop) await client.query(statement);
    const average = size.registrations / size.activities;
    const passes: StagePlan[] = [
      { count: size.activities, mode: "bulk", registrations: size.registrations, residentPool: size.residentPool },
    ];
    if (havenstadTopUp > 0) {
      passes.push({ count: havenstadTopUp, mode: "havenstad", registrations: Math.round(havenstadTopUp * average), residentPool: size.residentPool });
    }
    for (const pass of passes) {
      let started = performance.now();
      await stagePlan(client, pass);
      seconds.plan += (performance.now() - started) / 1000;
      log(`planned ${pass.count.toLocaleString("en")} activities (${pass.mode}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      started = performance.now();
      const inserted = await insertPlanned(client, pass);
      seconds.load += (performance.now() - started) / 1000;
      activities += inserted.activities;
      registrations += inserted.registrations;
      log(`inserted ${inserted.activities.toLocaleString("en")} activities and ${inserted.registrations.toLocaleString("en")} registrations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const started = performance.now();
    for (const statement of indexes.create) {
      const one = performance.now();
      await client.query(statement);
      log(`  ${((performance.now() - one) / 1000).toFixed(1).padStart(6)} s  ${statement.slice(0, 110)}`);
    }
    seconds.indexes = (performance.now() - started) / 1000;
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
  return { municipalitiesAdded, activities, registrations, seconds };
}

/** Tops Havenstad's public calendar up to `wanted` upcoming published activities (time moves on between runs). */
export async function topUpHavenstad(client: pg.ClientBase, size: DataSize, missing: number): Promise<number> {
  await client.query("set timezone = 'Europe/Amsterdam'");
  await client.query("begin");
  try {
    const pass: StagePlan = { count: missing, mode: "havenstad", registrations: Math.round((missing * size.registrations) / size.activities), residentPool: size.residentPool };
    await stagePlan(client, pass);
    const inserted = await insertPlanned(client, pass);
    await client.query("commit");
    return inserted.activities;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
}

/** Published activities of Havenstad that have not started yet: what its public calendar lists. */
export async function countHavenstadUpcoming(client: pg.ClientBase): Promise<number> {
  const result = await client.query<{ n: string }>(
    `select count(*) as n from activities a join municipalities m on m.id = a.municipality_id
     where m.slug = 'havenstad' and a.status = 'published' and a.starts_at > now()`,
  );
  return Number(result.rows[0]!.n);
}
