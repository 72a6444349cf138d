/**
 * Demo data: a few prior-authorisation requests of the demo provider in different states, made
 * through the same use cases as the app (submission, question, answer, decision) at fixed moments
 * in spring 2018, so the history, the audit log and the decision clocks are what the app would have
 * recorded: one approved in time, one rejected on working day 11 (late), one waiting for the
 * provider's answer (clock paused), one answered and running, one submitted in doubt. Idempotent:
 * a request whose demo reference exists is left alone, so a second seed adds nothing.
 */
import type { Actor } from '../../domain/auth/actor.js';
import { systemActor } from '../../domain/auth/actor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findUserByEmail } from '../../storage/repositories/users.js';
import { submitAuthorisation, type SubmitRequest } from '../authorisations/submit.js';
import { decideAuthorisation, provideInformation, requestInformation } from '../authorisations/transitions.js';
import { loadPolicyCatalogue, type PolicyCatalogue } from '../policies.js';
import { DEMO_LOGINS } from './demo-users.js';

type Step =
  | { at: string; action: 'question'; text: string }
  | { at: string; action: 'answer'; text: string }
  | { at: string; action: 'decide'; decision: 'approve' | 'reject'; reason: string };

interface DemoRequest {
  reference: string;
  receivedAt: string;
  request: Omit<SubmitRequest, 'provider_reference'>;
  steps: Step[];
}

/** A small, valid one-page PDF with a line of text, as a demo record (dossier). */
export function demoRecordPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, ' ').replace(/[^\x20-\x7e]/g, '?');
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const plan = (lines: [string, number[], number][]) => lines.map(([performance_code, element_numbers, amount_cents]) => ({ performance_code, element_numbers, amount_cents }));

export const DEMO_AUTHORISATIONS: DemoRequest[] = [
  {
    reference: 'DEMO-KC-001',
    receivedAt: '2018-03-05T09:30:00+01:00',
    request: {
      patient: { bsn: '900000685', name: 'M. (Maria) de Boer', birth_date: '1958-09-21' },
      treatment_kind: 'implantologie',
      treatment_date: '2018-04-23',
      treatment_plan: 'Edentate onderkaak: twee implantaten regio 33 en 43 met een klikgebit op staafconstructie.',
      plan_lines: plan([['J20', [33, 43], 52_000], ['J33', [33, 43], 18_500], ['X21', [], 2_495]]),
      technique_costs_cents: 41_000,
    },
    steps: [{ at: '2018-03-15T14:00:00+01:00', action: 'decide', decision: 'approve', reason: 'Indicatie voor implantaten in de edentate onderkaak aangetoond; conform behandelplan.' }],
  },
  {
    reference: 'DEMO-KC-002',
    receivedAt: '2018-03-05T11:15:00+01:00',
    request: {
      patient: { bsn: '900001781', name: 'P. (Peter) Visser', birth_date: '1981-02-03' },
      treatment_kind: 'cosmetische-plastische-chirurgie',
      treatment_date: '2018-05-07',
      treatment_plan: 'Correctie van de kinpositie om esthetische redenen, zonder functionele klachten.',
      plan_lines: plan([['X21', [], 2_495], ['H35', [31, 41], 9_800]]),
      technique_costs_cents: 0,
    },
    steps: [{ at: '2018-03-20T10:00:00+01:00', action: 'decide', decision: 'reject', reason: 'Cosmetische verrichting zonder functionele indicatie valt niet onder de Zorgverzekeringswet.' }],
  },
  {
    reference: 'DEMO-KC-003',
    receivedAt: '2018-04-09T10:00:00+02:00',
    request: {
      patient: { bsn: '900011919', name: 'H. (Hans) Smit', birth_date: '1966-11-30' },
      treatment_kind: 'osteotomie-osas',
      treatment_date: '2018-06-18',
      treatment_plan: 'Bimaxillaire osteotomie (MMA) bij ernstig OSAS na mislukte CPAP-therapie.',
      plan_lines: plan([['X21', [], 2_495], ['H90', [16, 26, 36, 46], 98_000]]),
      technique_costs_cents: 12_500,
    },
    steps: [{ at: '2018-04-11T09:15:00+02:00', action: 'question', text: 'Graag het verslag van de polysomnografie en de uitkomst van de CPAP-behandeling.' }],
  },
  {
    reference: 'DEMO-KC-004',
    receivedAt: '2018-04-16T13:45:00+02:00',
    request: {
      patient: { bsn: '900013837', name: 'S. (Sanne) Mulder', birth_date: '1990-06-14' },
      treatment_kind: 'kinplastiek',
      treatment_date: '2018-06-25',
      treatment_plan: 'Kinplastiek als zelfstandige verrichting bij functionele lipincompetentie.',
      plan_lines: plan([['X21', [], 2_495], ['H80', [31, 32, 41, 42], 64_000]]),
      technique_costs_cents: 8_000,
    },
    steps: [
      { at: '2018-04-18T10:30:00+02:00', action: 'question', text: 'Is er orthodontisch voorbehandeld? Graag de cefalometrische analyse.' },
      { at: '2018-04-23T16:00:00+02:00', action: 'answer', text: 'Orthodontie afgerond in 2016; cefalometrie is als bijlage aan het dossier toegevoegd.' },
    ],
  },
  {
    reference: 'DEMO-KC-005',
    receivedAt: '2018-04-20T08:50:00+02:00',
    request: {
      patient: { bsn: '900014659', name: 'K. (Karim) El Amrani', birth_date: '1975-01-09' },
      treatment_kind: 'bijholte-kaakverbreding',
      treatment_date: '2018-07-02',
      treatment_plan: 'Sinusbodemelevatie links voorafgaand aan twee implantaten regio 25-26; aanspraak op de implantaten nog niet vastgesteld.',
      plan_lines: plan([['J10', [25, 26], 38_000]]),
      technique_costs_cents: 0,
    },
    steps: [],
  },
];

