/**
 * The CLI's shared plumbing: open the database from the environment, print results as JSON or
 * text, and exit through the one error table (0 success, 1 bad input, 2 any other failure).
 */
import { errorTable, type AppError, type Result } from '../domain/errors.js';
import { databaseConfigFromEnv, DataDirLockedError, openDatabase, type Database } from '../storage/database.js';
import { migrate } from '../storage/migrate.js';

export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export async function withDatabase<T>(work: (db: Database) => Promise<T>, options: { migrate?: boolean } = { migrate: true }): Promise<T> {
  let db: Database;
  try {
    db = await openDatabase(databaseConfigFromEnv());
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      throw new CliExit(2);
    }
    throw error;
  }
  try {
    if (options.migrate !== false) await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Prints the error (as JSON when asked) and ends with the error's exit code. */
export function failWith(error: AppError, json: boolean, jsonBody?: unknown): never {
  if (json) printJson(jsonBody ?? { error });
  else {
    console.error(`${errorTable[error.code].title}: ${error.message}`);
    for (const issue of error.issues ?? []) {
      const where = [issue.file, issue.line !== undefined ? `regel ${issue.line}` : undefined, issue.column ?? issue.field ?? issue.path]
        .filter(Boolean)
        .join(', ');
      console.error(`  - ${where ? `${where}: ` : ''}${issue.message}`);
    }
  }
  throw new CliExit(errorTable[error.code].exit);
}

export function unwrap<T>(result: Result<T>, json: boolean): T {
  if (!result.ok) failWith(result.error, json);
  return result.value;
}
