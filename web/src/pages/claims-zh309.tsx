/** The ZH309 answer to an import of claims, downloaded per provider. */
import { useState, type FormEvent } from 'react';
import type { ProviderSummary } from '../api';
import { claimsExchangeApi } from '../api-claims-exchange';
import { Field } from '../components/field';
import { Link } from '../router';
import { DownloadOutcome, ProviderOptions, useDownload } from './claims-form';

/**
 * The ZH309 answer to an import is per provider (a CSV or FHIR file may hold several): the
 * controller picks the provider, preset to the institution of a ZH308 file.
 */
export function Zh309Answer({ importId, providers, initialAgb }: { importId: number; providers: ProviderSummary[]; initialAgb: string }) {
  const [agb, setAgb] = useState(initialAgb);
  const [error, setError] = useState<string | null>(null);
  const [download, start] = useDownload();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!agb) {
      setError('Kies de zorgaanbieder van wie u het antwoord wilt.');
      document.getElementById('zh309-provider')?.focus();
      return;
    }
    setError(null);
    void start(claimsExchangeApi.zh309Url(agb, importId), `ZH309-${importId}-${agb}.txt`);
  };
  return (
    <section aria-labelledby="zh309-titel" className="zh309-answer">
      <h4 id="zh309-titel">ZH309-antwoord op import {importId}</h4>
      <p className="hint">Per record de status (toegewezen of afgewezen) en de retourcodes, in Vektis ZH309-opmaak, per zorgaanbieder.</p>
      <form className="filter-form" onSubmit={submit} noValidate>
        <Field id="zh309-provider" label="Zorgaanbieder" error={error}>
          {(control) => (
            <select {...control} value={agb} onChange={(e) => setAgb(e.target.value)}>
              <option value="">Kies…</option>
              <ProviderOptions providers={providers} keep={agb} />
            </select>
          )}
        </Field>
        <button type="submit" className="button button-secondary" disabled={download.kind === 'busy'}>
          Download ZH309-antwoord
        </button>
      </form>
      <DownloadOutcome state={download} failedTitle="ZH309-antwoord niet beschikbaar" />
      {agb && (
        <p>
          <Link to={`/providers/${encodeURIComponent(agb)}?tab=declaratiebestanden`}>Alle declaratiebestanden van deze zorgaanbieder</Link>
        </p>
      )}
    </section>
  );
}
