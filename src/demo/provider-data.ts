/**
 * The fixed part of the demo providers: names, types, cities and the facts the 2018 MSZ policy
 * states about them (Bijlage 3 project participants, proton therapy at HollandPTC and Groningen).
 * Everything numeric (AGB, KvK, revenue, market share) is generated in providers.ts and synthetic.
 *
 * Real names are used for the UMCs and the hospitals the policy names, and for a few more general
 * hospitals; the ZBCs beyond the three the policy names are invented ("Oogkliniek Zwolle"). Cities
 * are real and must resolve with `findPlace`.
 */
import type { DemoLicence, DemoProgramme, DemoProviderType } from './vocabulary.js';

export type SizeClass = 'umc' | 'large' | 'small' | 'zbc';

export interface ProviderSeedRow {
  /** Stable short key, used by the tables below. */
  key: string;
  name: string;
  type: DemoProviderType;
  size: SizeClass;
  /** City of the main location. */
  city: string;
  /** Cities of further locations, in order. */
  otherLocations?: readonly string[];
  /** For ZBCs and categorical institutions: the specialisms they offer (Vektis codes). */
  specialisms?: readonly string[];
  /** Named in the MSZ 2018 policy text. */
  named: boolean;
}

const umc = (key: string, name: string, city: string): ProviderSeedRow => ({ key, name, type: 'umc', size: 'umc', city, named: true });
const hospital = (key: string, name: string, size: 'large' | 'small', city: string, otherLocations: readonly string[] = [], named = true): ProviderSeedRow => ({
  key, name, type: 'ziekenhuis', size, city, otherLocations, named,
});
const zbc = (key: string, name: string, city: string, specialisms: readonly string[], named = false): ProviderSeedRow => ({
  key, name, type: 'zbc', size: 'zbc', city, specialisms, named,
});

