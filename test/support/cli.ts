/** Runs the real `zorginkoop` CLI (from the TypeScript sources) in a child process. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
      cwd: root,
      env: Object.fromEntries(
        Object.entries({ ...process.env, ZORGINKOOP_LOG: 'off', ...env }).filter((e): e is [string, string] => e[1] !== undefined),
      ),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The environment that points the CLI at a test database: a PostgreSQL URL or a PGlite folder. */
export function cliEnv(target: { url: string | null; dataDir?: string }): Record<string, string | undefined> {
  return target.url ? { DATABASE_URL: target.url, ZORGINKOOP_DATA_DIR: undefined } : { DATABASE_URL: undefined, ZORGINKOOP_DATA_DIR: target.dataDir };
}
