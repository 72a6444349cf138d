/** Messages between the main thread and the workers of `checkFile`. */
import type { MessagePort } from 'node:worker_threads';
import type { ClaimLineIssue } from '../domain/claims/claim-line.js';
import type { CheckReference, Finding } from '../domain/claims/types.js';
import type { CheckSettings } from '../domain/claims/checks/settings.js';
import type { CeilingRowsMessage } from './ceiling-rows.js';
import type { ColumnsMessage } from './columns.js';

export interface WorkerSetup {
  index: number;
  workers: number;
  reference: CheckReference;
  /** Resolved in the main thread (`resolveCheckSettings`): plain data. */
  settings: CheckSettings;
  /** Ports to the other workers, by worker index (null at the own index). */
  peers: (MessagePort | null)[];
  smallGroupLimit?: number;
}

export type ToWorker =
  | { type: 'start'; columns: string[]; expectedRows: number; issueLimit: number }
  | { type: 'chunk'; seq: number; buffer: ArrayBuffer }
  | { type: 'end' };

export type PeerMessage = { type: 'rows'; rows: ColumnsMessage } | { type: 'done' };

export interface PhaseTime {
  phase: string;
  seconds: number;
}

export type FromWorker =
  | { type: 'ack'; seq: number; lines: number; claims: number; accepted: number; rejected: number; issues: ClaimLineIssue[]; issueCount: number }
  | { type: 'ready' }
  | { type: 'ingested'; rows: number }
  | { type: 'result'; findings: Finding[]; ceiling: CeilingRowsMessage; timings: PhaseTime[] }
  | { type: 'failed'; message: string };
