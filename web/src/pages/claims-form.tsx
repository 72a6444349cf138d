/**
 * Form pieces the panels of the control page share: the provider options, the rule field, the
 * year check, the state of a submit (busy, done, failed with the server's message) and the
 * download of a claims file with its outcome for a live region.
 */
import { useState } from 'react';
import { RULE_IDS, errorMessage, type ProviderSummary } from '../api';
import { fetchFile, saveFile } from '../api-claims-exchange';
import { Field } from '../components/field';
import { ErrorMessage } from '../components/status';
import { formatNumber, label, ruleLabels } from '../format';

const providerOption = (p: ProviderSummary) => `${p.name} (${p.agb})`;
const byName = (a: ProviderSummary, b: ProviderSummary) => a.name.localeCompare(b.name, 'nl');

/** The providers as options, by name; `keep`, an AGB that is not among them (from the address or a file), stays as an option of its own. */
export function ProviderOptions({ providers, keep }: { providers: readonly ProviderSummary[]; keep?: string }) {
  return (
    <>
      {[...providers].sort(byName).map((p) => (
        <option key={p.agb} value={p.agb}>
          {providerOption(p)}
        </option>
      ))}
      {keep && !providers.some((p) => p.agb === keep) && <option value={keep}>{keep}</option>}
    </>
  );
}

/** The field "Regel": one check rule, or all (''). */
export function RuleField({ id, value, onChange }: { id: string; value: string; onChange(rule: string): void }) {
  return (
    <Field id={id} label="Regel">
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Alle regels</option>
          {RULE_IDS.map((r) => (
            <option key={r} value={r}>
              {label(ruleLabels, r)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A year as the API accepts it: four digits, 2000-2100. */
export const isYear = (text: string): boolean => /^\d{4}$/.test(text.trim()) && Number(text) >= 2000 && Number(text) <= 2100;

export type Submission<T> = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; value: T } | { kind: 'failed'; message: string };

/** The state of a submit and the function that runs one; it resolves to whether the work succeeded. */
export function useSubmission<T>(): [Submission<T>, (work: () => Promise<T>) => Promise<boolean>] {
  const [state, setState] = useState<Submission<T>>({ kind: 'idle' });
  const run = async (work: () => Promise<T>) => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', value: await work() });
      return true;
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
      return false;
    }
  };
  return [state, run];
}

export type DownloadState = Submission<{ fileName: string; size: number }>;

/** Fetches a file and saves it; the outcome (name and size, or the server's refusal) for a live region. */
export function useDownload(): [DownloadState, (url: string, fallbackName: string) => Promise<void>] {
  const [state, run] = useSubmission<{ fileName: string; size: number }>();
  const start = async (url: string, fallbackName: string) => {
    await run(async () => {
      const file = await fetchFile(url, fallbackName);
      saveFile(file);
      return { fileName: file.fileName, size: file.blob.size };
    });
  };
  return [state, start];
}

export function DownloadOutcome({ state, failedTitle }: { state: DownloadState; failedTitle: string }) {
  if (state.kind === 'busy') return <p className="muted">Bestand wordt opgehaald…</p>;
  if (state.kind === 'failed') return <ErrorMessage title={failedTitle}>{state.message}</ErrorMessage>;
  if (state.kind === 'done') return <p className="muted">{state.value.fileName} gedownload ({formatNumber(state.value.size)} bytes).</p>;
  return null;
}
