/**
 * Demo claim files for the engine's tests and benchmark: the seeded demo claims
 * (`generateClaimsWithTruth`) written as CSV, the ground truth of what was injected, and the check
 * reference built from the same demo dataset. Not used by `checkFile` itself.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CLAIM_FIELDS } from '../domain/claims/claim-line.js';
import type { CheckReference } from '../domain/claims/types.js';
import { demoDataset, demoDiagnosisCombinations, generateClaimsWithTruth, type DemoClaim, type DemoDataset, type InjectedAnomaly } from '../demo/index.js';

export const CLAIM_CSV_HEADER = CLAIM_FIELDS.join(',');

export function claimCsvLine(c: DemoClaim): string {
  return `${c.claimId},${c.uzovi},${c.agb},${c.bsn},${c.careType},${c.specialism},${c.diagnosis},${c.productCode},${c.startDate},${c.endDate},${c.amountCents},${c.ziNumber ?? ''},${c.units === undefined ? '' : String(c.units)}`;
}

/**
 * The check reference of a demo dataset. Demo assumption (as in the demo seed): UMCs and
 * categorical institutions are the specialised centres for restricted add-on drugs.
 */
export function demoReference(dataset: DemoDataset, ceilings: ReadonlyMap<string, number> = new Map()): CheckReference {
  return {
    products: new Map(dataset.products.map((p) => [p.code, { bijlage4Item: p.bijlage4Item, selectiveId: p.selectiveId, careKinds: p.careKinds }])),
    providers: new Map(dataset.providers.map((p) => [p.agb, {
      type: p.type, licences: p.licences, programmes: p.programmes, minimumNorms: p.minimumNorms, certificates: p.certificates,
    }])),
    drugs: new Map(dataset.drugs.map((d) => [d.ziNumber, { referenceTariffCents: d.referenceTariffCents, specialisedCentresOnly: d.specialisedCentresOnly }])),
    specialisedCentres: new Set(dataset.providers.filter((p) => p.type === 'umc' || p.type === 'categoraal').map((p) => p.agb)),
    diagnosisCombinations: demoDiagnosisCombinations().map(({ specialism, diagnosisA, diagnosisB }) => ({ specialism, diagnosisA, diagnosisB })),
    ceilings: new Map(ceilings),
  };
}

export interface DemoFileOptions {
  seed: string;
  rows: number;
  year?: number;
  anomalyRate?: number;
}

export interface DemoFileTruth {
  /** Injected anomalies: claim id → kind. */
  injected: [string, InjectedAnomaly][];
  /**
   * Every line of an episode (person, provider, specialism) that has both an injected anomaly and a
   * credit line. The credit may cancel the line the anomaly refers to (the original of a duplicate,
   * the subtraject a parallel one overlaps), or cancel the injected copy instead of its identical
   * original; the rules then rightly flag another line of the episode, or none.
   */
  creditAffected: string[];
  /** Revenue per provider: positive subtraject lines (no add-on lines), cents. */
  revenue: [string, number][];
}

/** Writes `rows` demo claims as CSV to `path` and returns the ground truth. */
export async function writeDemoClaimFile(path: string, options: DemoFileOptions, dataset: DemoDataset = demoDataset(options.seed)): Promise<DemoFileTruth> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const injected: [string, InjectedAnomaly][] = [];
  const revenue = new Map<string, number>();
  const injectedEpisodes: [string, string][] = [];
  const creditEpisodes = new Set<string>();
  let batch: string[] = [CLAIM_CSV_HEADER];
  const claims = generateClaimsWithTruth({
    seed: options.seed, count: options.rows, year: options.year ?? 2018,
    providers: dataset.providers, products: dataset.products, drugs: dataset.drugs,
    ...(options.anomalyRate === undefined ? {} : { anomalyRate: options.anomalyRate }),
  });
  for (const { claim, injected: kind } of claims) {
    const episode = `${claim.bsn}|${claim.agb}|${claim.specialism}`;
    if (kind !== undefined) {
      injected.push([claim.claimId, kind]);
      injectedEpisodes.push([claim.claimId, episode]);
    }
    if (claim.amountCents < 0) creditEpisodes.add(episode);
    if (claim.ziNumber === undefined && claim.amountCents > 0) revenue.set(claim.agb, (revenue.get(claim.agb) ?? 0) + claim.amountCents);
    batch.push(claimCsvLine(claim));
    if (batch.length >= 20_000) {
      if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
      batch = [];
    }
  }
  if (batch.length > 0) out.write(`${batch.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  const affectedEpisodes = new Set(injectedEpisodes.map(([, episode]) => episode).filter((episode) => creditEpisodes.has(episode)));
  return { injected, creditAffected: await linesOfEpisodes(path, affectedEpisodes), revenue: [...revenue] };
}

/** The claim ids of the lines of `episodes` (`bsn|agb|specialism`), read back from the file. */
async function linesOfEpisodes(path: string, episodes: ReadonlySet<string>): Promise<string[]> {
  const ids: string[] = [];
  if (episodes.size === 0) return ids;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    const f = line.split(',');
    if (episodes.has(`${f[3]}|${f[2]}|${f[5]}`)) ids.push(f[0] as string);
  }
  return ids;
}

/**
 * Plafonds for every other provider (by AGB order) at `share` of its revenue in the file, so the
 * ceiling rule has work to do.
 */
export function demoCeilings(truth: DemoFileTruth, share = 0.99): Map<string, number> {
  const sorted = [...truth.revenue].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return new Map(sorted.filter((_, i) => i % 2 === 0).map(([agb, cents]) => [agb, Math.floor(cents * share)]));
}
