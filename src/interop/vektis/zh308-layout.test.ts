import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ZH308_LAYOUT, ZH308_RECORD_LENGTH, ZH308_RECORD_TYPES } from './zh308-layout.js';

/** The published ZH308 v9.0 sheet as TSV, beside the repository (never inside it). */
const REFERENCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/vektis-zh308-v9.0-record-layout.tsv');
const present = existsSync(REFERENCE);

interface SheetRow {
  record: string;
  number: string;
  name: string;
  type: string;
  length: number;
  pattern: string;
  end: number;
  obligation: string;
}

/** The sheet's field rows: columns Standaardcode, Recordnaam, Recordcode, Volgnummer, Naam, Type, Lengte, Patroon, Eindpositie, Verplichting. */
function sheetRows(): SheetRow[] {
  return readFileSync(REFERENCE, 'latin1')
    .split(/\r?\n/)
    .map((line) => line.split('\t'))
    .filter((c) => c[0] === 'ZH308' && /^[0-9]+$/.test(c[3] ?? ''))
    .map((c) => ({
      record: c[2]!, number: c[3]!.padStart(4, '0'), name: c[4]!, type: c[5]!, length: Number(c[6]), pattern: c[7]!, end: Number(c[8]), obligation: c[9]!,
    }));
}

describe('ZH308 v9.0 layout transcription', () => {
  it('covers every record exactly: fields follow each other from position 1 to 610', () => {
    for (const type of ZH308_RECORD_TYPES) {
      const fields = ZH308_LAYOUT[type].fields;
      expect(fields[0]!.number, type).toBe(`${type}01`);
      let next = 1;
      for (const field of fields) {
        expect(field.start, field.number).toBe(next);
        expect(field.end - field.start + 1, field.number).toBe(field.length);
        expect(field.number.slice(0, 2), field.number).toBe(type);
        next = field.end + 1;
      }
      expect(next - 1, type).toBe(ZH308_RECORD_LENGTH);
    }
  });

  it.skipIf(!present)('equals the published sheet field by field (../shared/reference/vektis-zh308-v9.0-record-layout.tsv)', () => {
    const rows = sheetRows();
    expect(rows.length).toBeGreaterThan(150);
    const transcribed = ZH308_RECORD_TYPES.flatMap((type) => ZH308_LAYOUT[type].fields.map((f) => ({ record: type, ...f })));
    expect(transcribed.map((f) => f.number)).toEqual(rows.map((r) => r.number));
    rows.forEach((row, i) => {
      const f = transcribed[i]!;
      const where = `${row.number} ${row.name}`;
      expect(f.record, where).toBe(row.record);
      expect(f.name.toUpperCase(), where).toBe(row.name);
      expect(f.type === 'D' ? 'N' : f.type, where).toBe(row.type);
      expect(f.type === 'D', `${where}: a date exactly when the pattern is EEJJMMDD`).toBe(row.pattern === 'EEJJMMDD');
      expect(f.length, where).toBe(row.length);
      expect(f.end, where).toBe(row.end);
      expect(f.obligation, where).toBe(row.obligation);
    });
  });

  it.runIf(!present)('skips the comparison with the published sheet: ../shared/reference/vektis-zh308-v9.0-record-layout.tsv is absent', () => {
    console.warn(`ZH308 layout not compared with the published sheet: ${REFERENCE} not found.`);
  });
});
