/**
 * Tab "Afspraak" of a provider: which agreement it gets (MSZ §2) and why, and for purchasers the
 * negotiation state the decision rests on, which they change here; the decision is then fetched again.
 */
import { useState, type FormEvent } from 'react';
import { api, errorMessage, type AgreementDecision, type Negotiation, type NegotiationFact } from '../api';
import { ReasonList } from '../components/reasons';
import { ErrorMessage, Loaded, Loading } from '../components/status';
import { agreementPathLabels, agreementTypeLabels, decisionStatusLabels, label, negotiationFactLabels, yearsText, yesNo } from '../format';
import { useResource, useReloadableResource } from '../use-resource';

export function AgreementPanel({ agb, year, canNegotiate }: { agb: string; year: number; canNegotiate: boolean }) {
  const [decision, reloadDecision] = useReloadableResource((signal) => api.agreement(agb, year, signal), [agb, year]);
  // The decision first, then the negotiation state it rests on (a purchaser changes it right there),
  // then every reason: the effect of a change shows at the top without scrolling.
  return (
    <>
      <h2>Afspraak {year}</h2>
      <Loaded resource={decision} what="Afspraak">
        {(d) => <DecisionCard decision={d} />}
      </Loaded>
      {canNegotiate ? <NegotiationForm agb={agb} year={year} onSaved={reloadDecision} /> : <NegotiationView agb={agb} year={year} />}
      {decision.status === 'ready' && (
        <section aria-labelledby="afspraak-waarom">
          <h3 id="afspraak-waarom">Waarom deze afspraak</h3>
          <ReasonList reasons={decision.data.reasons} label="Redenen van de afspraak" />
        </section>
      )}
    </>
  );
}

/** The decision: type, term, path and status as badges, the title and the facts (the reasons follow below). */
export function DecisionCard({ decision: d }: { decision: AgreementDecision }) {
  return (
    <section className="decision-card" aria-labelledby="afspraak-beslissing">
      <h3 id="afspraak-beslissing" className="decision-card-title">
        {d.title}
      </h3>
      <ul className="badges" aria-label="Kenmerken van de afspraak">
        <li>
          <span className={`badge badge-type-${d.type}`}>{label(agreementTypeLabels, d.type)}</span>
        </li>
        {d.type !== 'none' && (
          <>
            <li>
              <span className="badge badge-neutral">{yearsText(d.years)}</span>
            </li>
            <li>
              <span className="badge badge-neutral">{label(agreementPathLabels, d.path)}</span>
            </li>
          </>
        )}
        <li>
          <span className={`badge badge-status-${d.status}`}>{label(decisionStatusLabels, d.status)}</span>
        </li>
      </ul>
      {d.status === 'provisional' && (
        <p className="hint">Voorlopig: de uitkomst hangt af van punten waarover nog onderhandeld wordt.</p>
      )}
      <dl className="facts facts-inline">
        <div>
          <dt>Soort</dt>
          <dd>{label(agreementTypeLabels, d.type)}</dd>
        </div>
        <div>
          <dt>Looptijd</dt>
          <dd>{d.type === 'none' ? '—' : yearsText(d.years)}</dd>
        </div>
        <div>
          <dt>Traject</dt>
          <dd>{d.type === 'none' ? '—' : label(agreementPathLabels, d.path)}</dd>
        </div>
        <div>
          <dt>Afrekening</dt>
          <dd>{label({ transition: 'Richtpunt (transitie)', ceiling: 'Plafond', none: 'Geen' }, d.settlement)}</dd>
        </div>
        <div>
          <dt>Gedeeltelijke inkoop mogelijk</dt>
          <dd>{yesNo(d.partial_purchase_possible)}</dd>
        </div>
        <div>
          <dt>Afspraaksoort (beleid)</dt>
          <dd className="code">{d.agreement_type_id}</dd>
        </div>
      </dl>
    </section>
  );
}

const FACTS: NegotiationFact[] = ['agreed', 'rejected', 'open'];
const DERIVED = 'afgeleid';

interface FormState {
  price_volume: NegotiationFact;
  kernregio_conditions: NegotiationFact;
  multi_year_content: NegotiationFact | typeof DERIVED;
  new_provider: boolean;
}

const toForm = (n: Negotiation): FormState => ({
  price_volume: n.price_volume,
  kernregio_conditions: n.kernregio_conditions,
  multi_year_content: n.multi_year_content ?? DERIVED,
  new_provider: n.new_provider,
});

