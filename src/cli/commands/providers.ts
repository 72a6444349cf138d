import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../domain/auth/actor.js';
import { formatEuro } from '../../domain/money/index.js';
import { importProviders } from '../../app/providers/import-providers.js';
import { listProvidersFor } from '../../app/providers/queries.js';
import { failWith, printJson, unwrap, withDatabase } from '../io.js';

export function registerProviderCommands(program: Command): void {
  const providers = program.command('providers').description('Zorgaanbieders');

  providers
    .command('import <file>')
    .description('Importeer zorgaanbieders uit CSV of XLSX (kolommen: agb,name,type,city,kernregio,zk_revenue_eur; alles of niets)')
    .option('--json', 'uitvoer als JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const json = opts.json === true;
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch (error) {
        failWith({ code: 'invalid_input', message: `Kan ${file} niet lezen: ${(error as Error).message}`, issues: [{ file, message: 'Bestand niet leesbaar.' }] }, json, {
          imported: 0,
          errors: [{ file, line: 0, column: '', message: `Kan ${file} niet lezen.` }],
        });
      }
      await withDatabase(async (db) => {
        const result = await importProviders({ db, actor: systemActor('cli') }, { name: path.basename(file), content });
        if (!result.ok) {
          const errors = (result.error.issues ?? [{ message: result.error.message }]).map((i) => ({ line: i.line ?? 0, column: i.column ?? i.field ?? '', message: i.message, ...(i.file ? { file: i.file } : {}) }));
          failWith(result.error, json, { imported: 0, created: 0, updated: 0, unchanged: 0, errors });
        }
        const report = result.value;
        if (json) return printJson(report);
        console.log(`${report.imported} zorgaanbieder(s) geïmporteerd (${report.created} nieuw, ${report.updated} gewijzigd), ${report.unchanged} ongewijzigd.`);
      });
    });

  providers
    .command('list')
    .description('Toon alle zorgaanbieders')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (db) => {
        const list = unwrap(await listProvidersFor({ db, actor: systemActor('cli') }), opts.json === true);
        if (opts.json) return printJson(list);
        for (const p of list) {
          console.log(`${p.agb}  ${p.type.padEnd(10)} ${p.kernregio ? 'kernregio' : '         '}  ${formatEuro(p.zk_revenue_cents).padStart(18)}  ${p.name} (${p.city})`);
        }
      });
    });
}
