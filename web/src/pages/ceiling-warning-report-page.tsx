/**
 * Plafondmelding (MSZ §4): a provider user reports that its plafond threatens to be exceeded, so
 * Zilveren Kruis can mediate new patients to providers with room left. The form asks the expected
 * revenue of the year, the specialisms concerned and an explanation; below it the provider's own
 * reports with what the purchaser noted.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError, api, errorMessage, type Issue } from '../api';
import { addonApi, type CeilingWarning } from '../api-addon';
import { ReasonList } from '../components/reasons';
import { ErrorMessage, Loading } from '../components/status';
import { formatDate, formatEuroCents, formatPercent, parseEuroInput } from '../format';
import { useSession } from '../session';
import { useReloadableResource, useResource } from '../use-resource';

export const WARNING_YEAR = 2018;

export const warningStatusLabels: Record<CeilingWarning['status'], string> = {
  open: 'open',
  acknowledged: 'in behandeling',
  closed: 'afgesloten',
};

/** The badge colours of the ceiling monitor: open is urgent, in behandeling a warning, afgesloten done. */
export const warningStatusBadges: Record<CeilingWarning['status'], string> = {
  open: 'badge-ceiling-overrun-expected',
  acknowledged: 'badge-ceiling-warning',
  closed: 'badge-ceiling-ok',
};

export function CeilingWarningReportPage() {
  const { user } = useSession();
  const agb = user?.agb ?? '';
  const [warnings, reload] = useReloadableResource((signal) => addonApi.ownWarnings(agb, WARNING_YEAR, signal), [agb]);
  return (
    <article>
      <h1>Dreigende plafondoverschrijding melden</h1>
      <p className="lead">
        Overschrijdingen van de plafondafspraak worden niet vergoed. Dreigt u het plafond te overschrijden, meld dit dan tijdig: dan
        kan Zilveren Kruis nieuwe patiënten bemiddelen naar zorgaanbieders die nog ruimte hebben (MSZ §4).
      </p>
      {agb ? <ReportForm agb={agb} onReported={reload} /> : <ErrorMessage>Uw account hoort niet bij een zorgaanbieder.</ErrorMessage>}
      <section aria-labelledby="eerdere-meldingen">
        <h2 id="eerdere-meldingen">Uw meldingen {WARNING_YEAR}</h2>
        {warnings.status === 'loading' ? (
          <Loading what="Meldingen" />
        ) : warnings.status === 'failed' ? (
          <ErrorMessage>{warnings.message}</ErrorMessage>
        ) : warnings.data.warnings.length === 0 ? (
          <p className="empty">Nog geen meldingen.</p>
        ) : (
          warnings.data.warnings.map((w) => <WarningSummary key={w.id} warning={w} />)
        )}
      </section>
    </article>
  );
}

export function WarningSummary({ warning: w }: { warning: CeilingWarning }) {
  return (
    <div className="panel">
      <h3>
        Melding {w.id} van {formatDate(w.reported_at)} — <span className={`badge ${warningStatusBadges[w.status]}`}>{warningStatusLabels[w.status]}</span>
      </h3>
      <dl className="facts facts-inline">
        <div>
          <dt>Plafond</dt>
          <dd className="amount">{formatEuroCents(w.ceiling_cents)}</dd>
        </div>
        <div>
          <dt>Verwachte omzet</dt>
          <dd className="amount">{formatEuroCents(w.expected_revenue_cents)}</dd>
        </div>
        <div>
          <dt>Overschrijding</dt>
          <dd className="amount">{formatEuroCents(w.overrun_cents)}</dd>
        </div>
        <div>
          <dt>Benutting</dt>
          <dd>{formatPercent(w.utilisation)}</dd>
        </div>
        <div>
          <dt>Specialismen</dt>
          <dd className="code">{w.specialisms.join(', ')}</dd>
        </div>
      </dl>
      <p>
        <strong>Toelichting:</strong> {w.explanation}
      </p>
      {w.acknowledgement_note && (
        <p>
          <strong>In behandeling genomen</strong> door {w.acknowledged_by} op {formatDate(w.acknowledged_at ?? '')}: {w.acknowledgement_note}
        </p>
      )}
      {w.closing_note && (
        <p>
          <strong>Afgesloten</strong> door {w.closed_by} op {formatDate(w.closed_at ?? '')}: {w.closing_note}
        </p>
      )}
      <details className="why">
        <summary>Waarom: regels en bronnen ({w.reasons.length})</summary>
        <ReasonList reasons={w.reasons} />
      </details>
    </div>
  );
}

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; warning: CeilingWarning } | { kind: 'failed'; message: string; issues: Issue[] };

