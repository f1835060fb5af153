/**
 * Demo activities: a busy calendar for Havenstad (over 300 upcoming activities across its
 * neighbourhoods and the next ten weeks) and a smaller one for every other municipality. The
 * choices come from a seeded random generator, so every demo database looks the same apart from
 * the dates, which follow the day of seeding. Rows are written in batches.
 */
import { createHash, randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Transaction } from "~/lib/db/client.server";
import {
  activities,
  AGE_GROUPS,
  municipalities,
  neighbourhoods,
  partnerOrganisations,
  registrations,
  users,
  type ActivityCategory,
  type ActivityStatus,
  type AgeGroup,
} from "~/lib/db/schema";
import { addDaysToLocalDate, utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";
import { ageGroupFits } from "~/features/registrations/policy";

/** mulberry32: small, fast and good enough to make demo data look varied. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof seededRandom>;

interface Template {
  title: string;
  description: string;
  place: readonly string[];
  ages?: [number | null, number | null];
  /** Local start times that suit this activity, and its length in minutes. */
  times: readonly string[];
  minutes: number;
}

const TEMPLATES: Record<ActivityCategory, readonly Template[]> = {
  sport: [
    { title: "Voetbal op het pleintje", description: "Een uur lekker ballen met kinderen uit de buurt. Trainers uit de wijk zetten oefeningen en partijtjes klaar; iedereen speelt mee, ook wie nog nooit op een club zat.", place: ["Cruyff Court", "Speelveld"], ages: [7, 12], times: ["15:30", "16:00"], minutes: 60 },
    { title: "Wandelvoetbal voor 55-plussers", description: "Voetbal zonder rennen of slidings: rustig tempo, veel plezier en een bak koffie na afloop. Sportschoenen zijn genoeg.", place: ["Sporthal", "Kunstgrasveld"], ages: [55, null], times: ["10:00", "10:30"], minutes: 75 },
    { title: "Bootcamp in het park", description: "Buiten sporten met je eigen lichaamsgewicht. De oefeningen zijn er in een lichte en een zware variant, dus je bepaalt zelf hoe hard je gaat.", place: ["Park", "Grasveld"], ages: [16, null], times: ["08:30", "19:00"], minutes: 60 },
    { title: "Hardlopen voor beginners", description: "In tien weken van de bank naar vijf kilometer, samen met buren die ook net beginnen. Elke week een stapje verder.", place: ["Park", "Wijkcentrum"], ages: [16, null], times: ["19:00", "19:30"], minutes: 60 },
    { title: "Tafeltennis inloop", description: "Er staan vier tafels klaar. Kom alleen of neem iemand mee; batjes en balletjes zijn er genoeg.", place: ["Buurthuis", "Wijkcentrum"], times: ["14:00", "19:30"], minutes: 120 },
    { title: "Streetdance workshop", description: "Leer een korte choreografie op de nieuwste muziek. Aan het eind laten we zien wat we geleerd hebben aan wie wil kijken.", place: ["Buurthuis", "Gymzaal"], ages: [10, 17], times: ["15:30", "18:30"], minutes: 90 },
    { title: "Yoga in de buurttuin", description: "Rustige yoga voor elk niveau, in de buitenlucht als het weer het toelaat. Neem een mat of handdoek mee.", place: ["Buurttuin", "Wijkcentrum"], ages: [16, null], times: ["09:30", "19:00"], minutes: 60 },
    { title: "Basketbal drie tegen drie", description: "Korte potjes op één basket, teams worden ter plekke gemaakt. Een Citytrainer houdt de stand bij en zorgt dat iedereen aan bod komt.", place: ["Pleintje", "Sporthal"], ages: [12, 23], times: ["16:00", "19:00"], minutes: 90 },
    { title: "Fietsles voor volwassenen", description: "Nooit leren fietsen? Met geduldige vrijwilligers en fietsen van de wijk oefen je op een rustig plein, stap voor stap.", place: ["Schoolplein", "Wijkcentrum"], ages: [18, null], times: ["10:00", "13:30"], minutes: 90 },
    { title: "Boksen voor jongeren", description: "Techniek, conditie en respect. Er wordt niet op elkaar gebokst: we trainen op stootkussens, met handschoenen van de club.", place: ["Sporthal", "Gymzaal"], ages: [12, 18], times: ["17:00", "18:30"], minutes: 75 },
    { title: "Beweegochtend voor ouderen", description: "Oefeningen voor balans en kracht op een stoel of staand, op muziek van vroeger. Daarna koffie en een praatje.", place: ["Wijkcentrum", "Buurthuis"], ages: [65, null], times: ["10:00"], minutes: 60 },
    { title: "Badminton voor tieners", description: "Shuttles, rackets en een net: meer heb je niet nodig. We spelen dubbels en wisselen vaak, zodat je iedereen leert kennen.", place: ["Gymzaal", "Sporthal"], ages: [12, 17], times: ["16:00", "19:00"], minutes: 90 },
  ],
  culture: [
    { title: "Open podium", description: "Zingen, rappen, een gedicht voordragen of een goocheltruc: iedereen krijgt vijf minuten op het podium. Publiek is ook van harte welkom.", place: ["Buurthuis", "Wijkcentrum"], times: ["19:30", "20:00"], minutes: 120 },
    { title: "Schilderen met waterverf", description: "Onder begeleiding van een buurtkunstenaar schilder je een landschap of stilleven. Papier, verf en penselen liggen klaar.", place: ["Bibliotheek", "Wijkcentrum"], ages: [12, null], times: ["14:00", "19:00"], minutes: 120 },
    { title: "Theaterworkshop voor tieners", description: "Improviseren, spelen en jezelf laten zien. Je hoeft geen ervaring te hebben, wel zin om gek te doen.", place: ["Buurthuis", "Cultuurhuis"], ages: [12, 17], times: ["16:00", "18:30"], minutes: 90 },
    { title: "Voorleesmiddag", description: "Prentenboeken en verhalen voor de kleintjes, voorgelezen door jongeren uit de buurt. Ouders en grootouders mogen blijven.", place: ["Bibliotheek", "Buurthuis"], ages: [3, 8], times: ["14:00", "15:00"], minutes: 60 },
    { title: "Muziek maken met afval", description: "Van blikjes, buizen en emmers bouwen we instrumenten en maken we samen een ritme. Harde geluiden gegarandeerd.", place: ["Cultuurhuis", "Buurthuis"], ages: [8, 14], times: ["14:00", "15:30"], minutes: 90 },
    { title: "Fotowandeling door de wijk", description: "Met je telefoon op zoek naar mooie plekken in je eigen straat. Een fotograaf geeft tips; de beste foto's komen in het buurthuis te hangen.", place: ["Start bij het wijkcentrum", "Start bij de bibliotheek"], ages: [12, null], times: ["10:30", "14:00"], minutes: 120 },
    { title: "Graffiti op doek", description: "Leer werken met spuitbussen en sjablonen, op grote doeken en met mondkapjes. Je werk mag je mee naar huis nemen.", place: ["Cultuurhuis", "Jongerencentrum"], ages: [12, 23], times: ["15:00", "18:30"], minutes: 120 },
    { title: "Buurtkoor zingt", description: "Iedere week een nieuw lied, van smartlap tot popnummer. Noten lezen is niet nodig, plezier wel.", place: ["Wijkcentrum", "Kerkzaal"], times: ["19:30"], minutes: 90 },
    { title: "Filmavond", description: "Een familiefilm op groot doek, met popcorn en limonade. Na afloop praten we na over wat we zagen.", place: ["Buurthuis", "Bibliotheek"], times: ["19:00"], minutes: 150 },
    { title: "Spoken word en rap schrijven", description: "Schrijf over wat jou bezighoudt. Een spoken-word artiest helpt je met ritme en woorden; voordragen mag, hoeft niet.", place: ["Jongerencentrum", "Bibliotheek"], ages: [14, 23], times: ["16:30", "19:00"], minutes: 90 },
    { title: "Kleien en boetseren", description: "Maak een schaal, een beestje of iets dat je zelf verzint. Na een week kun je je werk gebakken ophalen.", place: ["Cultuurhuis", "Buurthuis"], ages: [6, 12], times: ["14:00", "15:30"], minutes: 90 },
    { title: "Breicafé", description: "Breien, haken of borduren met koffie erbij. Beginners leren de eerste steken van buren die het al jaren doen.", place: ["Wijkcentrum", "Bibliotheek"], times: ["10:00", "14:00"], minutes: 120 },
  ],
  welfare: [
    { title: "Buurtmaaltijd", description: "Samen eten aan lange tafels, gekookt door bewoners. Betaal wat je kunt missen; niemand hoeft alleen te eten.", place: ["Buurthuis", "Wijkcentrum"], times: ["17:30", "18:00"], minutes: 120 },
    { title: "Taalcafé", description: "Nederlands oefenen in een gewoon gesprek, aan tafels met vrijwilligers. Elk niveau is welkom.", place: ["Bibliotheek", "Wijkcentrum"], ages: [16, null], times: ["10:00", "19:00"], minutes: 90 },
    { title: "Koffieochtend voor nieuwe buren", description: "Net verhuisd? Maak kennis met mensen uit de straat en hoor waar je terechtkunt voor sport, zorg en gezelligheid.", place: ["Wijkcentrum", "Buurthuis"], times: ["10:00"], minutes: 90 },
    { title: "Repair café", description: "Neem je kapotte broodrooster, fiets of broek mee. Handige buren repareren het samen met jou, gratis.", place: ["Buurthuis", "Wijkcentrum"], times: ["10:00", "13:00"], minutes: 180 },
    { title: "Huiswerkbegeleiding", description: "Studenten uit de buurt helpen met rekenen, taal en plannen. Neem je eigen huiswerk mee.", place: ["Bibliotheek", "Buurthuis"], ages: [10, 16], times: ["15:30", "16:00"], minutes: 90 },
    { title: "Spelletjesmiddag voor jong en oud", description: "Bordspellen, kaartspellen en een grote puzzel. Opa's tegen kleinkinderen, buren tegen buren.", place: ["Wijkcentrum", "Buurthuis"], times: ["14:00"], minutes: 150 },
    { title: "Samen de moestuin in", description: "Zaaien, wieden en oogsten in de gemeenschappelijke tuin. Wat we oogsten, verdelen we onder de deelnemers.", place: ["Buurttuin", "Moestuin"], times: ["10:00", "18:30"], minutes: 120 },
    { title: "Wijkschoonmaak", description: "Met grijpers en vuilniszakken maken we de straten en het park schoon. Handschoenen en koffie krijg je van ons.", place: ["Start bij het wijkcentrum", "Start bij het pleintje"], times: ["10:00"], minutes: 120 },
    { title: "Digitaal spreekuur", description: "Hulp bij je telefoon, DigiD of online formulieren. Vrijwilligers kijken met je mee, stap voor stap.", place: ["Bibliotheek", "Wijkcentrum"], ages: [16, null], times: ["10:00", "14:00"], minutes: 120 },
    { title: "Samen koken met seizoensgroente", description: "Gezond en goedkoop koken met wat de markt nu heeft. Je kookt mee en eet daarna samen op.", place: ["Buurthuis", "Wijkcentrum"], ages: [12, null], times: ["16:30", "17:00"], minutes: 150 },
    { title: "Wandelen en praten", description: "Een rustige wandeling van een uur door de wijk, met tijd voor een praatje. Voor iedereen die er even uit wil.", place: ["Start bij het wijkcentrum", "Start bij de bibliotheek"], times: ["10:30", "14:00"], minutes: 60 },
  ],
  other: [
    { title: "Buurtbarbecue", description: "Neem iets mee voor op de grill of een salade om te delen. De buurt zorgt voor de barbecue, muziek en drinken.", place: ["Pleintje", "Park"], times: ["17:00"], minutes: 180 },
    { title: "Speelgoedruilmarkt", description: "Ruil speelgoed waar je kinderen op uitgekeken zijn voor iets nieuws. Wat overblijft gaat naar de speelotheek.", place: ["Buurthuis", "Schoolplein"], times: ["10:00", "13:00"], minutes: 120 },
    { title: "Buurtquiz", description: "Teams van vier strijden om de eer met vragen over de wijk, muziek en nieuws. Je kunt je als team of alleen aanmelden.", place: ["Wijkcentrum", "Buurthuis"], ages: [14, null], times: ["20:00"], minutes: 150 },
    { title: "Plantenruil", description: "Stekjes, zaden en kamerplanten ruilen met buren. Ook als je niets hebt om te ruilen mag je een plantje meenemen.", place: ["Buurttuin", "Bibliotheek"], times: ["10:30", "14:00"], minutes: 120 },
    { title: "Kinderrommelmarkt", description: "Kinderen verkopen hun eigen spullen op een kleedje. Aanmelden voor een plek kan hier; kopen kan iedereen.", place: ["Schoolplein", "Pleintje"], ages: [6, 14], times: ["10:00"], minutes: 180 },
  ],
};

