/**
 * `zorginkoop applications`: the applications of new providers (MSZ §5). `list` shows a contract
 * year's applications; `assess` accepts or rejects one with the same use case as the API (same
 * deadlines, same audit), as the CLI's system actor. `--at` replays an assessment at a given moment
 * (for a demo of a past contracting year); the moment is what the deadline check and the record use.
 */
import type { Command } from 'commander';
import { assessApplication } from '../../app/applications/assess-application.js';
import type { ApplicationView } from '../../app/applications/application-view.js';
import { listApplications } from '../../app/applications/list-applications.js';
import { loadPolicyCatalogue } from '../../app/policies.js';
import { systemActor } from '../../domain/auth/actor.js';
import { fail } from '../../domain/errors.js';
import { printJson, unwrap, withDatabase } from '../io.js';

const STATUS_TEXT: Record<ApplicationView['status'], string> = { submitted: 'ingediend', assessing: 'toelating loopt', accepted: 'toegelaten', rejected: 'afgewezen' };

function parseAt(value: string | undefined, json: boolean): Date {
  if (value === undefined) return new Date();
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) unwrap(fail('invalid_input', `--at moet een datum en tijd zijn, bijvoorbeeld 2017-09-14T10:00:00+02:00 (gekregen: '${value}').`, [{ field: 'at', message: 'Ongeldig moment.' }]), json);
  return at;
}

export function registerApplicationCommands(program: Command): void {
  const applications = program.command('applications').description('Aanmeldingen van nieuwe aanbieders (MSZ §5)');

  applications
    .command('list')
    .description('Aanmeldingen van een contractjaar')
    .requiredOption('--year <year>', 'contractjaar, bijvoorbeeld 2018')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { year: string; json?: boolean }) => {
      const json = opts.json === true;
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const list = unwrap(await listApplications({ db, actor: systemActor('cli'), policies }, opts.year), json);
        if (json) return printJson(list);
        if (list.length === 0) return console.log(`Geen aanmeldingen voor ${opts.year}.`);
        for (const a of list) {
          console.log(`${a.id}  ${a.agb}  ${STATUS_TEXT[a.status].padEnd(15)}  ${a.organisation_name} (${a.city})  ingediend ${a.submitted_at.slice(0, 10)}${a.objection_kind ? `  ${a.objection_kind === 'objection' ? 'bezwaar' : 'verzoek om toelichting'} ${a.objection_at?.slice(0, 10) ?? ''}` : ''}`);
        }
        const first = list[0]!;
        console.log(`\n${list.length} aanmelding(en). Beoordelen tot en met ${first.deadlines.assessment}; bezwaar tot en met ${first.deadlines.objection}.`);
      });
    });

  applications
    .command('assess')
    .description('Een aanmelding toelaten of met redenen afwijzen (uiterlijk op de beoordelingsdatum)')
    .argument('<id>', 'aanvraagnummer')
    .option('--accept', 'toelaten: zorgaanbieder aanmaken en onderhandelingsstand "nieuwe aanbieder"')
    .option('--reject', 'afwijzen (met --reasons)')
    .option('--reasons <text>', 'toelichting voor de afwijzingsbrief')
    .option('--at <moment>', 'moment van beoordelen (standaard nu), ISO 8601')
    .option('--json', 'uitvoer als JSON')
    .action(async (id: string, opts: { accept?: boolean; reject?: boolean; reasons?: string; at?: string; json?: boolean }) => {
      const json = opts.json === true;
      if (opts.accept === opts.reject) unwrap(fail('invalid_input', 'Kies precies één van --accept en --reject.', [{ field: 'decision', message: 'Eén keuze.' }]), json);
      const at = parseAt(opts.at, json);
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const result = unwrap(
          await assessApplication({ db, actor: systemActor('cli'), policies }, id, { decision: opts.accept ? 'accept' : 'reject', ...(opts.reasons !== undefined ? { reasons: opts.reasons } : {}) }, at),
          json,
        );
        if (json) return printJson(result);
        const a = result.application;
        console.log(`Aanvraag ${a.id} (${a.organisation_name}, AGB ${a.agb}): ${STATUS_TEXT[a.status]}.`);
        if (a.status === 'accepted') console.log(`Zorgaanbieder ${result.provider_created ? 'aangemaakt' : 'bestond al'}; onderhandelingsstand ${a.year}: nieuwe aanbieder.`);
        if (a.status === 'rejected') console.log(`Afwijzingsbrief: GET /api/applications/${a.id}/rejection-letter.pdf; bezwaar mogelijk tot en met ${a.deadlines.objection}.`);
      });
    });
}
