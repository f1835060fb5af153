/**
 * What the demo's course tracks say: competences with their rubrics and lesson modules, written
 * in our own words and in the house style (docs/writing.md). Pure data; seed-training.server.ts
 * writes it into the database.
 */

/** The rubric every demo competence uses: four levels, from first steps to an example for others. */
export const LEVEL_NAMES = ["Beginnend", "Op weg", "Zelfstandig", "Voorbeeld voor anderen"] as const;

export interface DemoCompetence {
  name: string;
  description: string;
  /** One description per level of LEVEL_NAMES, lowest first. */
  levels: readonly [string, string, string, string];
}

export const COMPETENCES = {
  leadGroup: {
    name: "Een groep begeleiden",
    description: "Je leidt een groep bij sport en spel, zodat iedereen mee kan doen.",
    levels: [
      "Je doet mee met een groep die iemand anders leidt. Je helpt als dat gevraagd wordt.",
      "Je leidt een deel van een training. Soms heb je hulp nodig om de groep bij elkaar te houden.",
      "Je leidt zelf een hele training. Je past de oefeningen aan als de groep dat nodig heeft.",
      "Je leidt ook een lastige groep rustig. Andere cursisten leren van hoe jij dat doet.",
    ],
  },
  leadCreative: {
    name: "Een creatieve activiteit begeleiden",
    description: "Je begeleidt een groep bij muziek, dans, theater, kunst of samen koken.",
    levels: [
      "Je helpt bij een creatieve activiteit die iemand anders leidt.",
      "Je leidt een korte opdracht. Soms heb je hulp nodig om iedereen erbij te houden.",
      "Je leidt een hele workshop. Iedereen krijgt ruimte voor een eigen idee.",
      "Je bedenkt nieuwe vormen en helpt anderen hun eigen workshop te maken.",
    ],
  },
  leadGames: {
    name: "Spelletjes begeleiden",
    description: "Je begeleidt jongere kinderen bij een spel op het schoolplein of in de wijk.",
    levels: [
      "Je kent de regels van een spel en speelt mee.",
      "Je legt een spel uit aan een klein groepje. De cursusleider helpt je daarbij.",
      "Je legt zelf een spel uit en zorgt dat iedereen meedoet.",
      "Je bedenkt een nieuw spel en helpt andere kinderen om het te leiden.",
    ],
  },
  organise: {
    name: "Een activiteit organiseren",
    description: "Je bedenkt een activiteit voor de buurt en zorgt dat die doorgaat.",
    levels: [
      "Je hebt een idee voor een activiteit. Je kunt vertellen voor wie die is.",
      "Je maakt een plan met datum, plek en doelgroep. Je weet nog niet altijd wat je moet regelen.",
      "Je regelt een activiteit van begin tot eind: plek, materiaal, aanmelden en wie er helpt.",
      "Je organiseert activiteiten samen met partners. Je helpt anderen hun eerste activiteit te plannen.",
    ],
  },
  cooperate: {
    name: "Samenwerken",
    description: "Je werkt samen met andere cursisten, partners en bewoners.",
    levels: [
      "Je werkt mee als iemand je dat vraagt. Je zegt nog weinig in de groep.",
      "Je doet actief mee en houdt je aan afspraken. Je zegt het als iets niet lukt.",
      "Je maakt zelf afspraken met anderen en komt ze na. Je luistert naar de ideeën van anderen.",
      "Je brengt mensen bij elkaar. Als de groep het oneens is, zoek je samen een oplossing.",
    ],
  },
  communicate: {
    name: "Mensen bereiken",
    description: "Je vertelt duidelijk wat je doet en nodigt mensen uit om mee te doen.",
    levels: [
      "Je vertelt in je eigen woorden wat je wilt doen, aan mensen die je kent.",
      "Je nodigt bewoners uit voor een activiteit, met een flyer of een bericht.",
      "Je spreekt bewoners en partners aan die je nog niet kent. Je legt duidelijk uit wat je aanbiedt.",
      "Je vertelt over je activiteit voor een groep en maakt mensen echt enthousiast.",
    ],
  },
  safety: {
    name: "Veilig en verantwoordelijk",
    description: "Je zorgt dat iedereen veilig mee kan doen, en je kent je eigen grenzen.",
    levels: [
      "Je kent de afspraken over veiligheid en houdt je eraan.",
      "Je ziet wanneer iets gevaarlijk is en meldt dat bij de cursusleider.",
      "Je zorgt zelf voor een veilige plek. Je weet wat je doet bij een blessure of ruzie.",
      "Je denkt vooruit over wat er mis kan gaan. Je maakt daar afspraken over met partners.",
    ],
  },
  reflect: {
    name: "Terugkijken en leren",
    description: "Je kijkt terug op wat je deed en leert ervan.",
    levels: [
      "Je vertelt wat je deed en wat je ervan vond.",
      "Je noemt wat goed ging en wat beter kan, als iemand ernaar vraagt.",
      "Je kijkt na elke activiteit zelf terug. De volgende keer pak je het anders aan.",
      "Je vraagt anderen om feedback en helpt andere cursisten met terugkijken.",
    ],
  },
  network: {
    name: "Netwerken in de wijk",
    description: "Je kent de mensen en organisaties in je wijk en werkt met ze samen.",
    levels: [
      "Je kent een paar plekken en mensen in de wijk waar je terechtkunt.",
      "Je weet welke partners er zijn. Je neemt zelf contact op met een van hen.",
      "Je werkt voor een activiteit samen met een partner en met bewoners die je zelf vond.",
      "Je brengt partners en bewoners met elkaar in contact, ook buiten je eigen activiteiten.",
    ],
  },
} satisfies Record<string, DemoCompetence>;
export type CompetenceId = keyof typeof COMPETENCES;

