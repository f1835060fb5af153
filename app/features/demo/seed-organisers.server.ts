/**
 * Demo data of residents who organise (Havenstad): Oscar (organisator@, 17, certified, marked
 * trusted by the project leader) and Chris (citytrainer@, certified, not yet trusted: Havenstad's
 * setting stays "review every plan"). Between them an activity in every state: a draft, a plan in
 * review, one with changes asked (and the reviewer's comment), a weekly series published without
 * review, one published with a co-organiser, two that took place and wait for their evaluation
 * (the evaluation seed evaluates one), and a cancelled one, with sign-ups and an announcement.
 * Runs after the practice and certificate seeds, which make both of them certified; skips what is
 * not there. Dates are relative to seeding time.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { hashCancelToken } from "~/features/registrations/writes.server";
import type { Transaction } from "~/lib/db/client.server";
import { activities, activityCoOrganisers, activityMessages, certificates, memberships, municipalities, neighbourhoods, organisedActivities, organiserTrust, registrations, users, type AgeGroup } from "~/lib/db/schema";
import { addDaysToLocalDate, utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";

const DAY = 86_400_000;

interface DemoPlan {
  key: string;
  organiser: "oscar" | "chris";
  title: string;
  description: string;
  category: "sport" | "culture" | "welfare" | "other";
  idea: string;
  goal: string;
  targetGroup: string;
  neighbourhood: string;
  location: string;
  /** Days from today (negative: in the past). */
  day: number;
  time: string;
  minutes: number;
  minAge: number | null;
  maxAge: number | null;
  capacity: number | null;
  status: "draft" | "in_review" | "published" | "cancelled";
  changesRequested?: string;
  weeks?: number;
  coOrganiser?: "oscar" | "chris";
  /** Confirmed sign-ups (and how many of them came, for a past one), and the waitlist. */
  signUps?: { confirmed: number; attended?: number; waitlist?: number; ageGroup: AgeGroup };
}

