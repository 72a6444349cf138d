/**
 * A worker of `checkFile`: parses the chunks the main thread sends, keeps the lines of its own
 * partition in columns and sends the others to their workers, then runs the per-person checks on
 * its partition and returns the findings and its ceiling lines (unsorted); the main thread then
 * ends the worker, which frees its memory at once.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ClaimColumns } from './columns.js';
import { engineContext } from './engine-context.js';
import { layoutOf } from './fast-parse.js';
import { ChunkIngester } from './ingest.js';
import { checkPartition } from './partition-checks.js';
import type { FromWorker, PeerMessage, ToWorker, WorkerSetup } from './protocol.js';

/** Lines kept for another worker before they are sent (a chunk of 4 MiB holds about 50,000 lines). */
const PEER_BATCH = 65_536;

function main(port: MessagePort, setup: WorkerSetup): void {
  const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const ctx = engineContext(setup.reference, setup.settings);
  post({ type: 'ready' });
  const own = new ClaimColumns(16);
  let sinks: ClaimColumns[] = [];
  let ingester: ChunkIngester | null = null;
  let issueLimit = 0;
  let issuesSent = 0;
  let ended = false;
  let peersDone = 0;
  let parseSeconds = 0;
  let receiveSeconds = 0;

  const flush = (final: boolean) => {
    setup.peers.forEach((peer, i) => {
      if (!peer || i === setup.index) return;
      const batch = sinks[i] as ClaimColumns;
      if (batch.length > 0 && (final || batch.length >= PEER_BATCH / 4)) {
        const { message, transfer } = batch.toMessage();
        peer.postMessage({ type: 'rows', rows: message } satisfies PeerMessage, transfer);
      }
    });
  };

  const finish = () => {
    if (!ended || peersDone < setup.workers - 1) return;
    post({ type: 'ingested', rows: own.length });
    const t0 = performance.now();
    const { findings, ceiling } = checkPartition(own, ctx, setup.smallGroupLimit === undefined ? {} : { smallGroupLimit: setup.smallGroupLimit });
    const { message, transfer } = ceiling.toMessage();
    post({
      type: 'result', findings, ceiling: message,
      timings: [
        { phase: 'parse', seconds: parseSeconds },
        { phase: 'receive', seconds: receiveSeconds },
        { phase: 'checks', seconds: (performance.now() - t0) / 1000 },
      ],
    }, transfer);
  };

  setup.peers.forEach((peer) => {
    peer?.on('message', (message: PeerMessage) => {
      if (message.type === 'rows') {
        const t = performance.now();
        own.append(message.rows);
        receiveSeconds += (performance.now() - t) / 1000;
      } else {
        peersDone++;
        finish();
      }
    });
  });

  port.on('message', (message: ToWorker) => {
    if (message.type === 'start') {
      own.ensure(message.expectedRows);
      sinks = setup.peers.map((_, i) => (i === setup.index ? own : new ClaimColumns(PEER_BATCH)));
      ingester = new ChunkIngester(layoutOf(message.columns), sinks);
      issueLimit = message.issueLimit;
    } else if (message.type === 'chunk') {
      if (!ingester) throw new Error('chunk before start');
      const t = performance.now();
      const result = ingester.ingest(new Uint8Array(message.buffer), Math.max(0, issueLimit - issuesSent));
      issuesSent += result.issues.length;
      flush(false);
      parseSeconds += (performance.now() - t) / 1000;
      post({ type: 'ack', seq: message.seq, ...result });
    } else {
      flush(true);
      for (const peer of setup.peers) peer?.postMessage({ type: 'done' } satisfies PeerMessage);
      ended = true;
      finish();
    }
  });
}

if (parentPort) main(parentPort, workerData as WorkerSetup);
