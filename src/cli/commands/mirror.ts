/**
 * `zorginkoop mirror`: mirror information (spiegelinformatie, ADD §8). With `--provider`, one
 * provider's indicators against its peers (value, P25-P75 band, signal); without it, the staff
 * overview of every provider's signals. Runs as the CLI's system actor; the read is audited. The
 * peer-group minimums come from the MSZ policy of the year (`mirror_min_*` parameters).
 */
import type { Command } from 'commander';
import { systemActor } from '../../domain/auth/actor.js';
import { formatIndicator, topicTitle, type IndicatorUnit, type MirrorSignal } from '../../domain/mirror/index.js';
import { MoneyDecimal } from '../../domain/money/index.js';
import { mirrorOverview, mirrorReportFor } from '../../app/claims/mirror.js';
import { loadPolicyCatalogue } from '../../app/policies.js';
import { printJson, unwrap, withDatabase } from '../io.js';

const SIGNAL_TEXT: Record<MirrorSignal, string> = {
  'above-p90': 'boven P90',
  'above-p75': 'boven P75',
  normal: 'normaal',
  'below-p25': 'onder P25',
};

const show = (value: string, unit: IndicatorUnit) => formatIndicator(new MoneyDecimal(value), unit);

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

export function registerMirrorCommands(program: Command): void {
  program
    .command('mirror')
    .description('Spiegelinformatie: declaratiegedrag tegenover vergelijkbare aanbieders (ADD §8)')
    .option('--provider <agb>', 'AGB-code van de zorgaanbieder; zonder: overzicht van alle aanbieders')
    .requiredOption('--year <year>', 'jaar van de declaraties')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { provider?: string; year: string; json?: boolean }) => {
      const json = opts.json === true;
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const deps = { db, actor: systemActor('cli'), policies };
        if (!opts.provider) {
          const overview = unwrap(await mirrorOverview(deps, opts.year), json);
          if (json) return printJson(overview);
          console.log(`Spiegelinformatie ${overview.year}: ${overview.providers.length} aanbieders vergeleken, ${overview.below_minimum} onder het minimum van ${overview.settings.minPatients} patiënten`);
          const rows = overview.providers.map((p) => [p.agb, p.name ?? '', String(p.signals['above-p90']), String(p.signals['above-p75']), String(p.signals['below-p25'])]);
          for (const line of table([['AGB', 'Naam', '>P90', '>P75', '<P25'], ...rows])) console.log(`  ${line}`);
          return;
        }
        const report = unwrap(await mirrorReportFor(deps, opts.provider, opts.year), json);
        if (json) return printJson(report);
        console.log(`Spiegelinformatie ${report.agb} ${report.year}: ${report.peer_group.providers} vergelijkbare aanbieders (${report.peer_group.type}), eigen patiënten ${report.own.patients}`);
        const rows = report.indicators.map((i) => [
          topicTitle(i.topic),
          i.label,
          show(i.value, i.unit),
          `${show(i.percentiles.p25, i.unit)} – ${show(i.percentiles.p75, i.unit)}`,
          SIGNAL_TEXT[i.signal],
        ]);
        for (const line of table([['Onderwerp', 'Indicator', 'Waarde', 'P25 – P75', 'Signaal'], ...rows])) console.log(`  ${line}`);
        for (const o of report.omitted) console.log(`  - niet getoond: ${o.label}: ${o.reason}`);
        console.log(`  ${report.notice.message}`);
      });
    });
}
