/**
 * Use case: the deadlines act. Pages through every open contracting process (keyset cursor), asks
 * the state machine which deadline events are due at `now` (`dueEvents`) and applies each through
 * `runTransition` under the system actor: one transaction per event, the process row locked and the
 * state re-checked inside it, so running the sweep twice, or in two workers, changes nothing more.
 */
import { systemActor } from '../../domain/auth/actor.js';
import { dueEvents, type ContractEventType } from '../../domain/contracting/index.js';
import { ok, type Result } from '../../domain/errors.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { PolicyCatalogue } from '../policies.js';
import { openProcessesAfter, stateOf, type ProcessRow } from './contract-store.js';
import { deadlinesOf, runTransition } from './transition.js';

export interface SweepReport {
  now: string;
  checked: number;
  changed: number;
  events: Partial<Record<ContractEventType, number>>;
  transitions: { agb: string; year: number; event: ContractEventType; from: string | null; to: string }[];
  problems: { agb: string; year: number; event?: ContractEventType; message: string }[];
}

const PAGE = 200;
const LISTED = 1000;

export async function sweepDeadlines(deps: { db: Database; policies: PolicyCatalogue }, now: Date, options: { onProgress?: (checked: number) => void } = {}): Promise<Result<SweepReport>> {
  const actor = systemActor('deadline-sweep');
  const report: SweepReport = { now: now.toISOString(), checked: 0, changed: 0, events: {}, transitions: [], problems: [] };
  let cursor: { year: number; agb: string } | null = null;
  for (;;) {
    const after: { year: number; agb: string } | null = cursor;
    const page: ProcessRow[] = await withActor(deps.db, actor, (tx) => openProcessesAfter(tx, after, PAGE));
    for (const row of page) {
      report.checked += 1;
      const deadlines = deadlinesOf(deps.policies, row);
      if (!deadlines.ok) {
        report.problems.push({ agb: row.agb, year: row.year, message: deadlines.error.message });
        continue;
      }
      const due = dueEvents(stateOf(row), { now, deadlines: deadlines.value });
      let changed = false;
      for (const event of due.events) {
        const applied = await runTransition({ db: deps.db, actor, policies: deps.policies, now }, row.agb, row.year, event);
        if (!applied.ok) {
          // Another worker got there first (conflict), or the process changed meanwhile: next sweep decides.
          if (applied.error.code !== 'conflict') report.problems.push({ agb: row.agb, year: row.year, event: event.type, message: applied.error.message });
          break;
        }
        changed = true;
        report.events[event.type] = (report.events[event.type] ?? 0) + 1;
        if (report.transitions.length < LISTED) report.transitions.push({ agb: row.agb, year: row.year, event: event.type, from: applied.value.from, to: applied.value.state });
      }
      if (changed) report.changed += 1;
    }
    options.onProgress?.(report.checked);
    const last: ProcessRow | undefined = page.at(-1);
    if (!last || page.length < PAGE) break;
    cursor = { year: last.year, agb: last.agb };
  }
  return ok(report);
}
