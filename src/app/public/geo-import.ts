/**
 * Use case: import the Dutch postcode areas from a GeoNames postal-code file (CC BY 4.0) for the
 * public price finder. All or nothing: every line is validated first; one bad line refuses the file
 * with every problem listed (line and field) and nothing is stored. A valid file is stored in one
 * transaction as an upsert on the postcode, so importing the same file twice changes nothing.
 * Areas not in the file stay as they are (a newer file adds and corrects, it does not delete).
 */
import { sql } from 'kysely';
import type { Actor } from '../../domain/auth/actor.js';
import { fail, ok, type FieldIssue, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { parsePostalFile } from './geonames-postal.js';
import { invalidatePostcodeIndex } from './postcode-index.js';

export interface GeoImportReport {
  file: string;
  /** Non-empty lines read. */
  lines: number;
  /** Postcode areas in the file (written or already equal). */
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Lines naming a further place in an area already read (kept as its other places). */
  duplicates: number;
  errors: FieldIssue[];
}

/** Files larger than this are not a GeoNames postcode file for the Netherlands (about 0.3 MB). */
export const MAX_GEO_FILE_BYTES = 20 * 1024 * 1024;
const BATCH = 500;

export async function importPostcodeAreas(deps: { db: Database; actor: Actor }, file: { name: string; content: Buffer }): Promise<Result<GeoImportReport>> {
  if (deps.actor.role !== 'system' && deps.actor.role !== 'purchaser') return fail('forbidden', 'Alleen beheer (CLI) of zorginkopers laden postcodegebieden.');
  if (file.content.length > MAX_GEO_FILE_BYTES) {
    return fail('invalid_input', `${file.name} is groter dan ${MAX_GEO_FILE_BYTES / 1024 / 1024} MB; dat is geen GeoNames-postcodebestand.`, [{ file: file.name, message: 'Bestand te groot.' }]);
  }
  const text = file.content.toString('utf8');
  if (text.includes('\uFFFD')) return fail('invalid_input', `${file.name} is geen UTF-8-tekst.`, [{ file: file.name, message: 'Ongeldige tekenset.' }]);
  const parsed = parsePostalFile(text);
  if (parsed.issues.length > 0) {
    return fail('invalid_input', `${file.name}: ${parsed.issues.length} fout(en); er is niets geïmporteerd.`, parsed.issues.map((i) => ({ file: file.name, ...i })));
  }

  const counts = { created: 0, updated: 0 };
  await withActor(deps.db, deps.actor, async (tx) => {
    for (let start = 0; start < parsed.areas.length; start += BATCH) {
      const rows = parsed.areas.slice(start, start + BATCH).map((a) => ({
        postcode: a.postcode,
        place: a.place,
        other_places: a.otherPlaces,
        municipality: a.municipality,
        municipality_code: a.municipalityCode,
        province: a.province,
        latitude: a.latitude,
        longitude: a.longitude,
        source: file.name,
      }));
      // Only rows whose content differs are updated; `xmax = 0` tells a new row from an updated one.
      const written = await tx
        .insertInto('postcode_areas')
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('postcode')
            .doUpdateSet({
              place: (eb) => eb.ref('excluded.place'),
              other_places: (eb) => eb.ref('excluded.other_places'),
              municipality: (eb) => eb.ref('excluded.municipality'),
              municipality_code: (eb) => eb.ref('excluded.municipality_code'),
              province: (eb) => eb.ref('excluded.province'),
              latitude: (eb) => eb.ref('excluded.latitude'),
              longitude: (eb) => eb.ref('excluded.longitude'),
              source: (eb) => eb.ref('excluded.source'),
              updated_at: sql<Date>`now()`,
            })
            .where(
              sql<boolean>`(postcode_areas.place, postcode_areas.other_places, postcode_areas.municipality, postcode_areas.municipality_code, postcode_areas.province, postcode_areas.latitude, postcode_areas.longitude)
                 is distinct from (excluded.place, excluded.other_places, excluded.municipality, excluded.municipality_code, excluded.province, excluded.latitude, excluded.longitude)`,
            ),
        )
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .execute();
      for (const row of written) counts[row.inserted ? 'created' : 'updated'] += 1;
    }
    await audit(tx, deps.actor, {
      event: 'geo.import',
      action: 'C',
      purpose: 'transparantie',
      objectType: 'postcode_areas',
      details: { file: file.name, lines: parsed.lines, areas: parsed.areas.length, ...counts },
    });
  });
  invalidatePostcodeIndex(deps.db);
  const unchanged = parsed.areas.length - counts.created - counts.updated;
  return ok({ file: file.name, lines: parsed.lines, imported: parsed.areas.length, ...counts, unchanged, duplicates: parsed.duplicates, errors: [] });
}
