/**
 * The texts of the demo's practice path (seed-practice.server.ts): the spring course group's
 * trainees, where each of them is on the way to Citytrainer, what they logged, planned and wrote,
 * and what their practice supervisors noted. Fictional people; Dutch, residents addressed with "je".
 */
import type { ActivityCategory } from "~/lib/db/schema";

export const SPORT_CLUB = "Sportvereniging Havenstad Vooruit";
export const CULTURE_CENTRE = "Cultuurhuis De Loods";

/** The second demo practice supervisor: at the culture centre, so two partners' supervisors can be compared. */
export const LOODS_SUPERVISOR = { email: "begeleider@loods.havenstad.example", name: "Dewi Begeleider" };

/** The spring course group whose trainees are now at every step of the practice path. */
export const SPRING_COHORT = {
  name: "Groep Zuidoever",
  location: "Wijkcentrum De Zuidoever, Zuidrand",
  followUpLocation: "Sportpark Zuidrand",
};

/**
 * Where a trainee is on the path, as the demo shows it:
 * - certified: presented at the past ceremony; the certificate is issued by the certificate seed;
 * - ready: everything done but the presentation, assigned to the planned ceremony;
 * - report_submitted: hours done, activity evaluated, final report waiting for assessment;
 * - activity_published: in placement, the practice activity approved and in the public calendar;
 * - minor_in_review: the 14-year-old demo trainee, hours outside the allowed times, activity in review;
 * - returned: in placement, one entry returned with a comment, the activity sent back for changes;
 * - stalled: in placement, nothing logged for five weeks;
 * - awaiting_supervisor / overdue: the proposal is shared and waits for the supervisor's answer;
 * - awaiting_guardian / awaiting_self: the proposal waits for consent to share.
 */
export type PracticeStage =
  | "certified"
  | "ready"
  | "report_submitted"
  | "activity_published"
  | "minor_in_review"
  | "returned"
  | "stalled"
  | "awaiting_supervisor"
  | "overdue"
  | "awaiting_guardian"
  | "awaiting_self";

export interface DemoPracticeActivity {
  title: string;
  description: string;
  category: ActivityCategory;
  idea: string;
  goal: string;
  targetGroup: string;
  minAge: number | null;
  maxAge: number | null;
  capacity: number;
  location: string;
  /** Local start time and length in minutes. */
  time: string;
  minutes: number;
  evaluation?: { turnout: number; wentWell: string; doDifferently: string };
  /** The reviewer's comment when they asked for changes. */
  changesRequested?: string;
}

export interface DemoPracticeTrainee {
  name: string;
  email: string;
  /** Age on the course group's first day. */
  age: number;
  /** Days between their birthday and the course group's first day (keeps the 14-year-old 14 today). */
  birthdayDaysBefore: number;
  neighbourhood: string;
  partner: typeof SPORT_CLUB | typeof CULTURE_CENTRE;
  stage: PracticeStage;
  goals: string[];
  observations: string;
  proposalNote: string;
  activity?: DemoPracticeActivity;
  report?: string;
  presentationTitle?: string;
  notes?: string[];
}