const PLANS: DemoPlan[] = [
  {
    key: "chris-draft",
    organiser: "chris",
    title: "Buurtvoetbal op woensdag",
    description: "Voetbal voor iedereen uit Zuidrand, jongens en meiden door elkaar.",
    category: "sport",
    idea: "Elke woensdag een uur voetbal op het pleintje, zonder club of lidmaatschap.",
    goal: "Kinderen die niet bij een club zitten toch laten sporten.",
    targetGroup: "Kinderen van 8 tot 12 jaar uit Zuidrand",
    neighbourhood: "Zuidrand",
    location: "Trapveldje Zuidrandplein",
    day: 24,
    time: "15:30",
    minutes: 60,
    minAge: 8,
    maxAge: 12,
    capacity: 20,
    status: "draft",
  },
  {
    key: "chris-review",
    organiser: "chris",
    title: "Spelletjesmiddag in het wijkcentrum",
    description: "Bordspellen, kaartspellen en een quiz. Voor jong en oud.",
    category: "welfare",
    idea: "Een middag waarop buren samen spelletjes doen en elkaar leren kennen.",
    goal: "Oudere buren en gezinnen met kinderen bij elkaar brengen.",
    targetGroup: "Buren van alle leeftijden uit Zuidrand",
    neighbourhood: "Zuidrand",
    location: "Wijkcentrum De Zuidoever, zaal 2",
    day: 16,
    time: "14:00",
    minutes: 150,
    minAge: null,
    maxAge: null,
    capacity: 30,
    status: "in_review",
  },
  {
    key: "chris-changes",
    organiser: "chris",
    title: "Skateclinic bij de haven",
    description: "Leer de eerste trucs op een skateboard. Borden en helmen zijn er.",
    category: "sport",
    idea: "Een clinic met skaters uit de wijk die hun trucs uitleggen.",
    goal: "Jongeren een nieuwe sport laten proberen.",
    targetGroup: "Jongeren van 10 tot 16 jaar",
    neighbourhood: "Havenkwartier",
    location: "Skatebaan Havenkade",
    day: 30,
    time: "13:00",
    minutes: 120,
    minAge: 10,
    maxAge: 16,
    capacity: 15,
    status: "draft",
    changesRequested: "Leuk plan! Regel je nog toestemming van de gemeente voor de skatebaan, en wie er EHBO doet? Zet dat in je plan en dien het opnieuw in.",
  },
  {
    key: "chris-cancelled",
    organiser: "chris",
    title: "Fietstocht langs de haven",
    description: "Een tocht van 15 kilometer met een stop bij de pont.",
    category: "sport",
    idea: "Samen fietsen langs de mooiste plekken van de haven.",
    goal: "Buren laten zien wat er in hun eigen stad te zien is.",
    targetGroup: "Iedereen vanaf 12 jaar met een fiets",
    neighbourhood: "Havenkwartier",
    location: "Start bij de pont, Havenkade",
    day: 9,
    time: "10:00",
    minutes: 180,
    minAge: 12,
    maxAge: null,
    capacity: 25,
    status: "cancelled",
    signUps: { confirmed: 3, ageGroup: "27_66" },
  },
  {
    key: "chris-past",
    organiser: "chris",
    title: "Sportochtend voor de hele straat",
    description: "Een ochtend met spellen op straat: touwtjespringen, stoepkrijten en een estafette.",
    category: "sport",
    idea: "De straat een ochtend afsluiten en er samen een speelplaats van maken.",
    goal: "Buren uit dezelfde straat met elkaar in contact brengen.",
    targetGroup: "Gezinnen uit Zuidrand",
    neighbourhood: "Zuidrand",
    location: "Zuidrandstraat, tussen nummer 10 en 40",
    day: -6,
    time: "10:00",
    minutes: 150,
    minAge: null,
    maxAge: null,
    capacity: 40,
    status: "published",
    signUps: { confirmed: 14, attended: 11, ageGroup: "27_66" },
  },
  {
    key: "oscar-series",
    organiser: "oscar",
    title: "Muziekles voor beginners",
    description: "Elke week een uur gitaar, keyboard of drums. Instrumenten zijn er; je hoeft niets te kunnen.",
    category: "culture",
    idea: "Een wekelijkse les waarin jongeren een instrument leren van jongeren die al spelen.",
    goal: "Jongeren die geen muziekles kunnen betalen toch laten spelen.",
    targetGroup: "Jongeren van 12 tot 18 jaar uit Havenkwartier",
    neighbourhood: "Havenkwartier",
    location: "Cultuurhuis De Loods, oefenruimte",
    day: 5,
    time: "16:00",
    minutes: 60,
    minAge: 12,
    maxAge: 18,
    capacity: 8,
    status: "published",
    weeks: 6,
    signUps: { confirmed: 8, waitlist: 2, ageGroup: "12_15" },
  },
  {
    key: "oscar-co",
    organiser: "oscar",
    title: "Buurtfeest op het Havenplein",
    description: "Muziek, eten uit alle keukens van de wijk en spellen voor de kinderen.",
    category: "other",
    idea: "Een feest waar iedereen iets meeneemt om te eten en jongeren uit de wijk optreden.",
    goal: "Nieuwe en oude bewoners van het Havenkwartier bij elkaar brengen.",
    targetGroup: "Alle bewoners van het Havenkwartier",
    neighbourhood: "Havenkwartier",
    location: "Havenplein",
    day: 19,
    time: "15:00",
    minutes: 240,
    minAge: null,
    maxAge: null,
    capacity: null,
    status: "published",
    coOrganiser: "chris",
    signUps: { confirmed: 23, ageGroup: "27_66" },
  },
  {
    key: "oscar-past",
    organiser: "oscar",
    title: "Open podium in de bibliotheek",
    description: "Lees een gedicht voor, zing of speel een nummer. Publiek is welkom.",
    category: "culture",
    idea: "Een open podium in de bibliotheek, voor iedereen die iets wil laten horen.",
    goal: "Bewoners een plek geven om te laten zien wat ze kunnen.",
    targetGroup: "Jongeren en volwassenen vanaf 12 jaar",
    neighbourhood: "Centrum",
    location: "Bibliotheek Havenstad, leeszaal",
    day: -11,
    time: "19:00",
    minutes: 120,
    minAge: 12,
    maxAge: null,
    capacity: 35,
    status: "published",
    signUps: { confirmed: 21, attended: 18, ageGroup: "18_26" },
  },
  {
    key: "oscar-draft",
    organiser: "oscar",
    title: "Beatmaken op de laptop",
    description: "Maak je eigen beat met gratis programma's. Neem een koptelefoon mee als je die hebt.",
    category: "culture",
    idea: "Een workshop waarin ik laat zien hoe ik beats maak.",
    goal: "Jongeren laten zien dat je met een laptop al muziek kunt maken.",
    targetGroup: "Jongeren van 12 tot 18 jaar",
    neighbourhood: "Havenkwartier",
    location: "Cultuurhuis De Loods, studio",
    day: 35,
    time: "16:00",
    minutes: 90,
    minAge: 12,
    maxAge: 18,
    capacity: 10,
    status: "draft",
  },
];

