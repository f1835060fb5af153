/**
 * The demo's practice path (app/features/demo/seed-practice.server.ts): after seeding, Havenstad
 * has trainees at every step from warm handover to Citytrainer — proposals waiting for consent,
 * for the supervisor and past the answer time; placements with hours signed off, waiting,
 * returned, and a 14-year-old's hours outside the allowed times; a stalled placement; practice
 * activities in review, published and evaluated; final reports in every state; a planned and a
 * past ceremony — every row one the journey can reach, and the placements it hands to the
 * certificate seed meeting every requirement. A second run changes nothing.
 */
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemoNetwork } from "~/features/demo/seed.server";
import { HANDOVER_CONSENT_TEXTS, seedDemoPractice, type DemoPracticeResult } from "~/features/demo/seed-practice.server";
import { checkYouthHours, type HoursWarning } from "~/features/practice/hours-guard";
import { missingRequirements, pipelineStep, type PathFacts, type PipelineStep } from "~/features/practice/requirements";
import { db } from "~/lib/db/client.server";
import { utcToZonedLocal } from "~/lib/time";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const DAY = 86_400_000;
const TABLES = [
  "cohorts",
  "applications",
  "enrolments",
  "certificates",
  "consent_records",
  "placements",
  "practice_hours",
  "coaching_notes",
  "activities",
  "practice_activities",
  "registrations",
  "final_reports",
  "assessment_moments",
  "assessments",
  "ceremonies",
  "final_presentations",
  "personal_data_access_log",
  "users",
];

async function rows<Row extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await db().execute<Row>(query)).rows as Row[];
}

async function tableCounts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = (await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
  return result;
}

interface TraineeFacts extends PathFacts {
  email: string;
  placementId: string | null;
}

/** The facts requirements.ts reads, per Havenstad trainee, straight from the tables. */
async function pathFacts(): Promise<TraineeFacts[]> {
  const found = await rows<{
    email: string;
    application_status: PathFacts["applicationStatus"];
    enrolment_status: PathFacts["enrolmentStatus"];
    course_started: boolean;
    participation: boolean;
    placement_id: string | null;
    placement_status: PathFacts["placementStatus"];
    signed_off_minutes: number;
    target_hours: number;
    evaluated: boolean;
    report_status: PathFacts["finalReportStatus"];
    presentation_given: boolean;
    citytrainer: boolean;
  }>(sql`
    select u.email, a.status as application_status, e.status as enrolment_status,
      c.starts_on <= current_date as course_started,
      exists (select 1 from certificates pc where pc.enrolment_id = e.id and pc.kind = 'participation') as participation,
      p.id as placement_id, p.status as placement_status,
      coalesce((select sum(extract(epoch from h.ends_at - h.starts_at) / 60)::int from practice_hours h where h.placement_id = p.id and h.status = 'signed_off'), 0) as signed_off_minutes,
      v.practice_hours_target as target_hours,
      exists (select 1 from practice_activities pa join activities act on act.id = pa.activity_id
        where pa.placement_id = p.id and act.status = 'completed' and pa.evaluated_at is not null) as evaluated,
      (select r.status from final_reports r where r.placement_id = p.id) as report_status,
      exists (select 1 from final_presentations fp where fp.placement_id = p.id and fp.given_at is not null) as presentation_given,
      exists (select 1 from certificates cc where cc.enrolment_id = e.id and cc.kind = 'citytrainer') as citytrainer
    from enrolments e
    join users u on u.id = e.user_id
    join cohorts c on c.id = e.cohort_id
    join track_versions v on v.id = c.track_version_id
    join municipalities m on m.id = e.municipality_id and m.slug = 'havenstad'
    left join applications a on a.id = e.application_id
    left join lateral (select * from placements pl where pl.enrolment_id = e.id
      order by (pl.status in ('proposed', 'active')) desc, pl.created_at desc limit 1) p on true`);
  return found.map((r) => ({
    email: r.email,
    placementId: r.placement_id,
    applicationStatus: r.application_status,
    enrolmentStatus: r.enrolment_status,
    courseStarted: r.course_started,
    hasParticipationCertificate: r.participation,
    placementStatus: r.placement_status,
    signedOffMinutes: r.signed_off_minutes,
    targetHours: r.target_hours,
    practiceActivityEvaluated: r.evaluated,
    finalReportStatus: r.report_status,
    presentationGiven: r.presentation_given,
    hasCitytrainerCertificate: r.citytrainer,
  }));
}