export const PRACTICE_TRAINEES: DemoPracticeTrainee[] = [
  {
    name: "Chris Citytrainer",
    email: "citytrainer@buurtkracht.example",
    age: 19,
    birthdayDaysBefore: 120,
    neighbourhood: "Zuidrand",
    partner: SPORT_CLUB,
    stage: "certified",
    goals: ["Zelfstandig een training voor een groep van vijftien kinderen leiden.", "Ouders betrekken bij wat hun kinderen op het veld doen."],
    observations: "Chris neemt makkelijk de leiding en houdt rekening met kinderen die minder snel zijn. Let nog op de tijd.",
    proposalNote: "Chris wil graag bij de jeugd van de club meelopen. Op woensdagmiddag is er een groep die extra handen kan gebruiken.",
    activity: {
      title: "Zomerspelen op het Zuidrandveld",
      description: "Een middag vol spellen voor kinderen uit Zuidrand: estafettes, trefbal en een stormbaan. Je hoeft geen lid van een club te zijn; neem een flesje water mee.",
      category: "sport",
      idea: "Een sportmiddag op het veld achter het wijkcentrum, met spellen die ik bij de club heb geleerd.",
      goal: "Kinderen die nog niet sporten laten kennismaken met bewegen in een groep.",
      targetGroup: "Kinderen van 7 tot 12 jaar uit Zuidrand",
      minAge: 7,
      maxAge: 12,
      capacity: 30,
      location: "Grasveld achter Wijkcentrum De Zuidoever",
      time: "14:00",
      minutes: 120,
      evaluation: {
        turnout: 26,
        wentWell: "De kinderen deden allemaal mee en twee ouders hielpen spontaan met de stormbaan.",
        doDifferently: "Ik zou de estafette korter maken: de jongste kinderen moesten te lang wachten.",
      },
    },
    report: "In mijn praktijk bij Havenstad Vooruit heb ik elke woensdag meegetraind met de jeugd onder 10. Eerst keek ik vooral, daarna nam ik de warming-up over en later hele trainingen. Mijn eigen activiteit, de zomerspelen, trok 26 kinderen. Ik heb geleerd dat een goede voorbereiding het verschil maakt en dat je kinderen het best bereikt via hun ouders.",
    presentationTitle: "Van meelopen naar zelf trainen",
    notes: [
      "Chris heeft vandaag voor het eerst de hele training geleid. Goede opbouw, duidelijke uitleg.",
      "Besproken hoe Chris ouders aanspreekt die aan de kant staan. Volgende keer zelf proberen.",
    ],
  },
  {
    name: "Joris van Dam",
    email: "joris.vandam@voorbeeld.example",
    age: 23,
    birthdayDaysBefore: 200,
    neighbourhood: "Oude Dijk",
    partner: CULTURE_CENTRE,
    stage: "certified",
    goals: ["Een dansworkshop voor tieners opzetten en leiden.", "Samenwerken met de vaste docenten van De Loods."],
    observations: "Joris is creatief en enthousiast. Kan nog beter plannen en afspraken op papier zetten.",
    proposalNote: "Joris danst al jaren en past goed bij de streetdancegroep op donderdag.",
    activity: {
      title: "Streetdance battle voor tieners",
      description: "Laat zien wat je kunt in een vriendelijke battle. Eerst oefenen we samen een uur, daarna dansen de teams tegen elkaar. Publiek mag komen kijken.",
      category: "culture",
      idea: "Een battle waarin tieners uit verschillende wijken elkaar ontmoeten.",
      goal: "Tieners die thuis dansen een podium geven en ze met elkaar in contact brengen.",
      targetGroup: "Tieners van 12 tot 17 jaar",
      minAge: 12,
      maxAge: 17,
      capacity: 24,
      location: "Cultuurhuis De Loods, grote zaal",
      time: "15:00",
      minutes: 150,
      evaluation: {
        turnout: 19,
        wentWell: "De sfeer was goed en de jongeren moedigden elkaar aan, ook over de wijken heen.",
        doDifferently: "Eerder beginnen met werven op scholen: de meeste aanmeldingen kwamen in de laatste week.",
      },
    },
    report: "Bij De Loods heb ik de streetdancegroep op donderdag begeleid en geholpen bij de voorstelling in september. Mijn battle bracht jongeren uit drie wijken samen. Ik heb geleerd om een draaiboek te maken en dat af te stemmen met de docenten.",
    presentationTitle: "Dansen over de wijkgrens",
    notes: ["Joris heeft het draaiboek voor de battle rond. Nog afspreken wie de muziek regelt.", "Mooie afsluiting van de voorstelling; Joris hield de groep rustig achter de coulissen."],
  },
  {
    // The organiser of the demo (organisator@, README): certified, 17 today, trusted by the project leader (seed-organisers.server.ts).
    name: "Oscar Organisator",
    email: "organisator@buurtkracht.example",
    age: 16,
    birthdayDaysBefore: 200,
    neighbourhood: "Havenkwartier",
    partner: CULTURE_CENTRE,
    stage: "certified",
    goals: ["Een muziekmiddag voor jongeren uit de wijk organiseren.", "Andere jongeren overhalen om zelf iets te organiseren."],
    observations: "Oscar heeft veel contacten in de wijk en krijgt mensen makkelijk mee. Let op dat hij ook anderen taken geeft.",
    proposalNote: "Oscar maakt muziek en wil graag bij de jongerenavonden van De Loods meedraaien.",
    activity: {
      title: "Open podium in De Loods",
      description: "Zing, rap of speel een nummer op het open podium. Oefenen mag vanaf 15:00, om 16:00 begint de show. Publiek is welkom.",
      category: "culture",
      idea: "Een open podium waar jongeren uit de wijk voor het eerst voor publiek optreden.",
      goal: "Jongeren die thuis muziek maken een podium geven en laten zien dat De Loods er ook voor hen is.",
      targetGroup: "Jongeren van 12 tot 18 jaar uit Havenkwartier",
      minAge: 12,
      maxAge: 18,
      capacity: 40,
      location: "Cultuurhuis De Loods, kleine zaal",
      time: "15:00",
      minutes: 150,
      evaluation: {
        turnout: 31,
        wentWell: "Elf jongeren traden op, van wie zeven voor het eerst. Het publiek bleef tot het eind.",
        doDifferently: "Een vaste volgorde maken: nu wachtten sommige optredens te lang.",
      },
    },
    report: "Bij De Loods heb ik de jongerenavonden op vrijdag mee georganiseerd. Mijn open podium trok 31 jongeren, van wie elf optraden. Ik heb geleerd dat je mensen het best bereikt door ze persoonlijk te vragen, en dat je taken moet verdelen.",
    presentationTitle: "Iedereen een podium",
    notes: ["Oscar heeft de hele avond geregeld, van geluid tot aankondigingen.", "Besproken hoe Oscar taken kan uitbesteden aan de andere vrijwilligers."],
  },
  {
    name: "Hatice Demir",
    email: "hatice.demir@voorbeeld.example",
    age: 20,
    birthdayDaysBefore: 90,
    neighbourhood: "De Werven",
    partner: SPORT_CLUB,
    stage: "certified",
    goals: ["Een beweegactiviteit voor meiden opzetten.", "Leren omgaan met conflicten in een groep."],
    observations: "Hatice is betrouwbaar en luistert goed. Mag vaker haar eigen mening geven.",
    proposalNote: "Hatice wil iets doen voor meiden die niet sporten. De club zoekt iemand voor het nieuwe meidenuur.",
    activity: {
      title: "Meidenuur: sporten zonder jongens",
      description: "Een uur sporten alleen voor meiden: badminton, dans en een balspel. Je kiest zelf wat je doet en niemand kijkt mee.",
      category: "sport",
      idea: "Een vast uur waarin meiden zonder publiek kunnen sporten.",
      goal: "Meer meiden uit De Werven laten bewegen.",
      targetGroup: "Meiden van 12 tot 16 jaar",
      minAge: 12,
      maxAge: 16,
      capacity: 16,
      location: "Gymzaal De Werven",
      time: "16:00",
      minutes: 60,
      evaluation: {
        turnout: 11,
        wentWell: "De meiden durfden meer dan ik had verwacht en vroegen of het vaker kan.",
        doDifferently: "Een vaste dag kiezen, zodat ze het makkelijker onthouden.",
      },
    },
    report: "Mijn praktijk ging over het meidenuur van de club. Ik heb gemerkt hoe belangrijk een veilige plek is. Ik heb geleerd een ruzie tussen twee meiden rustig uit te praten.",
    presentationTitle: "Een veilige plek om te sporten",
    notes: ["Hatice loste vandaag zelf een ruzie op. Goed gedaan, samen nabesproken."],
  },
  {
    name: "Emre Yilmaz",
    email: "emre.yilmaz@voorbeeld.example",
    age: 18,
    birthdayDaysBefore: 150,
    neighbourhood: "Havenkwartier",
    partner: SPORT_CLUB,
    stage: "ready",
    goals: ["Een voetbaltoernooi voor de buurt organiseren.", "Vrijwilligers vinden en aansturen."],
    observations: "Emre kan goed organiseren en kent veel mensen in het Havenkwartier.",
    proposalNote: "Emre speelt zelf bij Vooruit en wil de jeugd van het Havenkwartier naar de club halen.",
    activity: {
      title: "Straatvoetbaltoernooi Havenkwartier",
      description: "Teams van vier spelen korte wedstrijden op het Cruyff Court. Meld je aan als team of alleen; dan zoeken we een team voor je.",
      category: "sport",
      idea: "Een toernooi op het pleintje, met teams uit de straten van het Havenkwartier.",
      goal: "Jongeren uit de buurt kennis laten maken met de club.",
      targetGroup: "Jongeren van 10 tot 16 jaar uit het Havenkwartier",
      minAge: 10,
      maxAge: 16,
      capacity: 32,
      location: "Cruyff Court Havenkwartier",
      time: "13:00",
      minutes: 180,
      evaluation: {
        turnout: 30,
        wentWell: "Acht teams, geen ruzie en vier jongeren hebben zich daarna bij de club aangemeld.",
        doDifferently: "Meer scheidsrechters regelen: ik stond zelf te veel te fluiten.",
      },
    },
    report: "In mijn praktijk bij Havenstad Vooruit hielp ik bij de trainingen van de O13. Mijn toernooi op het Cruyff Court was de afsluiting. Ik heb geleerd vrijwilligers te vragen en taken te verdelen in plaats van alles zelf te doen.",
    presentationTitle: "Acht teams op één pleintje",
    notes: ["Emre heeft drie vrijwilligers gevonden voor het toernooi. Taken staan op papier.", "Eindverslag besproken: goed verhaal, mag iets meer over wat hij zelf leerde."],
  },
  {
    name: "Femke de Vries",
    email: "femke.devries@voorbeeld.example",
    age: 21,
    birthdayDaysBefore: 30,
    neighbourhood: "Centrum",
    partner: CULTURE_CENTRE,
    stage: "ready",
    goals: ["Een theaterworkshop voor kinderen leiden.", "Leren voor een groep te spreken."],
    observations: "Femke is rustig en zorgvuldig. Spreken voor een groep vindt ze spannend.",
    proposalNote: "Femke wil werken met kinderen en theater. De Loods heeft een kindertheatergroep op zaterdag.",
    activity: {
      title: "Kindertheater: spelen met verhalen",
      description: "Samen maken we van een bekend sprookje een eigen toneelstuk. Aan het eind spelen we het voor de ouders.",
      category: "culture",
      idea: "Een workshop waarin kinderen een sprookje naspelen en veranderen.",
      goal: "Kinderen durven laten spelen en hun eigen verhaal laten vertellen.",
      targetGroup: "Kinderen van 6 tot 10 jaar",
      minAge: 6,
      maxAge: 10,
      capacity: 15,
      location: "Cultuurhuis De Loods, studio 2",
      time: "10:30",
      minutes: 120,
      evaluation: {
        turnout: 14,
        wentWell: "De kinderen verzonnen een heel nieuw einde en de ouders waren enthousiast.",
        doDifferently: "Minder rollen maken, zodat iedereen meer tekst heeft.",
      },
    },
    report: "Bij De Loods liep ik mee met de kindertheatergroep. Mijn eigen workshop was spannend, maar het lukte om de groep te leiden. Ik heb geleerd dat ik rustiger spreek als ik goed voorbereid ben.",
    presentationTitle: "Een sprookje met een nieuw einde",
    notes: ["Femke leidde de opwarming. Ze sprak duidelijk en de kinderen luisterden goed."],
  },
  {
    name: "Mohammed Amrani",
    email: "mohammed.amrani@voorbeeld.example",
    age: 22,
    birthdayDaysBefore: 240,
    neighbourhood: "Noorderpark",
    partner: CULTURE_CENTRE,
    stage: "report_submitted",
    goals: ["Een muziekmiddag voor jongeren organiseren.", "Contact leggen met de jongerenwerkers."],
    observations: "Mohammed heeft veel ideeën. Helpt hem om ze één voor één af te maken.",
    proposalNote: "Mohammed maakt muziek en wil met de open studio van De Loods aan de slag.",
    activity: {
      title: "Beats maken in de open studio",
      description: "Maak je eigen beat op de computer van de studio. Je hoeft geen ervaring te hebben; neem je oordopjes mee.",
      category: "culture",
      idea: "Een middag in de studio waarin jongeren hun eerste beat maken.",
      goal: "Jongeren die thuis muziek maken de weg naar De Loods laten vinden.",
      targetGroup: "Jongeren van 14 tot 21 jaar",
      minAge: 14,
      maxAge: 21,
      capacity: 8,
      location: "Cultuurhuis De Loods, studio 1",
      time: "15:00",
      minutes: 120,
      evaluation: {
        turnout: 8,
        wentWell: "Vol, en twee jongeren komen nu elke week naar de open studio.",
        doDifferently: "Twee middagen plannen: er stonden vijf jongeren op de wachtlijst.",
      },
    },
    report: "In mijn praktijk bij De Loods hielp ik in de open studio. Mijn beatmiddag zat vol. Ik heb geleerd om te plannen met een lijstje en af te spreken wie wat doet.",
    notes: ["Mohammed heeft zijn eindverslag ingeleverd. Volgende week samen met de cursusleider beoordelen."],
  },
  {
    name: "Yara Bos",
    email: "yara.bos@voorbeeld.example",
    age: 19,
    birthdayDaysBefore: 60,
    neighbourhood: "De Werven",
    partner: CULTURE_CENTRE,
    stage: "activity_published",
    goals: ["Een schilderworkshop voor ouderen en kinderen samen organiseren.", "Leren een budget bij te houden."],
    observations: "Yara is creatief en werkt netjes. Mag vaker om hulp vragen.",
    proposalNote: "Yara wil jong en oud samenbrengen. De Loods heeft een atelier en een groep oudere vrijwilligers.",
    activity: {
      title: "Schilderen met opa en oma",
      description: "Kinderen en ouderen schilderen samen een groot doek over hun wijk. Je kunt samen komen of alleen; we maken duo's. Verf en schorten liggen klaar.",
      category: "culture",
      idea: "Een middag waarin kinderen en ouderen samen één groot schilderij maken.",
      goal: "Jong en oud in De Werven met elkaar in gesprek brengen.",
      targetGroup: "Kinderen vanaf 6 jaar en ouderen uit De Werven",
      minAge: 6,
      maxAge: null,
      capacity: 12,
      location: "Cultuurhuis De Loods, atelier",
      time: "14:00",
      minutes: 120,
    },
    report: "Mijn praktijk bij De Loods loopt nog. Tot nu toe heb ik in het atelier geholpen en mijn eigen workshop voorbereid.",
    notes: ["Workshop goedgekeurd en in de agenda gezet. Yara regelt de verf via het atelier.", "Budget samen doorgenomen. Yara houdt het bij in een lijstje."],
  },
  {
    name: "Mila Praktijk",
    email: "praktijk@buurtkracht.example",
    age: 14,
    birthdayDaysBefore: 60,
    neighbourhood: "Havenkwartier",
    partner: SPORT_CLUB,
    stage: "minor_in_review",
    goals: ["Een voetbalclinic voor meiden van de basisschool geven.", "Op tijd afspraken afzeggen als ik niet kan."],
    observations: "Mila is jong maar heel gemotiveerd. Ze let goed op andere kinderen.",
    proposalNote: "Mila voetbalt bij de meiden onder 15 en wil de jongste meiden helpen. Let op: Mila is 14, dus alleen overdag en niet op zondag.",
    activity: {
      title: "Voetbalclinic voor meiden",
      description: "Een ochtend voetballen voor meiden van de basisschool. Je leert passen, schieten en een trucje, en je speelt een partijtje. Voetbalschoenen mogen, gympen zijn ook goed.",
      category: "sport",
      idea: "Een clinic op zaterdagochtend, gegeven door meiden van de club.",
      goal: "Meiden van de basisschool laten zien dat voetbal ook voor hen is.",
      targetGroup: "Meiden van 8 tot 12 jaar",
      minAge: 8,
      maxAge: 12,
      capacity: 20,
      location: "Sportpark Havenstad Vooruit, veld 3",
      time: "10:00",
      minutes: 90,
    },
    notes: [
      "Mila heeft een paar uren op zondag en 's avonds ingevuld. Besproken dat dat op haar leeftijd niet mag; de uren eerst met haar ouders bespreken.",
      "Goede eerste training met de meiden onder 10. Mila bleef rustig toen het regende.",
    ],
  },
  {
    name: "Daan Verhoef",
    email: "daan.verhoef@voorbeeld.example",
    age: 17,
    birthdayDaysBefore: 250,
    neighbourhood: "Noorderpark",
    partner: SPORT_CLUB,
    stage: "returned",
    goals: ["Een hardloopgroep voor beginners begeleiden.", "Een activiteit helemaal zelf plannen."],
    observations: "Daan is sportief en behulpzaam. Schrijft nog weinig op.",
    proposalNote: "Daan loopt hard bij de atletiekafdeling en wil een beginnersgroep helpen.",
    activity: {
      title: "Hardlopen voor beginners in het Noorderpark",
      description: "In vier weken van wandelen naar een rondje park hardlopen. We lopen samen en niemand blijft achter.",
      category: "sport",
      idea: "Een korte reeks hardlooptrainingen voor buurtbewoners die nooit hardlopen.",
      goal: "Bewoners van het Noorderpark aan het bewegen krijgen.",
      targetGroup: "Volwassenen die willen beginnen met hardlopen",
      minAge: 16,
      maxAge: null,
      capacity: 15,
      location: "Ingang Noorderpark bij de speeltuin",
      time: "19:00",
      minutes: 60,
      changesRequested: "Goed plan. Schrijf nog op wat je doet als het regent en wie er meeloopt als jij ziek bent.",
    },
    report: "Mijn eindverslag, eerste versie. Ik help elke dinsdag bij de beginnersgroep van de atletiekafdeling.",
    notes: ["Daan heeft twee keer uren ingevuld zonder te zeggen wat hij deed. Eén regel teruggestuurd met uitleg."],
  },
  {
    name: "Lotte Hendriks",
    email: "lotte.hendriks@voorbeeld.example",
    age: 16,
    birthdayDaysBefore: 100,
    neighbourhood: "Zuidrand",
    partner: SPORT_CLUB,
    stage: "stalled",
    goals: ["Een zwemmiddag voor kinderen helpen organiseren.", "Vaker zelf contact opnemen met mijn begeleider."],
    observations: "Lotte is vriendelijk en goed met kleine kinderen. Heeft het druk met school.",
    proposalNote: "Lotte wil met kinderen werken. De club zoekt hulp bij de peutergym op zaterdag.",
    notes: ["Lotte is al een tijd niet geweest. Gebeld met Lotte: ze heeft het druk met toetsen. Na de toetsweek opnieuw afspreken."],
  },
  {
    name: "Bilal Chaouch",
    email: "bilal.chaouch@voorbeeld.example",
    age: 17,
    birthdayDaysBefore: 20,
    neighbourhood: "Oude Dijk",
    partner: SPORT_CLUB,
    stage: "awaiting_supervisor",
    goals: ["Een basketbaltraining voor tieners geven.", "Leren uitleggen aan een groep."],
    observations: "Bilal is een natuurlijke leider op het veld. Moet nog leren geduld te hebben met beginners.",
    proposalNote: "Bilal basketbalt op het pleintje aan de Oude Dijk en wil de basketbalafdeling helpen met de jeugd. Dinsdag en donderdag na school kan hij.",
  },
  {
    name: "Anouk Visser",
    email: "anouk.visser@voorbeeld.example",
    age: 24,
    birthdayDaysBefore: 180,
    neighbourhood: "Centrum",
    partner: CULTURE_CENTRE,
    stage: "overdue",
    goals: ["Een fotoproject met bewoners opzetten.", "Een tentoonstelling organiseren."],
    observations: "Anouk fotografeert goed en kan mensen op hun gemak stellen.",
    proposalNote: "Anouk wil een fotoproject over de wijk maken. Bij Havenstad Vooruit paste het niet; de fotowerkplaats van De Loods lijkt een betere plek.",
  },
  {
    name: "Ilias Bakkali",
    email: "ilias.bakkali@voorbeeld.example",
    age: 14,
    birthdayDaysBefore: 30,
    neighbourhood: "Havenkwartier",
    partner: SPORT_CLUB,
    stage: "awaiting_guardian",
    goals: ["Helpen bij de trainingen van de jongste jeugd.", "Op tijd komen."],
    observations: "Ilias is vrolijk en doet overal aan mee. Is soms te laat.",
    proposalNote: "Ilias wil bij de jongste jeugd helpen op woensdagmiddag. Hij is 14: alleen overdag, niet op zondag.",
  },
  {
    name: "Noa Kramer",
    email: "noa.kramer@voorbeeld.example",
    age: 18,
    birthdayDaysBefore: 210,
    neighbourhood: "De Werven",
    partner: CULTURE_CENTRE,
    stage: "awaiting_self",
    goals: ["Een voorleesmiddag voor peuters opzetten.", "Samenwerken met de bibliotheek."],
    observations: "Noa leest graag voor en is geduldig.",
    proposalNote: "Noa wil voorlezen aan peuters. De Loods heeft op woensdagochtend een peuterochtend.",
  },
];

