/**
 * `zorginkoop authorisations`: prior authorisations for oral and maxillofacial surgery (MSZ
 * Bijlage 1 art. 6). `requirement` answers whether a treatment needs authorisation and why (no
 * database); `kinds` lists the treatment kinds of the policy; `list` shows the requests with their
 * decision clock and `clock` one request's clock (with its pauses and why: more information asked,
 * or an assessment at the advising dentist's consultation hour); `consultation` schedules that
 * assessment. The same use cases as the API, as the CLI's system actor (audited). `--at` evaluates
 * the clock (and the step) at a given moment instead of now.
 */
import type { Command } from 'commander';
import { listAuthorisationQueue, getAuthorisation } from '../../app/authorisations/queries.js';
import { checkRequirement, listTreatmentKinds } from '../../app/authorisations/requirement.js';
import { scheduleConsultation } from '../../app/authorisations/transitions.js';
import type { AuthorisationSummary } from '../../app/authorisations/view.js';
import { loadPolicyCatalogue } from '../../app/policies.js';
import { systemActor } from '../../domain/auth/actor.js';
import type { DecisionClock, Pause, PauseReason } from '../../domain/authorisations/index.js';
import { fail } from '../../domain/errors.js';
import { printJson, unwrap, withDatabase } from '../io.js';

const OUTCOME_TEXT = { required: 'machtiging nodig', 'not-required': 'machtigingsvrij', 'in-doubt': 'bij twijfel aanvragen' } as const;

function parseAt(value: string | undefined, json: boolean): Date {
  if (value === undefined) return new Date();
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) unwrap(fail('invalid_input', `--at moet een datum en tijd zijn, bijvoorbeeld 2018-03-20T10:00:00+01:00 (gekregen: '${value}').`, [{ field: 'at', message: 'Ongeldig moment.' }]), json);
  return at;
}

function parseFact(value: string | undefined, field: string, json: boolean): boolean | null {
  if (value === undefined) return null;
  if (['ja', 'yes', 'true'].includes(value.toLowerCase())) return true;
  if (['nee', 'no', 'false'].includes(value.toLowerCase())) return false;
  return unwrap(fail('invalid_input', `--${field} is ja of nee (gekregen: '${value}').`, [{ field, message: 'ja of nee' }]), json);
}

const PAUSE_TEXT: Record<PauseReason, string> = { information: 'nadere informatie gevraagd', consultation: 'spreekuur adviserend tandarts' };

function pausedFor(clock: DecisionClock): string {
  return clock.pause_reasons.map((r) => (r === 'consultation' && clock.consultation_date ? `${PAUSE_TEXT[r]} op ${clock.consultation_date}` : PAUSE_TEXT[r])).join(' en ');
}

export function pauseText(p: Pause): string {
  return p.reason === 'consultation'
    ? `pauze (spreekuur adviserend tandarts): ingepland ${p.from}, spreekuur ${p.until ?? '—'}`
    : `pauze (nadere informatie): vraag ${p.from}, antwoord ${p.until ?? 'nog niet'}`;
}

export function clockText(clock: DecisionClock): string {
  if (clock.decided_on) return `${clock.late ? 'TE LAAT' : 'op tijd'} beslist op ${clock.decided_on} (werkdag ${clock.working_days_used}/${clock.working_days})`;
  if (clock.late) return `TE LAAT: ${clock.working_days_late} werkdag(en) over de termijn (uiterlijk ${clock.due_date})${clock.paused ? `, gepauzeerd (${pausedFor(clock)})` : ''}`;
  if (clock.paused) {
    return `gepauzeerd (${pausedFor(clock)}), nog ${clock.working_days_remaining}/${clock.working_days} werkdagen${clock.due_date ? `, uiterlijk ${clock.due_date}` : ''}`;
  }
  return `uiterlijk ${clock.due_date}, nog ${clock.working_days_remaining}/${clock.working_days} werkdagen`;
}

