/**
 * Ceiling overrun (MSZ §4: "Overschrijdingen van de plafondafspraak vergoeden wij niet"). Per
 * provider with a plafond (`CheckReference.ceilings`), its subtraject lines in start-date order
 * (ties: claim id) are added up; a line that takes the cumulative total above the plafond is
 * flagged with the part above it at stake (min(amount, cumulative − plafond)), less the share still
 * paid (`ceiling_overrun_paid_share`, 2018: 0.00), rounded once with `rounding_rule`.
 * What counts: lines that are payable as far as the per-person rules know, i.e. not settled (credit
 * + cancelled line), not add-on lines (add-on drugs have their own financial agreement, ADD) and
 * without a finding whose action is `reject` (a rejected line is not paid, so it uses no plafond).
 * Unmatched credits lower the cumulative total. Lines under review still count.
 * This is the one rule across persons: it runs as a second pass per provider after the per-person
 * checks, over the `CeilingLine`s they hand over.
 */
import { multiplyCents, parseShare } from '../../money/index.js';
import type { Finding } from '../types.js';
import { compareClaimIds } from './claim-facts.js';
import { makeFinding } from './findings.js';
import type { CheckSettings } from './settings.js';

export interface CeilingLine {
  claimId: string;
  agb: string;
  /** Start date as a day number (`dayNumber`). */
  startDay: number;
  amountCents: number;
}

export function compareCeilingLines(a: CeilingLine, b: CeilingLine): number {
  return a.startDay - b.startDay || compareClaimIds(a.claimId, b.claimId);
}

/** The part of a line above the plafond: 0 when the total after it stays within. */
export function ceilingOverrun(cumulativeBefore: number, amountCents: number, plafondCents: number): number {
  const after = cumulativeBefore + amountCents;
  if (amountCents <= 0 || after <= plafondCents) return 0;
  return Math.min(amountCents, after - plafondCents);
}

/** The finding for a line with `overCents` above the plafond, or null when nothing is at stake. */
export function ceilingFinding(
  settings: CheckSettings,
  line: { claimId: string; agb: string },
  plafondCents: number,
  cumulativeAfterCents: number,
  overCents: number,
): Finding | null {
  const share = parseShare(settings.ceilingPaidShare);
  const paid = share.ok ? multiplyCents(overCents, share.value, settings.ceilingRounding) : 0;
  const atStake = overCents - paid;
  if (atStake <= 0) return null;
  return makeFinding(settings, 'ceiling', line, atStake, [],
    { plafond_cents: plafondCents, cumulative_cents: cumulativeAfterCents, over_cents: overCents, paid_share: settings.ceilingPaidShare },
    `Met declaratie ${line.claimId} komt de omzet van aanbieder ${line.agb} op ${cumulativeAfterCents} cent, boven het plafond van ${plafondCents} cent; ${overCents} cent valt erboven en wordt niet vergoed.`);
}

/** The ceiling pass over all lines handed over by the per-person checks (any order). */
export function checkCeilings(lines: readonly CeilingLine[], ceilings: ReadonlyMap<string, number>, settings: CheckSettings): Finding[] {
  const byProvider = new Map<string, CeilingLine[]>();
  for (const line of lines) {
    if (!ceilings.has(line.agb)) continue;
    const list = byProvider.get(line.agb);
    if (list) list.push(line);
    else byProvider.set(line.agb, [line]);
  }
  const findings: Finding[] = [];
  for (const [agb, list] of byProvider) {
    const plafond = ceilings.get(agb) ?? 0;
    list.sort(compareCeilingLines);
    let cumulative = 0;
    for (const line of list) {
      const over = ceilingOverrun(cumulative, line.amountCents, plafond);
      cumulative += line.amountCents;
      if (over === 0) continue;
      const finding = ceilingFinding(settings, line, plafond, cumulative, over);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}