const ORGANISERS = [
  "Citytrainer Amira",
  "Citytrainer Daan",
  "Citytrainer Fatima",
  "Citytrainer Jayden",
  "Citytrainer Lotte",
  "Citytrainer Mohammed",
  "Citytrainer Sanne",
  "Citytrainer Yusuf",
  "Bewonersteam",
];

const FIRST_NAMES = ["Anouk", "Bilal", "Chantal", "Dewi", "Emre", "Femke", "Gijs", "Hanna", "Ilias", "Jesse", "Kees", "Layla", "Milan", "Noa", "Omar", "Priya", "Quinten", "Rania", "Sem", "Tess", "Umut", "Vera", "Wouter", "Xander", "Yara", "Zeynep"];
const LAST_NAMES = ["de Vries", "Jansen", "El Amrani", "Bakker", "Yilmaz", "Visser", "Smit", "Meijer", "Kaya", "Mulder", "de Boer", "Dekker", "Bos", "Vos", "Peters", "Hendriks"];

interface Place {
  municipalityId: string;
  neighbourhoods: { id: string; name: string }[];
  partners: { id: string; name: string }[];
}

type ActivityRow = typeof activities.$inferInsert & { id: string };
type RegistrationRow = typeof registrations.$inferInsert;

function ageGroupFor(random: Random, ages: Template["ages"]): AgeGroup {
  const [min, max] = ages ?? [null, null];
  const fits = AGE_GROUPS.filter((group) => {
    const [low, high] = { under_12: [0, 11], "12_15": [12, 15], "16_17": [16, 17], "18_26": [18, 26], "27_66": [27, 66], "67_plus": [67, 120] }[group];
    return (min === null || high! >= min) && (max === null || low! <= max);
  });
  return random.pick(fits.length > 0 ? fits : AGE_GROUPS);
}

