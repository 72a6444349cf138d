/**
 * A specific risk analysis (Regeling zorgverzekering art. 7.8) recorded by a controller or medical
 * adviser for the findings selected in the list: title, rationale, the rules and provider it
 * covers. Only findings attached to one open patient-level detail on their own page.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { RULE_IDS, api, errorMessage, type Finding, type ProviderSummary } from '../api';
import { Field, Panel } from '../components/field';
import { ErrorMessage } from '../components/status';
import { label, ruleLabels } from '../format';
import type { Filters } from './claims-filters';
import { ProviderOptions } from './claims-form';

type RiskOutcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; id: number; attached: number }
  | { kind: 'failed'; message: string; createdId?: number };

interface RiskAnalysisPanelProps {
  selected: ReadonlyMap<number, Finding>;
  filters: Filters;
  providers: ProviderSummary[];
  onClear(): void;
  onDone(): void;
}

export function RiskAnalysisPanel({ selected, filters, providers, onClear, onDone }: RiskAnalysisPanelProps) {
  const [title, setTitle] = useState('');
  const [rationale, setRationale] = useState('');
  const [rules, setRules] = useState<Set<string>>(new Set());
  const [agb, setAgb] = useState(filters.agb);
  const [agbTouched, setAgbTouched] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<RiskOutcome>({ kind: 'idle' });
  const findings = [...selected.values()];
  const selectedRules = [...new Set(findings.map((f) => f.rule))].sort();
  const selectedAgbs = [...new Set(findings.map((f) => f.agb))];
  const rulesKey = selectedRules.join(',');
  const agbKey = selectedAgbs.join(',');

  // The analysis covers at least the rules of the selected findings; one provider when they share one.
  useEffect(() => {
    if (rulesKey === '') return;
    setRules((current) => new Set([...current, ...rulesKey.split(',')]));
  }, [rulesKey]);
  useEffect(() => {
    if (agbTouched) return;
    const agbs = agbKey === '' ? [] : agbKey.split(',');
    if (agbs.length === 1) setAgb(agbs[0] as string);
    else if (agbs.length > 1) setAgb('');
  }, [agbKey, agbTouched]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (findings.length === 0) found.findings = 'Selecteer eerst een of meer bevindingen in de tabel.';
    if (title.trim().length < 3 || title.trim().length > 200) found.title = 'Geef een titel van 3 tot 200 tekens.';
    if (rationale.trim().length < 10) found.rationale = 'Onderbouw in minstens 10 tekens waarom detailcontrole op patiëntniveau nodig is.';
    setErrors(found);
    const first = ['findings', 'title', 'rationale'].find((k) => found[k]);
    if (first) {
      document.getElementById(`risk-${first}`)?.focus();
      return;
    }
    setOutcome({ kind: 'busy' });
    let createdId: number | undefined;
    try {
      const created = await api.createRiskAnalysis({ title: title.trim(), rationale: rationale.trim(), rules: [...rules].sort(), ...(agb ? { agb } : {}) });
      createdId = created.id;
      await api.attachFindings(created.id, findings.map((f) => f.id));
      setOutcome({ kind: 'done', id: created.id, attached: findings.length });
      setTitle('');
      setRationale('');
      setRules(new Set());
      setAgbTouched(false);
      onDone();
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error), ...(createdId !== undefined ? { createdId } : {}) });
    }
  };


  return (
    <Panel
      id="risico-titel"
      title="Specifieke risicoanalyse"
      hint="Detailcontrole op patiëntniveau mag alleen na een specifieke risicoanalyse (Regeling zorgverzekering art. 7.8). Leg vast waarom, en koppel de geselecteerde bevindingen; daarna kunnen controllers en medisch adviseurs de patiëntgegevens van die bevindingen inzien, met opgave van doel."
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <p className="text-label" id="risk-findings-label">
            Geselecteerde bevindingen
          </p>
          {errors.findings && (
            <p className="field-error" id="risk-findings-error">
              {errors.findings}
            </p>
          )}
          <div id="risk-findings" tabIndex={-1} aria-labelledby="risk-findings-label" aria-describedby={errors.findings ? 'risk-findings-error' : undefined} className="selection-box">
            {findings.length === 0 ? (
              <p className="empty">Nog geen: kies bevindingen met de vakjes in de tabel.</p>
            ) : (
              <>
                <p>
                  {findings.length} {findings.length === 1 ? 'bevinding' : 'bevindingen'}: {findings.slice(0, 8).map((f) => f.claim_id).join(', ')}
                  {findings.length > 8 ? ' …' : ''}
                </p>
                <button type="button" className="button button-secondary" onClick={onClear}>
                  Selectie wissen
                </button>
              </>
            )}
          </div>
        </div>
        <Field id="risk-title" label="Titel" error={errors.title}>
          {(control) => <input {...control} type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field
          id="risk-rationale"
          label="Onderbouwing"
          hint="Waarom is detailcontrole op patiëntniveau nodig, en waarom is minder ingrijpende controle niet genoeg?"
          error={errors.rationale}
        >
          {(control) => <textarea {...control} rows={4} value={rationale} onChange={(e) => setRationale(e.target.value)} />}
        </Field>
        <fieldset className="field">
          <legend>Regels</legend>
          <p className="hint" id="risk-rules-hint">
            De analyse geldt alleen voor deze regels; bevindingen van andere regels kunnen er niet aan worden gekoppeld.
          </p>
          <div className="checkbox-grid">
            {RULE_IDS.map((r) => (
              <div className="checkbox-field" key={r}>
                <input
                  id={`risk-rule-${r}`}
                  type="checkbox"
                  checked={rules.has(r)}
                  onChange={(e) =>
                    setRules((current) => {
                      const next = new Set(current);
                      if (e.target.checked) next.add(r);
                      else next.delete(r);
                      return next;
                    })
                  }
                />
                <label htmlFor={`risk-rule-${r}`}>{label(ruleLabels, r)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field id="risk-provider" label="Zorgaanbieder">
          {(control) => (
            <select
              {...control}
              value={agb}
              onChange={(e) => {
                setAgb(e.target.value);
                setAgbTouched(true);
              }}
            >
              <option value="">Alle zorgaanbieders</option>
              <ProviderOptions providers={providers} />
            </select>
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? 'Bezig met vastleggen…' : 'Risicoanalyse vastleggen en bevindingen koppelen'}
        </button>
      </form>
      <div aria-live="polite" className="form-outcome">
        {outcome.kind === 'failed' && (
          <ErrorMessage title={outcome.createdId !== undefined ? `Risicoanalyse ${outcome.createdId} vastgelegd, koppelen mislukt` : 'Niet vastgelegd'}>
            {outcome.message}
          </ErrorMessage>
        )}
        {outcome.kind === 'done' && (
          <p className="success-text">
            Risicoanalyse {outcome.id} vastgelegd; {outcome.attached} {outcome.attached === 1 ? 'bevinding' : 'bevindingen'} gekoppeld.
          </p>
        )}
      </div>
    </Panel>
  );
}

