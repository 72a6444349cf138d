/**
 * Seriality (MSZ §4A; NZa Regeling medisch-specialistische zorg; policy decision `serial-window`).
 * An initial subtraject (`serial_initial_subtraject_code`, 11) of a person at a provider, specialism
 * and diagnosis that starts within `serial_window_days` (120) days after the end of a previous
 * subtraject of the same four is suspect: care continuing within that term is a follow-up (21).
 * Borders: the gap is start day − end day of the previous subtraject; "within 120 days" includes
 * 120 (gap 1..120 is flagged, 121 is not). A gap of 0 or less is an overlap (parallelity), not
 * seriality. The related claim is the previous subtraject that ended last before the start (ties: smallest
 * claim id). Add-on lines, settled lines and duplicates take no part.
 */
import type { Claim, Finding } from '../types.js';
import { compareClaimIds, dayNumber } from './claim-facts.js';
import { makeFinding, type FindingSubject } from './findings.js';
import type { CheckSettings } from './settings.js';

export interface SerialMatch {
  previous: Claim;
  gapDays: number;
}

/** Flagged initial subtrajecten → the previous subtraject; `subtrajecten` of one person. */
export function findSerial(subtrajecten: readonly Claim[], settings: CheckSettings): Map<Claim, SerialMatch> {
  const groups = new Map<string, Claim[]>();
  for (const claim of subtrajecten) {
    const key = `${claim.agb}|${claim.specialism}|${claim.diagnosis}`;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  const found = new Map<Claim, SerialMatch>();
  for (const group of groups.values()) {
    // By end date, and among equal ends the smallest claim id last: the last line ending before a
    // start is the previous subtraject.
    const byEnd = group
      .map((claim) => ({ claim, end: dayNumber(claim.endDate) }))
      .sort((x, y) => x.end - y.end || compareClaimIds(y.claim.claimId, x.claim.claimId));
    for (const claim of group) {
      if (claim.careType !== settings.initialCareType) continue;
      const start = dayNumber(claim.startDate);
      let lo = 0;
      let hi = byEnd.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((byEnd[mid] as (typeof byEnd)[number]).end < start) lo = mid + 1;
        else hi = mid;
      }
      const previous = byEnd[lo - 1];
      if (previous !== undefined && start - previous.end <= settings.serialWindowDays) {
        found.set(claim, { previous: previous.claim, gapDays: start - previous.end });
      }
    }
  }
  return found;
}

export function serialFinding(
  settings: CheckSettings,
  subject: FindingSubject & { amountCents: number; startDate: string },
  previous: { claimId: string; endDate: string },
  gapDays: number,
): Finding {
  return makeFinding(settings, 'serial', subject, Math.max(0, subject.amountCents), [previous.claimId],
    {
      start_date: subject.startDate,
      previous_claim_id: previous.claimId,
      previous_end_date: previous.endDate,
      gap_days: gapDays,
      window_days: settings.serialWindowDays,
    },
    `Initieel subtraject ${subject.claimId} start ${gapDays} dagen na het einde van subtraject ${previous.claimId} (${previous.endDate}), binnen de vervolgtermijn van ${settings.serialWindowDays} dagen: verwacht een vervolgsubtraject.`);
}
