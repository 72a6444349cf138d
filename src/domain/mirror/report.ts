/**
 * The mirror report of one provider (ADD §8): each indicator against the distribution of its
 * peers — providers of the same type (umc, ziekenhuis, zbc, categoraal) with at least
 * `minPatients` patients, the provider itself left out — with P10..P90, its percentile rank, a
 * signal and a Dutch explanation. Shared first so the provider can correct; insufficient
 * improvement can lead to control.
 *
 * Anonymous by construction: a report holds the provider's own figures and, per indicator, only
 * the peer count and five interpolated percentiles; no peer's AGB, name or single figure. An
 * indicator with fewer than `minPeers` peer values is omitted rather than shown.
 */
import type { Decimal } from 'decimal.js';
import { ok, type Result } from '../errors.js';
import type { Reason } from '../explain.js';
import type { ProviderType } from '../providers/provider-record.js';
import {
  MIRROR_TOPICS, formatIndicator, indicatorDefinition, indicatorKey, indicatorText, indicatorValues, reportedRules, topicTitle,
  type IndicatorId, type IndicatorUnit, type MirrorTopicId, type OmittedIndicator, type ProviderAggregates,
} from './indicators.js';
import {
  MIRROR_PERCENTILE_METHOD, MIRROR_RANK_METHOD, peerPercentiles, percentileRank, signalOf, type MirrorSignal, type PercentileKey, type Percentiles,
} from './percentiles.js';
import { validateMirrorSettings, type MirrorSettings } from './settings.js';

export interface MirrorIndicator {
  id: IndicatorId;
  topic: MirrorTopicId;
  label: string;
  /** Plain decimal at the unit's precision: a share 0..1 (6 decimals), per patient (2), cents (integer). */
  value: string;
  unit: IndicatorUnit;
  specialism?: string;
  /** Number of peer values the distribution is made of. */
  peers: number;
  percentiles: Percentiles<string>;
  /** Mid-rank percentile rank among the peers, 0..1 (4 decimals). */
  rank: string;
  signal: MirrorSignal;
  reason: Reason;
}

export interface MirrorReport {
  agb: string;
  year: number;
  peer_group: { type: ProviderType; providers: number; min_patients: number; min_peers: number };
  own: { patients: number; meets_minimum: boolean };
  method: { percentiles: typeof MIRROR_PERCENTILE_METHOD; rank: typeof MIRROR_RANK_METHOD };
  indicators: MirrorIndicator[];
  omitted: (OmittedIndicator & { label: string })[];
  notice: Reason;
}

export interface MirrorInput {
  year: number;
  own: ProviderAggregates;
  /** Every provider's aggregates for the year (may include `own`; it is never its own peer). */
  population: readonly ProviderAggregates[];
  /** From the policy of the year (`mirrorSettingsFromPolicy`). */
  settings: MirrorSettings;
  /** Specialism names by code, for labels. */
  specialismNames?: ReadonlyMap<string, string>;
}

export const PEER_TYPE_LABELS: Record<ProviderType, string> = {
  umc: "umc's",
  ziekenhuis: 'algemene ziekenhuizen',
  zbc: 'zelfstandige behandelcentra',
  categoraal: 'categorale instellingen',
};

const SHARED_FIRST =
  'Door inzicht te geven in uw declaratiegedrag kunt u eventuele foutieve of afwijkende declaraties zelf corrigeren en naar de toekomst aanpassen. Bij onvoldoende verbetering kan overgegaan worden tot controle.';

/** Providers of `own`'s type, other than `own`, with at least `minPatients` patients. */
export function peerGroup(own: { agb: string; type: ProviderType }, population: readonly ProviderAggregates[], settings: MirrorSettings): ProviderAggregates[] {
  return population.filter((p) => p.agb !== own.agb && p.type === own.type && p.patients >= settings.minPatients);
}

function labelOf(id: IndicatorId, specialism: string | undefined, names: ReadonlyMap<string, string> | undefined): string {
  const base = indicatorDefinition(id).label;
  if (!specialism) return base;
  const name = names?.get(specialism);
  return name ? `${base}, ${name} (${specialism})` : `${base}, specialisme ${specialism}`;
}