type SaveState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** Purchasers: the negotiation state, three facts and "new provider"; saving re-decides the agreement. */
function NegotiationForm({ agb, year, onSaved }: { agb: string; year: number; onSaved(): void }) {
  const negotiation = useResource((signal) => api.negotiation(agb, year, signal), [agb, year]);
  return (
    <section aria-labelledby="onderhandeling-titel" className="panel">
      <h3 id="onderhandeling-titel">Onderhandelingsstand {year}</h3>
      <p className="hint">De afspraaksoort volgt uit deze stand (MSZ §2). Na opslaan wordt de afspraak opnieuw bepaald.</p>
      {negotiation.status === 'loading' ? (
        <Loading what="Onderhandelingsstand" />
      ) : negotiation.status === 'failed' ? (
        <ErrorMessage>{negotiation.message}</ErrorMessage>
      ) : (
        <NegotiationFields initial={negotiation.data} agb={agb} year={year} onSaved={onSaved} />
      )}
    </section>
  );
}

function NegotiationFields({ initial, agb, year, onSaved }: { initial: Negotiation; agb: string; year: number; onSaved(): void }) {
  const [form, setForm] = useState<FormState>(() => toForm(initial));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSave((s) => (s.kind === 'saved' ? { kind: 'idle' } : s));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSave({ kind: 'busy' });
    try {
      const saved = await api.setNegotiation(agb, {
        year,
        price_volume: form.price_volume,
        kernregio_conditions: form.kernregio_conditions,
        multi_year_content: form.multi_year_content === DERIVED ? null : form.multi_year_content,
        new_provider: form.new_provider,
      });
      setForm(toForm(saved));
      setSave({ kind: 'saved' });
      onSaved();
    } catch (error) {
      setSave({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const factSelect = (key: 'price_volume' | 'kernregio_conditions', id: string, text: string) => (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      <select id={id} value={form[key]} onChange={(e) => set(key, e.target.value as NegotiationFact)}>
        {FACTS.map((f) => (
          <option key={f} value={f}>
            {negotiationFactLabels[f]}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="form negotiation-form" onSubmit={(e) => void submit(e)}>
      <div className="field-row">
        {factSelect('price_volume', 'neg-price-volume', 'Overeenstemming prijs en volume')}
        {factSelect('kernregio_conditions', 'neg-kernregio', 'Kernregio-voorwaarden')}
        <div className="field">
          <label htmlFor="neg-multi-year">Inhoud meerjarenafspraak</label>
          <select
            id="neg-multi-year"
            value={form.multi_year_content}
            aria-describedby="neg-multi-year-hint"
            onChange={(e) => set('multi_year_content', e.target.value as FormState['multi_year_content'])}
          >
            <option value={DERIVED}>Niet vastgelegd (volgt prijs en volume)</option>
            {FACTS.map((f) => (
              <option key={f} value={f}>
                {negotiationFactLabels[f]}
              </option>
            ))}
          </select>
          <p className="hint" id="neg-multi-year-hint">
            Niet vastgelegd: overeenstemming wanneer prijs en volume (en waar nodig de kernregio-voorwaarden) zijn overeengekomen.
          </p>
        </div>
      </div>
      <div className="field checkbox-field">
        <input id="neg-new-provider" type="checkbox" checked={form.new_provider} onChange={(e) => set('new_provider', e.target.checked)} />
        <label htmlFor="neg-new-provider">Nieuwe aanbieder</label>
      </div>
      <button type="submit" className="button button-primary" disabled={save.kind === 'busy'}>
        {save.kind === 'busy' ? 'Bezig met opslaan…' : 'Opslaan en afspraak opnieuw bepalen'}
      </button>
      <div aria-live="polite" className="form-outcome">
        {save.kind === 'saved' && <p className="success-text">Onderhandelingsstand opgeslagen; de afspraak hierboven is opnieuw bepaald.</p>}
      </div>
      {save.kind === 'failed' && <ErrorMessage title="Niet opgeslagen">{save.message}</ErrorMessage>}
    </form>
  );
}

/** Everyone else: the negotiation state read-only (when the server shows it to them). */
function NegotiationView({ agb, year }: { agb: string; year: number }) {
  const negotiation = useResource((signal) => api.negotiation(agb, year, signal), [agb, year]);
  if (negotiation.status !== 'ready') return null;
  const n = negotiation.data;
  return (
    <section aria-labelledby="onderhandeling-titel">
      <h3 id="onderhandeling-titel">Onderhandelingsstand {year}</h3>
      <dl className="facts facts-inline">
        <div>
          <dt>Overeenstemming prijs en volume</dt>
          <dd>{label(negotiationFactLabels, n.price_volume)}</dd>
        </div>
        <div>
          <dt>Kernregio-voorwaarden</dt>
          <dd>{label(negotiationFactLabels, n.kernregio_conditions)}</dd>
        </div>
        <div>
          <dt>Inhoud meerjarenafspraak</dt>
          <dd>{n.multi_year_content === null ? 'Niet vastgelegd' : label(negotiationFactLabels, n.multi_year_content)}</dd>
        </div>
        <div>
          <dt>Nieuwe aanbieder</dt>
          <dd>{yesNo(n.new_provider)}</dd>
        </div>
      </dl>
    </section>
  );
}
