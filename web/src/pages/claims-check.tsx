/** The controllers' run of every check rule over the stored claims of a year (or all), and its counts per rule. */
import { useState, type FormEvent } from 'react';
import { api, type CheckRunReport } from '../api';
import { Field, Panel } from '../components/field';
import { ErrorMessage } from '../components/status';
import { formatNumber, label, ruleLabels } from '../format';
import { DEFAULT_YEAR } from './claims-filters';
import { isYear, useSubmission } from './claims-form';

export function CheckPanel({ onChecked }: { onChecked(): void }) {
  const [yearText, setYearText] = useState(String(DEFAULT_YEAR));
  const [yearError, setYearError] = useState<string | null>(null);
  const [outcome, run] = useSubmission<CheckRunReport>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = yearText.trim();
    if (text !== '' && !isYear(text)) {
      setYearError('Vul een jaartal in (bijvoorbeeld 2018), of laat het leeg voor alle jaren.');
      document.getElementById('check-year')?.focus();
      return;
    }
    setYearError(null);
    if (await run(() => api.checkClaims(text === '' ? null : Number(text)))) onChecked();
  };
  return (
    <Panel id="check-titel" title="Controle uitvoeren">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id="check-year"
          label="Jaar"
          error={yearError}
          hint="Alle controleregels over de opgeslagen declaraties van dit jaar. Open bevindingen worden vervangen; voorgelegde bevindingen houden hun status."
        >
          {(control) => <input {...control} type="text" inputMode="numeric" className="input-short" value={yearText} onChange={(e) => setYearText(e.target.value)} />}
        </Field>
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? 'Bezig met controleren…' : 'Controle uitvoeren'}
        </button>
      </form>
      <div aria-live="polite">
        {outcome.kind === 'failed' && <ErrorMessage title="Controle mislukt">{outcome.message}</ErrorMessage>}
        {outcome.kind === 'done' && <CheckResult report={outcome.value} />}
      </div>
    </Panel>
  );
}

function CheckResult({ report }: { report: CheckRunReport }) {
  const counts = Object.entries(report.findings).filter(([, n]) => n > 0);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  return (
    <div className="alert alert-success">
      <p className="alert-title">
        Controle {report.year ?? 'alle jaren'} uitgevoerd: {formatNumber(report.claims)} declaraties, {formatNumber(total)} bevindingen
      </p>
      {counts.length > 0 && (
        <ul className="plain-list">
          {counts.map(([rule, n]) => (
            <li key={rule}>
              {label(ruleLabels, rule)}: {formatNumber(n)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
