import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../domain/auth/actor.js';
import { formatEuro } from '../../domain/money/index.js';
import { loadPolicyCatalogue } from '../../app/policies.js';
import { checkStoredClaims } from '../../app/claims/check-claims.js';
import { findingsCsv, listFindings } from '../../app/claims/findings.js';
import { importClaimsFile } from '../../app/claims/import-claims.js';
import { failWith, printJson, unwrap, withDatabase } from '../io.js';

export function registerClaimsCommands(program: Command): void {
  const claims = program.command('claims').description('Declaratiecontrole (MSZ §4A, §6; ADD §5, §8)');

  claims
    .command('import <file>')
    .description('Importeer een declaratiebestand (CSV met kopregel); per regel geaccepteerd of afgewezen met code en reden')
    .option('--json', 'uitvoer als JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const json = opts.json === true;
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) failWith({ code: 'invalid_input', message: `Kan ${file} niet lezen.`, issues: [{ file, message: 'Bestand niet gevonden.' }] }, json);
      await withDatabase(async (db) => {
        const report = unwrap(await importClaimsFile({ db, actor: systemActor('cli') }, { path: file, name: path.basename(file) }), json);
        if (json) return printJson(report);
        console.log(`${report.file}: ${report.accepted} geaccepteerd, ${report.rejected} afgewezen; ${report.stored} nieuw opgeslagen${report.duplicate_file ? ' (bestand was al geïmporteerd)' : ''}.`);
        for (const e of report.errors) console.log(`  regel ${e.line}, ${e.field}: ${e.code} ${e.message}`);
      });
    });

  claims
    .command('check')
    .description('Voer alle controles uit op de opgeslagen declaraties en bewaar de bevindingen')
    .option('--year <year>', 'alleen declaraties met een begindatum in dit jaar')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { year?: string; json?: boolean }) => {
      const json = opts.json === true;
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const report = unwrap(await checkStoredClaims({ db, actor: systemActor('cli'), policies }, { year: opts.year }), json);
        if (json) return printJson(report);
        console.log(`${report.claims} declaratieregels gecontroleerd${report.year ? ` (${report.year})` : ''}:`);
        for (const [rule, n] of Object.entries(report.findings)) console.log(`  ${rule.padEnd(22)} ${n}`);
      });
    });

  claims
    .command('findings')
    .description('Toon bevindingen (CSV: één regel per gemarkeerde declaratie, claim_id eerst)')
    .option('--rule <rule-id>', 'alleen deze regel')
    .option('--provider <agb>', 'alleen deze zorgaanbieder')
    .option('--format <format>', 'csv | json | text', 'text')
    .option('--header', 'CSV met kopregel')
    .option('--json', 'uitvoer als JSON (gelijk aan --format json)')
    .action(async (opts: { rule?: string; provider?: string; format: string; header?: boolean; json?: boolean }) => {
      const format = opts.json ? 'json' : opts.format;
      const json = format === 'json';
      if (!['csv', 'json', 'text'].includes(format)) failWith({ code: 'invalid_input', message: `--format moet csv, json of text zijn (gekregen: '${format}').`, issues: [{ field: 'format', message: 'Onbekend formaat.' }] }, json);
      await withDatabase(async (db) => {
        const findings = unwrap(await listFindings({ db, actor: systemActor('cli') }, { ...(opts.rule ? { rule: opts.rule } : {}), ...(opts.provider ? { agb: opts.provider } : {}) }), json);
        if (format === 'json') return printJson(findings);
        if (format === 'csv') return void process.stdout.write(findingsCsv(findings, { header: opts.header === true }));
        for (const f of findings) console.log(`${f.claim_id.padEnd(20)} ${f.rule.padEnd(22)} ${f.agb} ${formatEuro(f.amount_at_stake_cents).padStart(14)} ${f.action.padEnd(8)} ${f.status}`);
      });
    });
}
