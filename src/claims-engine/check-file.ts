/**
 * `checkFile`: claims control over a CSV file of any size, on every core. The main thread streams
 * the file in chunks of whole lines (memory does not grow with the file) and hands each chunk to
 * the least busy worker; workers validate (fast path, else `parseClaimRecord`), route every valid
 * line to the worker of its BSN partition (hash of the BSN), keep their partition in compact
 * typed arrays, and at the end run the per-person checks on it. The ceiling rule, the one rule
 * across persons, runs last in the main thread per provider: from the workers' sums per (provider,
 * day) it finds the days on which a plafond may be crossed and merges only those days' lines
 * (ceiling-pass.ts). Memory: about 50 bytes per line in the workers (1.3 GB peak for 10 million
 * lines). The findings equal `checkClaims` on the same lines (see check-file.test.ts).
 *
 * Rejects (throws) only when the file cannot be read or the policy lacks a check parameter;
 * every problem in the file's content is a value in `errors` (capped at `errorLimit`, all counted in
 * `errorCount`). A header without a required column stops the file: nothing is checked.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { claimHeaderIssues, type ClaimLineIssue } from '../domain/claims/claim-line.js';
import { resolveCheckSettings } from '../domain/claims/check-claims.js';
import { compareFindings } from '../domain/claims/checks/findings.js';
import { RULE_IDS, type CheckReference, type Finding, type RuleId } from '../domain/claims/types.js';
import type { AddOnPolicy, MszPolicy } from '../domain/policy/index.js';
import { ceilingPass, hotDays } from './ceiling-pass.js';
import { CeilingRows } from './ceiling-rows.js';
import { headerColumns } from './csv.js';
import { ceilingProviders } from './engine-context.js';
import type { FromWorker, PhaseTime, ToWorker } from './protocol.js';
import { startWorkers } from './worker-pool.js';

export interface CheckFileOptions {
  reference: CheckReference;
  policy: MszPolicy;
  addOnPolicy: AddOnPolicy | null;
  /** Worker threads; default: the machine's parallelism (at least 1). */
  workers?: number;
  /** Problems listed in `errors`; more are only counted. Default 1000. */
  errorLimit?: number;
  /** Bytes per chunk read and dispatched. Default 4 MiB. */
  chunkBytes?: number;
  /** Persons with more lines take the domain's own `checkPerson` (see partition-checks.ts). */
  smallGroupLimit?: number;
}

export interface CheckFileResult {
  /** Claim lines read (non-blank lines after the header). */
  claims: number;
  accepted: number;
  rejected: number;
  /** The first `errorLimit` problems in line order. */
  errors: ClaimLineIssue[];
  errorCount: number;
  findings: Finding[];
  byRule: Record<RuleId, number>;
  timings: PhaseTime[];
  /** Highest resident set size of the process seen during the run (sampled every 50 ms and at each phase). */
  peakRssBytes: number;
}

const MAX_IN_FLIGHT = 3;

