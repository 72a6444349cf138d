import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { importPostcodeAreas } from '../../app/public/geo-import.js';
import { systemActor } from '../../domain/auth/actor.js';
import { failWith, printJson, withDatabase } from '../io.js';

export function registerGeoCommands(program: Command): void {
  const geo = program.command('geo').description('Geografische referentiegegevens voor de prijszoeker (GeoNames, CC BY 4.0)');

  geo
    .command('import <file>')
    .description('Importeer de Nederlandse postcodegebieden uit het GeoNames-postcodebestand (NL.txt: 12 kolommen met tabs, geen kopregel); alles of niets, opnieuw importeren is veilig')
    .option('--json', 'uitvoer als JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const json = opts.json === true;
      const name = path.basename(file);
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch (error) {
        const message = `Kan ${file} niet lezen: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
        failWith({ code: 'invalid_input', message, issues: [{ file: name, message: 'Bestand niet leesbaar.' }] }, json, { imported: 0, errors: [{ file: name, message }] });
      }
      await withDatabase(async (db) => {
        const result = await importPostcodeAreas({ db, actor: systemActor('cli') }, { name, content });
        if (!result.ok) {
          const errors = (result.error.issues ?? [{ message: result.error.message }]).map((i) => ({ ...(i.file ? { file: i.file } : {}), line: i.line ?? 0, field: i.field ?? i.column ?? '', message: i.message }));
          failWith(result.error, json, { imported: 0, errors });
        }
        const report = result.value;
        if (json) return printJson(report);
        console.log(`${report.imported} postcodegebied(en) geïmporteerd uit ${report.file} (${report.created} nieuw, ${report.updated} gewijzigd, ${report.unchanged} ongewijzigd; ${report.duplicates} regel(s) met een extra plaats).`);
        console.log('Bron: GeoNames (www.geonames.org), licentie CC BY 4.0.');
      });
    });
}