/** What the trainees wrote when they logged practice hours, per kind of partner. */
export const HOUR_DESCRIPTIONS = {
  [SPORT_CLUB]: [
    "Meegeholpen bij de training van de jeugd onder 10.",
    "Warming-up geleid en de oefeningen klaargezet.",
    "Een partijtje gefloten en na afloop de ballen opgeruimd.",
    "Met de trainer de training van volgende week voorbereid.",
    "Geholpen bij de thuiswedstrijden van de jeugd.",
    "Een groepje kinderen apart begeleid bij de oefenstof.",
  ],
  [CULTURE_CENTRE]: [
    "Meegeholpen in de les en materiaal klaargezet.",
    "De zaal ingericht en deelnemers ontvangen.",
    "Met de docent de les van volgende week voorbereid.",
    "Een groepje deelnemers apart begeleid.",
    "Geholpen bij de voorstelling: opbouwen en afbreken.",
    "Affiches gemaakt en opgehangen in de wijk.",
  ],
} as const;

export const ACTIVITY_PREPARATION = "Mijn eigen activiteit voorbereid: materiaal geregeld en de ruimte afgesproken.";
export const ACTIVITY_HOURS = "Mijn eigen activiteit gegeven.";

/** The minor's entries outside the allowed times (the hours guard warns about both). */
export const MINOR_OUT_OF_HOURS = {
  sunday: "Geholpen bij het jeugdtoernooi op zondag: ballen uitgedeeld en de stand bijgehouden.",
  evening: "Na de training van de meiden onder 15 nog geholpen met opruimen en de kleedkamers.",
};

