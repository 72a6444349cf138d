/**
 * The job queue: pg-boss (PostgreSQL-backed, `FOR UPDATE SKIP LOCKED`) on both databases. pg-boss
 * talks to the database only through `executeSql`, which we hand our Kysely connection: on
 * PostgreSQL that is the pool, on PGlite the one serialised session of `pglite-dialect.ts` (pg-boss's
 * schema, partitions, advisory locks and `SKIP LOCKED` fetch all run on PGlite unchanged). A query
 * without parameters goes through the simple-query protocol on both, so pg-boss's multi-statement
 * schema script installs in one call. pg-boss runs as the owner connection, outside row-level
 * security; the job handlers act through use cases under the system actor.
 */
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database } from '../storage/database.js';

export interface QueuedJob {
  id: string;
  name: string;
  data: unknown;
}

export interface JobQueue {
  readonly engine: 'pg-boss';
  /** Creates the queue if needed (idempotent). */
  ensureQueue(name: string): Promise<void>;
  send(name: string, data: object): Promise<string | null>;
  /** Takes up to `batchSize` due jobs (created, start time reached), marking them active. */
  fetch(name: string, batchSize: number): Promise<QueuedJob[]>;
  complete(name: string, id: string, output: object): Promise<void>;
  fail(name: string, id: string, error: object): Promise<void>;
  /** Cron in the given time zone; needs a queue opened with `{ worker: true }`. */
  schedule(name: string, cron: string, timeZone: string): Promise<void>;
  /** Polls `name` and runs `handler` per job; a throw fails the job (pg-boss retries it). */
  work(name: string, options: { pollingIntervalSeconds: number }, handler: (job: QueuedJob) => Promise<object>): Promise<void>;
  stop(): Promise<void>;
}

export const JOB_SCHEMA = 'pgboss';

/** pg-boss's database interface over our connection (pool or serialised PGlite session). */
function executor(db: Database): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const result = await db.kysely.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}

/**
 * Opens pg-boss on `db` and installs or migrates its schema (`pgboss`). `worker: false` gives a
 * queue for sending and draining only (no maintenance or cron timers); `worker: true` also runs
 * pg-boss's supervision and scheduling, as `zorginkoop serve` does.
 */
export async function openJobQueue(db: Database, options: { worker: boolean; onError?: (error: Error) => void }): Promise<JobQueue> {
  const boss = new PgBoss({ db: executor(db), schema: JOB_SCHEMA, migrate: true, supervise: options.worker, schedule: options.worker });
  boss.on('error', (error: Error) => (options.onError ?? ((e: Error) => console.error(`Taakwachtrij: ${e.message}`)))(error));
  await boss.start();
  const created = new Set<string>();
  return {
    engine: 'pg-boss',
    ensureQueue: async (name) => {
      if (created.has(name)) return;
      await boss.createQueue(name, { name, policy: 'standard', retryLimit: 2, retryDelay: 30, expireInSeconds: 15 * 60 });
      created.add(name);
    },
    send: (name, data) => boss.send(name, data),
    fetch: async (name, batchSize) => (await boss.fetch<unknown>(name, { batchSize })).map((j) => ({ id: j.id, name: j.name, data: j.data })),
    complete: async (name, id, output) => {
      await boss.complete(name, id, output);
    },
    fail: async (name, id, error) => {
      await boss.fail(name, id, error);
    },
    schedule: (name, cron, timeZone) => boss.schedule(name, cron, {}, { tz: timeZone }),
    work: async (name, workOptions, handler) => {
      await boss.work<unknown>(name, { pollingIntervalSeconds: workOptions.pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        const outputs: object[] = [];
        for (const job of jobs) outputs.push(await handler({ id: job.id, name: job.name, data: job.data }));
        return outputs.length === 1 ? outputs[0] : outputs;
      });
    },
    stop: () => boss.stop({ graceful: options.worker, wait: true, timeout: 10_000 }),
  };
}
