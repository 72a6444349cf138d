/**
 * Use cases: what the contracting year looks like — one provider's contract (state, deadlines with
 * the days left, history, signatures, what the viewer may do now) and the purchasers' pipeline
 * (counts per state, the processes, overdue items: past a date without the required step). Days are
 * counted on the policy's calendar day of the injected clock (`today`), never the viewer's clock.
 */
import {
  CONTRACT_STATES,
  availableEvents,
  localDateIn,
  overdueItems,
  type ContractEventType,
  type ContractStatus,
  type DeadlineKey,
  type OverdueKind,
} from '../../domain/contracting/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { withActor } from '../../storage/context.js';
import { parseYear } from '../purchasing/negotiation.js';
import { contractEvents, contractSignatures, findProcess, processesOfYear, providerName, stateOf } from './contract-store.js';
import { contractAccess, deadlinesOf, notFoundProcess, whoOf, type ContractingDeps } from './transition.js';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`): positive when `to` is later, negative when earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface ContractView {
  agb: string;
  name: string;
  year: number;
  policy_id: string;
  path: 'regular' | 'digital';
  agreement_type_id: string;
  state: ContractStatus;
  today: string;
  concept: { status: string; published_at: string | null; feedback: string | null; feedback_at: string | null; consent_by_silence: boolean };
  proposal: { sent_at: string | null; document_date: string | null; document_sha256: string | null };
  response: { kind: 'accepted' | 'countered' | null; reasons: string | null; responded_at: string | null; overdue: boolean };
  onderhandelakkoord_at: string | null;
  signed_at: string | null;
  price_list_fixed_at: string | null;
  published_at: string | null;
  no_agreement_reason: string | null;
  /** `days_left`: calendar days from today to the date (0 today, negative once past). */
  deadlines: { key: DeadlineKey; event: string; date: string; title: string; source: string; status: 'past' | 'today' | 'upcoming'; days_left: number }[];
  available_actions: ContractEventType[];
  /** `days_overdue`: calendar days since the date the step was due by. */
  overdue: { kind: OverdueKind; date: string; message: string; days_overdue: number }[];
  history: { event: string; from: string | null; to: string; actor_role: string; actor_email: string | null; at: string; details: unknown }[];
  signatures: { document_kind: string; document_sha256: string; signed_by: number; signer_email: string; signed_at: string }[];
  documents: { kind: 'proposal-letter'; href: string; sha256_when_sent: string | null }[];
}

export async function contractView(deps: ContractingDeps, agbInput: string, yearInput: unknown): Promise<Result<ContractView>> {
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const agb = await contractAccess(deps, agbInput, 'contract.read');
  if (!agb.ok) return agb;
  return withActor(deps.db, deps.actor, async (tx) => {
    const row = await findProcess(tx, agb.value, year.value);
    if (!row) return notFoundProcess(agb.value, year.value);
    const deadlines = deadlinesOf(deps.policies, row);
    if (!deadlines.ok) return deadlines;
    const [events, signatures, name] = await Promise.all([contractEvents(tx, agb.value, year.value), contractSignatures(tx, agb.value, year.value), providerName(tx, agb.value)]);
    const state = stateOf(row);
    const today = localDateIn(deps.now, deadlines.value.timeZone);
    const by = whoOf(deps.actor);
    const href = `/api/providers/${agb.value}/contract/document?year=${year.value}`;
    return ok({
      agb: agb.value,
      name: name ?? agb.value,
      year: year.value,
      policy_id: row.policy_id,
      path: row.path,
      agreement_type_id: row.agreement_type_id,
      state: row.state,
      today,
      concept: { status: state.concept, published_at: iso(row.concept_published_at), feedback: row.concept_feedback, feedback_at: iso(row.concept_feedback_at), consent_by_silence: row.consent_by_silence },
      proposal: { sent_at: iso(row.proposal_sent_at), document_date: row.proposal_document_date, document_sha256: row.proposal_sha256 },
      response: { kind: row.response, reasons: row.response_reasons, responded_at: iso(row.responded_at), overdue: row.response_overdue },
      onderhandelakkoord_at: iso(row.onderhandelakkoord_at),
      signed_at: iso(row.signed_at),
      price_list_fixed_at: iso(row.price_list_fixed_at),
      published_at: iso(row.published_at),
      no_agreement_reason: row.no_agreement_reason,
      deadlines: Object.values(deadlines.value.dates)
        .toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .map((d) => ({
          key: d.key,
          event: d.event,
          date: d.date,
          title: d.title,
          source: d.source,
          status: d.date < today ? ('past' as const) : d.date === today ? ('today' as const) : ('upcoming' as const),
          days_left: daysBetween(today, d.date),
        })),
      available_actions: by ? availableEvents(state, { now: deps.now, deadlines: deadlines.value, by, signatory: deps.actor.isSignatory === true }) : [],
      overdue: overdueItems(state, deadlines.value, deps.now).map((i) => ({ kind: i.kind, date: i.deadline.date, message: i.message, days_overdue: daysBetween(i.deadline.date, today) })),
      history: events.map((e) => ({ event: e.event, from: e.from_state, to: e.to_state, actor_role: e.actor_role, actor_email: e.actor_email, at: iso(e.at)!, details: e.details })),
      signatures: signatures.map((s) => ({ document_kind: s.document_kind, document_sha256: s.document_sha256, signed_by: s.signed_by, signer_email: s.signer_email, signed_at: iso(s.signed_at)! })),
      documents: row.proposal_sent_at === null ? [] : [{ kind: 'proposal-letter', href, sha256_when_sent: row.proposal_sha256 }],
    });
  });
}

export interface PipelineView {
  year: number;
  today: string | null;
  total: number;
  by_state: Record<ContractStatus, number>;
  concept: { open: number; feedback_given: number; consent_by_silence: number };
  /** Every process of the year, by AGB: for the per-state lists of the pipeline screen. */
  processes: { agb: string; name: string; state: ContractStatus; path: 'regular' | 'digital'; updated_at: string }[];
  overdue: { agb: string; name: string; state: ContractStatus; path: 'regular' | 'digital'; kind: OverdueKind; date: string; message: string; days_overdue: number }[];
}

export async function contractingPipeline(deps: ContractingDeps, yearInput: unknown): Promise<Result<PipelineView>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'system') return fail('forbidden', 'De contracteerpijplijn is voor zorginkopers.');
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const rows = await withActor(deps.db, deps.actor, (tx) => processesOfYear(tx, year.value));
  const byState = Object.fromEntries(CONTRACT_STATES.map((s) => [s, 0])) as Record<ContractStatus, number>;
  const concept = { open: 0, feedback_given: 0, consent_by_silence: 0 };
  const overdue: PipelineView['overdue'] = [];
  const processes: PipelineView['processes'] = [];
  let today: string | null = null;
  for (const row of rows) {
    byState[row.state] += 1;
    processes.push({ agb: row.agb, name: row.name, state: row.state, path: row.path, updated_at: iso(row.updated_at)! });
    const state = stateOf(row);
    if (state.concept === 'open') concept.open += 1;
    if (state.concept === 'feedback-given') concept.feedback_given += 1;
    if (state.concept === 'consent-by-silence') concept.consent_by_silence += 1;
    const deadlines = deadlinesOf(deps.policies, row);
    if (!deadlines.ok) return deadlines;
    const day = localDateIn(deps.now, deadlines.value.timeZone);
    today ??= day;
    for (const item of overdueItems(state, deadlines.value, deps.now)) {
      overdue.push({ agb: row.agb, name: row.name, state: row.state, path: row.path, kind: item.kind, date: item.deadline.date, message: item.message, days_overdue: daysBetween(item.deadline.date, day) });
    }
  }
  // Longest overdue first: what needs a purchaser most.
  overdue.sort((a, b) => b.days_overdue - a.days_overdue || (a.agb < b.agb ? -1 : a.agb > b.agb ? 1 : 0));
  return ok({ year: year.value, today, total: rows.length, by_state: byState, concept, processes, overdue });
}