const FIRST_NAMES = ["Sanne", "Youssef", "Lieke", "Daan", "Amira", "Tim", "Noor", "Sem", "Fleur", "Ilias", "Julia", "Milan", "Zoë", "Ravi", "Eva", "Bram", "Lina", "Jesse", "Sara", "Ayoub", "Roos", "Luuk", "Esra", "Thijs", "Maud"];

export async function seedDemoOrganisers(tx: Transaction): Promise<void> {
  const [havenstad] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, "havenstad"));
  if (!havenstad) return;
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ["organisator@buurtkracht.example", "citytrainer@buurtkracht.example", "projectleider@havenstad.example"]));
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  const oscar = idOf("organisator@buurtkracht.example");
  const chris = idOf("citytrainer@buurtkracht.example");
  const [leader] = await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.municipalityId, havenstad.id), eq(memberships.role, "project_leader")));
  if (!oscar || !chris) return;
  // Both must be Citytrainers of Havenstad (the practice and certificate seeds make them so).
  const certified = await tx
    .select({ userId: certificates.userId })
    .from(certificates)
    .where(and(eq(certificates.municipalityId, havenstad.id), eq(certificates.kind, "citytrainer"), isNull(certificates.revokedAt), inArray(certificates.userId, [oscar, chris])));
  if (certified.length < 2) return;
  const organiserId = { oscar, chris } as const;
  const firstName = { oscar: "Oscar", chris: "Chris" } as const;

  await tx.insert(organiserTrust).values({ municipalityId: havenstad.id, userId: oscar, trust: "trusted", setBy: leader?.userId ?? null, setAt: new Date(Date.now() - 40 * DAY) });

  const hoods = await tx.select({ id: neighbourhoods.id, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.municipalityId, havenstad.id));
  const today = utcToZonedLocal(new Date()).date;
  const now = Date.now();
  let person = 0;
  for (const plan of PLANS) {
    const seriesId = plan.weeks ? randomUUID() : null;
    const trusted = plan.organiser === "oscar";
    const submittedAt = plan.status === "draft" && !plan.changesRequested ? null : new Date(now - (plan.status === "in_review" ? 1 : 8) * DAY);
    for (let week = 0; week < (plan.weeks ?? 1); week++) {
      const startsAt = zonedLocalToUtc(addDaysToLocalDate(today, plan.day + 7 * week), plan.time)!;
      const endsAt = new Date(startsAt.getTime() + plan.minutes * 60_000);
      const published = plan.status === "published" || (plan.status === "cancelled" && plan.signUps);
      const confirmed = week === 0 ? (plan.signUps?.confirmed ?? 0) : Math.max(0, (plan.signUps?.confirmed ?? 0) - 2 * week);
      const [row] = await tx
        .insert(activities)
        .values({
          municipalityId: havenstad.id,
          neighbourhoodId: hoods.find((h) => h.name === plan.neighbourhood)?.id ?? null,
          seriesId,
          title: plan.title,
          description: plan.description,
          category: plan.category,
          location: plan.location,
          startsAt,
          endsAt,
          minAge: plan.minAge,
          maxAge: plan.maxAge,
          capacity: plan.capacity,
          confirmedCount: confirmed,
          registrationRequired: true,
          waitlistEnabled: true,
          organiserName: firstName[plan.organiser],
          organiserUserId: organiserId[plan.organiser],
          status: plan.status,
          reviewedBy: !trusted && (published || plan.changesRequested) ? (leader?.userId ?? null) : null,
          reviewedAt: !trusted && (published || plan.changesRequested) ? new Date(now - 7 * DAY) : null,
          publishedAt: published ? new Date(now - 7 * DAY) : null,
          cancelledAt: plan.status === "cancelled" ? new Date(now - 2 * DAY) : null,
          createdBy: organiserId[plan.organiser],
          createdAt: new Date(now - 12 * DAY),
        })
        .returning({ id: activities.id });
      const activityId = row!.id;
      await tx.insert(organisedActivities).values({
        municipalityId: havenstad.id,
        activityId,
        organiserUserId: organiserId[plan.organiser],
        idea: plan.idea,
        goal: plan.goal,
        targetGroup: plan.targetGroup,
        changesRequested: plan.changesRequested ?? null,
        submittedAt,
        reviewedBy: !trusted && (published || plan.changesRequested) ? (leader?.userId ?? null) : null,
        reviewedAt: !trusted && (published || plan.changesRequested) ? new Date(now - 7 * DAY) : null,
        publishedWithoutReviewAt: trusted && published ? new Date(now - 7 * DAY) : null,
        createdAt: new Date(now - 12 * DAY),
      });
      if (plan.coOrganiser) await tx.insert(activityCoOrganisers).values({ activityId, municipalityId: havenstad.id, userId: organiserId[plan.coOrganiser], addedBy: organiserId[plan.organiser] });
      if (plan.signUps) {
        const rows = [];
        for (let n = 0; n < confirmed + (week === 0 ? (plan.signUps.waitlist ?? 0) : 0); n++) {
          const name = `${FIRST_NAMES[person % FIRST_NAMES.length]} ${["de Boer", "Yilmaz", "Jansen", "El Idrissi", "Visser", "Bakker", "Smit"][person % 7]}`;
          const email = `deelnemer${person}.organiseren@voorbeeld.example`;
          person++;
          const isConfirmed = n < confirmed;
          rows.push({
            activityId,
            municipalityId: havenstad.id,
            name,
            email,
            ageGroup: plan.signUps.ageGroup,
            status: isConfirmed ? ("confirmed" as const) : ("waitlisted" as const),
            cancelTokenHash: hashCancelToken(randomUUID()),
            attendance: plan.signUps.attended !== undefined && isConfirmed ? (n < plan.signUps.attended ? ("attended" as const) : ("no_show" as const)) : null,
            createdAt: new Date(now - (6 - (n % 5)) * DAY),
          });
        }
        if (rows.length > 0) await tx.insert(registrations).values(rows);
      }
      if (plan.key === "oscar-series" && week === 0) {
        await tx.insert(activityMessages).values({
          activityId,
          municipalityId: havenstad.id,
          sentBy: oscar,
          subject: "Neem je eigen koptelefoon mee",
          body: "Hoi allemaal! Heb je een koptelefoon? Neem hem mee, dan kun je ook oefenen als anderen spelen. Tot woensdag!",
          recipientCount: confirmed,
          sentAt: new Date(now - DAY),
        });
      }
    }
  }
}
