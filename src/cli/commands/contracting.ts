/**
 * CLI for the contracting year: the published calendar (no database needed) and running the due
 * jobs (the deadline sweep) now, or as of an operator-given instant.
 */
import type { Command } from 'commander';
import { CALENDAR_PATHS, calendarView } from '../../app/contracting/calendar.js';
import { loadPolicyCatalogue } from '../../app/policies.js';
import { runDueJobs } from '../../jobs/run-due.js';
import { failWith, printJson, unwrap, withDatabase } from '../io.js';

const STATUS = { past: 'voorbij', today: 'VANDAAG', upcoming: 'komt' } as const;

function parseInstant(text: string | undefined, json: boolean): Date {
  if (text === undefined) return new Date();
  // A date alone means the start of that day in Amsterdam would be ambiguous; ask for an instant.
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) {
    failWith({ code: 'invalid_input', message: `--now moet een tijdstip zijn, bijvoorbeeld 2017-07-11T09:00:00+02:00 (gekregen: '${text}').`, issues: [{ field: 'now', message: 'Ongeldig tijdstip.' }] }, json);
  }
  return instant;
}

export function registerContractingCommands(program: Command): void {
  program
    .command('calendar')
    .description('Inkoopkalender van een beleidsjaar: elke datum met betekenis, bron en status (MSZ §5, §7)')
    .option('--policy <id>', 'beleid, bijvoorbeeld msz-2018 (standaard het nieuwste MSZ-beleid)')
    .option('--path <path>', `alleen dit pad: ${CALENDAR_PATHS.join(' | ')}`)
    .option('--on <date>', 'status ten opzichte van deze dag (JJJJ-MM-DD); standaard vandaag')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { policy?: string; path?: string; on?: string; json?: boolean }) => {
      const json = opts.json === true;
      const policies = unwrap(await loadPolicyCatalogue(), json);
      const view = unwrap(calendarView(policies, { ...(opts.policy ? { policy: opts.policy } : {}), ...(opts.path ? { path: opts.path } : {}), ...(opts.on ? { on: opts.on } : {}), now: new Date() }), json);
      if (json) return printJson(view);
      console.log(`${view.policy.title} — kalender${view.path ? ` (${view.path})` : ''}, peildatum ${view.today} (${view.time_zone})`);
      for (const e of view.events) {
        console.log(`\n${e.date}  [${STATUS[e.status]}]  ${e.title}`);
        console.log(`  ${e.meaning}`);
        console.log(`  ${e.kind}, ${e.actor}, paden: ${e.paths.join(', ')}; bron: ${e.source}`);
      }
    });

  const jobs = program.command('jobs').description('Achtergrondtaken (pg-boss-wachtrij op PostgreSQL en PGlite)');
  jobs
    .command('run-due')
    .description('Voer de openstaande taken nu uit: de termijnbewaking van het contracteringsjaar (idempotent)')
    .option('--now <instant>', 'tijdstip waarop de termijnen worden beoordeeld (ISO 8601), standaard nu')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { now?: string; json?: boolean }) => {
      const json = opts.json === true;
      const now = parseInstant(opts.now, json);
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const report = unwrap(await runDueJobs({ db, policies }, now, { requestedBy: 'cli' }), json);
        if (json) return printJson(report);
        console.log(`Taken uitgevoerd op ${report.now} (${report.engine}): ${report.jobs.length}`);
        for (const job of report.jobs) {
          const output = job.output as { checked?: number; changed?: number; events?: Record<string, number>; message?: string };
          const events = Object.entries(output.events ?? {}).map(([k, v]) => `${k} ${v}`).join(', ');
          console.log(`  ${job.name} ${job.state}: ${output.checked ?? 0} processen bekeken, ${output.changed ?? 0} gewijzigd${events ? ` (${events})` : ''}${output.message ? ` — ${output.message}` : ''}`);
        }
      });
    });
}
