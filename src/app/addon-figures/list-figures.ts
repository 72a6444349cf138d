/**
 * Use cases: a provider's quarterly figures uploads for a year with the deadline per quarter and the
 * recorded Q2 status (ADD §5); one upload with its figures; and the recorded Q2 status that feeds
 * the nacalculatie condition `tijdige-cijfers-q2` of the FDA (`recordedQ2ForFda`).
 */
import { q2Timeliness, QUARTERS, type Q2Timeliness, type Quarter } from '../../domain/addon/figures.js';
import type { Actor } from '../../domain/auth/actor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import type { AddOnPolicy } from '../../domain/policy/index.js';
import { withActor, type Queryable } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { auditHiddenObject, providerAccess } from '../access.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import { q2Attempts, rowsOfUpload, uploadsOf, type FigureRowView } from './figures-store.js';
import { currentFiguresPolicy, figuresPolicyFor, scheduleForFdaYear } from './schedule.js';
import { uploadView, type UploadView } from './views.js';

export interface QuarterState {
  quarter: Quarter;
  deadline: string;
  deadline_parameter: string;
  /** none: nothing received; rejected: only rejected files; else the latest correct file, in time or not. */
  status: 'none' | 'rejected' | 'accepted-in-time' | 'accepted-late';
  /** The latest accepted upload: the figures that count for the quarter. */
  current_upload_id: number | null;
}

export interface FiguresOverview {
  agb: string;
  year: number;
  policy: { id: string; title: string };
  time_zone: string;
  inclusive: boolean;
  quarters: QuarterState[];
  q2: Q2Timeliness;
  uploads: UploadView[];
}

const READ_EVENT = 'addon-figures.read';

export async function figuresOverview(deps: { db: Database; actor: Actor; policies: PolicyCatalogue }, agbInput: string, yearInput?: unknown): Promise<Result<FiguresOverview>> {
  const agb = await providerAccess(deps, agbInput, READ_EVENT, 'agb');
  if (!agb.ok) return agb;
  let governing = currentFiguresPolicy(deps.policies);
  if (yearInput !== undefined && yearInput !== null && yearInput !== '') {
    const year = parseYear(yearInput);
    if (!year.ok) return year;
    governing = figuresPolicyFor(deps.policies, year.value);
  }
  if (!governing.ok) return governing;
  const { policy, schedule } = governing.value;
  const year = schedule.figuresYear;

  return withActor(deps.db, deps.actor, async (tx) => {
    const rows = await uploadsOf(tx, agb.value, year);
    const uploads = rows.map(uploadView);
    const quarters = QUARTERS.map((quarter): QuarterState => {
      const own = uploads.filter((u) => u.quarter === quarter);
      const current = own.find((u) => u.status === 'accepted');
      const firstAccepted = own.filter((u) => u.status === 'accepted').at(-1);
      return {
        quarter,
        deadline: schedule.deadlines[quarter].date,
        deadline_parameter: schedule.deadlines[quarter].parameter,
        status: !firstAccepted ? (own.length > 0 ? 'rejected' : 'none') : firstAccepted.in_time ? 'accepted-in-time' : 'accepted-late',
        current_upload_id: current?.id ?? null,
      };
    });
    const q2 = q2Timeliness(schedule, await q2Attempts(tx, agb.value, year));
    return ok({ agb: agb.value, year, policy: { id: policy.id, title: policy.title }, time_zone: schedule.timeZone, inclusive: schedule.inclusive, quarters, q2, uploads });
  });
}

export async function figuresUpload(deps: { db: Database; actor: Actor }, agbInput: string, idInput: unknown): Promise<Result<UploadView & { rows: FigureRowView[] }>> {
  const agb = await providerAccess(deps, agbInput, READ_EVENT, 'agb');
  if (!agb.ok) return agb;
  const id = Number(idInput);
  if (!Number.isSafeInteger(id) || id < 1) return fail('invalid_input', 'Ongeldig nummer van een aanlevering.', [{ field: 'id', message: 'Een positief geheel getal.' }]);
  return withActor(deps.db, deps.actor, async (tx) => {
    const row = await tx.selectFrom('addon_figure_uploads').selectAll().where('id', '=', id).where('agb', '=', agb.value).executeTakeFirst();
    if (!row) {
      await auditHiddenObject(tx, deps.actor, { event: READ_EVENT, objectType: 'addon-figures-upload', objectId: String(id) });
      return fail('not_found', `Aanlevering ${id} van zorgaanbieder ${agb.value} bestaat niet.`);
    }
    return ok({ ...uploadView(row), rows: await rowsOfUpload(tx, id) });
  });
}

/**
 * The Q2 status recorded from uploads for the FDA of `fdaYear` under `policy` (the figures of the
 * policy's `figures_year`), or null when no Q2 file arrived (or the policy asks for none): then the
 * status stored with the agreement applies. Reads under the caller's transaction.
 */
export async function recordedQ2ForFda(q: Queryable, policy: AddOnPolicy, fdaYear: number, agb: string): Promise<Q2Timeliness | null> {
  const schedule = scheduleForFdaYear(policy, fdaYear);
  if (!schedule) return null;
  const attempts = await q2Attempts(q, agb, schedule.figuresYear);
  if (attempts.length === 0) return null;
  return q2Timeliness(schedule, attempts);
}