export interface DemoModule {
  title: string;
  goal: string;
  content: string;
}

const meetYourTalent: DemoModule = {
  title: "Kennismaken en je eigen talent",
  goal: "Je kent de groep en weet wat jouw talent is.",
  content:
    "We leren elkaar kennen met spelletjes en korte gesprekken. Je vertelt waar je goed in bent en wat je graag doet. Aan het eind schrijf je je eigen talent op in je ontwikkelplan.",
};
const exploreNeighbourhood: DemoModule = {
  title: "Je wijk verkennen",
  goal: "Je weet wat er in je wijk te doen is en wat er nog mist.",
  content:
    "We lopen samen door de wijk en praten met bewoners. Je zoekt uit welke plekken, partners en activiteiten er al zijn. Daarna kies je waar jij iets wilt toevoegen.",
};
const ideaToPlan: DemoModule = {
  title: "Van idee naar plan",
  goal: "Je maakt een plan voor je eigen activiteit.",
  content:
    "Je werkt je idee uit: voor wie is het, waar, wanneer en wat heb je nodig? Je oefent met het planformulier in Buurtkracht. De cursusleider en de groep geven je tips.",
};
const reachResidents: DemoModule = {
  title: "Bewoners bereiken",
  goal: "Je weet hoe je mensen uitnodigt voor je activiteit.",
  content:
    "We oefenen hoe je bewoners aanspreekt, op straat en online. Je maakt een flyer of bericht voor je activiteit. We praten ook over mensen die nog nooit meededen: hoe bereik je hen?",
};
const safeAndRespectful: DemoModule = {
  title: "Veilig en met respect",
  goal: "Je weet hoe je zorgt dat iedereen zich veilig voelt.",
  content:
    "We bespreken afspraken over veiligheid, eerste hulp en omgaan met ruzie. In rollenspellen oefen je met lastige situaties. Je weet wanneer je hulp vraagt en bij wie.",
};
const lookBack: DemoModule = {
  title: "Terugkijken en vooruitkijken",
  goal: "Je kijkt terug op de cursus en weet wat je volgende stap is.",
  content:
    "Je laat zien wat je hebt geleerd en bespreekt je ontwikkelplan. We bereiden de stap naar je praktijkplek voor. Samen vieren we wat de groep heeft bereikt.",
};