export const PROVIDER_ROWS: readonly ProviderSeedRow[] = [
  umc('amc', 'AMC Amsterdam', 'Amsterdam'),
  umc('vumc', 'VUmc Amsterdam', 'Amsterdam'),
  umc('umcu', 'UMC Utrecht', 'Utrecht'),
  umc('umcg', 'UMCG Groningen', 'Groningen'),
  umc('emc', 'Erasmus MC Rotterdam', 'Rotterdam'),
  umc('radboudumc', 'Radboudumc Nijmegen', 'Nijmegen'),
  umc('lumc', 'LUMC Leiden', 'Leiden'),
  umc('mumc', 'Maastricht UMC+', 'Maastricht'),

  hospital('antonius', 'St. Antonius Ziekenhuis', 'large', 'Nieuwegein', ['Utrecht']),
  hospital('catharina', 'Catharina Ziekenhuis', 'large', 'Eindhoven'),
  hospital('zgt', 'Ziekenhuisgroep Twente', 'large', 'Almelo', ['Hengelo']),
  hospital('mst', 'Medisch Spectrum Twente', 'large', 'Enschede', ['Oldenzaal']),
  hospital('martini', 'Martini Ziekenhuis', 'large', 'Groningen'),
  hospital('maasstad', 'Maasstad Ziekenhuis', 'large', 'Rotterdam'),
  hospital('amphia', 'Amphia', 'large', 'Breda', ['Oosterhout']),
  hospital('rijnstate', 'Rijnstate', 'large', 'Arnhem', ['Velp', 'Zevenaar']),
  hospital('alrijne', 'Alrijne Ziekenhuis', 'large', 'Leiderdorp', ['Leiden']),
  hospital('etz', 'Elisabeth-TweeSteden Ziekenhuis', 'large', 'Tilburg', ['Waalwijk']),
  hospital('franciscus', 'Franciscus Gasthuis & Vlietland', 'large', 'Rotterdam', ['Schiedam']),
  hospital('asz', 'Albert Schweitzer Ziekenhuis', 'large', 'Dordrecht', ['Zwijndrecht', 'Sliedrecht']),
  hospital('zuyderland', 'Zuyderland Medisch Centrum', 'large', 'Sittard-Geleen', ['Brunssum']),
  hospital('atrium', 'Atrium MC', 'small', 'Heerlen', ['Kerkrade']),
  hospital('cwz', 'Canisius Wilhelmina Ziekenhuis', 'large', 'Nijmegen'),
  hospital('jbz', 'Jeroen Bosch Ziekenhuis', 'large', "'s-Hertogenbosch"),
  hospital('olvg', 'OLVG', 'large', 'Amsterdam'),
  hospital('tergooi', 'Tergooi', 'large', 'Blaricum', ['Hilversum']),
  hospital('treant', 'Treant Zorggroep, Scheper Ziekenhuis', 'large', 'Emmen', ['Hoogeveen', 'Stadskanaal']),
  hospital('ghz', 'Groene Hart Ziekenhuis', 'small', 'Gouda'),
  hospital('mcl', 'Medisch Centrum Leeuwarden', 'large', 'Leeuwarden', ['Harlingen']),
  hospital('tjongerschans', 'Tjongerschans', 'small', 'Heerenveen'),
  hospital('antonius-sneek', 'Antonius Sneek', 'small', 'Sneek'),
  hospital('wfg', 'Westfriesgasthuis', 'small', 'Hoorn'),
  hospital('diaconessenhuis-meppel', 'Diaconessenhuis Meppel', 'small', 'Meppel'),
  hospital('bravis', 'Bravis Ziekenhuis', 'large', 'Roosendaal', ['Bergen op Zoom']),
  hospital('viecuri', 'VieCuri Medisch Centrum', 'large', 'Venlo', ['Venray']),
  hospital('adrz', 'Admiraal De Ruyter Ziekenhuis', 'small', 'Vlissingen', ['Goes']),
  hospital('zuwe', 'Zuwe Hofpoort Ziekenhuis', 'small', 'Woerden'),
  hospital('gelre', 'Gelre Ziekenhuizen', 'large', 'Zutphen', ['Apeldoorn']),
  hospital('isala', 'Isala', 'large', 'Zwolle', ['Kampen']),
  hospital('bronovo', 'Bronovo', 'small', 'Den Haag'),

  { key: 'avl', name: 'Antoni van Leeuwenhoek', type: 'categoraal', size: 'large', city: 'Amsterdam', named: true,
    specialisms: ['0302', '0303', '0304', '0307', '0310', '0313', '0318', '0322', '0362', '0389'] },
  { key: 'hollandptc', name: 'HollandPTC', type: 'categoraal', size: 'small', city: 'Delft', named: true, specialisms: ['0362'] },

  zbc('alexander-monro', 'Alexander Monro Ziekenhuis', 'Bilthoven', ['0303', '0304'], true),
  zbc('park-mc', 'Park Medisch Centrum', 'Rotterdam', ['0305', '0308', '0389'], true),
  zbc('boerhaave', 'Boerhaave Medisch Centrum', 'Amsterdam', ['0305', '0330', '0389'], true),

  hospital('meander', 'Meander Medisch Centrum', 'large', 'Amersfoort', ['Baarn'], false),
  hospital('spaarne', 'Spaarne Gasthuis', 'large', 'Haarlem', ['Hoofddorp'], false),
  hospital('nwz', 'Noordwest Ziekenhuisgroep', 'large', 'Alkmaar', ['Den Helder'], false),
  hospital('zaans-mc', 'Zaans Medisch Centrum', 'small', 'Zaandam', [], false),
  hospital('deventer', 'Deventer Ziekenhuis', 'large', 'Deventer', [], false),
  hospital('gelderse-vallei', 'Ziekenhuis Gelderse Vallei', 'large', 'Ede', [], false),
  hospital('hmc', 'Haaglanden Medisch Centrum', 'large', 'Den Haag', [], false),
  hospital('haga', 'HagaZiekenhuis', 'large', 'Den Haag', ['Zoetermeer'], false),
  hospital('rdgg', 'Reinier de Graaf Gasthuis', 'large', 'Delft', [], false),
  hospital('st-jansdal', 'St Jansdal', 'small', 'Harderwijk', [], false),
  hospital('flevoziekenhuis', 'Flevoziekenhuis', 'small', 'Almere', [], false),
  hospital('nij-smellinghe', 'Nij Smellinghe', 'small', 'Drachten', [], false),

  zbc('oog-zwolle', 'Oogkliniek Zwolle', 'Zwolle', ['0301']),
  zbc('derma-utrecht', 'ZBC Dermatologie Utrecht', 'Utrecht', ['0310']),
  zbc('ortho-amersfoort', 'Orthopedische Kliniek Amersfoort', 'Amersfoort', ['0305']),
  zbc('oog-haarlem', 'Oogcentrum Haarlem', 'Haarlem', ['0301']),
  zbc('huid-amsterdam', 'Huidkliniek Amsterdam-Zuid', 'Amsterdam', ['0310']),
  zbc('heuvelrug', 'Heuvelrug Kliniek', 'Zeist', ['0304', '0305']),
  zbc('spatader-denhaag', 'Spataderkliniek Den Haag', 'Den Haag', ['0303', '0310']),
  zbc('rug-eindhoven', 'Rugcentrum Eindhoven', 'Eindhoven', ['0305', '0389']),
  zbc('pijn-apeldoorn', 'Pijnkliniek Apeldoorn', 'Apeldoorn', ['0389']),
  zbc('slaap-deventer', 'Slaapkliniek Deventer', 'Deventer', ['0302', '0322']),
  zbc('plastisch-velp', 'Kliniek voor Plastische Chirurgie Velp', 'Velp', ['0304']),
  zbc('oog-groningen', 'Oogkliniek Groningen', 'Groningen', ['0301']),
  zbc('derma-leeuwarden', 'Dermatologisch Centrum Leeuwarden', 'Leeuwarden', ['0310']),
  zbc('vaat-nijmegen', 'Vaatkliniek Nijmegen', 'Nijmegen', ['0303']),
  zbc('hand-rotterdam', 'Handkliniek Rotterdam', 'Rotterdam', ['0304', '0305']),
  zbc('oog-maastricht', 'Oogkliniek Maastricht', 'Maastricht', ['0301']),
  zbc('dialyse-zaanstreek', 'Dialysecentrum Zaanstreek', 'Zaandam', ['0313']),
  zbc('kno-almere', 'KNO Kliniek Almere', 'Almere', ['0302']),
  zbc('knie-tilburg', 'Knie- en Heupkliniek Tilburg', 'Tilburg', ['0305']),
  zbc('vrouw-arnhem', 'Vrouwenkliniek Arnhem', 'Arnhem', ['0307']),
  zbc('mohs-denbosch', "Mohs Kliniek 's-Hertogenbosch", "'s-Hertogenbosch", ['0310']),
  zbc('uro-enschede', 'Urologisch Centrum Enschede', 'Enschede', ['0306']),
  zbc('mdl-alkmaar', 'MDL Kliniek Alkmaar', 'Alkmaar', ['0318']),
];