describe("the demo's practice path", () => {
  let result: DemoPracticeResult;
  let before: Record<string, number>;
  const now = new Date();

  afterAll(() => {
    // Kept in the test output: the practice seed must not make every demo start noticeably slower.
    console.log(`demo seed timings: ${JSON.stringify(timings)}`);
  });
  const timings: Record<string, number> = {};

  it("is written after the course data, quickly", async () => {
    let started = Date.now();
    expect(await seedDemoNetwork({ activities: false, practice: false })).toBe(true);
    timings.networkAndTraining = Date.now() - started;
    started = Date.now();
    result = await db().transaction((tx) => seedDemoPractice(tx, now));
    timings.practice = Date.now() - started;
    expect(timings.practice).toBeLessThan(3_000);
    before = await tableCounts();
  });

  it("has trainees at every step of the pipeline", async () => {
    const facts = await pathFacts();
    const steps = new Map<PipelineStep | null, number>();
    for (const f of facts) steps.set(pipelineStep(f), (steps.get(pipelineStep(f)) ?? 0) + 1);
    expect(steps.get("in_course")).toBeGreaterThanOrEqual(10);
    expect(steps.get("participation_certificate")).toBeGreaterThanOrEqual(6);
    expect(steps.get("in_handover")).toBe(4);
    expect(steps.get("in_placement")).toBe(5);
    // Ready: two assigned to the planned ceremony, four presented and waiting for their certificate
    // (the fourth is organisator@, the organisers' demo Citytrainer).
    expect(steps.get("ready_for_ceremony")).toBe(6);
    // Jesse (bewijs@) stays where the README says: a certificate of participation, no placement yet.
    expect(pipelineStep(facts.find((f) => f.email === "bewijs@buurtkracht.example")!)).toBe("participation_certificate");
  });

  it("hands the certificate seed placements that meet every requirement, one of them to revoke", async () => {
    const facts = await pathFacts();
    expect(result.certify.length).toBeGreaterThanOrEqual(3);
    for (const id of result.certify) {
      const f = facts.find((x) => x.placementId === id)!;
      expect(f.placementStatus, f.email).toBe("active");
      expect(missingRequirements(f), f.email).toEqual([]);
    }
    const certifiable = facts.filter((f) => f.placementStatus === "active" && missingRequirements(f).length === 0).map((f) => f.placementId);
    expect(new Set(certifiable)).toEqual(new Set(result.certify));
    expect(result.revoke).toHaveLength(1);
    expect(result.certify).toContain(result.revoke[0]!.placementId);
    expect(result.revoke[0]!.reason.trim()).not.toBe("");
    const citytrainer = facts.find((f) => f.email === "citytrainer@buurtkracht.example")!;
    expect(result.certify).toContain(citytrainer.placementId);
    expect(result.revoke.map((r) => r.placementId)).not.toContain(citytrainer.placementId);
  });

  it("has a proposal waiting for the supervisor, one overdue, and two waiting for consent", async () => {
    const proposals = await rows<{ email: string; shared_at: Date | null; consent_status: string | null; given_by: string | null; text_version: string | null; purpose: string | null; partner: string; answered_at: Date | null }>(sql`
      select u.email, p.shared_at, cr.status as consent_status, cr.given_by, cr.text_version, cr.purpose, po.name as partner, p.answered_at
      from placements p join users u on u.id = p.trainee_user_id join partner_organisations po on po.id = p.partner_organisation_id
      left join consent_records cr on cr.id = p.sharing_consent_id where p.status = 'proposed'`);
    expect(proposals).toHaveLength(4);
    expect(proposals.every((p) => p.answered_at === null)).toBe(true);
    const sharedDaysAgo = (p: (typeof proposals)[number]) => Math.round((now.getTime() - new Date(p.shared_at!).getTime()) / DAY);
    const shared = proposals.filter((p) => p.shared_at !== null);
    expect(shared.map(sharedDaysAgo).sort((a, b) => a - b)).toEqual([3, 12]);
    // Twelve days is past the default answer time of ten (programme_settings, no row: the defaults).
    const [settings] = await rows<{ n: number }>(sql`select count(*)::int as n from programme_settings`);
    expect(settings!.n).toBe(0);
    expect(shared.every((p) => p.consent_status === "given" && p.purpose === "handover_sharing")).toBe(true);
    const waitingForSupervisor = shared.find((p) => sharedDaysAgo(p) === 3)!;
    expect(waitingForSupervisor.partner).toBe("Sportvereniging Havenstad Vooruit");
    expect(shared.find((p) => sharedDaysAgo(p) === 12)!.partner).toBe("Cultuurhuis De Loods");
    const unshared = proposals.filter((p) => p.shared_at === null);
    expect(unshared).toHaveLength(2);
    const guardian = unshared.find((p) => p.consent_status !== null)!;
    expect(guardian).toMatchObject({ consent_status: "requested", given_by: "guardian", text_version: HANDOVER_CONSENT_TEXTS.guardian, purpose: "handover_sharing" });
    expect(unshared.find((p) => p.consent_status === null)).toBeDefined();
    // The guardian is asked because the trainee is under 16.
    const [age] = await rows<{ age: number }>(sql`
      select date_part('year', age(current_date, a.date_of_birth))::int as age from applications a where a.email = ${proposals.find((p) => p === guardian)!.email}`);
    expect(age!.age).toBeLessThan(16);
  });

  it("has the 14-year-old demo trainee's hours waiting, a Sunday and a school evening among them, warned as the hours guard says", async () => {
    const entries = await rows<{ status: string; kind: string; starts_at: Date; ends_at: Date; guard_warnings: HoursWarning[]; date_of_birth: string; partner: string; placement_status: string }>(sql`
      select h.status, h.kind, h.starts_at, h.ends_at, h.guard_warnings, a.date_of_birth::text as date_of_birth, po.name as partner, p.status as placement_status
      from practice_hours h join placements p on p.id = h.placement_id join users u on u.id = h.trainee_user_id
      join enrolments e on e.id = p.enrolment_id join applications a on a.id = e.application_id
      join partner_organisations po on po.id = p.partner_organisation_id
      where u.email = 'praktijk@buurtkracht.example' order by h.starts_at`);
    expect(entries.length).toBeGreaterThan(3);
    expect(new Set(entries.map((e) => [e.partner, e.placement_status].join()))).toEqual(new Set(["Sportvereniging Havenstad Vooruit,active"]));
    const today = utcToZonedLocal(now).date;
    const ageToday = Number(today.slice(0, 4)) - Number(entries[0]!.date_of_birth.slice(0, 4)) - (today.slice(5) < entries[0]!.date_of_birth.slice(5) ? 1 : 0);
    expect(ageToday).toBe(14);
    // Every entry's warnings are the guard's own answer, recomputed here.
    const minutesOn = new Map<string, number>();
    for (const e of entries) {
      const start = utcToZonedLocal(new Date(e.starts_at));
      const end = utcToZonedLocal(new Date(e.ends_at));
      const age = Number(start.date.slice(0, 4)) - Number(e.date_of_birth.slice(0, 4)) - (start.date.slice(5) < e.date_of_birth.slice(5) ? 1 : 0);
      const other = minutesOn.get(start.date) ?? 0;
      const minutes = (new Date(e.ends_at).getTime() - new Date(e.starts_at).getTime()) / 60_000;
      minutesOn.set(start.date, other + minutes);
      expect(e.guard_warnings).toEqual(checkYouthHours({ age, date: start.date, start: start.time, end: end.time, otherMinutesThatDay: other }));
    }
    const waiting = entries.filter((e) => e.status === "submitted");
    const warned = waiting.filter((e) => e.guard_warnings.length > 0);
    expect(warned.map((e) => e.guard_warnings).flat()).toEqual(expect.arrayContaining(["sunday", "outside_day_window"]));
    const sunday = warned.find((e) => e.guard_warnings.includes("sunday"))!;
    expect(new Date(`${utcToZonedLocal(new Date(sunday.starts_at)).date}T12:00:00Z`).getUTCDay()).toBe(0);
    const evening = warned.find((e) => e.guard_warnings.includes("outside_day_window"))!;
    expect(utcToZonedLocal(new Date(evening.ends_at)).time > "19:00").toBe(true);
    expect([1, 2, 3, 4, 5]).toContain(new Date(`${utcToZonedLocal(new Date(evening.starts_at)).date}T12:00:00Z`).getUTCDay());
    expect(waiting.some((e) => e.guard_warnings.length === 0)).toBe(true);
    expect(entries.some((e) => e.status === "signed_off")).toBe(true);
  });

  it("has hours signed off, waiting and one returned with a comment, and a stalled placement", async () => {
    const [counts] = await rows<{ signed_off: number; submitted: number; returned: number; returned_with_comment: number }>(sql`
      select count(*) filter (where status = 'signed_off')::int as signed_off, count(*) filter (where status = 'submitted')::int as submitted,
        count(*) filter (where status = 'returned')::int as returned,
        count(*) filter (where status = 'returned' and length(trim(return_comment)) > 0)::int as returned_with_comment from practice_hours`);
    expect(counts!.signed_off).toBeGreaterThan(40);
    expect(counts!.submitted).toBeGreaterThanOrEqual(4);
    expect(counts!.returned).toBe(1);
    expect(counts!.returned_with_comment).toBe(1);
    // Stalled: active, nothing logged or signed off for longer than the default 28 days.
    const stalled = await rows<{ id: string; quiet_since: Date; last_entry: Date }>(sql`
      select p.id, greatest(p.started_at, max(h.created_at), max(h.reviewed_at)) as quiet_since, max(h.starts_at) as last_entry
      from placements p join practice_hours h on h.placement_id = p.id where p.status = 'active' group by p.id
      having greatest(p.started_at, max(h.created_at), max(h.reviewed_at)) < ${new Date(now.getTime() - 28 * DAY)}`);
    expect(stalled).toHaveLength(1);
    // About five weeks: the last Wednesday at least 33 days back.
    const lastEntryDays = (now.getTime() - new Date(stalled[0]!.last_entry).getTime()) / DAY;
    expect(lastEntryDays).toBeGreaterThan(32);
    expect(lastEntryDays).toBeLessThan(40);
  });

  it("has practice activities in review (first name only under 16), published in the future with registrations, and completed with an evaluation", async () => {
    const found = await rows<{ status: string; organiser_name: string; organiser: string; trainee_name: string; starts_at: Date; confirmed_count: number; registrations: number; evaluated: boolean; submitted_at: Date | null; approved_at: Date | null; published_at: Date | null }>(sql`
      select a.status, a.organiser_name, ou.email as organiser, tu.name as trainee_name, a.starts_at, a.confirmed_count,
        (select count(*)::int from registrations r where r.activity_id = a.id and r.status = 'confirmed') as registrations,
        pa.evaluated_at is not null as evaluated, pa.submitted_at, pa.approved_at, a.published_at
      from practice_activities pa join activities a on a.id = pa.activity_id join placements p on p.id = pa.placement_id
      join users tu on tu.id = p.trainee_user_id left join users ou on ou.id = a.organiser_user_id`);
    const inReview = found.filter((a) => a.status === "in_review");
    expect(inReview).toHaveLength(1);
    expect(inReview[0]).toMatchObject({ organiser: "praktijk@buurtkracht.example", organiser_name: "Mila", published_at: null });
    expect(inReview[0]!.submitted_at).not.toBeNull();
    const published = found.filter((a) => a.status === "published");
    expect(published).toHaveLength(1);
    expect(new Date(published[0]!.starts_at).getTime()).toBeGreaterThan(now.getTime());
    expect(published[0]!.registrations).toBeGreaterThanOrEqual(3);
    const completed = found.filter((a) => a.status === "completed");
    expect(completed.length).toBeGreaterThanOrEqual(6);
    expect(completed.every((a) => a.evaluated && new Date(a.starts_at).getTime() < now.getTime())).toBe(true);
    expect(found.filter((a) => a.status === "draft")).toHaveLength(1);
    for (const a of found) {
      expect(a.confirmed_count, a.trainee_name).toBe(a.registrations);
      expect(a.organiser_name === a.trainee_name || a.organiser_name === a.trainee_name.split(" ")[0], a.trainee_name).toBe(true);
      if (a.status === "published" || a.status === "completed") expect(a.approved_at && a.published_at, a.trainee_name).toBeTruthy();
      if (a.status !== "published" && a.status !== "completed") expect(a.approved_at, a.trainee_name).toBeNull();
    }
  });

  it("has final reports in draft, submitted and assessed, the assessed ones on every competence at the final moment", async () => {
    const reports = await rows<{ status: string; assessed_competences: number; competences: number; moment_kind: string | null }>(sql`
      select r.status,
        (select count(*)::int from assessments s join assessment_moments am on am.id = s.moment_id and am.kind = 'final'
          where s.enrolment_id = p.enrolment_id) as assessed_competences,
        (select count(*)::int from track_competences tc where tc.track_version_id = c.track_version_id) as competences,
        (select am.kind from assessment_moments am where am.cohort_id = c.id and am.kind = 'final') as moment_kind
      from final_reports r join placements p on p.id = r.placement_id join enrolments e on e.id = p.enrolment_id join cohorts c on c.id = e.cohort_id`);
    const by = (status: string) => reports.filter((r) => r.status === status);
    expect(by("draft").length).toBeGreaterThanOrEqual(2);
    expect(by("submitted").length).toBeGreaterThanOrEqual(1);
    expect(by("assessed").length).toBe(6);
    for (const r of by("assessed")) expect(r.assessed_competences).toBe(r.competences);
    for (const r of [...by("draft"), ...by("submitted")]) expect(r.assessed_competences).toBe(0);
    expect(reports.every((r) => r.moment_kind === "final")).toBe(true);
    const [notes] = await rows<{ n: number; placements: number }>(sql`select count(*)::int as n, count(distinct placement_id)::int as placements from coaching_notes`);
    expect(notes!.placements).toBeGreaterThanOrEqual(6);
  });

  it("has a planned ceremony in a few weeks, published for family, and a past one whose presentations were given", async () => {
    const found = await rows<{ starts_at: Date; activity_status: string; presentations: number; given: number; registrations: number }>(sql`
      select c.starts_at, a.status as activity_status,
        (select count(*)::int from final_presentations fp where fp.ceremony_id = c.id) as presentations,
        (select count(*)::int from final_presentations fp where fp.ceremony_id = c.id and fp.given_at is not null) as given,
        (select count(*)::int from registrations r where r.activity_id = a.id) as registrations
      from ceremonies c join activities a on a.id = c.activity_id order by c.starts_at`);
    expect(found).toHaveLength(2);
    const [past, planned] = found as [(typeof found)[number], (typeof found)[number]];
    const inDays = (d: Date) => (new Date(d).getTime() - now.getTime()) / DAY;
    expect(inDays(planned.starts_at)).toBeGreaterThan(14);
    expect(inDays(planned.starts_at)).toBeLessThan(35);
    expect(planned).toMatchObject({ activity_status: "published", given: 0 });
    expect(planned.presentations).toBeGreaterThanOrEqual(2);
    expect(planned.registrations).toBeGreaterThan(0);
    expect(inDays(past.starts_at)).toBeLessThan(0);
    expect(past.activity_status).toBe("completed");
    expect(past.given).toBe(past.presentations);
    expect(past.given).toBeGreaterThanOrEqual(3);
  });

  it("gives each practice supervisor their own trainees and proposals, and the demo accounts what the README says", async () => {
    const bySupervisor = await rows<{ email: string; partner: string; member_partner: string; active: number; shared_proposals: number; two_factor: boolean }>(sql`
      select u.email, po.name as partner, mpo.name as member_partner, u.two_factor_enabled as two_factor,
        count(*) filter (where p.status = 'active')::int as active,
        count(*) filter (where p.status = 'proposed' and p.shared_at is not null)::int as shared_proposals
      from placements p join users u on u.id = p.supervisor_user_id join partner_organisations po on po.id = p.partner_organisation_id
      join memberships m on m.user_id = u.id and m.role = 'practice_supervisor' join partner_organisations mpo on mpo.id = m.partner_organisation_id
      group by u.email, po.name, mpo.name, u.two_factor_enabled`);
    // Every placement's supervisor is a practice supervisor at that very partner.
    expect(bySupervisor.every((s) => s.partner === s.member_partner && s.two_factor)).toBe(true);
    const bo = bySupervisor.find((s) => s.email === "begeleider@havenstad.example")!;
    expect(bo.active).toBeGreaterThanOrEqual(2);
    expect(bo.shared_proposals).toBeGreaterThanOrEqual(1);
    const dewi = bySupervisor.find((s) => s.email === "begeleider@loods.havenstad.example")!;
    expect(dewi.partner).toBe("Cultuurhuis De Loods");
    expect(dewi.active).toBeGreaterThanOrEqual(1);
    expect(dewi.shared_proposals).toBeGreaterThanOrEqual(1);
  });

  it("has every row in a state the journey reaches", async () => {
    const problems = await rows<{ problem: string }>(sql`
      select 'active without consent given: ' || p.id as problem from placements p left join consent_records cr on cr.id = p.sharing_consent_id
        where p.status in ('active', 'completed', 'ended') and (p.shared_at is null or cr.status is distinct from 'given' or cr.purpose <> 'handover_sharing' or p.answered_by is distinct from p.supervisor_user_id)
      union all select 'shared without consent: ' || p.id from placements p left join consent_records cr on cr.id = p.sharing_consent_id
        where p.shared_at is not null and (cr.status is distinct from 'given' or cr.answered_at > p.shared_at)
      union all select 'proposed after its consent was answered wrongly: ' || p.id from placements p join consent_records cr on cr.id = p.sharing_consent_id
        where p.shared_at is null and cr.status <> 'requested'
      union all select 'placement without certificate of participation: ' || p.id from placements p
        where not exists (select 1 from certificates c where c.enrolment_id = p.enrolment_id and c.kind = 'participation' and c.issued_at < p.created_at)
      union all select 'placement before its course ended: ' || p.id from placements p join enrolments e on e.id = p.enrolment_id where e.status <> 'completed'
      union all select 'hours outside an active placement: ' || h.id from practice_hours h join placements p on p.id = h.placement_id
        where p.status <> 'active' or h.starts_at < p.started_at or h.ends_at > now() or h.trainee_user_id <> p.trainee_user_id
      union all select 'hours reviewed by someone else: ' || h.id from practice_hours h join placements p on p.id = h.placement_id
        where h.status <> 'submitted' and (h.reviewed_by is distinct from p.supervisor_user_id or h.reviewed_at < h.ends_at)
      union all select 'signed off without confirming the warnings: ' || h.id from practice_hours h where h.status = 'signed_off' and cardinality(h.guard_warnings) > 0 and h.guard_confirmed_at is null
      union all select 'practice activity state: ' || pa.id from practice_activities pa join activities a on a.id = pa.activity_id join placements p on p.id = pa.placement_id
        where p.status <> 'active' or a.organiser_user_id <> p.trainee_user_id
          or (a.status = 'in_review' and (pa.submitted_at is null or pa.approved_at is not null))
          or (a.status in ('published', 'completed') and (pa.approved_at is null or a.published_at is null))
          or (a.status = 'completed' and (pa.evaluated_at is null or a.ends_at > now()))
          or (a.status = 'published' and (pa.evaluated_at is not null or a.starts_at < now()))
      union all select 'final report on a placement that is not active: ' || r.id from final_reports r join placements p on p.id = r.placement_id where p.status <> 'active'
      union all select 'presentation state: ' || fp.id from final_presentations fp join ceremonies c on c.id = fp.ceremony_id
        where (fp.given_at is not null and c.starts_at > now()) or (fp.given_at is null and c.ends_at < now())
      union all select 'presentation before everything else: ' || fp.id from final_presentations fp
        where not exists (select 1 from final_reports r where r.placement_id = fp.placement_id and r.status = 'assessed')
      union all select 'more registrations than places: ' || a.id from activities a where a.capacity is not null and a.confirmed_count > a.capacity
      union all select 'two live placements: ' || trainee_user_id from placements where status in ('proposed', 'active') group by trainee_user_id having count(*) > 1`);
    expect(problems.map((p) => p.problem)).toEqual([]);
  });

  it.each([
    ["the day the clocks go forward", "2027-03-28T00:30:00Z"],
    ["the day the clocks go back", "2027-10-31T00:30:00Z"],
    ["29 February, late in the evening", "2028-02-29T22:59:00Z"],
    ["New Year's night", "2026-12-31T23:30:00Z"],
    ["a Sunday morning", "2027-05-16T07:00:00Z"],
  ])("can be written on any day: %s", async (_, instant) => {
    const day = new Date(instant);
    const rollback = new Error("rollback");
    await expect(
      db().transaction(async (tx) => {
        // Take the practice data out again (inside this transaction only) and write it as of `day`.
        await tx.execute(sql`delete from activities where id in (select activity_id from practice_activities union select activity_id from ceremonies)`);
        await tx.execute(sql`delete from placements`);
        await tx.execute(sql`delete from ceremonies`);
        await tx.execute(sql`delete from certificates where enrolment_id in (select e.id from enrolments e join cohorts c on c.id = e.cohort_id where c.name = 'Groep Zuidoever')`);
        await tx.execute(sql`delete from cohorts where name = 'Groep Zuidoever'`);
        await tx.execute(sql`delete from users where email like '%@voorbeeld.example' and id not in (select user_id from enrolments)`);
        const again = await seedDemoPractice(tx, day);
        expect(again.certify).toHaveLength(result.certify.length);
        const [counts] = (
          await tx.execute<{ proposed: number; active: number; future_ceremonies: number; bad_hours: number; quiet: number }>(sql`
            select (select count(*)::int from placements where status = 'proposed') as proposed,
              (select count(*)::int from placements where status = 'active') as active,
              (select count(*)::int from ceremonies where starts_at > ${day}) as future_ceremonies,
              (select count(*)::int from practice_hours h join placements p on p.id = h.placement_id where h.ends_at > ${day} or h.starts_at < p.started_at) as bad_hours,
              (select count(*)::int from placements p where p.status = 'active' and greatest(p.started_at,
                (select max(h.created_at) from practice_hours h where h.placement_id = p.id),
                (select max(h.reviewed_at) from practice_hours h where h.placement_id = p.id)) < ${new Date(day.getTime() - 28 * DAY)}) as quiet`)
        ).rows;
        expect(counts).toEqual({ proposed: 4, active: 11, future_ceremonies: 1, bad_hours: 0, quiet: 1 });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it("changes nothing when the demo seed runs again", async () => {
    const started = Date.now();
    expect(await seedDemoNetwork()).toBe(false);
    expect(await db().transaction((tx) => seedDemoPractice(tx))).toEqual({ certify: [], revoke: [] });
    timings.secondRun = Date.now() - started;
    expect(await tableCounts()).toEqual(before);
  });
});
