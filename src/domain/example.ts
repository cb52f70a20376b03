// The built-in example: KL HoS's current draft (DOMAIN.md, "The current draft"), with the
// delområden and effektmål word for word from the genomförandeplan (seed 000, section 2).
import { instructionLimit } from './priorities';
import type { Blade, Catalogue, Delomrade, Effektmal, EffektmalSikt, Ring } from './types';

export const EXAMPLE_PLAN_NAME = 'KL HoS handlingsplan 2025–2027 (utkast)';
export const EXAMPLE_VISION = 'En god och nära vård';

export const DEFAULT_BLADES: Blade[] = [
  { id: 'nara-invanaren', name: 'Nära invånaren', color: '#1f6f8b' },
  { id: 'halsoframjande', name: 'Hälsofrämjande och förebyggande', color: '#2e7d32' },
  { id: 'sammanhallen', name: 'En sammanhållen hälso- och sjukvård', color: '#8e4585' },
  { id: 'ledarskap', name: 'Ledarskap och kompetensförsörjning', color: '#b5561d' },
];

export const DEFAULT_RINGS: Ring[] = [
  { id: 'r2025', label: 'Viktiga milstolpar 2025', year: 2025 },
  { id: 'r2026', label: 'Viktiga milstolpar 2026', year: 2026 },
  { id: 'r2027', label: 'Önskad målbild 2027', year: 2027 },
];

function goals(prefix: string, sikt: EffektmalSikt, texts: string[]): Effektmal[] {
  return texts.map((text, i) => ({ id: `${prefix}-${sikt}-${i + 1}`, text, sikt }));
}

function delomrade(id: string, name: string, kort: string[], lang: string[]): Delomrade {
  return { id, name, effektmal: [...goals(id, 'kort', kort), ...goals(id, 'lang', lang)], limit: instructionLimit({ id }) };
}

export const DEFAULT_CATALOGUE: Catalogue = {
  delomraden: [
    delomrade(
      'nara-vard',
      'Nära vård',
      [
        'En ökad tillgänglighet till primärvård och nära vård',
        'En ökad tillgänglighet för den kommunala hälso- och sjukvården att få kontakt med läkare',
        'Steg tagna mot en ökad kontinuitet för patienter med långvariga behov',
        'En framtagen utbudsstuktur där vården ska vara tillgänglig för invånarna när man behöver den',
        'Det förebyggande arbetet behöver stärkas för att motverka skillnader i livsvillkor och på så sätt förbättra invånarnas hälsa.',
      ],
      [
        'Invånarna har en tillgång till vård när de behöver den',
        'Digitala möjligheter till egenvård och hälsofrämjande insatser är fullt utbyggda',
      ],
    ),
    delomrade(
      'digitalisering',
      'Digitalisering',
      [
        'Välfungerade påbörjat införande av Millenium',
        'Ökad tillgång till regiongemensamma digitala tjänster för invånarna som innebär att de kan ta mer ansvar för sin egen vård',
      ],
      [
        'Välfungerande införande av Millennium där VGR drar nytta av effekterna med ett mer sammanhållet system',
        'Tillgång till vård möter behovet. Digitalt när det är möjligt, fysiskt när de behövs',
        'Den regionala samlade kapaciteten kan nyttjas på ett effektivare sätt',
      ],
    ),
    delomrade(
      'kvalitetsdriven',
      'Kvalitetsdriven verksamhetsutveckling',
      [
        'Implementeringen av personcentrerade sammanhållna vårdförlopp och medicinska riktlinjer är välfungerande och sammanhållen',
      ],
      ['VGR:s hälso och sjukvård uppnår målen inom kvalitet och patientsäkerhet'],
    ),
    delomrade(
      'prioriteringar',
      'Prioriteringar',
      [
        'En struktur för ett samlat prioriteringsarbete är etablerad – VGR:s förmåga att leda och stimulera till innovation stärks',
      ],
      [
        'Aktivt och medvetet prioriterings- och utmönstringsarbete som vägleder vårdens inriktning och innehåll',
      ],
    ),
    delomrade(
      'kompetensforsorjning',
      'Kompetensförsörjning',
      [
        'Ökad tillgänglighet för invånarna',
        'Minskat beroende av hyrpersonal',
        'Ökad kapacitet för genomförandet av verksamhetsförlagd utbildning',
      ],
      ['Effektivare arbetssätt där vi nyttjar medarbetares kompetenser på bästa sätt'],
    ),
    delomrade(
      'barnuppdraget',
      'Barnuppdraget',
      [
        'Etablerade samverkansformer inom nära vård för barn och unga är framtagna som leder till en mer samordnad hälso- och sjukvård och ger förutsättningar för ökad samverkan med kommun och skolhuvudmän.',
        'Hälsofrämjande och förebyggande insatser med fokus på barn och unga ges i ökad grad och genom hela uppväxten.',
        'Digitala tjänster är anpassade utifrån barn och ungas behov och digitala konsultationer används i ökad grad.',
        'Tillgängligheten inom barn- och ungas hälso- och sjukvård ökar.',
        'Barn och unga är delaktiga och medskapande i sin vård och i utvecklingen av hälso- och sjukvården.',
      ],
      [
        'Hälso- och sjukvården ges samordnat och sammanhållet. Insatser och behandling ges parallellt och med rätt kompetens i rätt tid.',
        'Hälso- och sjukvården för barn och unga är tillgänglig, jämlik och kvalitetssäkrad samt kan följas via ändamålsenliga data.',
        'Systematiskt barnrättsperspektiv tillämpas i alla processer och beslut som rör barn och unga.',
        'Barns och ungas fysiska, psykiska och sociala hälsa är god i Västra Götaland, fler barn och unga fullföljer sina studier och har förutsättningar för ett gott liv.',
      ],
    ),
  ],
  kallor: [
    'Koncernkontoret',
    'KL HoS',
    'Sahlgrenska Universitetssjukhuset',
    'NU-sjukvården',
    'Skaraborgs Sjukhus',
    'Södra Älvsborgs Sjukhus',
    'Sjukhusen i Väster',
    'Primärvården',
    'Regionhälsan',
    'Folktandvården',
  ],
};