/** Bijlage 3: the hospitals the policy names per conditional-admission project (vt-1 names none). */
export const VT_PARTICIPANTS: Readonly<Record<string, readonly string[]>> = {
  'vt-1': [],
  'vt-2': ['antonius'],
  'vt-3': ['amc', 'avl', 'vumc', 'umcu', 'umcg', 'antonius', 'catharina', 'emc', 'radboudumc'],
  'vt-4': ['vumc', 'amc', 'umcu', 'umcg', 'zgt', 'mst', 'martini', 'lumc', 'emc', 'radboudumc', 'mumc', 'maasstad'],
  'vt-5': ['avl'],
  'vt-6': ['alexander-monro', 'amphia', 'bronovo', 'mumc', 'vumc', 'zgt'],
  'vt-7': ['rijnstate', 'alrijne', 'etz', 'park-mc', 'franciscus', 'asz'],
  'vt-8': ['lumc', 'emc', 'radboudumc', 'atrium', 'cwz', 'boerhaave'],
  'vt-9': [
    'zuyderland', 'amphia', 'jbz', 'vumc', 'rijnstate', 'catharina', 'umcg', 'mcl', 'antonius', 'maasstad', 'olvg',
    'tergooi', 'asz', 'treant', 'mst', 'ghz', 'martini', 'tjongerschans', 'wfg', 'alrijne', 'diaconessenhuis-meppel',
    'cwz', 'bravis', 'emc', 'antonius-sneek', 'etz', 'viecuri', 'adrz', 'zuwe', 'gelre', 'zgt',
  ],
  'vt-10': ['radboudumc', 'emc', 'avl', 'vumc', 'isala'],
  'vt-11': ['mumc', 'ghz'],
};

const UMCS = ['amc', 'vumc', 'umcu', 'umcg', 'emc', 'radboudumc', 'lumc', 'mumc'];
const HEART_CENTRES = ['antonius', 'catharina', 'isala', 'mst', 'amphia', 'hmc'];
const PCI_CENTRES = [...UMCS, ...HEART_CENTRES, 'rijnstate', 'haga', 'mcl', 'zuyderland', 'asz', 'etz', 'olvg', 'nwz', 'franciscus'];

/**
 * Licences fixed by the demo (Mohs is added at random in providers.ts). Proton therapy: HollandPTC
 * and Groningen (MSZ §2). The other sets are plausible, not the official WBMV register.
 */
export const FIXED_LICENCES: Readonly<Partial<Record<DemoLicence, readonly string[]>>> = {
  'wbmv-pci': PCI_CENTRES,
  'wbmv-icd': PCI_CENTRES,
  'wbmv-tavi': [...UMCS, ...HEART_CENTRES],
  'wbmv-transplantatie': UMCS.filter((k) => k !== 'vumc'),
  'wbmv-radiotherapie': [...UMCS, 'avl', 'catharina', 'isala', 'mcl', 'rijnstate', 'hmc', 'jbz'],
  'wbmv-protonentherapie': ['hollandptc', 'umcg'],
  mohs: ['derma-utrecht', 'mohs-denbosch', 'amc', 'umcu', 'emc', 'catharina'],
};

/** Programme memberships fixed by the demo; RIVM screening is given to most hospitals at random. */
export const FIXED_PROGRAMMES: Readonly<Partial<Record<DemoProgramme, readonly string[]>>> = {
  'mr-clean': [...UMCS, 'antonius', 'catharina', 'isala', 'mst', 'rijnstate', 'hmc', 'etz', 'zuyderland', 'mcl', 'amphia', 'olvg'],
  'nvvc-witte-lijst': PCI_CENTRES,
  'rivm-darmkanker': ['mdl-alkmaar', 'avl'],
};

/** Hospitals with cardio-thoracic surgery (specialism 0328) on site. */
export const CARDIO_THORACIC = [...UMCS, ...HEART_CENTRES];