/** Registrations for one activity: confirmed people first (in order), then the waitlist. */
function registrationsFor(random: Random, activity: ActivityRow, confirmed: number, waitlisted: number, counter: { n: number }) {
  const rows: RegistrationRow[] = [];
  const template = { ages: [activity.minAge ?? null, activity.maxAge ?? null] as Template["ages"] };
  for (let i = 0; i < confirmed + waitlisted; i++) {
    const n = ++counter.n;
    const first = random.pick(FIRST_NAMES);
    const past = activity.status === "completed";
    rows.push({
      activityId: activity.id,
      municipalityId: activity.municipalityId,
      name: `${first} ${random.pick(LAST_NAMES)}`,
      email: `${first.toLowerCase()}.${n}@voorbeeld.example`,
      ageGroup: ageGroupFor(random, template.ages),
      status: i < confirmed ? "confirmed" : "waitlisted",
      locale: random.chance(0.9) ? "nl" : "en",
      // Demo registrations are never cancelled by link, so the hash only has to be unique.
      cancelTokenHash: createHash("sha256").update(`demo-registration-${activity.id}-${n}`).digest("base64url"),
      attendance: past && i < confirmed ? (random.chance(0.85) ? "attended" : "no_show") : null,
    });
  }
  return rows;
}

function buildActivities(
  random: Random,
  place: Place,
  options: { upcoming: number; series: number; drafts: number; past: number; today: string; createdBy: string | null; partnerContact: { userId: string; partnerId: string } | null },
) {
  const rows: ActivityRow[] = [];
  const registrationRows: RegistrationRow[] = [];
  const counter = { n: 0 };
  const categories: ActivityCategory[] = ["sport", "sport", "culture", "culture", "welfare", "welfare", "other"];

  const make = (dayOffset: number, status: ActivityStatus, template: Template, category: ActivityCategory, seriesId: string | null, base?: ActivityRow): ActivityRow => {
    const neighbourhood = base ? place.neighbourhoods.find((n) => n.id === base.neighbourhoodId)! : random.pick(place.neighbourhoods);
    const date = addDaysToLocalDate(options.today, dayOffset);
    const time = base ? utcToZonedLocal(base.startsAt as Date).time : random.pick(template.times);
    const startsAt = zonedLocalToUtc(date, time)!;
    const endsAt = new Date(startsAt.getTime() + template.minutes * 60_000);
    const partner = base
      ? (place.partners.find((p) => p.id === base.partnerOrganisationId) ?? null)
      : random.chance(0.4)
        ? random.pick(place.partners)
        : null;
    const byPartnerContact = !base && options.partnerContact && category === "culture" && random.chance(0.35);
    const partnerId = byPartnerContact ? options.partnerContact!.partnerId : (partner?.id ?? null);
    const kind = base ? null : random.next();
    // About a fifth walk-in, a fifth unlimited, the rest with a fixed number of places.
    const registrationRequired = base ? base.registrationRequired! : kind! >= 0.2;
    const capacity = base ? base.capacity! : kind! < 0.4 ? null : random.pick([8, 10, 12, 12, 15, 16, 20, 24, 25, 30]);
    return {
      id: randomUUID(),
      municipalityId: place.municipalityId,
      neighbourhoodId: neighbourhood.id,
      seriesId,
      title: template.title,
      description: `${template.description}\n\nIn ${neighbourhood.name}.`,
      category,
      location: `${random.pick(template.place)} ${neighbourhood.name}`,
      startsAt,
      endsAt,
      minAge: template.ages?.[0] ?? null,
      maxAge: template.ages?.[1] ?? null,
      capacity: registrationRequired ? capacity : null,
      waitlistEnabled: base ? base.waitlistEnabled! : random.chance(0.8),
      registrationRequired,
      // A partner's activity shows the partner's name (organiser left empty); the others a team or Citytrainer.
      organiserName: partnerId ? null : `${random.pick(ORGANISERS)} ${neighbourhood.name}`,
      organiserUserId: byPartnerContact ? options.partnerContact!.userId : options.createdBy,
      partnerOrganisationId: partnerId,
      status,
      createdBy: byPartnerContact ? options.partnerContact!.userId : options.createdBy,
      publishedAt: status === "draft" ? null : new Date(),
    };
  };

  const fill = (activity: ActivityRow) => {
    if (!activity.registrationRequired || activity.status === "draft") return;
    let confirmed: number;
    let waitlisted = 0;
    if (activity.capacity == null) {
      confirmed = random.int(0, 25);
    } else {
      const roll = random.next();
      if (roll < 0.12) {
        // Full; with a waitlist when the activity keeps one.
        confirmed = activity.capacity;
        waitlisted = activity.waitlistEnabled ? random.int(2, 6) : 0;
      } else {
        confirmed = random.int(0, Math.floor(activity.capacity * 0.8));
      }
    }
    activity.confirmedCount = confirmed;
    registrationRows.push(...registrationsFor(random, activity, confirmed, waitlisted, counter));
  };

  for (let i = 0; i < options.upcoming; i++) {
    const category = random.pick(categories);
    const activity = make(random.int(1, 70), "published", random.pick(TEMPLATES[category]), category, null);
    fill(activity);
    rows.push(activity);
  }
  for (let s = 0; s < options.series; s++) {
    const category = random.pick(categories);
    const template = random.pick(TEMPLATES[category]);
    const seriesId = randomUUID();
    const first = make(random.int(1, 7), "published", template, category, seriesId);
    const weeks = random.int(4, 9);
    for (let week = 0; week < weeks; week++) {
      const activity = week === 0 ? first : make(dayOffsetOf(first, options.today) + week * 7, "published", template, category, seriesId, first);
      fill(activity);
      rows.push(activity);
    }
  }
  for (let i = 0; i < options.drafts; i++) {
    const category = random.pick(categories);
    rows.push(make(random.int(14, 60), "draft", random.pick(TEMPLATES[category]), category, null));
  }
  for (let i = 0; i < options.past; i++) {
    const category = random.pick(categories);
    const activity = make(-random.int(2, 40), "completed", random.pick(TEMPLATES[category]), category, null);
    fill(activity);
    rows.push(activity);
  }
  return { rows, registrationRows };
}

