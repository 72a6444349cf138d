/** Hoor en wederhoor: the controller puts a provider's open findings (of one rule, or all) to it, with the response term. */
import { useState, type FormEvent } from 'react';
import { api, type ProviderSummary, type SendReport } from '../api';
import { Field, Panel } from '../components/field';
import { ErrorMessage } from '../components/status';
import { formatDate, formatNumber } from '../format';
import type { Filters } from './claims-filters';
import { ProviderOptions, RuleField, useSubmission } from './claims-form';

export function SendPanel({ filters, providers, onSent }: { filters: Filters; providers: ProviderSummary[]; onSent(): void }) {
  const [agb, setAgb] = useState(filters.agb);
  const [rule, setRule] = useState(filters.rule);
  const [agbError, setAgbError] = useState<string | null>(null);
  const [outcome, run] = useSubmission<{ report: SendReport; name: string }>();
  const nameOf = (code: string) => providers.find((p) => p.agb === code)?.name ?? code;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!agb) {
      setAgbError('Kies de zorgaanbieder aan wie de bevindingen worden voorgelegd.');
      document.getElementById('send-provider')?.focus();
      return;
    }
    setAgbError(null);
    if (await run(async () => ({ report: await api.sendFindings(agb, rule || undefined), name: nameOf(agb) }))) onSent();
  };
  return (
    <Panel
      id="versturen-titel"
      title="Voorleggen aan de zorgaanbieder (hoor en wederhoor)"
      hint="De open bevindingen van de zorgaanbieder (eventueel van één regel) gaan naar de zorgaanbieder, die binnen de termijn kan reageren. Pas daarna kan een terugvordering worden gehandhaafd."
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="send-provider" label="Zorgaanbieder" error={agbError}>
          {(control) => (
            <select {...control} value={agb} onChange={(e) => setAgb(e.target.value)}>
              <option value="">Kies een zorgaanbieder</option>
              <ProviderOptions providers={providers} />
            </select>
          )}
        </Field>
        <RuleField id="send-rule" value={rule} onChange={setRule} />
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? 'Bezig met versturen…' : 'Open bevindingen versturen'}
        </button>
      </form>
      <div aria-live="polite" className="form-outcome">
        {outcome.kind === 'failed' && <ErrorMessage title="Niet verstuurd">{outcome.message}</ErrorMessage>}
        {outcome.kind === 'done' &&
          (outcome.value.report.sent === 0 ? (
            <p className="success-text">Geen open bevindingen van {outcome.value.name} om te versturen.</p>
          ) : (
            <p className="success-text">
              {formatNumber(outcome.value.report.sent)} {outcome.value.report.sent === 1 ? 'bevinding' : 'bevindingen'} voorgelegd aan {outcome.value.name}
              {outcome.value.report.response_due
                ? `; reageren kan tot en met ${formatDate(outcome.value.report.response_due)} (${outcome.value.report.response_working_days} werkdagen).`
                : '.'}
            </p>
          ))}
      </div>
    </Panel>
  );
}
