/** The batch claims engine: `checkFile` over a CSV file, on worker threads (see check-file.ts). */
export { checkFile, type CheckFileOptions, type CheckFileResult } from './check-file.js';
export type { PhaseTime } from './protocol.js';