export interface DemoTrack {
  name: string;
  description: string;
  minAge: number;
  maxAge: number | null;
  guardianConsentBelowAge: number;
  meetingMinutes?: number;
  followUpMinutes?: number;
  competences: CompetenceId[];
  modules: DemoModule[];
}

export const TRACKS = {
  train: {
    name: "Ik train mijn stad",
    description:
      "Voor bewoners vanaf 14 jaar die sport en bewegen in hun wijk willen organiseren. In 7 bijeenkomsten en 2 terugkomdagen leer je een groep begeleiden en zet je je eigen sportactiviteit op.",
    minAge: 14,
    maxAge: null,
    guardianConsentBelowAge: 16,
    competences: ["leadGroup", "organise", "cooperate", "communicate"],
    modules: [
      meetYourTalent,
      exploreNeighbourhood,
      {
        title: "Een training geven",
        goal: "Je geeft een korte training aan de groep.",
        content:
          "Je leert hoe je een training opbouwt: warming-up, kern en afsluiting. Je oefent met uitleggen, voordoen en aanmoedigen. Iedereen geeft een stukje training aan de rest van de groep.",
      },
      ideaToPlan,
      reachResidents,
      safeAndRespectful,
      lookBack,
    ],
  },
  make: {
    name: "Ik maak mijn stad",
    description:
      "Voor bewoners vanaf 14 jaar die iets met cultuur of welzijn in hun wijk willen doen: muziek, theater, kunst, samen koken of een buurtmaaltijd. In 7 bijeenkomsten en 2 terugkomdagen zet je je eigen activiteit op.",
    minAge: 14,
    maxAge: null,
    guardianConsentBelowAge: 16,
    competences: ["leadCreative", "organise", "cooperate", "communicate", "reflect"],
    modules: [
      meetYourTalent,
      exploreNeighbourhood,
      {
        title: "Een workshop geven",
        goal: "Je begeleidt een korte creatieve workshop.",
        content:
          "Je leert hoe je een workshop opbouwt en hoe je iedereen laat meedoen, ook wie verlegen is. Je probeert verschillende vormen uit: muziek, tekenen, koken of toneel. Daarna geef je zelf een korte workshop.",
      },
      ideaToPlan,
      reachResidents,
      safeAndRespectful,
      lookBack,
    ],
  },
  junior: {
    name: "Junior",
    description:
      "Voor kinderen van 10 tot en met 13 jaar op de basisschool. Ze leren spelletjes begeleiden op het schoolplein en helpen bij activiteiten in de wijk. Een ouder of voogd geeft eerst toestemming.",
    minAge: 10,
    maxAge: 13,
    guardianConsentBelowAge: 16,
    meetingMinutes: 90,
    followUpMinutes: 180,
    competences: ["leadGames", "cooperate", "communicate", "safety"],
    modules: [
      {
        title: "Wie ben jij?",
        goal: "Je kent de groep en weet waar je goed in bent.",
        content: "We spelen kennismakingsspelletjes. Je vertelt wat je leuk vindt en waar je goed in bent. Je maakt een poster over jezelf.",
      },
      {
        title: "Ons schoolplein",
        goal: "Je weet welke spelletjes kinderen op het plein graag doen.",
        content: "We kijken op het schoolplein wat kinderen in de pauze doen. Je vraagt jongere kinderen wat ze graag zouden spelen.",
      },
      {
        title: "Een spel uitleggen",
        goal: "Je legt een spel zo uit dat iedereen het snapt.",
        content: "Je oefent met kort en duidelijk uitleggen en met voordoen. Je legt een spel uit aan de groep en hoort wat goed ging.",
      },
      {
        title: "Samen een spelmiddag plannen",
        goal: "Je maakt met de groep een plan voor een spelmiddag.",
        content: "We kiezen samen spelletjes, een plek en een tijd. Iedereen krijgt een taak: uitleggen, materiaal klaarzetten of de tijd bewaken.",
      },
      {
        title: "Iedereen doet mee",
        goal: "Je zorgt dat ook stille kinderen meedoen.",
        content: "We praten over hoe het voelt als je niet mee mag doen. Je bedenkt manieren om iedereen een plek te geven in het spel.",
      },
      {
        title: "Veilig spelen",
        goal: "Je weet wat je doet als iemand zich pijn doet of als er ruzie is.",
        content: "Je leert welke afspraken er zijn over veilig spelen. Je oefent wat je doet bij een val of ruzie, en wanneer je een volwassene haalt.",
      },
      {
        title: "Onze spelmiddag",
        goal: "Je begeleidt met de groep een spelmiddag voor jongere kinderen.",
        content: "We voeren de spelmiddag uit die we samen hebben gepland. Daarna kijken we terug: wat ging goed en wat doen we de volgende keer anders?",
      },
    ],
  },
  adults: {
    name: "Volwassenen",
    description:
      "Voor bewoners vanaf 18 jaar die activiteiten in hun wijk willen organiseren en andere bewoners willen betrekken. Je leert samenwerken met partners en je eigen netwerk in de wijk gebruiken.",
    minAge: 18,
    maxAge: null,
    guardianConsentBelowAge: 16,
    competences: ["organise", "network", "cooperate", "communicate", "reflect"],
    modules: [
      meetYourTalent,
      exploreNeighbourhood,
      {
        title: "Partners in de wijk",
        goal: "Je weet welke partners er zijn en wat ze voor je kunnen doen.",
        content:
          "Partners uit de wijk vertellen wat ze doen: een sportclub, de bibliotheek, het welzijnswerk. Je bedenkt met wie jij zou willen samenwerken en maakt een eerste afspraak.",
      },
      ideaToPlan,
      reachResidents,
      safeAndRespectful,
      lookBack,
    ],
  },
} satisfies Record<string, DemoTrack>;

