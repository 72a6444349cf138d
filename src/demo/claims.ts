/**
 * Streaming, deterministic demo claims (declaratieregels) for one year. Patients are generated one
 * after the other, each with one to four care episodes (an initial subtraject '11' and follow-ups
 * '21' that start within 120 days after the previous one ends), mostly at one "home" provider, with
 * add-on drug lines and the occasional credit. A small seeded share of anomalies is injected for
 * the claim checks to find (MSZ §4, Bijlage 4; DOMAIN.md H). Lines pass through a bounded shuffle
 * window so the output is not sorted by patient, and claim ids are numbered in output order.
 *
 * The output is a function of all options (seed, year, count, inputs): a run of 1,000 lines is not
 * the first 1,000 lines of a run of 2,000, because the shuffle window drains at the end. Memory
 * does not grow with `count`: state is the provider tables, one patient's lines and the shuffle
 * window. Patients are limited to MAX_PATIENTS (9 million, about 28 million lines). Clean by construction: a patient never has two natural episodes in one
 * specialism, so every serial, parallel or duplicate pattern in the output is an injected one
 * (credits and their corrections aside).
 *
 * Reading the output: add-on lines (with `ziNumber`) repeat the dates and product of their
 * subtraject; a credit line repeats its original with a negative amount, and is sometimes followed
 * by a corrected line with a new amount.
 */
import type { DemoAddOnDrug } from './addon-drugs.js';
import type { DemoCareProduct } from './care-products.js';
import {
  BsnSequence, daysOfYear, diagnosisKey, MAX_PATIENTS, providerProfile, WeightedTable, type ProviderProfile,
} from './claim-support.js';
import { createPrng, type Seed } from './prng.js';
import type { DemoProvider } from './providers.js';

/** UZOVI codes: Zilveren Kruis, two other labels of the ZK group, and De Friesland. */
export const DEMO_UZOVI = { zilverenKruis: '3311', label2: '3343', label3: '3332', deFriesland: '3358' } as const;

export const INJECTED_ANOMALIES = ['duplicate', 'serial', 'parallel', 'bijlage4', 'selective', 'addon-above-tariff'] as const;
export type InjectedAnomaly = (typeof INJECTED_ANOMALIES)[number];

export interface DemoClaim {
  claimId: string;
  uzovi: string;
  agb: string;
  bsn: string;
  /** '11' initial subtraject, '21' follow-up subtraject. */
  careType: '11' | '21';
  specialism: string;
  diagnosis: string;
  productCode: string;
  startDate: string;
  endDate: string;
  amountCents: number;
  ziNumber?: string;
  units?: number;
}

export interface ClaimWithTruth {
  claim: DemoClaim;
  /** Set on the offending line of an injected anomaly (the copy, the second subtraject, ...). */
  injected?: InjectedAnomaly;
}

export interface GenerateClaimsOptions {
  seed: Seed;
  count: number;
  year: number;
  providers: readonly DemoProvider[];
  products: readonly DemoCareProduct[];
  drugs: readonly DemoAddOnDrug[];
  /** Chance per kind of anomaly, per patient (or per add-on line for 'addon-above-tariff'). Default 0.004. */
  anomalyRate?: number;
  /** Lines held back and emitted in random order. Default 1024. */
  shuffleWindow?: number;
  /** Prefix of the claim ids, so several generated years can share one table. Default 'C'. */
  idPrefix?: string;
}

const EPISODES = new WeightedTable([1, 2, 3, 4], [0.3, 0.35, 0.25, 0.1]);
const HOME_PROVIDER_SHARE = 0.85;
const FOLLOW_UP_CHANCE = 0.4;
const ADD_ON_CHANCE = 0.065;
const CREDIT_CHANCE = 0.004;
const MAX_FOLLOW_UP_GAP_DAYS = 120;

interface Who {
  uzovi: string;
  agb: string;
  bsn: string;
}

/** A subtraject line with its start and end as day numbers within the year. */
interface Sub {
  claim: DemoClaim;
  start: number;
  end: number;
}

interface Line {
  claim: DemoClaim;
  injected?: InjectedAnomaly;
}

function validate(opts: GenerateClaimsOptions): void {
  if (!Number.isSafeInteger(opts.count) || opts.count < 0) throw new RangeError(`count must be an integer >= 0, got ${opts.count}`);
  if (!Number.isInteger(opts.year) || opts.year < 1900 || opts.year > 2999) throw new RangeError(`year out of range: ${opts.year}`);
  if (opts.providers.length === 0 || opts.products.length === 0) throw new RangeError('need at least one provider and one product');
}

