/**
 * Demo add-on drugs (ADD): about 30 expensive hospital drugs with a synthetic ZI-nummer, a cluster
 * for nacalculatie, a reference tariff per mg, and the CieBAG "specialised centres only" and
 * efficiency-requirement flags (ADD §3, §5). Names are real active substances; tariffs are
 * synthetic, in the range of list prices, and vary ±10% with the seed.
 */
import { createPrng, type Prng, type Seed } from './prng.js';
import type { SpecialismCode } from './specialisms.js';

export const ADD_ON_CLUSTERS = [
  'Oncolytica',
  'TNF-alfaremmers',
  'Immunomodulantia',
  'MS-middelen',
  'Weesgeneesmiddelen',
  'Immunoglobulinen',
  'Oogheelkundige VEGF-remmers',
] as const;
export type AddOnCluster = (typeof ADD_ON_CLUSTERS)[number];

export interface DemoAddOnDrug {
  /** ZI-nummer: 8 digits, 7 + a modulus-11 check digit (weights 8..2), outside the free ranges. */
  ziNumber: string;
  name: string;
  cluster: AddOnCluster;
  unit: 'mg';
  /** Reference tariff per unit, integer cents. */
  referenceTariffCents: number;
  specialisedCentresOnly: boolean;
  efficiencyRequirement: boolean;
  /** Specialisms that prescribe it, for generating claims. */
  specialisms: SpecialismCode[];
  /** Units of one typical administration, for generating claims. */
  typicalDoseUnits: number;
}

type DrugRow = readonly [
  name: string,
  cluster: AddOnCluster,
  tariffCentsPerMg: number,
  dose: number,
  specialisms: readonly SpecialismCode[],
  flags?: { specialised?: boolean; efficiency?: boolean },
];

const DRUG_ROWS: readonly DrugRow[] = [
  ['nivolumab', 'Oncolytica', 1080, 240, ['0322', '0313']],
  ['pembrolizumab', 'Oncolytica', 2860, 200, ['0322', '0313']],
  ['atezolizumab', 'Oncolytica', 330, 1200, ['0322']],
  ['durvalumab', 'Oncolytica', 500, 1000, ['0322']],
  ['ipilimumab', 'Oncolytica', 8000, 210, ['0313']],
  ['trastuzumab', 'Oncolytica', 300, 600, ['0313'], { efficiency: true }],
  ['pertuzumab', 'Oncolytica', 750, 420, ['0313']],
  ['trastuzumab emtansine', 'Oncolytica', 1800, 250, ['0313']],
  ['bevacizumab', 'Oncolytica', 260, 500, ['0313'], { efficiency: true }],
  ['rituximab', 'Oncolytica', 170, 700, ['0313', '0324'], { efficiency: true }],
  ['daratumumab', 'Oncolytica', 450, 1800, ['0313']],
  ['carfilzomib', 'Oncolytica', 1000, 100, ['0313']],
  ['azacitidine', 'Oncolytica', 150, 150, ['0313']],
  ['cabazitaxel', 'Oncolytica', 6000, 45, ['0313']],
  ['infliximab', 'TNF-alfaremmers', 230, 400, ['0318', '0324', '0310'], { efficiency: true }],
  ['adalimumab', 'TNF-alfaremmers', 500, 80, ['0324', '0318', '0310'], { efficiency: true }],
  ['etanercept', 'TNF-alfaremmers', 400, 100, ['0324', '0310'], { efficiency: true }],
  ['golimumab', 'TNF-alfaremmers', 2000, 50, ['0324']],
  ['certolizumab pegol', 'TNF-alfaremmers', 250, 400, ['0324', '0318']],
  ['tocilizumab', 'Immunomodulantia', 250, 560, ['0324']],
  ['vedolizumab', 'Immunomodulantia', 700, 300, ['0318']],
  ['ustekinumab', 'Immunomodulantia', 3500, 90, ['0318', '0310']],
  ['belimumab', 'Immunomodulantia', 300, 700, ['0324']],
  ['ocrelizumab', 'MS-middelen', 2000, 600, ['0330']],
  ['natalizumab', 'MS-middelen', 550, 300, ['0330']],
  ['alemtuzumab', 'MS-middelen', 58300, 12, ['0330'], { specialised: true }],
  ['eculizumab', 'Weesgeneesmiddelen', 1530, 900, ['0313'], { specialised: true }],
  ['nusinersen', 'Weesgeneesmiddelen', 690000, 12, ['0330', '0316'], { specialised: true }],
  ['agalsidase bèta', 'Weesgeneesmiddelen', 8800, 70, ['0313'], { specialised: true }],
  ['alglucosidase alfa', 'Weesgeneesmiddelen', 1100, 1600, ['0316', '0330'], { specialised: true }],
  ['immunoglobuline (IVIG)', 'Immunoglobulinen', 5, 30000, ['0330', '0313']],
  ['aflibercept', 'Oogheelkundige VEGF-remmers', 40000, 2, ['0301']],
];

const ZI_WEIGHTS = [8, 7, 6, 5, 4, 3, 2] as const;

/** A ZI-nummer with a valid check digit, not in the free ranges (12900000-12999999, 9xxxxxxx). */
function ziNumber(prng: Prng, used: Set<string>): string {
  for (;;) {
    const stem = String(prng.int(1_000_000, 8_999_999));
    if (stem.startsWith('129')) continue;
    let sum = 0;
    for (let i = 0; i < 7; i++) sum += (ZI_WEIGHTS[i] as number) * Number(stem[i]);
    const check = sum % 11;
    if (check === 10) continue;
    const zi = stem + String(check);
    if (used.has(zi)) continue;
    used.add(zi);
    return zi;
  }
}

/** About 30 add-on drugs; the same seed gives the same list. */
export function demoAddOnDrugs(seed: Seed): DemoAddOnDrug[] {
  const prng = createPrng(seed).fork('addon-drugs');
  const used = new Set<string>();
  return DRUG_ROWS.map(([name, cluster, tariff, dose, specialisms, flags = {}]) => ({
    ziNumber: ziNumber(prng, used),
    name,
    cluster,
    unit: 'mg' as const,
    referenceTariffCents: Math.max(1, Math.round(tariff * prng.float(0.9, 1.1))),
    specialisedCentresOnly: flags.specialised === true,
    efficiencyRequirement: flags.efficiency === true,
    specialisms: [...specialisms],
    typicalDoseUnits: dose,
  }));
}