export async function checkFile(path: string, options: CheckFileOptions): Promise<CheckFileResult> {
  const settings = resolveCheckSettings(options.policy, options.addOnPolicy);
  if (!settings.ok) throw new Error(`${settings.error.code}: ${settings.error.message}`);
  const errorLimit = options.errorLimit ?? 1000;
  const workerCount = Math.max(1, options.workers ?? availableParallelism());
  const chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  const timings: PhaseTime[] = [];
  let peakRss = process.memoryUsage.rss();
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  let phaseStart = started;
  const phase = (name: string) => {
    sample();
    const now = performance.now();
    timings.push({ phase: name, seconds: (now - phaseStart) / 1000 });
    phaseStart = now;
  };
  const byRule = Object.fromEntries(RULE_IDS.map((r) => [r, 0])) as Record<RuleId, number>;
  const fileSize = (await stat(path)).size;

  const workers = startWorkers(workerCount, (index, peers) => ({
    index, workers: workerCount, reference: options.reference, settings: settings.value, peers,
    ...(options.smallGroupLimit === undefined ? {} : { smallGroupLimit: options.smallGroupLimit }),
  }));

  const inFlight = workers.map(() => 0);
  const chunkLines = new Map<number, number>();
  const issuesBySeq = new Map<number, ClaimLineIssue[]>();
  let claims = 0;
  let accepted = 0;
  let rejected = 0;
  let errorCount = 0;
  /** Resolves once every worker has sent a message of one kind. */
  const everyWorker = () => {
    let count = 0;
    let resolve: () => void = () => {};
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    return { promise, tick: () => (++count === workerCount ? resolve() : undefined) };
  };
  const ready = everyWorker();
  const ingested = everyWorker();
  const checked = everyWorker();
  const results: Extract<FromWorker, { type: 'result' }>[] = new Array(workerCount);
  let waiter: (() => void) | null = null;
  let failure: Error | null = null;
  let fail: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = (e: Error) => {
      failure = e;
      reject(e);
      const wake = waiter;
      waiter = null;
      wake?.();
    };
  });
  failed.catch(() => {});
  /** Waits for `promise` unless a worker fails first. */
  const until = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, failed]);

  workers.forEach((worker, w) => {
    worker.on('error', fail);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ack') {
        inFlight[w] = (inFlight[w] as number) - 1;
        chunkLines.set(message.seq, message.lines);
        claims += message.claims;
        accepted += message.accepted;
        rejected += message.rejected;
        errorCount += message.issueCount;
        if (message.issues.length > 0) issuesBySeq.set(message.seq, message.issues);
        const wake = waiter;
        waiter = null;
        wake?.();
      } else if (message.type === 'ready') {
        ready.tick();
      } else if (message.type === 'ingested') {
        ingested.tick();
      } else if (message.type === 'result') {
        results[w] = message;
        // Its part is done: free the worker's memory now, before the ceiling pass and the merge.
        void worker.terminate();
        checked.tick();
      } else {
        fail(new Error(message.message));
      }
    });
  });

  try {
    await until(ready.promise);
    phase('start workers');
    // Read: the header from the first chunk, then whole-line chunks to the least busy worker.
    let seq = 0;
    let carry: Buffer | null = null;
    let columns: string[] | null = null;
    /** Sends `head` (may be null) followed by `bytes` as one chunk of whole lines. */
    const send = async (head: Buffer | null, bytes: Buffer) => {
      while (Math.min(...inFlight) >= MAX_IN_FLIGHT) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          waiter = resolve;
        });
      }
      let w = 0;
      for (let i = 1; i < workerCount; i++) if ((inFlight[i] as number) < (inFlight[w] as number)) w = i;
      const headLength = head?.length ?? 0;
      const buffer = new ArrayBuffer(headLength + bytes.length);
      const view = new Uint8Array(buffer);
      if (head) view.set(head);
      view.set(bytes, headLength);
      inFlight[w] = (inFlight[w] as number) + 1;
      (workers[w] as Worker).postMessage({ type: 'chunk', seq: seq++, buffer } satisfies ToWorker, [buffer]);
    };
    const stream = createReadStream(path, { highWaterMark: chunkBytes });
    for await (const piece of stream as AsyncIterable<Buffer>) {
      let data = piece;
      if (columns === null) {
        if (carry) data = Buffer.concat([carry, piece]);
        carry = null;
        const nl = data.indexOf(10);
        if (nl < 0) {
          carry = Buffer.from(data);
          continue;
        }
        columns = headerColumns(data.subarray(0, nl).toString('utf8').replace(/\r$/, ''));
        const headerIssues = claimHeaderIssues(columns);
        if (headerIssues.length > 0) {
          stream.destroy();
          return finishEarly(headerIssues);
        }
        const sampleLines = Math.max(1, countLines(data, nl + 1));
        const bytesPerLine = Math.max(16, (data.length - nl - 1) / sampleLines);
        const expectedRows = Math.ceil((fileSize / bytesPerLine / workerCount) * 1.04) + 4096;
        for (const worker of workers) worker.postMessage({ type: 'start', columns, expectedRows, issueLimit: errorLimit } satisfies ToWorker);
        data = data.subarray(nl + 1);
      }
      const last = data.lastIndexOf(10);
      if (last < 0) {
        carry = carry ? Buffer.concat([carry, data]) : Buffer.from(data);
        continue;
      }
      const head = carry;
      carry = last + 1 < data.length ? Buffer.from(data.subarray(last + 1)) : null;
      await send(head, data.subarray(0, last + 1));
    }
    if (columns === null) {
      if (carry === null || carry.length === 0) return finishEarly(claimHeaderIssues([]));
      columns = headerColumns(carry.toString('utf8').replace(/\r$/, ''));
      const headerIssues = claimHeaderIssues(columns);
      if (headerIssues.length > 0) return finishEarly(headerIssues);
      for (const worker of workers) worker.postMessage({ type: 'start', columns, expectedRows: 16, issueLimit: errorLimit } satisfies ToWorker);
      carry = null;
    }
    if (carry && carry.length > 0) await send(null, carry);
    for (const worker of workers) worker.postMessage({ type: 'end' } satisfies ToWorker);
    await until(ingested.promise);
    phase('read, validate and partition');
    await until(checked.promise);
    phase('checks per person (workers)');

    // Ceiling: the days on which a plafond may be crossed, then only their lines, sorted.
    const providers = ceilingProviders(options.reference);
    const all = results.map((r) => CeilingRows.from(r.ceiling));
    const hot = hotDays(all.map((rows) => rows.dayTotals()), providers.plafonds);
    const hotKeys = new Set(hot.keys);
    const runs = all.map((rows) => rows.select(hotKeys));
    for (const run of runs) run.sort();
    const ceilingFindings = ceilingPass(runs, providers, settings.value, hot.before).sort(compareFindings);
    phase(`ceiling pass per provider (main; ${fmtCount(hot.keys.length)} provider-days near a plafond)`);

    const findings = mergeSorted([...results.map((r) => r.findings), ceilingFindings]);
    for (const f of findings) byRule[f.rule]++;
    const errors = collectIssues(chunkLines, issuesBySeq, errorLimit);
    phase('merge findings');
    results.forEach((r, w) => {
      for (const t of r.timings) timings.push({ phase: `worker ${w}: ${t.phase}`, seconds: t.seconds });
    });
    timings.push({ phase: 'total', seconds: (performance.now() - started) / 1000 });
    return { claims, accepted, rejected, errors, errorCount, findings, byRule, timings, peakRssBytes: peakRss };
  } finally {
    clearInterval(sampler);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  function finishEarly(issues: ClaimLineIssue[]): CheckFileResult {
    timings.push({ phase: 'total', seconds: (performance.now() - started) / 1000 });
    return { claims: 0, accepted: 0, rejected: 0, errors: issues, errorCount: issues.length, findings: [], byRule, timings, peakRssBytes: peakRss };
  }
}