function ReportForm({ agb, onReported }: { agb: string; onReported: () => void }) {
  const provider = useResource((signal) => api.provider(agb, signal), [agb]);
  const [amount, setAmount] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [explanation, setExplanation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const amountErrorId = useId();
  const amountHintId = useId();
  const careErrorId = useId();
  const explanationErrorId = useId();

  if (provider.status === 'loading') return <Loading what="Zorgaanbieder" />;
  if (provider.status === 'failed') return <ErrorMessage>{provider.message}</ErrorMessage>;
  const specialisms = (provider.data as { specialisms?: string[] }).specialisms ?? [];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cents = parseEuroInput(amount);
    const found: Record<string, string> = {};
    if (cents === null || BigInt(cents) <= 0n || BigInt(cents) > BigInt(Number.MAX_SAFE_INTEGER)) found.amount = 'Vul de verwachte omzet in euro’s in, bijvoorbeeld 12.500.000,00.';
    if (chosen.length === 0) found.care = 'Kies minstens één specialisme.';
    if (explanation.trim().length < 10) found.explanation = 'Licht in minstens 10 tekens toe waardoor de overschrijding dreigt.';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById({ amount: 'warning-amount', care: 'warning-care-0', explanation: 'warning-explanation' }[first] ?? '')?.focus();
      return;
    }
    setOutcome({ kind: 'busy' });
    try {
      const warning = await addonApi.reportWarning(agb, { year: WARNING_YEAR, expected_revenue_cents: Number(cents), specialisms: chosen, explanation: explanation.trim() });
      setOutcome({ kind: 'done', warning });
      setAmount('');
      setChosen([]);
      setExplanation('');
      onReported();
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error), issues: error instanceof ApiError ? error.issues : [] });
    }
  };

  return (
    <section aria-labelledby="melden" className="panel">
      <h2 id="melden">Melding {WARNING_YEAR}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="warning-amount">Verwachte omzet {WARNING_YEAR}</label>
          <p className="hint" id={amountHintId}>
            Uw verwachting van de totale Zilveren Kruis-omzet over het jaar, in euro’s.
          </p>
          {errors.amount && (
            <p className="field-error" id={amountErrorId}>
              {errors.amount}
            </p>
          )}
          <input
            id="warning-amount"
            type="text"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={errors.amount ? `${amountHintId} ${amountErrorId}` : amountHintId}
          />
        </div>
        <fieldset className="field" aria-describedby={errors.care ? careErrorId : undefined}>
          <legend>Specialismen waarvoor de overschrijding dreigt</legend>
          {errors.care && (
            <p className="field-error" id={careErrorId}>
              {errors.care}
            </p>
          )}
          {specialisms.length === 0 ? (
            <p className="empty">Van uw organisatie zijn geen specialismen bekend.</p>
          ) : (
            <div className="checkbox-grid">
              {specialisms.map((s, i) => (
                <div className="checkbox-field" key={s}>
                  <input
                    id={`warning-care-${i}`}
                    type="checkbox"
                    checked={chosen.includes(s)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s] : c.filter((x) => x !== s)))}
                  />
                  <label htmlFor={`warning-care-${i}`} className="code">
                    {s}
                  </label>
                </div>
              ))}
            </div>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="warning-explanation">Toelichting</label>
          {errors.explanation && (
            <p className="field-error" id={explanationErrorId}>
              {errors.explanation}
            </p>
          )}
          <textarea
            id="warning-explanation"
            rows={4}
            value={explanation}
            maxLength={5000}
            onChange={(e) => setExplanation(e.target.value)}
            aria-invalid={errors.explanation ? true : undefined}
            aria-describedby={errors.explanation ? explanationErrorId : undefined}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? 'Bezig met melden…' : 'Melden'}
        </button>
      </form>
      <div aria-live="polite" className="form-outcome">
        {outcome.kind === 'done' && (
          <div className="alert alert-success">
            <p className="alert-title">Melding {outcome.warning.id} ontvangen</p>
            <p>De zorginkopers van Zilveren Kruis zijn op de hoogte gebracht.</p>
          </div>
        )}
        {outcome.kind === 'failed' && (
          <ErrorMessage title="Niet gemeld">
            <p>{outcome.message}</p>
            {outcome.issues.length > 0 && (
              <ul>
                {outcome.issues.map((issue, i) => (
                  <li key={i}>{issue.message}</li>
                ))}
              </ul>
            )}
          </ErrorMessage>
        )}
      </div>
    </section>
  );
}
