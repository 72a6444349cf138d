import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectOk } from '../errors.js';
import type { ProviderType } from '../providers/provider-record.js';
import type { ProviderAggregates } from './indicators.js';
import { mirrorOverview } from './overview.js';
import { mirrorReport as report, peerGroup, type MirrorInput } from './report.js';
import type { MirrorSettings } from './settings.js';

/** Peer `i` is the i-th lowest on every indicator, so the middle one is the median everywhere. */
function ranked(i: number, agb = `peer-${String(i).padStart(3, '0')}`, type: ProviderType = 'ziekenhuis'): ProviderAggregates {
  return {
    agb,
    type,
    claimLines: 200,
    patients: 50,
    subtrajects: 100 + i,
    followUps: 20 + 2 * i,
    creditLines: i,
    specialisms: [{ specialism: '0320', patients: 20, amountCents: 100_000 * (i + 1) }],
    findings: [{ rule: 'duplicate', claims: i }],
  };
}

/** The values of msz-2018 (`mirror_min_*`); settings.test.ts reads them from the file. */
const SETTINGS: MirrorSettings = { minPatients: 20, minSpecialismPatients: 10, minPeers: 5 };
const mirrorReport = (input: Omit<MirrorInput, 'settings'> & { settings?: MirrorSettings }) => report({ settings: SETTINGS, ...input });

const peers = Array.from({ length: 9 }, (_, i) => ranked(i));
const names = new Map([...peers.map((p) => [p.agb, `Ziekenhuis ${p.agb}`] as const), ['own-1', 'Eigen ziekenhuis']]);

