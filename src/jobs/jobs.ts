/**
 * The background jobs: name, schedule and handler. A handler validates the job's data and calls one
 * use case; the clock is the job's own `now` when it carries one (operators, tests), else the
 * worker's clock.
 */
import { z } from 'zod';
import { sweepDeadlines, type SweepReport } from '../app/contracting/deadline-sweep.js';
import type { PolicyCatalogue } from '../app/policies.js';
import { fail, type Result } from '../domain/errors.js';
import type { Database } from '../storage/database.js';

export interface JobDeps {
  db: Database;
  policies: PolicyCatalogue;
}

const SweepData = z.object({ now: z.iso.datetime({ offset: true }).optional(), requested_by: z.string().max(254).optional() });

export interface JobDefinition {
  name: string;
  /** Dutch, for listings. */
  description: string;
  /** Cron (minute hour day month weekday) in `timeZone`. */
  cron: string;
  timeZone: string;
  run(deps: JobDeps, data: unknown, clock: () => Date): Promise<Result<object>>;
}

export const deadlineSweepJob: JobDefinition = {
  name: 'deadline-sweep',
  description: 'Termijnen van het contracteringsjaar uitvoeren (akkoord door stilzwijgen, te late reacties, verlopen termijnen, publicatie)',
  cron: '* * * * *',
  timeZone: 'Europe/Amsterdam',
  run: async (deps, data, clock): Promise<Result<SweepReport>> => {
    const parsed = SweepData.safeParse(data ?? {});
    if (!parsed.success) return fail('invalid_input', `Ongeldige taakgegevens: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return sweepDeadlines(deps, parsed.data.now ? new Date(parsed.data.now) : clock());
  },
};

export const JOBS: readonly JobDefinition[] = [deadlineSweepJob];