function dayOffsetOf(activity: ActivityRow, today: string): number {
  const date = utcToZonedLocal(activity.startsAt as Date).date;
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

async function insertInBatches<T extends Record<string, unknown>>(tx: Transaction, table: typeof activities | typeof registrations, rows: T[], size: number) {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as never);
  }
}

/**
 * The demo resident's own sign-ups, so "Mijn aanmeldingen" has something to show: two upcoming
 * places, one waitlist place and two past activities they attended. Chosen in start order (not by
 * the random generator, which would shift every other demo choice).
 */
function residentSignUps(all: ActivityRow[], municipalityId: string, resident: { id: string; email: string; name: string }): RegistrationRow[] {
  const ageGroup: AgeGroup = "27_66";
  const candidates = all
    .filter((a) => a.municipalityId === municipalityId && a.registrationRequired && a.seriesId === null)
    .filter((a) => ageGroupFits({ minAge: a.minAge ?? null, maxAge: a.maxAge ?? null }, ageGroup))
    .sort((a, b) => (a.startsAt as Date).getTime() - (b.startsAt as Date).getTime());
  const hasPlace = (a: ActivityRow) => a.capacity == null || (a.confirmedCount ?? 0) < a.capacity;
  const isFullWithWaitlist = (a: ActivityRow) => a.capacity != null && (a.confirmedCount ?? 0) >= a.capacity && a.waitlistEnabled === true;
  const upcoming = candidates.filter((a) => a.status === "published" && (a.startsAt as Date).getTime() > Date.now() + 86_400_000);
  const chosen: { activity: ActivityRow; status: "confirmed" | "waitlisted"; attended: boolean }[] = [
    ...upcoming.filter(hasPlace).slice(0, 2).map((activity) => ({ activity, status: "confirmed" as const, attended: false })),
    ...upcoming.filter(isFullWithWaitlist).slice(0, 1).map((activity) => ({ activity, status: "waitlisted" as const, attended: false })),
    ...candidates.filter((a) => a.status === "completed" && hasPlace(a)).slice(-2).map((activity) => ({ activity, status: "confirmed" as const, attended: true })),
  ];
  return chosen.map(({ activity, status, attended }) => {
    if (status === "confirmed") activity.confirmedCount = (activity.confirmedCount ?? 0) + 1;
    return {
      activityId: activity.id,
      municipalityId: activity.municipalityId,
      name: resident.name,
      email: resident.email,
      ageGroup,
      status,
      locale: "nl" as const,
      userId: resident.id,
      cancelTokenHash: createHash("sha256").update(`demo-resident-${activity.id}`).digest("base64url"),
      attendance: attended ? ("attended" as const) : null,
    };
  });
}