export const RETURNED_COMMENT = "Schrijf nog op wat je hebt gedaan: 'geholpen' is te kort om af te tekenen.";
export const DECLINE_REASON = "Wij zijn een sportclub en hebben geen fotografiegroep: we hebben geen plek waar Anouk haar fotoproject kan doen.";

export const PLANNED_CEREMONY = {
  title: "Eindpresentaties Citytrainers Havenstad",
  location: "Cultuurhuis De Loods, grote zaal",
  programme:
    "19:00 Inloop met koffie en thee\n19:15 Welkom door de projectleider\n19:30 Eindpresentaties van de Citytrainers\n20:30 Uitreiking van de certificaten en een drankje",
  description:
    "De nieuwe Citytrainers van Havenstad laten zien wat ze in hun praktijk hebben gedaan. Familie, vrienden en buren zijn welkom. Meld je aan, dan weten we hoeveel stoelen we neerzetten.",
};

export const PAST_CEREMONY = {
  title: "Eindpresentaties Citytrainers najaar",
  location: "Sporthal Zuidrand, kantine",
  programme: "19:00 Inloop\n19:30 Eindpresentaties\n20:30 Uitreiking en afsluiting",
  description: "De Citytrainers van het voorjaar presenteren hun praktijk. Iedereen is welkom om te komen kijken.",
};

export const REVOCATION_REASON = "Ingetrokken door de gemeente Havenstad na een melding die nog wordt onderzocht.";