/** What version 2 of "Ik train mijn stad" changes: module 6 rewritten and a fifth competence. */
export const TRAIN_VERSION_2 = {
  changeNote:
    "Nieuwe competentie: Veilig en verantwoordelijk. Module 6 gaat nu ook over eerste hulp bij sportblessures en over een veilige sportplek.",
  extraCompetence: "safety" as CompetenceId,
  changedModulePosition: 6,
  changedModule: {
    title: "Veilig sporten",
    goal: "Je weet hoe je een sportactiviteit veilig houdt, ook als er iets misgaat.",
    content:
      "Je leert eerste hulp bij veelvoorkomende sportblessures. Je controleert een sportplek op gevaren en maakt afspraken met de groep. In rollenspellen oefen je met ruzie en met een ongeluk. Je weet wanneer je hulp vraagt en bij wie.",
  } satisfies DemoModule,
};

/** Havenstad's own addition to its copy of "Ik train mijn stad". */
export const HAVENSTAD_OWN_MODULE: DemoModule = {
  title: "Sporten in Havenstad",
  goal: "Je kent de sportpartners in Havenstad en weet waar je als Citytrainer kunt helpen.",
  content:
    "Sportvereniging Havenstad Vooruit vertelt hoe een club werkt. Je kijkt mee bij een training op het sportpark. De afdeling Sport en Bewegen vertelt hoe de gemeente sport in de wijk steunt.",
};

