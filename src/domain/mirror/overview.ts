/**
 * The controllers' view of mirror information (ADD §8; naleving & controle): for every provider
 * that meets the peer-group minimum, how many of its indicators fall in each signal and which ones
 * are outside the P25-P75 band. Insurer staff only: it names providers. Providers with the most
 * signals above P90, then above P75, come first.
 */
import { ok, type Result } from '../errors.js';
import type { ProviderType } from '../providers/provider-record.js';
import type { IndicatorId, MirrorTopicId, ProviderAggregates } from './indicators.js';
import { MIRROR_SIGNALS, type MirrorSignal } from './percentiles.js';
import { mirrorReport } from './report.js';
import { validateMirrorSettings, type MirrorSettings } from './settings.js';

export interface MirrorOverviewRow {
  agb: string;
  name: string | null;
  type: ProviderType;
  patients: number;
  peers: number;
  signals: Record<MirrorSignal, number>;
  /** The indicators outside the P25-P75 band: above P90 first, then above P75, then below P25. */
  attention: { id: IndicatorId; specialism?: string; topic: MirrorTopicId; label: string; signal: MirrorSignal; value: string; p75: string; p90: string; rank: string }[];
}

export interface MirrorOverview {
  year: number;
  settings: MirrorSettings;
  providers: MirrorOverviewRow[];
  /** Providers with claims in the year but fewer than `minPatients` patients: not compared. */
  below_minimum: number;
}

const severity = (signal: MirrorSignal) => MIRROR_SIGNALS.indexOf(signal);

export function mirrorOverview(input: {
  year: number;
  population: readonly ProviderAggregates[];
  names?: ReadonlyMap<string, string>;
  /** From the policy of the year (`mirrorSettingsFromPolicy`). */
  settings: MirrorSettings;
  specialismNames?: ReadonlyMap<string, string>;
}): Result<MirrorOverview> {
  const settings = validateMirrorSettings(input.settings);
  if (!settings.ok) return settings;
  const rows: MirrorOverviewRow[] = [];
  const eligible = input.population.filter((p) => p.patients >= settings.value.minPatients);
  for (const own of eligible) {
    const report = mirrorReport({ year: input.year, own, population: input.population, settings: settings.value, ...(input.specialismNames ? { specialismNames: input.specialismNames } : {}) });
    if (!report.ok) return report;
    const signals = Object.fromEntries(MIRROR_SIGNALS.map((s) => [s, 0])) as Record<MirrorSignal, number>;
    for (const i of report.value.indicators) signals[i.signal] += 1;
    rows.push({
      agb: own.agb,
      name: input.names?.get(own.agb) ?? null,
      type: own.type,
      patients: own.patients,
      peers: report.value.peer_group.providers,
      signals,
      attention: report.value.indicators
        .filter((i) => i.signal !== 'normal')
        .sort((a, b) => severity(a.signal) - severity(b.signal))
        .map((i) => ({ id: i.id, ...(i.specialism ? { specialism: i.specialism } : {}), topic: i.topic, label: i.label, signal: i.signal, value: i.value, p75: i.percentiles.p75, p90: i.percentiles.p90, rank: i.rank })),
    });
  }
  rows.sort((a, b) => b.signals['above-p90'] - a.signals['above-p90'] || b.signals['above-p75'] - a.signals['above-p75'] || a.agb.localeCompare(b.agb));
  return ok({ year: input.year, settings: settings.value, providers: rows, below_minimum: input.population.length - eligible.length });
}
