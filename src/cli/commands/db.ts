import type { Command } from 'commander';
import { verifyAuditChain } from '../../storage/audit.js';
import { migrate } from '../../storage/migrate.js';
import { CliExit, printJson, withDatabase } from '../io.js';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database');
  db.command('migrate')
    .description('Voer de migraties uit (idempotent)')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(
        async (database) => {
          const report = await migrate(database);
          if (opts.json) return printJson({ database: database.kind, ...report });
          console.log(`${database.description}: ${report.applied.length} migratie(s) uitgevoerd; huidige versie ${report.current}.`);
        },
        { migrate: false },
      );
    });

  program
    .command('audit')
    .description('Auditlog')
    .command('verify')
    .description('Controleer de hashketen van het auditlog (gewijzigde of verwijderde records)')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (database) => {
        const result = await verifyAuditChain(database);
        if (opts.json) printJson(result);
        else if (result.valid) console.log(`Auditlog in orde: ${result.records} records, keten sluitend.`);
        else {
          console.error(`Auditlog NIET in orde: ${result.problems.length} probleem/problemen.`);
          for (const p of result.problems) console.error(`  - record ${p.seq}: ${p.problem}`);
        }
        if (!result.valid) throw new CliExit(2);
      });
    });
}