/** Upcoming demo activities with registrations, written inside the demo seed's transaction. */
export async function seedDemoActivities(tx: Transaction): Promise<void> {
  const random = seededRandom(20_261_122);
  const today = utcToZonedLocal(new Date()).date;
  const places = await tx.select({ id: municipalities.id, slug: municipalities.slug }).from(municipalities).orderBy(municipalities.slug);
  const staff = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ["cursusleider@havenstad.example", "partner@havenstad.example"]));
  const courseLeader = staff.find((u) => u.email === "cursusleider@havenstad.example")?.id ?? null;
  const partnerUser = staff.find((u) => u.email === "partner@havenstad.example")?.id ?? null;

  const allActivities: ActivityRow[] = [];
  const allRegistrations: RegistrationRow[] = [];
  for (const municipality of places) {
    const place: Place = {
      municipalityId: municipality.id,
      neighbourhoods: await tx.select({ id: neighbourhoods.id, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.municipalityId, municipality.id)).orderBy(neighbourhoods.name),
      partners: await tx
        .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
        .from(partnerOrganisations)
        .where(eq(partnerOrganisations.municipalityId, municipality.id))
        .orderBy(partnerOrganisations.name),
    };
    if (place.neighbourhoods.length === 0) continue;
    const isHavenstad = municipality.slug === "havenstad";
    const loods = place.partners.find((p) => p.name === "Cultuurhuis De Loods");
    const built = buildActivities(random, place, {
      upcoming: isHavenstad ? 260 : 14,
      series: isHavenstad ? 12 : 1,
      drafts: isHavenstad ? 6 : 1,
      past: isHavenstad ? 15 : 3,
      today,
      createdBy: isHavenstad ? courseLeader : null,
      partnerContact: isHavenstad && partnerUser && loods ? { userId: partnerUser, partnerId: loods.id } : null,
    });
    allActivities.push(...built.rows);
    allRegistrations.push(...built.registrationRows);
  }
  const [resident] = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, "bewoner@buurtkracht.example"));
  const havenstad = places.find((p) => p.slug === "havenstad");
  if (resident && havenstad) allRegistrations.push(...residentSignUps(allActivities, havenstad.id, resident));
  await insertInBatches(tx, activities, allActivities, 500);
  await insertInBatches(tx, registrations, allRegistrations, 2000);
}