function explain(id: IndicatorId, label: string, specialism: string | undefined, value: Decimal, pct: Percentiles<Decimal>, rank: string, peers: number, signal: MirrorSignal, type: ProviderType): Reason {
  const def = indicatorDefinition(id);
  const f = (d: Decimal) => formatIndicator(d, def.unit);
  const group = `${peers} vergelijkbare ${PEER_TYPE_LABELS[type]}`;
  const topic = `Onderwerp: ${topicTitle(def.topic).toLowerCase()}.`;
  const message = {
    'above-p90': `${label}: ${f(value)} ligt boven het 90e percentiel (${f(pct.p90)}) van ${group}. ${topic} Wij vragen u na te gaan of dit klopt en eventuele foutieve of afwijkende declaraties te corrigeren; bij onvoldoende verbetering kan controle volgen.`,
    'above-p75': `${label}: ${f(value)} ligt boven het 75e percentiel (${f(pct.p75)}), maar niet boven het 90e (${f(pct.p90)}), van ${group}. ${topic} Een aandachtspunt om na te gaan.`,
    normal: `${label}: ${f(value)} ligt binnen de gebruikelijke band van het 25e tot 75e percentiel (${f(pct.p25)} tot ${f(pct.p75)}) van ${group}. ${topic}`,
    'below-p25': `${label}: ${f(value)} ligt onder het 25e percentiel (${f(pct.p25)}) van ${group}: lager dan bij de meeste vergelijkbare aanbieders. ${topic}`,
  }[signal];
  const text = (key: PercentileKey) => indicatorText(pct[key], def.unit);
  return {
    rule: `mirror.${signal}`,
    source: `ADD §8; ${def.source}`,
    inputs: {
      indicator: id,
      specialism: specialism ?? null,
      value: indicatorText(value, def.unit),
      p10: text('p10'), p25: text('p25'), p50: text('p50'), p75: text('p75'), p90: text('p90'),
      rank,
      peers,
      percentile_method: MIRROR_PERCENTILE_METHOD,
      rank_method: MIRROR_RANK_METHOD,
    },
    message,
  };
}

const topicOrder = (topic: MirrorTopicId) => MIRROR_TOPICS.findIndex((t) => t.id === topic);

export function mirrorReport(input: MirrorInput): Result<MirrorReport> {
  const settings = validateMirrorSettings(input.settings);
  if (!settings.ok) return settings;
  const s = settings.value;
  const { own, year } = input;
  const rules = reportedRules([...input.population, own]);
  const peers = peerGroup(own, input.population, s);

  const peerValues = new Map<string, Decimal[]>();
  for (const peer of peers) {
    for (const v of indicatorValues(peer, s, rules).values) {
      const key = indicatorKey(v);
      const list = peerValues.get(key);
      if (list) list.push(v.value);
      else peerValues.set(key, [v.value]);
    }
  }

  const mine = indicatorValues(own, s, rules);
  const indicators: MirrorIndicator[] = [];
  const omitted: MirrorReport['omitted'] = mine.omitted.map((o) => ({ ...o, label: labelOf(o.id, o.specialism, input.specialismNames) }));
  for (const v of mine.values) {
    const values = peerValues.get(indicatorKey(v)) ?? [];
    const label = labelOf(v.id, v.specialism, input.specialismNames);
    const specialism = v.specialism ? { specialism: v.specialism } : {};
    if (values.length < s.minPeers) {
      omitted.push({ id: v.id, ...specialism, label, reason: `Te weinig vergelijkbare aanbieders voor een anonieme vergelijking (${values.length}, minimaal ${s.minPeers}).` });
      continue;
    }
    const def = indicatorDefinition(v.id);
    const pct = peerPercentiles(values);
    const rank = percentileRank(v.value, values).toFixed(4);
    const signal = signalOf(v.value, pct);
    indicators.push({
      id: v.id,
      topic: def.topic,
      label,
      value: indicatorText(v.value, def.unit),
      unit: def.unit,
      ...specialism,
      peers: values.length,
      percentiles: { p10: indicatorText(pct.p10, def.unit), p25: indicatorText(pct.p25, def.unit), p50: indicatorText(pct.p50, def.unit), p75: indicatorText(pct.p75, def.unit), p90: indicatorText(pct.p90, def.unit) },
      rank,
      signal,
      reason: explain(v.id, label, v.specialism, v.value, pct, rank, values.length, signal, own.type),
    });
  }
  indicators.sort((a, b) => topicOrder(a.topic) - topicOrder(b.topic));

  const meets = own.patients >= s.minPatients;
  const notes = [
    `Spiegelinformatie ${year}: uw declaratiegedrag vergeleken met ${peers.length} vergelijkbare ${PEER_TYPE_LABELS[own.type]} met elk minstens ${s.minPatients} patiënten. De vergelijking is anoniem: u ziet uw eigen cijfers en per indicator alleen de verdeling (10e tot 90e percentiel) van de anderen.`,
    SHARED_FIRST,
    ...(meets ? [] : [`Let op: u had ${own.patients} patiënten, minder dan het minimum van ${s.minPatients}; de vergelijking is indicatief.`]),
    ...(peers.length < s.minPeers ? [`Er zijn te weinig vergelijkbare aanbieders (${peers.length}, minimaal ${s.minPeers}) voor een anonieme vergelijking.`] : []),
  ];
  return ok({
    agb: own.agb,
    year,
    peer_group: { type: own.type, providers: peers.length, min_patients: s.minPatients, min_peers: s.minPeers },
    own: { patients: own.patients, meets_minimum: meets },
    method: { percentiles: MIRROR_PERCENTILE_METHOD, rank: MIRROR_RANK_METHOD },
    indicators,
    omitted,
    notice: {
      rule: 'mirror.shared-first',
      source: 'ADD §8',
      inputs: { year, peer_type: own.type, peers: peers.length, min_patients: s.minPatients, min_specialism_patients: s.minSpecialismPatients, min_peers: s.minPeers, own_patients: own.patients },
      message: notes.join(' '),
    },
  });
}
