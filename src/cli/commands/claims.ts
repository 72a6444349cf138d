import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../domain/auth/actor.js';
import { formatEuro } from '../../domain/money/index.js';
import { loadPolicyCatalogue } from '../../app/policies.js';
import { checkStoredClaims } from '../../app/claims/check-claims.js';
import { checkClaimsFile } from '../../app/claims/check-file.js';
import { findingsCsv, listFindings } from '../../app/claims/findings.js';
import { decideFinding, sendFindings } from '../../app/claims/hearing.js';
import { claimImportZh309 } from '../../app/claims/claim-imports.js';
import { exportClaims } from '../../app/claims/export-claims.js';
import { importClaimsFile, parseClaimFileFormat } from '../../app/claims/import-claims.js';
import { reclaimStatementModel } from '../../app/claims/reclaim-statement.js';
import { reclaimStatementJson, reclaimStatementPdf, reclaimStatementXlsx } from '../../documents/reclaim-statement.js';
import { failWith, printJson, unwrap, withDatabase } from '../io.js';

export function registerClaimsCommands(program: Command): void {
  const claims = program.command('claims').description('Declaratiecontrole (MSZ §4A, §6; ADD §5, §8)');

  claims
    .command('import <file>')
    .description('Importeer een declaratiebestand (CSV met kopregel, Vektis ZH308 of FHIR R4 Bundle met Claims); per record geaccepteerd of afgewezen met code en reden')
    .option('--format <format>', 'csv | zh308 | fhir', 'csv')
    .option('--json', 'uitvoer als JSON')
    .action(async (file: string, opts: { format: string; json?: boolean }) => {
      const json = opts.json === true;
      const format = unwrap(parseClaimFileFormat(opts.format), json);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) failWith({ code: 'invalid_input', message: `Kan ${file} niet lezen.`, issues: [{ file, message: 'Bestand niet gevonden.' }] }, json);
      await withDatabase(async (db) => {
        const report = unwrap(await importClaimsFile({ db, actor: systemActor('cli') }, { path: file, name: path.basename(file), format }), json);
        if (json) return printJson(report);
        console.log(`${report.file}: ${report.accepted} geaccepteerd, ${report.rejected} afgewezen; ${report.stored} nieuw opgeslagen${report.duplicate_file ? ' (bestand was al geïmporteerd)' : ''}; import ${report.import_id}.`);
        for (const e of report.errors) console.log(`  regel ${e.line}, ${e.field}: ${e.code} ${e.message}`);
      });
    });

  claims
    .command('export')
    .description('Schrijf de opgeslagen declaraties naar een bestand: csv, zh308 (één zorgaanbieder) of fhir (Bundle met Claims)')
    .option('--format <format>', 'csv | zh308 | fhir', 'csv')
    .requiredOption('--out <file>', 'het bestand om te schrijven')
    .option('--agb <agb>', 'alleen deze zorgaanbieder')
    .option('--year <year>', 'alleen declaraties met een begindatum in dit jaar')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { format: string; out: string; agb?: string; year?: string; json?: boolean }) => {
      const json = opts.json === true;
      await withDatabase(async (db) => {
        const result = unwrap(await exportClaims({ db, actor: systemActor('cli'), now: new Date() }, { format: opts.format, ...(opts.agb ? { agb: opts.agb } : {}), ...(opts.year ? { year: opts.year } : {}) }), json);
        await writeFile(opts.out, result.content);
        const summary = { file: opts.out, format: result.format, claims: result.claims };
        if (json) return printJson(summary);
        console.log(`${opts.out}: ${summary.claims} declaratieregel(s) als ${summary.format}.`);
      });
    });

  claims
    .command('zh309 <import-id>')
    .description('Schrijf het ZH309-antwoord (retourinformatie) op een geïmporteerd bestand: per record status en retourcodes')
    .requiredOption('--out <file>', 'het bestand om te schrijven')
    .option('--agb <agb>', 'alleen de records van deze zorgaanbieder')
    .option('--json', 'uitvoer als JSON')
    .action(async (importId: string, opts: { out: string; agb?: string; json?: boolean }) => {
      const json = opts.json === true;
      if (!/^[1-9][0-9]{0,14}$/.test(importId)) failWith({ code: 'invalid_input', message: `Ongeldig importnummer '${importId}'.`, issues: [{ field: 'import-id', message: 'Geen positief geheel getal.' }] }, json);
      await withDatabase(async (db) => {
        const answer = unwrap(await claimImportZh309({ db, actor: systemActor('cli') }, Number(importId), opts.agb ?? null), json);
        await writeFile(opts.out, answer.content);
        const summary = { file: opts.out, import_id: Number(importId), records: answer.records, accepted: answer.accepted, rejected: answer.rejected };
        if (json) return printJson(summary);
        console.log(`${opts.out}: ${summary.records} record(s), ${summary.accepted} geaccepteerd, ${summary.rejected} afgewezen.`);
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
    .command('check-file <file>')
    .description('Voer alle controles uit op een declaratiebestand zonder het op te slaan (zelfde uitvoer als claims check)')
    .option('--year <year>', 'jaar voor de plafonds (zonder jaar geen plafondcontrole)')
    .option('--workers <n>', 'aantal worker threads (standaard: aantal kernen)')
    .option('--json', 'uitvoer als JSON')
    .action(async (file: string, opts: { year?: string; workers?: string; json?: boolean }) => {
      const json = opts.json === true;
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) failWith({ code: 'invalid_input', message: `Kan ${file} niet lezen.`, issues: [{ file, message: 'Bestand niet gevonden.' }] }, json);
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const { report } = unwrap(
          await checkClaimsFile({ db, actor: systemActor('cli'), policies }, file, { year: opts.year, ...(opts.workers ? { workers: Number(opts.workers) } : {}) }),
          json,
        );
        if (json) return printJson(report);
        console.log(`${report.claims} declaratieregels in ${path.basename(file)}: ${report.accepted} geaccepteerd, ${report.rejected} afgewezen.`);
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

  claims
    .command('send')
    .description('Leg de open bevindingen van een zorgaanbieder voor (hoor en wederhoor), met een reactietermijn in werkdagen')
    .requiredOption('--provider <agb>', 'AGB-code van de zorgaanbieder')
    .option('--rule <rule-id>', 'alleen bevindingen van deze regel')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { provider: string; rule?: string; json?: boolean }) => {
      const json = opts.json === true;
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const report = unwrap(await sendFindings({ db, actor: systemActor('cli'), policies }, { agb: opts.provider, ...(opts.rule ? { rule: opts.rule } : {}) }, new Date()), json);
        if (json) return printJson(report);
        if (report.sent === 0) return console.log(`Geen open bevindingen voor ${report.agb}${opts.rule ? ` (regel ${opts.rule})` : ''}; niets verstuurd.`);
        console.log(`${report.sent} bevinding(en) voorgelegd aan ${report.agb}; reageren kan tot en met ${report.response_due} (${report.response_working_days} werkdagen).`);
      });
    });

  claims
    .command('decide <finding-id>')
    .description('Besluit over een bevinding: handhaven (een terugvordering pas na reactie of termijn) of intrekken')
    .option('--uphold', 'handhaven')
    .option('--withdraw', 'intrekken')
    .requiredOption('--note <text>', 'toelichting bij het besluit')
    .option('--json', 'uitvoer als JSON')
    .action(async (findingId: string, opts: { uphold?: boolean; withdraw?: boolean; note: string; json?: boolean }) => {
      const json = opts.json === true;
      if (opts.uphold === opts.withdraw) {
        failWith({ code: 'invalid_input', message: 'Kies precies één van --uphold of --withdraw.', issues: [{ field: 'decision', message: 'Geen of beide opties.' }] }, json);
      }
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const decision = opts.uphold ? 'uphold' : 'withdraw';
        const finding = unwrap(await decideFinding({ db, actor: systemActor('cli'), policies }, findingId, { decision, note: opts.note }, new Date()), json);
        if (json) return printJson(finding);
        console.log(`Bevinding ${finding.id} (${finding.claim_id}, ${finding.rule}): ${finding.status}.`);
      });
    });

  claims
    .command('reclaim-statement')
    .description('Schrijf het overzicht van gehandhaafde terugvorderingen en afwijzingen van een zorgaanbieder (PDF of Excel)')
    .requiredOption('--provider <agb>', 'AGB-code van de zorgaanbieder')
    .requiredOption('--year <year>', 'jaar van de declaraties')
    .option('--pdf <file>', 'schrijf als PDF')
    .option('--xlsx <file>', 'schrijf als Excel')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { provider: string; year: string; pdf?: string; xlsx?: string; json?: boolean }) => {
      const json = opts.json === true;
      if ((opts.pdf === undefined) === (opts.xlsx === undefined)) {
        failWith({ code: 'invalid_input', message: 'Kies precies één van --pdf <bestand> of --xlsx <bestand>.', issues: [{ field: 'format', message: 'Geen of beide opties.' }] }, json);
      }
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const format = opts.pdf ? 'pdf' : 'xlsx';
        const file = (opts.pdf ?? opts.xlsx)!;
        const model = unwrap(await reclaimStatementModel({ db, actor: systemActor('cli'), policies }, opts.provider, opts.year, new Date(), format), json);
        await writeFile(file, format === 'pdf' ? await reclaimStatementPdf(model) : await reclaimStatementXlsx(model));
        const statement = reclaimStatementJson(model);
        const summary = { file, format, provider: statement.provider.agb, year: statement.year, findings: statement.lines.length, total_cents: statement.total_cents };
        if (json) return printJson(summary);
        console.log(`${file}: ${summary.findings} gehandhaafde bevinding(en), totaal ${formatEuro(summary.total_cents)}.`);
      });
    });
}