export interface ExampleItem {
  text: string;
  indikator?: { text: string; target?: number; unit?: string };
  delomraden?: string[];
  /** Effektmål ids ("<delområde>-<kort|lang>-<n>"): a reading of which goals the item serves. */
  effektmal?: string[];
}

/** Items per blade id, then per ring id, in rank order. */
export const EXAMPLE_ITEMS: Record<string, Record<string, ExampleItem[]>> = {
  'nara-invanaren': {
    r2025: [
      {
        text: 'Välfungerande samarbete mellan VGR och kommuner',
        indikator: { text: 'Utskrivningsklara patienter' },
        delomraden: ['nara-vard'],
        effektmal: ['nara-vard-kort-2'],
      },
      {
        text: 'Etablera gemensam målbild för rätt vårdnivå och hur detta ökar tillgängligheten',
        delomraden: ['nara-vard'],
      },
      { text: 'Plan för resursomfördelning och förstärkning till nära vård klar', delomraden: ['nara-vard'] },
    ],
    r2026: [
      {
        text: 'Fler patientgrupper omhändertas i nära vården',
        indikator: {
          text: 'Antal minskade remisser totalt till sjukhusen och besök till akutmottagningar',
        },
        delomraden: ['nara-vard'],
        effektmal: ['nara-vard-kort-1'],
      },
      { text: 'Xx % av resurserna är omställda till nära vård', delomraden: ['nara-vard'] },
    ],
    r2027: [{ text: 'Nära vård är invånarens självklara ingång till vården', delomraden: ['nara-vard'], effektmal: ['nara-vard-lang-1'] }],
  },
  halsoframjande: {
    r2025: [
      { text: 'En tydlig plan är förankrad för det hälsofrämjande arbetet i VGR' },
      { text: 'Hälsofrämjande samverkan sker med partners i Västra Götaland' },
      {
        text: 'Införa hälsofrämjande stöd digitalt inom ett antal områden, inklusive barnuppdraget',
        delomraden: ['digitalisering', 'barnuppdraget'],
      },
    ],
    r2026: [{ text: 'Hälsofrämjande insatser är tydligt prioriterade i budget och verksamhetsplan' }],
    r2027: [
      {
        text: 'Hälsofrämjande insatser är tydligt prioriterade i alla förvaltningar för att på sikt minska ojämlikhet i hälsa',
      },
      { text: 'Invånare och patienter tar ett större ansvar för sin egen hälsa' },
      {
        text: 'Alla barn och familjer har tillgång till stöd vid risk för ohälsa',
        delomraden: ['barnuppdraget'],
        effektmal: ['barnuppdraget-kort-2'],
      },
    ],
  },
  sammanhallen: {
    r2025: [
      { text: 'Lyckad första implementering av FVM', delomraden: ['digitalisering'], effektmal: ['digitalisering-kort-1'] },
      { text: 'Implementering av nytt ledningssystem' },
      { text: 'Beslut om organisation, mandat och grupper i ledningssystemet, internt och med partners' },
      {
        text: 'Samordningsråd och kunskapsstyrning är en beslutad organisation med tydliga uppdrag',
        delomraden: ['kvalitetsdriven'],
      },
      { text: 'FoUUI-plan för hela VGR beslutad', delomraden: ['prioriteringar'] },
    ],
    r2026: [
      {
        text: 'Mer än 30 % av alla vårdkontakter är digitala och 100 % av alla vårdinbjudningar är digitala',
        indikator: { text: 'Andel digitala vårdkontakter', target: 30, unit: '%' },
        delomraden: ['digitalisering'],
        effektmal: ['digitalisering-lang-2'],
      },
      { text: 'Samtliga samordningsråd levererar i sina uppdrag', delomraden: ['kvalitetsdriven'] },
      { text: 'Scenarier för en sammanhållen hälso- och sjukvård mot 2030–2035' },
      { text: 'Gemensam produktions- och kapacitetsplanering (KPS) är etablerad' },
    ],
    r2027: [
      { text: 'En etablerad sammanhållen ledning av hälso- och sjukvården' },
      {
        text: 'Invånarportalen är klar, med en individuellt anpassad plan',
        delomraden: ['digitalisering'],
        effektmal: ['digitalisering-kort-2'],
      },
      { text: 'Sammanhållet FoUUI-system för hela Västra Götaland', delomraden: ['prioriteringar'] },
    ],
  },
  ledarskap: {
    r2025: [
      {
        text: 'Samsyn mellan ledning, professionsföreträdare och fackliga om framtida kompetenser',
        delomraden: ['kompetensforsorjning'],
      },
      { text: 'Kompetensförsörjningsplaner utgår från framtida behov', delomraden: ['kompetensforsorjning'] },
      { text: 'Utbildningsinsatser inklusive ledarskapsutveckling utgår från VP KL HoS' },
      {
        text: 'Koncernkontor och förvaltningar arbetar mer tillsammans och beskriver konsekvenser för invånare',
      },
      { text: 'Koncerngemensam utveckling av kommunikativt ledarskap' },
    ],
    r2026: [
      {
        text: 'Ledare tar ansvar för alla perspektiv i sin uppföljning (kvalitet, tillgänglighet, personal, ekonomi)',
      },
      { text: 'Växeltjänster mellan förvaltningar', delomraden: ['kompetensforsorjning'] },
      { text: 'Ökat erfarenhetsutbyte mellan ledare' },
      { text: 'Alla chefer och medarbetare förstår varför omställningen genomförs' },
    ],
    r2027: [
      { text: 'Tydligt invånarfokus hos medarbetare och chefer' },
      { text: 'Vi leder med delaktighet och beslut nära berörd verksamhet' },
      { text: 'Tillit och ansvar bär ledarskap och medarbetarskap' },
      {
        text: 'Stärkt attraktionskraft genom kompetensförsörjning baserad på framtidens villkor',
        delomraden: ['kompetensforsorjning'],
      },
    ],
  },
};

/** How many items the built-in plan holds (tests count from this, not a literal). */
export const EXAMPLE_ITEM_COUNT = Object.values(EXAMPLE_ITEMS).reduce((n, rings) => n + Object.values(rings).reduce((m, list) => m + list.length, 0), 0);