export interface AuthorisationSeedReport {
  created: number;
  existing: number;
}

async function actorFor(db: Database, role: 'provider' | 'medical-adviser'): Promise<Actor | null> {
  const login = DEMO_LOGINS.find((l) => l.role === role);
  if (!login) return null;
  const user = await withActor(db, systemActor('demo-seed'), (tx) => findUserByEmail(tx, login.email));
  if (!user) return null;
  return { role: user.role, userId: user.id, email: user.email, agb: user.agb, isSignatory: user.is_signatory };
}

export async function seedAuthorisations(db: Database, options: { policies?: PolicyCatalogue } = {}): Promise<Result<AuthorisationSeedReport>> {
  let catalogue = options.policies;
  if (!catalogue) {
    const loaded = await loadPolicyCatalogue();
    if (!loaded.ok) return loaded;
    catalogue = loaded.value;
  }
  const policies = catalogue;
  const provider = await actorFor(db, 'provider');
  const adviser = await actorFor(db, 'medical-adviser');
  if (!provider?.agb || !adviser) return ok({ created: 0, existing: 0 });
  const agb = provider.agb;

  const existing = new Set(
    (await withActor(db, systemActor('demo-seed'), (tx) => tx.selectFrom('prior_authorisations').select('provider_reference').where('agb', '=', agb).execute())).map((r) => r.provider_reference),
  );
  const report = { created: 0, existing: 0 };
  for (const demo of DEMO_AUTHORISATIONS) {
    if (existing.has(demo.reference)) {
      report.existing += 1;
      continue;
    }
    const at = (iso: string) => ({ db, policies, now: new Date(iso) });
    const record = demoRecordPdf(`Dossier ${demo.reference}: ${demo.request.treatment_plan as string}`.slice(0, 90));
    const submitted = await submitAuthorisation({ ...at(demo.receivedAt), actor: provider }, agb, { ...demo.request, provider_reference: demo.reference }, [
      { kind: 'record', fileName: `dossier-${demo.reference.toLowerCase()}.pdf`, bytes: record },
    ]);
    if (!submitted.ok) return submitted;
    const id = submitted.value.authorisation?.id;
    if (id === undefined) return fail('internal', `Demo-aanvraag ${demo.reference} is niet opgeslagen.`);
    for (const step of demo.steps) {
      const result =
        step.action === 'question'
          ? await requestInformation({ ...at(step.at), actor: adviser }, id, { question: step.text })
          : step.action === 'answer'
            ? await provideInformation({ ...at(step.at), actor: provider }, agb, id, { answer: step.text })
            : await decideAuthorisation({ ...at(step.at), actor: adviser }, id, { decision: step.decision, reason: step.reason });
      if (!result.ok) return result;
    }
    report.created += 1;
  }
  return ok(report);
}