/** Claims with the ground truth of what was injected. */
export function* generateClaimsWithTruth(opts: GenerateClaimsOptions): Generator<ClaimWithTruth> {
  validate(opts);
  const root = createPrng(opts.seed).fork(`claims/${opts.year}`);
  const prng = root.fork('lines');
  const rate = opts.anomalyRate ?? 0.004;
  const window = Math.max(1, opts.shuffleWindow ?? 1024);
  const days = daysOfYear(opts.year);
  const lastDay = days.length - 1;
  const bsns = new BsnSequence(root.fork('bsn'));
  const profileRng = root.fork('profiles');
  const profiles = opts.providers
    .map((p) => providerProfile(p, opts.products, opts.drugs, profileRng))
    .filter((p) => p.products.total > 0);
  if (profiles.length === 0) throw new RangeError('no provider claims any of the products');
  const providerTable = new WeightedTable(profiles, profiles.map((p) => Math.max(1, p.provider.zkRevenueCents)));

  const buffer: Line[] = [];
  let produced = 0;
  let emitted = 0;
  const emit = (line: Line): ClaimWithTruth => {
    emitted++;
    line.claim.claimId = `${opts.idPrefix ?? 'C'}${String(emitted).padStart(10, '0')}`;
    return line.injected === undefined ? { claim: line.claim } : { claim: line.claim, injected: line.injected };
  };

  for (let patient = 0; produced < opts.count; patient++) {
    if (patient >= MAX_PATIENTS) throw new RangeError(`more than ${MAX_PATIENTS} patients needed; lower count`);
    for (const line of patientLines(patient)) {
      if (produced >= opts.count) break;
      produced++;
      if (buffer.length < window) {
        buffer.push(line);
        continue;
      }
      const j = Math.floor(prng.next() * window);
      const out = buffer[j] as Line;
      buffer[j] = line;
      yield emit(out);
    }
  }
  while (buffer.length > 0) {
    const j = Math.floor(prng.next() * buffer.length);
    const out = buffer[j] as Line;
    buffer[j] = buffer[buffer.length - 1] as Line;
    buffer.pop();
    yield emit(out);
  }

  function uzoviFor(home: DemoProvider): string {
    if (home.insurer === 'de-friesland' && prng.chance(0.7)) return DEMO_UZOVI.deFriesland;
    const u = prng.next();
    if (u < 0.8) return DEMO_UZOVI.zilverenKruis;
    if (u < 0.9) return DEMO_UZOVI.label2;
    if (u < 0.97) return DEMO_UZOVI.label3;
    return DEMO_UZOVI.deFriesland;
  }

  function amountFor(product: DemoCareProduct): number {
    const factor = Math.min(1.2, Math.max(0.8, prng.normal(1, 0.05)));
    return Math.max(1, Math.round(product.standardPriceCents * factor));
  }

  function durationFor(product: DemoCareProduct): number {
    if (product.careKinds.some((k) => k.startsWith('hemodialyse'))) return prng.int(60, 119);
    return prng.int(0, product.category === 'algemeen' ? 90 : 119);
  }

  function subtraject(who: Who, product: DemoCareProduct, careType: '11' | '21', start: number): Sub {
    const end = Math.min(lastDay, start + durationFor(product));
    const claim: DemoClaim = {
      claimId: '', uzovi: who.uzovi, agb: who.agb, bsn: who.bsn, careType,
      specialism: product.specialism, diagnosis: product.diagnosis, productCode: product.code,
      startDate: days[start] as string, endDate: days[end] as string, amountCents: amountFor(product),
    };
    return { claim, start, end };
  }

  function addOn(lines: Line[], profile: ProviderProfile, sub: DemoClaim): void {
    const drugs = profile.drugs.get(sub.specialism);
    if (!drugs || drugs.length === 0 || !prng.chance(ADD_ON_CHANCE)) return;
    const drug = prng.pick(drugs);
    const units = drug.typicalDoseUnits * prng.int(1, 4);
    const above = prng.chance(rate);
    const tariffAmount = units * drug.referenceTariffCents;
    const amountCents = above ? Math.round(tariffAmount * prng.float(1.05, 1.3)) : tariffAmount;
    const claim: DemoClaim = { ...sub, amountCents, ziNumber: drug.ziNumber, units };
    lines.push(above ? { claim, injected: 'addon-above-tariff' } : { claim });
  }

  /** All lines of one patient (a few dozen at most), in an order of which every prefix is consistent. */
  function patientLines(patient: number): Line[] {
    const lines: Line[] = [];
    const bsn = bsns.bsn(patient);
    const home = providerTable.pick(prng);
    const uzovi = uzoviFor(home.provider);
    const usedSpecialisms = new Set<string>();
    const episodes = EPISODES.pick(prng);
    for (let e = 0; e < episodes; e++) {
      const profile = prng.chance(HOME_PROVIDER_SHARE) ? home : providerTable.pick(prng);
      let product = profile.products.pick(prng);
      for (let retry = 0; retry < 3 && usedSpecialisms.has(product.specialism); retry++) product = profile.products.pick(prng);
      if (usedSpecialisms.has(product.specialism)) continue;
      usedSpecialisms.add(product.specialism);
      episodeLines(lines, profile, product, { uzovi, agb: profile.provider.agb, bsn });
    }
    const who: Who = { uzovi, agb: home.provider.agb, bsn };
    injectedEpisode(lines, 'bijlage4', home.bijlage4, usedSpecialisms, who);
    injectedEpisode(lines, 'selective', home.forbidden, usedSpecialisms, who);
    return lines;
  }

  /** One care episode: the initial subtraject, follow-ups, add-on lines, injected anomalies, credits. */
  function episodeLines(lines: Line[], profile: ProviderProfile, product: DemoCareProduct, who: Who): void {
    const sameDiagnosis = profile.byDiagnosis.get(diagnosisKey(product.specialism, product.diagnosis)) ?? [product];
    const initial = subtraject(who, product, '11', prng.int(0, lastDay));
    lines.push({ claim: initial.claim });
    addOn(lines, profile, initial.claim);
    let last = initial;
    if (prng.chance(FOLLOW_UP_CHANCE)) {
      for (let k = prng.int(1, 3); k > 0; k--) {
        const start = last.end + prng.int(1, MAX_FOLLOW_UP_GAP_DAYS);
        if (start > lastDay) break;
        last = subtraject(who, prng.pick(sameDiagnosis), '21', start);
        lines.push({ claim: last.claim });
        addOn(lines, profile, last.claim);
      }
    }
    // Injected anomalies come after the lines they refer to, so any prefix of a patient is consistent.
    if (prng.chance(rate)) lines.push({ claim: { ...initial.claim }, injected: 'duplicate' });
    const initialDays = initial.end - initial.start;
    if (initialDays >= 2 && prng.chance(rate)) {
      const start = initial.start + prng.int(1, initialDays - 1);
      lines.push({ claim: subtraject(who, prng.pick(sameDiagnosis), '11', start).claim, injected: 'parallel' });
    }
    if (prng.chance(rate)) {
      const start = last.end + prng.int(1, MAX_FOLLOW_UP_GAP_DAYS);
      if (start <= lastDay) lines.push({ claim: subtraject(who, product, '11', start).claim, injected: 'serial' });
    }
    if (prng.chance(CREDIT_CHANCE)) {
      const original = initial.claim;
      lines.push({ claim: { ...original, amountCents: -original.amountCents } });
      if (prng.chance(0.5)) {
        const corrected = Math.max(1, Math.round(original.amountCents * prng.float(0.9, 0.98)));
        lines.push({ claim: { ...original, amountCents: corrected } });
      }
    }
  }

  /** A single extra subtraject with an injected Bijlage 4 or not-purchased selective product. */
  function injectedEpisode(lines: Line[], kind: 'bijlage4' | 'selective', pool: readonly DemoCareProduct[],
    usedSpecialisms: Set<string>, who: Who): void {
    if (!prng.chance(rate)) return;
    const free = pool.filter((p) => !usedSpecialisms.has(p.specialism));
    if (free.length === 0) return;
    const product = prng.pick(free);
    usedSpecialisms.add(product.specialism);
    lines.push({ claim: subtraject(who, product, '11', prng.int(0, lastDay)).claim, injected: kind });
  }
}

/** Demo claims for one year: `count` lines, deterministic for the seed, streaming. */
export function* generateClaims(opts: GenerateClaimsOptions): Generator<DemoClaim> {
  for (const { claim } of generateClaimsWithTruth(opts)) yield claim;
}
