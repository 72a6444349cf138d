/**
 * The job worker `zorginkoop serve` starts: pg-boss with its supervision and cron scheduling, every
 * job of `JOBS` scheduled (the deadline sweep every minute) and worked. More workers scale out by
 * starting more processes on PostgreSQL; on PGlite the one process is the one worker.
 */
import { JOBS, type JobDeps } from './jobs.js';
import { openJobQueue } from './queue.js';

export interface JobWorker {
  stop(): Promise<void>;
}

export async function startJobWorker(deps: JobDeps, options: { clock?: () => Date; log?: (line: string) => void; pollingIntervalSeconds?: number } = {}): Promise<JobWorker> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const queue = await openJobQueue(deps.db, { worker: true, onError: (error) => log(`Taakwachtrij: ${error.message}`) });
  for (const job of JOBS) {
    await queue.ensureQueue(job.name);
    await queue.schedule(job.name, job.cron, job.timeZone);
    await queue.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 }, async (queued) => {
      const result = await job.run(deps, queued.data, clock);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value;
    });
  }
  return { stop: () => queue.stop() };
}
