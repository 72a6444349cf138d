/**
 * CLI for quarterly add-on figures (ADD §5), under the existing `addon` command group:
 * `zorginkoop addon figures upload <file> --agb --year --quarter [--json]`,
 * `zorginkoop addon figures list --agb [--year] [--json]` and
 * `zorginkoop addon figures template --format csv|xlsx --out <file>`.
 * The CLI acts as the system (an operator recording a file received otherwise); the receipt time is now.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { figuresOverview } from '../../app/addon-figures/list-figures.js';
import { figuresTemplateCsv, figuresTemplateXlsx } from '../../app/addon-figures/template.js';
import { uploadFigures } from '../../app/addon-figures/upload-figures.js';
import { loadPolicyCatalogue } from '../../app/policies.js';
import { systemActor } from '../../domain/auth/actor.js';
import { formatEuro } from '../../domain/money/index.js';
import { failWith, printJson, unwrap, withDatabase } from '../io.js';

const Q2_TEXT = { 'on-time': 'tijdig', late: 'te laat', incorrect: 'onjuist (alleen afgekeurde bestanden)' } as const;

/** The `addon` group registered by the purchasing commands, or a new one when it is absent. */
function addonGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'addon') ?? program.command('addon').description('Add-on geneesmiddelen (ADD)');
}

export function registerAddonFiguresCommands(program: Command): void {
  const figures = addonGroup(program).command('figures').description('Kwartaalcijfers add-on: realisatie en prognose per geneesmiddel (ADD §5)');

  figures
    .command('upload')
    .description('Lever een bestand met kwartaalcijfers aan (CSV of XLSX); alles of niets, hetzelfde bestand opnieuw slaat niets op')
    .argument('<file>', 'CSV- of XLSX-bestand volgens het sjabloon')
    .requiredOption('--agb <agb>', 'AGB-code van de zorgaanbieder')
    .requiredOption('--year <year>', 'jaar waarover de cijfers gaan (bij de FDA 2022: 2021)')
    .requiredOption('--quarter <quarter>', 'kwartaal 1-4')
    .option('--json', 'uitvoer als JSON')
    .action(async (file: string, opts: { agb: string; year: string; quarter: string; json?: boolean }) => {
      const json = opts.json === true;
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch (error) {
        return failWith({ code: 'invalid_input', message: `Kan ${file} niet lezen: ${(error as Error).message}`, issues: [{ file, message: 'Onleesbaar bestand.' }] }, json);
      }
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const result = await uploadFigures({ db, actor: systemActor('cli'), policies, now: new Date() }, { agb: opts.agb, year: opts.year, quarter: opts.quarter, file: { name: path.basename(file), content } });
        const report = unwrap(result, json);
        if (json) return printJson(report);
        console.log(report.message);
        const u = report.upload;
        console.log(`  aanlevering ${u.id}: ${u.row_count} regels, realisatie ${formatEuro(u.realisation_cents)}, prognose rest van het jaar ${formatEuro(u.prognosis_cents)}; sha256 ${u.sha256}`);
        if (report.q2) console.log(`  Q2-status ${report.q2.year}: ${report.q2.status ? Q2_TEXT[report.q2.status] : 'niets vastgelegd'} — ${report.q2.reason.message}`);
      });
    });

  figures
    .command('list')
    .description('Aanleveringen van een zorgaanbieder, de termijnen per kwartaal en de vastgelegde Q2-status')
    .requiredOption('--agb <agb>', 'AGB-code van de zorgaanbieder')
    .option('--year <year>', 'jaar waarover de cijfers gaan (standaard dat van het nieuwste add-on-beleid)')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { agb: string; year?: string; json?: boolean }) => {
      const json = opts.json === true;
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const overview = unwrap(await figuresOverview({ db, actor: systemActor('cli'), policies }, opts.agb, opts.year), json);
        if (json) return printJson(overview);
        console.log(`Kwartaalcijfers ${overview.year} van ${overview.agb} (${overview.policy.id})`);
        for (const q of overview.quarters) console.log(`  Q${q.quarter} uiterlijk ${q.deadline}: ${q.status}${q.current_upload_id ? ` (aanlevering ${q.current_upload_id})` : ''}`);
        console.log(`  Q2-status: ${overview.q2.status ? Q2_TEXT[overview.q2.status] : 'niets vastgelegd'} — ${overview.q2.reason.message}`);
        for (const u of overview.uploads) console.log(`  ${u.id}  Q${u.quarter}  ${u.received_at}  ${u.status.padEnd(8)}  ${u.in_time ? 'tijdig ' : 'te laat'}  ${u.file_name}`);
      });
    });

  figures
    .command('template')
    .description('Schrijf het sjabloon (kopregel en een voorbeeldregel) als CSV of Excel')
    .option('--format <format>', 'csv | xlsx', 'csv')
    .requiredOption('--out <file>', 'doelbestand')
    .action(async (opts: { format: string; out: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'xlsx') {
        return failWith({ code: 'invalid_input', message: `--format moet csv of xlsx zijn (gekregen: '${opts.format}').`, issues: [{ field: 'format', message: 'Onbekend formaat.' }] }, false);
      }
      const policies = unwrap(await loadPolicyCatalogue(), false);
      const content = opts.format === 'csv' ? unwrap(figuresTemplateCsv(policies), false) : unwrap(await figuresTemplateXlsx(policies), false);
      await writeFile(opts.out, content);
      console.log(`Sjabloon geschreven naar ${opts.out}`);
    });
}
