/**
 * The per-provider ceiling pass in the main thread, in two steps. First the workers' sums per
 * (provider, start day) give each day's cumulative total before it; a day on which the total
 * before it plus all its positive lines stays within the plafond cannot hold a line above it
 * (`hotDays`). Then only the lines of the other days are merged by (provider, start day, claim
 * id), each day starting from its known total, and run through the domain rule (`ceilingOverrun`,
 * `ceilingFinding`). The result equals the domain's `checkCeilings` over all lines.
 */
import { ceilingFinding, ceilingOverrun } from '../domain/claims/checks/ceiling.js';
import type { CheckSettings } from '../domain/claims/checks/settings.js';
import type { Finding } from '../domain/claims/types.js';
import { padDigits } from './codec.js';
import { dayKey, type CeilingRows, type DayTotals } from './ceiling-rows.js';

export interface HotDays {
  /** `dayKey`s of the days whose lines are needed. */
  keys: number[];
  /** Cumulative total of the provider before each of those days. */
  before: Map<number, number>;
}

/** The days on which a plafond may be crossed, from the workers' sums per (provider, day). */
export function hotDays(totals: readonly DayTotals[], plafonds: readonly number[]): HotDays {
  const sums = new Map<number, { positive: number; negative: number }>();
  for (const t of totals) {
    t.keys.forEach((key, i) => {
      const sum = sums.get(key) ?? { positive: 0, negative: 0 };
      sum.positive += t.positive[i] as number;
      sum.negative += t.negative[i] as number;
      sums.set(key, sum);
    });
  }
  const hot: HotDays = { keys: [], before: new Map() };
  let provider = -1;
  let cumulative = 0;
  for (const key of [...sums.keys()].sort((a, b) => a - b)) {
    const p = Math.floor(key / 2097152);
    if (p !== provider) {
      provider = p;
      cumulative = 0;
    }
    const sum = sums.get(key) as { positive: number; negative: number };
    if (cumulative + sum.positive > (plafonds[p] ?? Infinity)) {
      hot.keys.push(key);
      hot.before.set(key, cumulative);
    }
    cumulative += sum.positive + sum.negative;
  }
  return hot;
}

/**
 * The findings over the workers' sorted lines of the hot days. `providers`: the AGB codes with a
 * plafond in ascending order and their plafonds (`ceilingProviders`); `before`: the cumulative
 * total before each day (`hotDays`; a day missing there starts where the previous line left off).
 */
export function ceilingPass(
  runs: readonly CeilingRows[],
  providers: { agbs: readonly number[]; plafonds: readonly number[] },
  settings: CheckSettings,
  before: ReadonlyMap<number, number> = new Map(),
): Finding[] {
  const findings: Finding[] = [];
  const heads = runs.map(() => 0);
  let current = -1;
  let currentDay = -1;
  let cumulative = 0;
  let plafond = 0;
  for (;;) {
    let best = -1;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r] as CeilingRows;
      const i = heads[r] as number;
      if (i >= run.length) continue;
      if (best < 0) {
        best = r;
        continue;
      }
      const other = runs[best] as CeilingRows;
      const j = heads[best] as number;
      const cmp = (run.provider[i] as number) - (other.provider[j] as number) || (run.start[i] as number) - (other.start[j] as number) || run.compareIds(i, other, j);
      if (cmp < 0) best = r;
    }
    if (best < 0) break;
    const run = runs[best] as CeilingRows;
    const i = heads[best] as number;
    heads[best] = i + 1;
    const provider = run.provider[i] as number;
    const day = run.start[i] as number;
    if (provider !== current) {
      current = provider;
      currentDay = -1;
      cumulative = 0;
      plafond = providers.plafonds[provider] ?? Infinity;
    }
    if (day !== currentDay) {
      currentDay = day;
      cumulative = before.get(dayKey(provider, day)) ?? cumulative;
    }
    const amount = run.amount[i] as number;
    const over = ceilingOverrun(cumulative, amount, plafond);
    cumulative += amount;
    if (over === 0) continue;
    const finding = ceilingFinding(settings, { claimId: run.claimId(i), agb: padDigits(providers.agbs[provider] as number, 8) }, plafond, cumulative, over);
    if (finding) findings.push(finding);
  }
  return findings;
}
