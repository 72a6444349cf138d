/**
 * Use case: import providers from a file. All or nothing: every row is validated first; one bad row
 * refuses the whole file with every problem listed (line and column), and nothing is stored. A valid
 * file is stored in one transaction; rows equal to what is stored change nothing, so importing the
 * same file twice is harmless. Every created or updated provider is audited.
 */
import type { Actor } from '../../domain/auth/actor.js';
import { fail, ok, type FieldIssue, type Result } from '../../domain/errors.js';
import { parseProviderRow, type ProviderRecord } from '../../domain/providers/provider-record.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findPlace } from '../../storage/nl-places.js';
import { replaceLocations, upsertProvider } from '../../storage/repositories/providers.js';
import { readProviderFile } from './read-provider-file.js';

export interface ProviderImportReport {
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: FieldIssue[];
}

export async function importProviders(
  deps: { db: Database; actor: Actor },
  file: { name: string; content: Buffer },
): Promise<Result<ProviderImportReport>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'system') {
    return fail('forbidden', 'Alleen zorginkopers mogen zorgaanbieders importeren.');
  }
  const table = await readProviderFile(file.content, file.name);
  if (!table.ok) return table;

  const records: ProviderRecord[] = [];
  const issues: FieldIssue[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of table.value) {
    const parsed = parseProviderRow(row.values, row.line);
    if (!parsed.ok) {
      issues.push(...(parsed.error.issues ?? []).map((i) => ({ file: file.name, ...i })));
      continue;
    }
    const earlier = firstLineOf.get(parsed.value.agb);
    if (earlier !== undefined) {
      issues.push({ file: file.name, line: row.line, column: 'agb', message: `AGB-code ${parsed.value.agb} staat ook op regel ${earlier}.` });
      continue;
    }
    firstLineOf.set(parsed.value.agb, row.line);
    records.push(withCoordinates(parsed.value));
  }
  if (issues.length > 0) {
    return fail('invalid_input', `${file.name}: ${issues.length} fout(en); er is niets geïmporteerd.`, issues);
  }

  const counts = { created: 0, updated: 0, unchanged: 0 };
  await withActor(deps.db, deps.actor, async (tx) => {
    for (const record of records) {
      const change = await upsertProvider(tx, record);
      const locationChanged = await replaceLocations(tx, record.agb, [
        { name: record.name, city: record.city, isMain: true, latitude: record.latitude, longitude: record.longitude },
      ]);
      const effective = change === 'unchanged' && locationChanged ? 'updated' : change;
      counts[effective] += 1;
      if (effective !== 'unchanged') {
        await audit(tx, deps.actor, {
          event: 'provider.import',
          action: effective === 'created' ? 'C' : 'U',
          purpose: 'zorginkoop',
          objectType: 'provider',
          objectId: record.agb,
          agb: record.agb,
          details: { file: file.name, line: firstLineOf.get(record.agb) },
        });
      }
    }
  });
  return ok({ imported: counts.created + counts.updated, ...counts, errors: [] });
}

/** A provider without coordinates gets those of its city from the GeoNames place list. */
function withCoordinates(record: ProviderRecord): ProviderRecord {
  if (record.latitude !== null) return record;
  const place = findPlace(record.city);
  if (!place) return record;
  return { ...record, latitude: place.latitude.toFixed(5), longitude: place.longitude.toFixed(5), province: record.province ?? place.province };
}
