/**
 * Starting the workers of `checkFile`: one `worker` thread per partition, each with a direct
 * MessagePort to every other worker (for the lines of the other partitions).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { WorkerSetup } from './protocol.js';

/**
 * A worker running this folder's `worker` file. Compiled (`.js`) it is started directly; run from
 * TypeScript sources (tests, the benchmark under tsx) a small bootstrap registers tsx inside the
 * worker first, because Node 20 does not apply `--import` loaders to a worker's entry file.
 */
function startWorker(setup: WorkerSetup, transferList: MessagePort[]): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: setup, transferList });
  const target = new URL('./worker.ts', import.meta.url).href;
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  }
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: setup, transferList });
}

/** `count` workers connected in a mesh; `setupFor` gets each worker's index and its peer ports. */
export function startWorkers(count: number, setupFor: (index: number, peers: (MessagePort | null)[]) => WorkerSetup): Worker[] {
  const ports: (MessagePort | null)[][] = Array.from({ length: count }, () => Array.from({ length: count }, () => null));
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const { port1, port2 } = new MessageChannel();
      (ports[a] as (MessagePort | null)[])[b] = port1;
      (ports[b] as (MessagePort | null)[])[a] = port2;
    }
  }
  return ports.map((peers, index) => startWorker(setupFor(index, peers), peers.filter((p): p is MessagePort => p !== null)));
}
