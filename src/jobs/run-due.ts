/**
 * Runs the due jobs now, in this process, through the queue: enqueues a deadline sweep for `now`
 * and then drains every job queue (fetch due jobs with `SKIP LOCKED`, run, complete or fail). For
 * operators (`zorginkoop jobs run-due --now`) and tests (`POST /api/jobs/run-due` with the server's
 * clock). A worker running elsewhere may take some of these jobs first; every job is idempotent, so
 * that changes who ran them, not the outcome.
 */
import { ok, type Result } from '../domain/errors.js';
import { JOBS, deadlineSweepJob, type JobDeps } from './jobs.js';
import { openJobQueue, type JobQueue } from './queue.js';

export interface DueJobRun {
  id: string;
  name: string;
  state: 'completed' | 'failed';
  output: object;
}

export interface RunDueReport {
  now: string;
  engine: JobQueue['engine'];
  jobs: DueJobRun[];
}

const BATCH = 10;
/** A bound on one drain, so a queue that keeps filling cannot hold the caller forever. */
const MAX_JOBS = 200;

export async function runDueJobs(deps: JobDeps, now: Date, options: { requestedBy?: string; queue?: JobQueue } = {}): Promise<Result<RunDueReport>> {
  const queue = options.queue ?? (await openJobQueue(deps.db, { worker: false }));
  try {
    for (const job of JOBS) await queue.ensureQueue(job.name);
    await queue.send(deadlineSweepJob.name, { now: now.toISOString(), ...(options.requestedBy ? { requested_by: options.requestedBy } : {}) });
    const runs: DueJobRun[] = [];
    for (const job of JOBS) {
      while (runs.length < MAX_JOBS) {
        const batch = await queue.fetch(job.name, BATCH);
        if (batch.length === 0) break;
        for (const queued of batch) {
          const result = await job.run(deps, queued.data, () => now).catch((error: unknown) => ({ ok: false as const, error: { code: 'internal' as const, message: (error as Error).message } }));
          if (result.ok) {
            await queue.complete(job.name, queued.id, result.value);
            runs.push({ id: queued.id, name: job.name, state: 'completed', output: result.value });
          } else {
            await queue.fail(job.name, queued.id, result.error);
            runs.push({ id: queued.id, name: job.name, state: 'failed', output: result.error });
          }
        }
      }
    }
    return ok({ now: now.toISOString(), engine: queue.engine, jobs: runs });
  } finally {
    if (!options.queue) await queue.stop();
  }
}
