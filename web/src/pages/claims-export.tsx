/** The controllers' export of the stored claims as a file (CSV, Vektis ZH308 or FHIR R4), by provider and year. */
import { useState, type FormEvent } from 'react';
import type { ProviderSummary } from '../api';
import { CLAIM_FILE_FORMATS, claimFileFormatLabels, claimsExchangeApi, type ClaimFileFormat } from '../api-claims-exchange';
import { Field, Panel } from '../components/field';
import { DownloadOutcome, isYear, ProviderOptions, useDownload } from './claims-form';

export function ExportPanel({ providers }: { providers: ProviderSummary[] }) {
  const [format, setFormat] = useState<ClaimFileFormat>('csv');
  const [agb, setAgb] = useState('');
  const [yearText, setYearText] = useState('');
  const [errors, setErrors] = useState<{ agb?: string; year?: string }>({});
  const [download, start] = useDownload();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: { agb?: string; year?: string } = {};
    if (format === 'zh308' && !agb) found.agb = 'Kies een zorgaanbieder: een ZH308-bestand is de factuur van één instelling.';
    const year = yearText.trim();
    if (year && !isYear(year)) found.year = 'Vul een jaartal in, bijvoorbeeld 2018, of laat het leeg.';
    setErrors(found);
    if (found.agb) return document.getElementById('export-provider')?.focus();
    if (found.year) return document.getElementById('export-year')?.focus();
    const filter = { format, ...(agb ? { agb } : {}), ...(year ? { year: Number(year) } : {}) };
    void start(claimsExchangeApi.exportUrl(filter), `declaraties.${format === 'fhir' ? 'json' : format === 'zh308' ? 'txt' : 'csv'}`);
  };

  return (
    <Panel id="export-titel" title="Declaraties exporteren" hint="De opgeslagen declaraties als bestand; elk formaat leest weer in tot dezelfde declaraties. Elke export wordt gelogd.">
      <form onSubmit={submit} noValidate>
        <Field id="export-format" label="Exportformaat">
          {(control) => (
            <select {...control} value={format} onChange={(e) => setFormat(e.target.value as ClaimFileFormat)}>
              {CLAIM_FILE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {claimFileFormatLabels[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="export-provider" label="Zorgaanbieder" error={errors.agb}>
          {(control) => (
            <select {...control} value={agb} onChange={(e) => setAgb(e.target.value)}>
              <option value="">{format === 'zh308' ? 'Kies…' : 'Alle zorgaanbieders'}</option>
              <ProviderOptions providers={providers} />
            </select>
          )}
        </Field>
        <Field id="export-year" label="Jaar (begindatum)" hint="Leeg: alle jaren." error={errors.year}>
          {(control) => <input {...control} type="text" inputMode="numeric" className="input-short" value={yearText} onChange={(e) => setYearText(e.target.value)} />}
        </Field>
        <button type="submit" className="button button-primary" disabled={download.kind === 'busy'}>
          {download.kind === 'busy' ? 'Bezig met exporteren…' : 'Exporteren'}
        </button>
      </form>
      <div aria-live="polite" className="form-outcome">
        <DownloadOutcome state={download} failedTitle="Exporteren mislukt" />
      </div>
    </Panel>
  );
}