/** Short notes a course leader writes with a level, by level (lowest first). */
export const NARRATIVES: readonly (readonly string[])[] = [
  [
    "Doet mee, maar neemt nog weinig initiatief. Volgende stap: zelf een klein onderdeel voorbereiden.",
    "Kijkt nog veel naar anderen. Heeft meer oefening nodig, en dat weet deze cursist ook.",
    "Is hier nog mee bezig. Durft het wel, maar laat het nog vaak aan een ander over.",
  ],
  [
    "Zet goede stappen. Durft steeds vaker voor de groep te staan.",
    "Gaat vooruit sinds de eerste bijeenkomst. Vraagt zelf om tips en gebruikt ze ook.",
    "Lukt meestal goed. Bij onverwachte dingen is nog wat hulp nodig.",
  ],
  [
    "Doet dit zelfstandig en goed. Kan andere cursisten hierin helpen.",
    "Sterk punt. Past de aanpak zelf aan als het anders loopt dan gepland.",
    "Gaat er rustig en zeker mee om. Klaar voor de praktijk.",
  ],
  [
    "Een voorbeeld voor de groep. Anderen vragen deze cursist om hulp.",
    "Laat zien hoe het moet, ook in lastige situaties. Mooi om te zien.",
    "Uitstekend. Helpt anderen om hier ook beter in te worden.",
  ],
];

export interface DemoTrainee {
  name: string;
  email: string;
  age: number;
  neighbourhood: string;
  ownTalent: string;
  ownStory: string;
  challenges: string;
  observations: string;
  goals: { description: string; status: "open" | "working_on" | "achieved" | "dropped" }[];
}