export function registerAuthorisationCommands(program: Command): void {
  const authorisations = program.command('authorisations').description('Machtigingen kaakchirurgie (MSZ Bijlage 1 art. 6)');

  authorisations
    .command('requirement')
    .description('Is voor een behandeling een machtiging nodig, en waarom? (slaat niets op)')
    .requiredOption('--birth-date <date>', 'geboortedatum van de patiënt (JJJJ-MM-DD)')
    .requiredOption('--treatment-date <date>', '(geplande) behandeldatum (JJJJ-MM-DD)')
    .requiredOption('--kind <kind>', 'soort behandeling (zie: authorisations kinds)')
    .option('--in-doubt', 'u twijfelt of de behandeling onder de Zvw valt (item 19)')
    .option('--implants-covered <ja|nee>', 'item 17: de bijbehorende implantaten vallen onder de Zvw')
    .option('--orthodontics-special-dentistry <ja|nee>', 'item 18: orthodontie in het kader van bijzondere tandheelkunde')
    .option('--serious-medical-grounds <ja|nee>', 'item 16: zwaarwegende medische gronden voor extractie onder narcose')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { birthDate: string; treatmentDate: string; kind: string; inDoubt?: boolean; implantsCovered?: string; orthodonticsSpecialDentistry?: string; seriousMedicalGrounds?: string; json?: boolean }) => {
      const json = opts.json === true;
      const policies = unwrap(await loadPolicyCatalogue(), json);
      const result = unwrap(
        checkRequirement(
          { actor: systemActor('cli'), policies, now: new Date() },
          {
            birth_date: opts.birthDate,
            treatment_date: opts.treatmentDate,
            treatment_kind: opts.kind,
            in_doubt: opts.inDoubt === true,
            implants_covered: parseFact(opts.implantsCovered, 'implants-covered', json),
            orthodontics_special_dentistry: parseFact(opts.orthodonticsSpecialDentistry, 'orthodontics-special-dentistry', json),
            serious_medical_grounds: parseFact(opts.seriousMedicalGrounds, 'serious-medical-grounds', json),
          },
        ),
        json,
      );
      if (json) return printJson(result);
      console.log(`${result.treatment_title}, patiënt ${result.age} jaar op ${result.treatment_date}: ${OUTCOME_TEXT[result.outcome]}.`);
      console.log(result.message);
      for (const r of result.reasons) console.log(`  - ${r.message} [${r.rule}; ${r.source}]`);
    });

  authorisations
    .command('kinds')
    .description('Soorten behandeling en de verplichte inhoud van een aanvraag volgens het beleid')
    .option('--date <date>', 'behandeldatum; bepaalt het beleid (standaard vandaag)')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { date?: string; json?: boolean }) => {
      const json = opts.json === true;
      const policies = unwrap(await loadPolicyCatalogue(), json);
      const list = unwrap(listTreatmentKinds({ policies, now: new Date() }, opts.date), json);
      if (json) return printJson(list);
      console.log(`Beleid ${list.policy_id} (${list.source}):`);
      for (const k of list.kinds) console.log(`  ${k.id.padEnd(48)} ${k.title} [${k.source}]`);
      console.log(`Verplichte inhoud: ${list.required_content.map((c) => `${c.title}${c.optional ? ' (optioneel)' : ''}`).join('; ')}.`);
    });

  authorisations
    .command('list')
    .description('Machtigingsaanvragen met de beslistermijn (open eerst, op uiterlijke beslisdatum)')
    .option('--agb <agb>', 'alleen deze zorgaanbieder')
    .option('--status <status>', 'submitted | info-requested | approved | rejected | withdrawn')
    .option('--at <moment>', 'termijn berekenen op dit moment (standaard nu), ISO 8601')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { agb?: string; status?: string; at?: string; json?: boolean }) => {
      const json = opts.json === true;
      const now = parseAt(opts.at, json);
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const list: AuthorisationSummary[] = unwrap(await listAuthorisationQueue({ db, actor: systemActor('cli'), policies, now }, { agb: opts.agb, status: opts.status }), json);
        if (json) return printJson(list);
        if (list.length === 0) return console.log('Geen machtigingsaanvragen.');
        for (const a of list) {
          console.log(`${String(a.id).padStart(5)}  ${a.agb}  ${a.status_text.padEnd(26)}  ${a.treatment_title.slice(0, 40).padEnd(40)}  ontvangen ${a.clock.received_on}  ${clockText(a.clock)}`);
        }
        console.log(`\n${list.length} aanvraag/aanvragen, waarvan ${list.filter((a) => a.clock.late).length} te laat.`);
      });
    });

  authorisations
    .command('clock')
    .description('De beslistermijn van één aanvraag (ontvangen, pauzes, uiterlijke datum, werkdagen, te laat)')
    .argument('<id>', 'nummer van de machtigingsaanvraag')
    .option('--at <moment>', 'termijn berekenen op dit moment (standaard nu), ISO 8601')
    .option('--json', 'uitvoer als JSON')
    .action(async (id: string, opts: { at?: string; json?: boolean }) => {
      const json = opts.json === true;
      const now = parseAt(opts.at, json);
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const detail = unwrap(await getAuthorisation({ db, actor: systemActor('cli'), policies, now }, id), json);
        if (json) return printJson({ id: detail.id, agb: detail.agb, status: detail.status, clock: detail.clock });
        console.log(`Aanvraag ${detail.id} (${detail.agb}, ${detail.status_text}): ${clockText(detail.clock)}.`);
        console.log(`Ontvangen ${detail.clock.received_on}; termijn ${detail.clock.working_days} werkdagen (${detail.clock.reason.source}).`);
        for (const p of detail.clock.pauses) console.log(`  ${pauseText(p)}`);
        console.log(detail.clock.reason.message);
      });
    });

  authorisations
    .command('consultation')
    .description('Nadere beoordeling op het spreekuur van de adviserend tandarts plannen (item 22): de beslistermijn staat stil tot en met die dag')
    .argument('<id>', 'nummer van de machtigingsaanvraag')
    .requiredOption('--date <date>', 'datum van het spreekuur (JJJJ-MM-DD)')
    .option('--note <text>', 'toelichting voor de zorgaanbieder')
    .option('--at <moment>', 'het moment van inplannen (standaard nu), ISO 8601')
    .option('--json', 'uitvoer als JSON')
    .action(async (id: string, opts: { date: string; note?: string; at?: string; json?: boolean }) => {
      const json = opts.json === true;
      const now = parseAt(opts.at, json);
      const policies = unwrap(await loadPolicyCatalogue(), json);
      await withDatabase(async (db) => {
        const detail = unwrap(await scheduleConsultation({ db, actor: systemActor('cli'), policies, now }, id, { date: opts.date, note: opts.note }), json);
        if (json) return printJson({ id: detail.id, agb: detail.agb, status: detail.status, clock: detail.clock });
        console.log(`Aanvraag ${detail.id} (${detail.agb}): spreekuur op ${detail.clock.consultation_date ?? opts.date}; ${clockText(detail.clock)}.`);
      });
    });
}
