/**
 * The controllers' import of a claims file (CSV, Vektis ZH308 or a FHIR R4 Bundle) through the
 * shared `FileImport`: what each format looks like, the check of the file's name, the report of
 * the import, and the ZH309 answer to it.
 */
import { useState } from 'react';
import type { ProviderSummary } from '../api';
import { CLAIM_FILE_FORMATS, claimFileFormatLabels, claimsExchangeApi, type ClaimFileFormat, type ClaimFileReport } from '../api-claims-exchange';
import { Panel } from '../components/field';
import { FileImport, type ChoiceValues, type ImportChoice } from '../components/file-import';
import { formatNumber } from '../format';
import { Zh309Answer } from './claims-zh309';

const formatChoice: ImportChoice = {
  id: 'claims-format',
  label: 'Bestandsformaat',
  initial: 'csv',
  options: CLAIM_FILE_FORMATS.map((f) => ({ value: f, label: claimFileFormatLabels[f] })),
};

const importHints: Record<ClaimFileFormat, string> = {
  csv:
    'CSV met kopregel: claim_id, uzovi, agb, bsn, care_type, specialism, diagnosis, product_code, start_date, end_date, ' +
    'amount_cents (en voor add-on-regels zi_number en units). Elke regel wordt geaccepteerd of afgewezen met een retourcode.',
  zh308:
    'Vektis ZH308 versie 9.0: records van 610 posities (ISO-8859-1), één instelling per bestand. Elk prestatierecord wordt geaccepteerd ' +
    'of afgewezen met een retourcode; klopt het voorlooprecord of het sluitrecord niet, dan wordt niets opgeslagen.',
  fhir: 'FHIR R4 Bundle (JSON, type batch of collection) met één Claim per declaratieregel. Elke Claim wordt geaccepteerd of afgewezen met een retourcode.',
};

const importAccept: Record<ClaimFileFormat, string> = {
  csv: '.csv,text/csv',
  // Vektis files carry no fixed extension (.asc, .txt, .308, …): any file may be chosen.
  zh308: '',
  fhir: '.json,application/json,application/fhir+json',
};

const formatOf = (values: ChoiceValues): ClaimFileFormat =>
  (CLAIM_FILE_FORMATS as readonly string[]).includes(values[formatChoice.id] ?? '') ? (values[formatChoice.id] as ClaimFileFormat) : 'csv';

/** Vektis ZH308 v9.0: field 0112 Instellingscode of the voorlooprecord sits at positions 55-62. */
async function zh308Institution(file: File): Promise<string> {
  const code = (await file.slice(54, 62).text()).trim();
  return /^\d{8}$/.test(code) && code !== '00000000' ? code : '';
}

function checkClaimFile(file: File, values: ChoiceValues): string | null {
  const format = formatOf(values);
  if (format === 'csv' && !/\.csv$/i.test(file.name)) return `'${file.name}' is geen CSV-bestand.`;
  if (format === 'fhir' && !/\.json$/i.test(file.name)) return `'${file.name}' is geen JSON-bestand; een FHIR R4 Bundle eindigt op .json.`;
  return null;
}

export function ImportPanel({ providers, onImported }: { providers: ProviderSummary[]; onImported(): void }) {
  // The institution a ZH308 file names, to offer its ZH309 answer straight away.
  const [institution, setInstitution] = useState('');
  const upload = async (file: File, values: ChoiceValues) => {
    const format = formatOf(values);
    setInstitution(format === 'zh308' ? await zh308Institution(file) : '');
    return claimsExchangeApi.importFile(file, format);
  };
  return (
    <Panel id="import-titel" title="Declaratiebestand importeren">
      <FileImport<ClaimFileReport>
        inputId="claims-file"
        choices={[formatChoice]}
        hint={(values) => importHints[formatOf(values)]}
        accept={(values) => importAccept[formatOf(values)]}
        missingFile={(values) => `Kies eerst een declaratiebestand (${claimFileFormatLabels[formatOf(values)]}).`}
        checkFile={checkClaimFile}
        upload={upload}
        onUploaded={(outcome) => outcome === 'stored' && onImported()}
        refusedTitle={(fileName) => `${fileName} niet geïmporteerd`}
        refusedErrors={(fileName) => ({ caption: `Fouten in ${fileName}` })}
        headingLevel={4}
        describe={(r) => ({
          tone: r.rejected > 0 ? 'info' : 'success',
          title: `${r.file}: ${formatNumber(r.accepted)} geaccepteerd, ${formatNumber(r.rejected)} afgewezen`,
          counts: [
            { label: 'Importnummer', value: r.import_id === null ? '—' : String(r.import_id) },
            { label: 'Geaccepteerd', value: r.accepted },
            { label: 'Afgewezen', value: r.rejected },
            { label: 'Nieuw opgeslagen', value: r.stored },
            { label: 'Al eerder opgeslagen', value: r.already_stored },
          ],
          notes: r.duplicate_file && <p>Dit bestand is al eerder geïmporteerd (import {r.import_id}); er is niets opnieuw opgeslagen.</p>,
          errors: { items: r.errors, caption: `Afgewezen regels in ${r.file}`, truncated: r.errors_truncated },
          after: r.import_id !== null && <Zh309Answer key={`${r.import_id}|${institution}`} importId={r.import_id} providers={providers} initialAgb={institution} />,
        })}
      />
    </Panel>
  );
}