describe('mirrorReport (ADD §8)', () => {
  it('compares a provider only with other providers of its type that meet the patient minimum', () => {
    const own = { ...ranked(4), agb: 'own-1' };
    const population = [own, ...peers, { ...ranked(8), agb: 'umc-1', type: 'umc' as const }, { ...ranked(8), agb: 'tiny-1', patients: 19 }];
    expect(peerGroup(own, population, { minPatients: 20, minSpecialismPatients: 10, minPeers: 5 }).map((p) => p.agb)).toEqual(peers.map((p) => p.agb));
    const report = expectOk(mirrorReport({ year: 2018, own, population }));
    expect(report.peer_group).toEqual({ type: 'ziekenhuis', providers: 9, min_patients: 20, min_peers: 5 });
    expect(report.own).toEqual({ patients: 50, meets_minimum: true });
    expect(report.method).toEqual({ percentiles: 'linear-interpolation', rank: 'mid-rank' });
  });

  it('gives a provider identical to the median peer a normal signal and rank 0.5 everywhere', () => {
    const own = { ...ranked(4), agb: 'own-1' };
    const report = expectOk(mirrorReport({ year: 2018, own, population: [own, ...peers] }));
    expect(report.indicators.map((i) => i.id)).toEqual(['credit-share', 'follow-up-share', 'finding-share.duplicate', 'subtrajects-per-patient', 'cost-per-patient']); // in ADD §8 topic order
    for (const i of report.indicators) {
      expect(i, i.id).toMatchObject({ signal: 'normal', rank: '0.5000', peers: 9 });
      expect(i.value).toBe(i.percentiles.p50);
    }
  });

  it('signals a provider above P90 with a Dutch explanation, its topic and its source', () => {
    const own = { ...ranked(20), agb: 'own-1' };
    const report = expectOk(mirrorReport({ year: 2018, own, population: peers, specialismNames: new Map([['0320', 'Cardiologie']]) }));
    const cost = report.indicators.find((i) => i.id === 'cost-per-patient')!;
    // 9 peers at 5,000 … 45,000 cents per patient; own 105,000. P90: h = 7.2 → 40,000 + 0.2 × 5,000 = 41,000.
    expect(cost).toMatchObject({ specialism: '0320', value: '105000', unit: 'cents', topic: 'doelmatigheid', rank: '1.0000', signal: 'above-p90', label: 'Kosten per patiënt, Cardiologie (0320)' });
    expect(cost.percentiles).toEqual({ p10: '9000', p25: '15000', p50: '25000', p75: '35000', p90: '41000' });
    expect(cost.reason).toMatchObject({ rule: 'mirror.above-p90', source: 'ADD §8; MSZ §4A (A3)' });
    expect(cost.reason.message).toBe(
      'Kosten per patiënt, Cardiologie (0320): € 1.050,00 ligt boven het 90e percentiel (€ 410,00) van 9 vergelijkbare algemene ziekenhuizen. Onderwerp: doelmatigheid. Wij vragen u na te gaan of dit klopt en eventuele foutieve of afwijkende declaraties te corrigeren; bij onvoldoende verbetering kan controle volgen.',
    );
    const low = expectOk(mirrorReport({ year: 2018, own: { ...ranked(-3), agb: 'own-1' }, population: peers }));
    expect(low.indicators.find((i) => i.id === 'cost-per-patient')?.signal).toBe('below-p25');
    expect(report.notice.message).toContain('Bij onvoldoende verbetering kan overgegaan worden tot controle.');
  });

  it('never names or singles out another provider', () => {
    const own = { ...ranked(6), agb: 'own-1' };
    const body = JSON.stringify(expectOk(mirrorReport({ year: 2018, own, population: [own, ...peers] })));
    for (const p of peers) expect(body).not.toContain(p.agb);
    expect(body).toContain('own-1');
  });

  it('omits an indicator with too few peers instead of showing a recognisable distribution', () => {
    const own = { ...ranked(4), agb: 'own-1' };
    const few = peers.slice(0, 4);
    const report = expectOk(mirrorReport({ year: 2018, own, population: few }));
    expect(report.indicators).toEqual([]);
    expect(report.omitted.map((o) => o.id)).toContain('follow-up-share');
    expect(report.omitted.find((o) => o.id === 'follow-up-share')?.reason).toContain('(4, minimaal 5)');
    expect(report.notice.message).toContain('te weinig vergelijkbare aanbieders');
  });

  it('still reports on a provider below the patient minimum, and says so', () => {
    const own = { ...ranked(4), agb: 'own-1', patients: 12 };
    const report = expectOk(mirrorReport({ year: 2018, own, population: peers }));
    expect(report.own.meets_minimum).toBe(false);
    expect(report.notice.message).toContain('u had 12 patiënten, minder dan het minimum van 20');
  });

  it('rejects settings that would undo the anonymity', () => {
    const result = mirrorReport({ year: 2018, own: ranked(1), population: peers, settings: { minPatients: 20, minSpecialismPatients: 10, minPeers: 2 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.field).toBe('minPeers');
  });

  it('keeps its invariants for any population', () => {
    const aggregate = (agb: string, type: ProviderType) =>
      fc.record({
        claimLines: fc.integer({ min: 0, max: 5000 }),
        patients: fc.integer({ min: 0, max: 500 }),
        subtrajects: fc.integer({ min: -2, max: 3000 }),
        followUps: fc.integer({ min: 0, max: 3000 }),
        creditLines: fc.integer({ min: 0, max: 50 }),
        specialismPatients: fc.integer({ min: 0, max: 100 }),
        amountCents: fc.integer({ min: 0, max: 50_000_000 }),
        duplicates: fc.integer({ min: 0, max: 30 }),
      }).map((r): ProviderAggregates => ({
        agb, type, claimLines: r.claimLines, patients: r.patients, subtrajects: r.subtrajects, followUps: Math.min(r.followUps, Math.max(0, r.subtrajects)), creditLines: r.creditLines,
        specialisms: [{ specialism: '0303', patients: r.specialismPatients, amountCents: r.amountCents }],
        findings: [{ rule: 'duplicate', claims: r.duplicates }],
      }));
    const population = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => aggregate(`peer-${i}`, i % 3 === 0 ? 'zbc' : 'ziekenhuis'))));
    fc.assert(
      fc.property(aggregate('own-1', 'ziekenhuis'), population, (own, others) => {
        const report = expectOk(mirrorReport({ year: 2018, own, population: [own, ...others] }));
        const body = JSON.stringify(report);
        for (const p of others) expect(body).not.toMatch(new RegExp(`${p.agb}(?![0-9])`));
        for (const i of report.indicators) {
          const p = [i.percentiles.p10, i.percentiles.p25, i.percentiles.p50, i.percentiles.p75, i.percentiles.p90].map((v) => new Decimal(v));
          for (let k = 1; k < p.length; k++) expect(p[k - 1]!.lessThanOrEqualTo(p[k]!)).toBe(true);
          const rank = new Decimal(i.rank);
          expect(rank.greaterThanOrEqualTo(0) && rank.lessThanOrEqualTo(1)).toBe(true);
          expect(i.peers).toBeGreaterThanOrEqual(5);
          if (i.unit === 'cents') expect(Number.isSafeInteger(Number(i.value))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('mirrorOverview', () => {
  it('lists every provider meeting the minimum with its signals, most signals above P90 first', () => {
    const outlier = { ...ranked(20), agb: 'own-1' };
    const overview = expectOk(mirrorOverview({ year: 2018, settings: SETTINGS, population: [...peers, outlier, { ...ranked(3), agb: 'tiny-1', patients: 5 }], names }));
    expect(overview.below_minimum).toBe(1);
    expect(overview.providers).toHaveLength(10);
    const first = overview.providers[0]!;
    expect(first).toMatchObject({ agb: 'own-1', name: 'Eigen ziekenhuis', peers: 9 });
    expect(first.signals['above-p90']).toBe(5);
    expect(first.attention.every((a) => a.signal === 'above-p90')).toBe(true);
    const middle = overview.providers.find((p) => p.agb === 'peer-004')!;
    expect(middle.attention).toEqual([]);
  });
});