const fmtCount = (n: number) => n.toLocaleString('en-US');

function countLines(data: Buffer, from: number): number {
  let n = 0;
  for (let i = data.indexOf(10, from); i >= 0; i = data.indexOf(10, i + 1)) n++;
  return n;
}

/** Chunk-relative line numbers → file line numbers (header = 1), first `limit` in line order. */
function collectIssues(chunkLines: ReadonlyMap<number, number>, issuesBySeq: ReadonlyMap<number, ClaimLineIssue[]>, limit: number): ClaimLineIssue[] {
  const out: ClaimLineIssue[] = [];
  let base = 1;
  for (let seq = 0; chunkLines.has(seq); seq++) {
    for (const issue of issuesBySeq.get(seq) ?? []) out.push({ ...issue, line: base + issue.line });
    base += chunkLines.get(seq) as number;
  }
  return out.slice(0, limit);
}

/** k-way merge of lists each sorted by `compareFindings`. */
function mergeSorted(lists: readonly Finding[][]): Finding[] {
  const out: Finding[] = [];
  const heads = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      const f = (lists[l] as Finding[])[heads[l] as number];
      if (f === undefined) continue;
      if (best < 0 || compareFindings(f, (lists[best] as Finding[])[heads[best] as number] as Finding) < 0) best = l;
    }
    if (best < 0) return out;
    out.push((lists[best] as Finding[])[heads[best] as number] as Finding);
    heads[best] = (heads[best] as number) + 1;
  }
}