/** The twelve trainees of the running cohort; the first is the demo trainee account. */
export const RUNNING_TRAINEES: DemoTrainee[] = [
  {
    name: "Kim Cursist",
    email: "cursist@buurtkracht.example",
    age: 17,
    neighbourhood: "Havenkwartier",
    ownTalent: "Ik kan goed uitleggen en ik blijf rustig als het druk is.",
    ownStory: "Ik voetbal al tien jaar. Ik help op zaterdag bij de jongste jeugd en wil dat ook in mijn eigen buurt doen.",
    challenges: "Ik vind het spannend om mensen aan te spreken die ik niet ken.",
    observations: "Kim pakt snel op wat we oefenen en helpt anderen vanzelf. Mag nog meer durven bij onbekende bewoners.",
    goals: [
      { description: "Een voetbaltraining geven aan kinderen van 8 tot 12 jaar op het Cruyff Court.", status: "working_on" },
      { description: "Drie bewoners die ik niet ken zelf uitnodigen voor mijn activiteit.", status: "open" },
      { description: "Een warming-up leiden voor de hele cursusgroep.", status: "achieved" },
    ],
  },
  {
    name: "Amira El Idrissi",
    email: "amira.elidrissi@voorbeeld.example",
    age: 16,
    neighbourhood: "Noorderpark",
    ownTalent: "Dansen en mensen enthousiast maken.",
    ownStory: "Ik geef al dansles aan mijn nichtjes. Ik wil een danscircuit in het park voor meiden uit de buurt.",
    challenges: "Plannen: ik begin vaak te laat.",
    observations: "Veel energie in de groep. Werkt aan een planning voor haar danscircuit.",
    goals: [
      { description: "Een planning maken voor het danscircuit, met data en een plek.", status: "working_on" },
      { description: "Samenwerken met het jongerenwerk voor de muziekinstallatie.", status: "open" },
    ],
  },
  {
    name: "Daan de Wit",
    email: "daan.dewit@voorbeeld.example",
    age: 19,
    neighbourhood: "De Werven",
    ownTalent: "Ik ben sportief en handig met materiaal.",
    ownStory: "Ik werk bij de fietsenmaker en sport elke dag. Ik wil een bootcamp voor jongeren opzetten.",
    challenges: "Ik praat liever niet voor een groep.",
    observations: "Bereidt goed voor. Tijdens de oefening voor de groep werd Daan steeds rustiger.",
    goals: [
      { description: "Een bootcamp van 45 minuten geven aan de cursusgroep.", status: "working_on" },
      { description: "Een flyer maken en in de buurt ophangen.", status: "achieved" },
    ],
  },
  {
    name: "Fatima Yilmaz",
    email: "fatima.yilmaz@voorbeeld.example",
    age: 22,
    neighbourhood: "Centrum",
    ownTalent: "Ik luister goed en mensen vertrouwen me.",
    ownStory: "Ik zag hoe mijn moeder na haar verhuizing alleen thuis zat. Ik wil wandelgroepen voor vrouwen in de wijk.",
    challenges: "Ik zeg snel ja en neem dan te veel op me.",
    observations: "Sterk in contact met bewoners. We letten samen op haar grenzen.",
    goals: [
      { description: "Een wekelijkse wandelgroep starten met vijf vrouwen.", status: "working_on" },
      { description: "Een taak overdragen aan een andere vrijwilliger.", status: "open" },
      { description: "Contact leggen met Welzijn Havenstad.", status: "achieved" },
    ],
  },
  {
    name: "Jayden Koster",
    email: "jayden.koster@voorbeeld.example",
    age: 15,
    neighbourhood: "Zuidrand",
    ownTalent: "Basketbal.",
    ownStory: "Ik speel elke middag op het veldje achter school. Ik wil een toernooi voor de buurt.",
    challenges: "Op tijd komen en afspraken nakomen naast school.",
    observations: "Twee bijeenkomsten gemist. Gesprek gepland over wat Jayden nodig heeft om erbij te blijven.",
    goals: [
      { description: "Een drie-tegen-drie toernooi plannen op het veldje.", status: "open" },
      { description: "Elke bijeenkomst op tijd zijn.", status: "working_on" },
    ],
  },
  {
    name: "Lotte van Dijk",
    email: "lotte.vandijk@voorbeeld.example",
    age: 18,
    neighbourhood: "Oude Dijk",
    ownTalent: "Organiseren en lijstjes maken.",
    ownStory: "Ik zit in het bestuur van de hockeyclub. Ik wil beweegochtenden voor ouderen in het buurthuis.",
    challenges: "Ik wil alles zelf doen.",
    observations: "Plant heel precies. Oefent met taken verdelen in de groep.",
    goals: [
      { description: "Een beweegochtend voor ouderen organiseren met twee helpers.", status: "working_on" },
      { description: "De taken voor de beweegochtend verdelen en niet alles zelf doen.", status: "open" },
    ],
  },
  {
    name: "Mohammed Bouzid",
    email: "mohammed.bouzid@voorbeeld.example",
    age: 20,
    neighbourhood: "Havenkwartier",
    ownTalent: "Ik kan goed met kinderen omgaan.",
    ownStory: "Ik help in de moskee bij het huiswerk. Ik wil voetbal en huiswerk combineren op woensdagmiddag.",
    challenges: "Nee zeggen tegen kinderen die de regels niet volgen.",
    observations: "Kinderen luisteren vanzelf naar Mohammed. Oefent met duidelijke grenzen.",
    goals: [
      { description: "Afspraken maken met de kinderen en die ook handhaven.", status: "working_on" },
      { description: "Een woensdagmiddag met voetbal en huiswerk plannen.", status: "open" },
    ],
  },
  {
    name: "Sanne Willems",
    email: "sanne.willems@voorbeeld.example",
    age: 16,
    neighbourhood: "Noorderpark",
    ownTalent: "Yoga en rustig blijven.",
    ownStory: "Yoga hielp mij toen ik veel stress had van school. Ik wil yoga voor tieners geven.",
    challenges: "Hard genoeg praten in een grote ruimte.",
    observations: "Rustige en duidelijke uitleg. Werkt aan stemvolume.",
    goals: [
      { description: "Een yogales van 30 minuten geven aan de cursusgroep.", status: "achieved" },
      { description: "Een plek vinden voor yoga voor tieners.", status: "working_on" },
    ],
  },
  {
    name: "Yusuf Demir",
    email: "yusuf.demir@voorbeeld.example",
    age: 23,
    neighbourhood: "De Werven",
    ownTalent: "Ik ken veel mensen in de wijk.",
    ownStory: "Ik ben opgegroeid in De Werven en ken iedereen. Ik wil dat jongeren weer op het sportveld komen.",
    challenges: "Een plan op papier zetten.",
    observations: "Groot netwerk in de wijk. We helpen met het uitschrijven van zijn plan.",
    goals: [
      { description: "Een plan voor een sportavond op papier zetten.", status: "working_on" },
      { description: "Tien jongeren uit De Werven uitnodigen.", status: "open" },
    ],
  },
  {
    name: "Noa Hendriks",
    email: "noa.hendriks@voorbeeld.example",
    age: 14,
    neighbourhood: "Centrum",
    ownTalent: "Turnen en anderen helpen.",
    ownStory: "Ik turn al zes jaar. Ik wil een turnmiddag voor kleine kinderen in de gymzaal.",
    challenges: "Ik ben de jongste en durf niet altijd iets te zeggen.",
    observations: "Doet goed mee. Gaf een mooie demonstratie in bijeenkomst 3.",
    goals: [
      { description: "Iets zeggen in elke groepsbespreking.", status: "working_on" },
      { description: "Een turnmiddag plannen met hulp van de gymleraar.", status: "open" },
    ],
  },
  {
    name: "Ravi Ramdin",
    email: "ravi.ramdin@voorbeeld.example",
    age: 17,
    neighbourhood: "Zuidrand",
    ownTalent: "Tafeltennis en techniek.",
    ownStory: "Ik speel tafeltennis op de club en wil een inloop in het buurthuis.",
    challenges: "Combineren met mijn bijbaan.",
    observations: "Twee keer afwezig zonder bericht. We bellen Ravi deze week.",
    goals: [
      { description: "Een tafeltennisinloop in het buurthuis opzetten.", status: "open" },
      { description: "Werk en cursus in een weekplanning zetten.", status: "dropped" },
    ],
  },
  {
    name: "Elif Aydın",
    email: "elif.aydin@voorbeeld.example",
    age: 21,
    neighbourhood: "Oude Dijk",
    ownTalent: "Ik kan goed tekenen en maak mooie flyers.",
    ownStory: "Ik studeer grafisch ontwerp en sport graag. Ik wil een hardloopgroep voor beginners.",
    challenges: "Geduld met mensen die langzamer gaan.",
    observations: "Maakt sterke flyers voor de hele groep. Oefent met tempo aanpassen aan beginners.",
    goals: [
      { description: "Een hardloopgroep voor beginners starten.", status: "working_on" },
      { description: "De flyers van de cursusgroep maken.", status: "achieved" },
    ],
  },
];

/** The trainees of last year's finished cohort; the first is the demo account with a certificate. */
export const FINISHED_TRAINEES: { name: string; email: string; age: number; neighbourhood: string }[] = [
  { name: "Jesse Bewijs", email: "bewijs@buurtkracht.example", age: 18, neighbourhood: "Noorderpark" },
  { name: "Tess Bakker", email: "tess.bakker@voorbeeld.example", age: 16, neighbourhood: "Centrum" },
  { name: "Omar Haddou", email: "omar.haddou@voorbeeld.example", age: 19, neighbourhood: "Havenkwartier" },
  { name: "Vera Smit", email: "vera.smit@voorbeeld.example", age: 24, neighbourhood: "Oude Dijk" },
  { name: "Sem Mulder", email: "sem.mulder@voorbeeld.example", age: 15, neighbourhood: "De Werven" },
  { name: "Zeynep Kaya", email: "zeynep.kaya@voorbeeld.example", age: 20, neighbourhood: "Zuidrand" },
  { name: "Milan Peters", email: "milan.peters@voorbeeld.example", age: 17, neighbourhood: "Noorderpark" },
  { name: "Priya Soekhoe", email: "priya.soekhoe@voorbeeld.example", age: 22, neighbourhood: "Centrum" },
];
