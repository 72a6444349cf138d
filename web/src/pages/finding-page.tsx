/**
 * One finding of the claims check, drilled down: why (the rule's message, rule id, policy source
 * and the inputs that decided it), the claims it relates to, where it stands in hoor en wederhoor
 * (status history and the provider's response), and for controllers and medical advisers the
 * decision (uphold or withdraw, with a note) and the patient-level detail of the claim. That
 * detail is asked for with a purpose and granted by the server only under a specific risk
 * analysis; a refusal shows the server's reason, and every view is in the audit log.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, api, errorMessage, type Finding, type FindingDetail, type FindingEvent } from '../api';
import { FindingStatusBadge } from '../components/findings';
import { ReasonView } from '../components/reasons';
import { ErrorMessage, Loading, TableScroll } from '../components/status';
import { findingActionLabels, formatDate, formatEuroCents, label, ruleLabels } from '../format';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import { useReloadableResource, useResource } from '../use-resource';

export function FindingPage({ id }: { id: string }) {
  const location = useLocation();
  // The link from a table names the provider and rule, so the finding is found in a short list.
  const agb = location.search.get('aanbieder') ?? undefined;
  const rule = location.search.get('regel') ?? undefined;
  const number = /^\d{1,15}$/.test(id) ? Number(id) : null;
  const [finding, reload] = useReloadableResource(
    (signal) => (number === null ? Promise.reject(new ApiError(404, 'not_found', `'${id}' is geen bevindingnummer.`)) : api.finding(number, { agb, rule }, signal)),
    [number, agb, rule],
  );
  // What the decision call answered (decided by, when, the note): the listing does not carry it.
  const [decided, setDecided] = useState<Partial<Finding> | null>(null);
  return (
    <article>
      <p className="back-link">
        <Link to="/claims">← Declaratiecontrole</Link>
      </p>
      {finding.status === 'ready' ? (
        <FindingView
          finding={decided && decided.id === finding.data.id ? { ...finding.data, ...decided, reason: finding.data.reason, related_claim_ids: finding.data.related_claim_ids } : finding.data}
          onDecided={(answer) => {
            setDecided(answer);
            reload();
          }}
        />
      ) : (
        <>
          <h1>Bevinding {id}</h1>
          {finding.status === 'loading' ? <Loading what="Bevinding" /> : <ErrorMessage>{finding.message}</ErrorMessage>}
        </>
      )}
    </article>
  );
}

function FindingView({ finding: f, onDecided }: { finding: Finding; onDecided(answer: Finding): void }) {
  const { user } = useSession();
  const staffActor = user?.role === 'controller' || user?.role === 'medical-adviser';
  const provider = useResource((signal) => api.provider(f.agb, signal).catch(() => null), [f.agb]);
  const name = f.provider_name ?? (provider.status === 'ready' ? provider.data?.name : undefined);
  const final = f.status === 'upheld' || f.status === 'withdrawn';
  return (
    <>
      <h1>
        Bevinding <span className="code">{f.claim_id}</span>: {label(ruleLabels, f.rule)}
      </h1>
      <p className="subtitle">
        <Link to={`/providers/${encodeURIComponent(f.agb)}?tab=bevindingen`}>{name ?? `Zorgaanbieder ${f.agb}`}</Link> · AGB-code{' '}
        <span className="code">{f.agb}</span> · <FindingStatusBadge status={f.status} />
      </p>
      <dl className="facts">
        <Fact term="Declaratie">
          <span className="code">{f.claim_id}</span>
        </Fact>
        <Fact term="Regel">
          {label(ruleLabels, f.rule)} <span className="code muted">{f.rule}</span>
        </Fact>
        <Fact term="Bron">{f.source}</Fact>
        <Fact term="Bedrag in het geding">
          <span className="amount">{formatEuroCents(f.amount_at_stake_cents)}</span>
        </Fact>
        <Fact term="Actie">{label(findingActionLabels, f.action)}</Fact>
        {f.upheld_outcome !== undefined && (
          <Fact term="Bij handhaven">{f.upheld_outcome === 'reclaim' ? 'Terugvordering' : f.upheld_outcome === 'reject' ? 'Afwijzing' : 'Geen financieel gevolg'}</Fact>
        )}
        <Fact term="Reactie uiterlijk">{f.response_due ? formatDate(f.response_due) : '—'}</Fact>
        {f.risk_analysis_id !== undefined && <Fact term="Specifieke risicoanalyse">{f.risk_analysis_id ? `nr. ${f.risk_analysis_id}` : 'geen'}</Fact>}
      </dl>

      <section aria-labelledby="waarom">
        <h2 id="waarom">Waarom deze bevinding</h2>
        <div className="reason-list single">
          <ReasonView reason={f.reason} />
        </div>
      </section>

      <section aria-labelledby="gerelateerd">
        <h2 id="gerelateerd">Gerelateerde declaraties</h2>
        {f.related_claim_ids.length === 0 ? (
          <p className="empty">Geen: de bevinding betreft alleen deze declaratie.</p>
        ) : (
          <>
            <p>De declaratie(s) die deze declaratie verdacht maken:</p>
            <ul className="tags" aria-label="Gerelateerde declaraties">
              {f.related_claim_ids.map((c) => (
                <li key={c} className="code">
                  {c}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="verloop">
        <h2 id="verloop">Statusverloop</h2>
        <StatusHistory finding={f} />
      </section>

      <section aria-labelledby="reactie">
        <h2 id="reactie">Reactie van de zorgaanbieder</h2>
        {f.provider_response ? (
          <>
            <blockquote className="response-text">{f.provider_response}</blockquote>
            {f.responded_at && <p className="hint">Ontvangen op {formatDate(f.responded_at)}.</p>}
          </>
        ) : f.status === 'open' ? (
          <p className="empty">De bevinding is nog niet aan de zorgaanbieder voorgelegd.</p>
        ) : f.response_due === null ? (
          <p className="empty">De bevinding is niet aan de zorgaanbieder voorgelegd.</p>
        ) : f.status === 'sent' ? (
          <p className="empty">Nog geen reactie{f.response_due ? `; de zorgaanbieder kan reageren tot en met ${formatDate(f.response_due)}` : ''}.</p>
        ) : (
          <p className="empty">De zorgaanbieder heeft niet gereageerd.</p>
        )}
      </section>

      {f.decision_note && (
        <section aria-labelledby="besluit-toelichting">
          <h2 id="besluit-toelichting">Besluit</h2>
          <p>
            <FindingStatusBadge status={f.status} />
            {f.decided_by ? ` door ${f.decided_by}` : ''}
            {f.decided_at ? ` op ${formatDate(f.decided_at)}` : ''}
          </p>
          <blockquote className="response-text">{f.decision_note}</blockquote>
        </section>
      )}

      {staffActor && !final && <DecisionForm finding={f} onDecided={onDecided} />}

      <section aria-labelledby="patient">
        <h2 id="patient">Patiëntgegevens</h2>
        {staffActor ? (
          <PatientDetail finding={f} />
        ) : (
          <p className="hint">
            Patiëntgegevens zijn alleen in te zien door controllers en medisch adviseurs, na een specifieke risicoanalyse.
          </p>
        )}
      </section>
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface Step {
  label: string;
  at: string | null | undefined;
  state: 'done' | 'current' | 'todo';
  note?: string | null;
}

const ORDER = ['open', 'sent', 'responded', 'decided'] as const;

/** The steps of hoor en wederhoor: from the server's history where it sends one, else from the finding's dates. */
export function historySteps(f: Finding): Step[] {
  if (f.history && f.history.length > 0) {
    return f.history.map((e: FindingEvent, i) => ({
      label: eventLabel(e.status),
      at: e.at,
      state: i === (f.history?.length ?? 0) - 1 ? 'current' : 'done',
      note: [e.by ? `door ${e.by}` : null, e.note].filter(Boolean).join(' — ') || null,
    }));
  }
  const reached = f.status === 'upheld' || f.status === 'withdrawn' ? 3 : ORDER.indexOf(f.status as (typeof ORDER)[number]);
  const state = (i: number): Step['state'] => (i < reached ? 'done' : i === reached ? 'current' : 'todo');
  const decided = f.status === 'upheld' ? 'Gehandhaafd' : f.status === 'withdrawn' ? 'Ingetrokken' : 'Besluit: handhaven of intrekken';
  const skippedResponse = reached === 3 && !f.provider_response;
  const decision: Step = { label: decided, at: f.decided_at, state: state(3), note: f.decided_by ? `door ${f.decided_by}` : null };
  if (reached === 3 && f.response_due === null) {
    // Decided without being put to the provider (a withdrawal, or a rejection that needs no hearing).
    return [
      { label: 'Gevonden door de declaratiecontrole', at: f.created_at, state: 'done' },
      { label: 'Niet aan de zorgaanbieder voorgelegd', at: null, state: 'done' },
      decision,
    ];
  }
  return [
    { label: 'Gevonden door de declaratiecontrole', at: f.created_at, state: state(0) },
    {
      label: reached >= 1 ? 'Voorgelegd aan de zorgaanbieder' : 'Voorleggen aan de zorgaanbieder (hoor en wederhoor)',
      at: f.sent_at,
      state: state(1),
      note: f.response_due ? `reactie uiterlijk ${formatDate(f.response_due)}` : null,
    },
    {
      label: skippedResponse ? 'Geen reactie van de zorgaanbieder' : reached >= 2 ? 'Reactie van de zorgaanbieder ontvangen' : 'Reactie van de zorgaanbieder',
      at: f.responded_at,
      state: skippedResponse ? 'done' : state(2),
    },
    decision,
  ];
}

function eventLabel(status: string): string {
  return (
    {
      open: 'Gevonden door de declaratiecontrole',
      sent: 'Voorgelegd aan de zorgaanbieder',
      responded: 'Reactie van de zorgaanbieder ontvangen',
      upheld: 'Gehandhaafd',
      withdrawn: 'Ingetrokken',
    }[status] ?? status
  );
}

const stateText: Record<Step['state'], string> = { done: 'afgerond', current: 'huidige stap', todo: 'nog te doen' };

function StatusHistory({ finding }: { finding: Finding }) {
  const steps = historySteps(finding);
  return (
    <ol className="timeline">
      {steps.map((s, i) => (
        <li key={i} className={`timeline-step step-${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined}>
          <span className="timeline-label">{s.label}</span>
          <span className="visually-hidden"> ({stateText[s.state]})</span>
          {(s.at || s.note) && (
            <span className="timeline-note">
              {s.at ? formatDate(s.at) : ''}
              {s.at && s.note ? ' · ' : ''}
              {s.note ?? ''}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

type DecideState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; message: string };

function DecisionForm({ finding, onDecided }: { finding: Finding; onDecided(answer: Finding): void }) {
  const [decision, setDecision] = useState<'uphold' | 'withdraw' | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<DecideState>({ kind: 'idle' });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!decision) found.decision = 'Kies handhaven of intrekken.';
    if (note.trim().length < 3) found.note = 'Licht het besluit toe (minstens 3 tekens).';
    setErrors(found);
    if (found.decision) return document.getElementById('decision-uphold')?.focus();
    if (found.note) return document.getElementById('decision-note')?.focus();
    setState({ kind: 'busy' });
    try {
      const answer = await api.decideFinding(finding.id, decision as 'uphold' | 'withdraw', note.trim());
      setState({ kind: 'idle' });
      onDecided(answer);
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  };
  return (
    <section aria-labelledby="besluiten" className="panel">
      <h2 id="besluiten">Besluiten</h2>
      <p className="hint">
        Een terugvordering wordt pas gehandhaafd nadat de zorgaanbieder heeft gereageerd of de reactietermijn is verstreken. Het
        besluit is definitief.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="field" aria-describedby={errors.decision ? 'decision-error' : undefined}>
          <legend>Besluit</legend>
          {errors.decision && (
            <p className="field-error" id="decision-error">
              {errors.decision}
            </p>
          )}
          <div className="radio-row">
            <div className="radio">
              <input id="decision-uphold" type="radio" name="decision" value="uphold" checked={decision === 'uphold'} onChange={() => setDecision('uphold')} />
              <label htmlFor="decision-uphold">Handhaven</label>
            </div>
            <div className="radio">
              <input id="decision-withdraw" type="radio" name="decision" value="withdraw" checked={decision === 'withdraw'} onChange={() => setDecision('withdraw')} />
              <label htmlFor="decision-withdraw">Intrekken</label>
            </div>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="decision-note">Toelichting</label>
          {errors.note && (
            <p className="field-error" id="decision-note-error">
              {errors.note}
            </p>
          )}
          <textarea
            id="decision-note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? 'decision-note-error' : undefined}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={state.kind === 'busy'}>
          {state.kind === 'busy' ? 'Bezig met vastleggen…' : 'Besluit vastleggen'}
        </button>
      </form>
      <div aria-live="polite" className="form-outcome">
        {state.kind === 'failed' && <ErrorMessage title="Besluit niet vastgelegd">{state.message}</ErrorMessage>}
      </div>
    </section>
  );
}

type DetailState =
  | { kind: 'closed' }
  | { kind: 'asking' }
  | { kind: 'busy' }
  | { kind: 'refused'; message: string; status: number }
  | { kind: 'granted'; detail: FindingDetail; purpose: string };

function PatientDetail({ finding }: { finding: Finding }) {
  const [state, setState] = useState<DetailState>({ kind: 'closed' });
  const [purpose, setPurpose] = useState('');
  const [purposeError, setPurposeError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = purpose.trim();
    if (text.length < 3) {
      setPurposeError('Geef het doel van de inzage op, bijvoorbeeld "materiële controle serialiteit".');
      document.getElementById('detail-purpose')?.focus();
      return;
    }
    setPurposeError(null);
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'granted', detail: await api.findingDetail(finding.id, text), purpose: text });
    } catch (error) {
      setState({ kind: 'refused', message: errorMessage(error), status: error instanceof ApiError ? error.status : 0 });
    }
  };

  if (state.kind === 'closed') {
    return (
      <>
        <p className="hint">
          Alleen na een specifieke risicoanalyse (Regeling zorgverzekering art. 7.8). U geeft het doel op; elke inzage en elke
          weigering wordt vastgelegd.
        </p>
        <button type="button" className="button button-secondary" onClick={() => setState({ kind: 'asking' })}>
          Toon patiëntgegevens
        </button>
      </>
    );
  }
  return (
    <>
      {state.kind !== 'granted' && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="detail-purpose">Doel van de inzage</label>
            <p className="hint" id="detail-purpose-hint">
              Wordt met uw naam in het auditlog vastgelegd. Noem geen BSN of andere patiëntgegevens.
            </p>
            {purposeError && (
              <p className="field-error" id="detail-purpose-error">
                {purposeError}
              </p>
            )}
            <input
              id="detail-purpose"
              type="text"
              maxLength={200}
              value={purpose}
              // The form opens on request: the field is where the user goes next.
              autoFocus
              onChange={(e) => setPurpose(e.target.value)}
              aria-invalid={purposeError ? true : undefined}
              aria-describedby={purposeError ? 'detail-purpose-hint detail-purpose-error' : 'detail-purpose-hint'}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={state.kind === 'busy'}>
              {state.kind === 'busy' ? 'Bezig met opvragen…' : 'Patiëntgegevens opvragen'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setState({ kind: 'closed' })}>
              Annuleren
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {state.kind === 'refused' && (
          <ErrorMessage title={state.status === 403 ? 'Geen inzage in patiëntgegevens' : 'Patiëntgegevens niet opgevraagd'}>{state.message}</ErrorMessage>
        )}
        {state.kind === 'granted' && <DetailView detail={state.detail} purpose={state.purpose} onClose={() => setState({ kind: 'closed' })} />}
      </div>
    </>
  );
}

const CLAIM_FIELDS: [keyof FindingDetail['claim'], string][] = [
  ['bsn', 'BSN'],
  ['uzovi', 'UZOVI'],
  ['care_type', 'Zorgtype'],
  ['specialism', 'Specialisme'],
  ['diagnosis', 'Diagnose'],
  ['product_code', 'Zorgproduct'],
  ['start_date', 'Begindatum'],
  ['end_date', 'Einddatum'],
  ['amount_cents', 'Bedrag'],
  ['zi_number', 'ZI-nummer'],
  ['units', 'Eenheden'],
];

function claimValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'amount_cents') return formatEuroCents(value);
  if (key === 'start_date' || key === 'end_date') return formatDate(String(value));
  if (key === 'care_type') return value === '11' ? '11 (initieel)' : value === '21' ? '21 (vervolg)' : String(value);
  return String(value);
}

function DetailView({ detail, purpose, onClose }: { detail: FindingDetail; purpose: string; onClose(): void }) {
  const c = detail.claim;
  return (
    <div className="detail-view">
      <div className="alert alert-info" role="status">
        <p className="alert-title">Inzage vastgelegd</p>
        <p>
          Deze inzage is vastgelegd in het auditlog, met uw naam, het tijdstip en het doel: “{purpose}”.
          {detail.risk_analysis ? ` Grondslag: specifieke risicoanalyse ${detail.risk_analysis.id} (${detail.risk_analysis.title}).` : ''}
        </p>
      </div>
      <h3>Declaratie {c.claim_id}</h3>
      <dl className="facts">
        {CLAIM_FIELDS.map(([key, name]) => (
          <Fact key={key} term={name}>
            <span className={key === 'amount_cents' ? 'amount' : 'code'}>{claimValue(key, c[key])}</span>
          </Fact>
        ))}
      </dl>
      <h3>Andere declaraties van deze verzekerde</h3>
      {detail.related_claims.length === 0 ? (
        <p className="empty">Geen andere declaraties.</p>
      ) : (
        <TableScroll label="Andere declaraties van deze verzekerde">
          <table className="data-table">
            <caption className="visually-hidden">Andere declaraties van deze verzekerde; gemarkeerd: genoemd in de bevinding</caption>
            <thead>
              <tr>
                <th scope="col">Declaratie</th>
                <th scope="col">Zorgaanbieder</th>
                <th scope="col">Zorgtype</th>
                <th scope="col">Specialisme</th>
                <th scope="col">Diagnose</th>
                <th scope="col">Zorgproduct</th>
                <th scope="col">Periode</th>
                <th scope="col" className="numeric">
                  Bedrag
                </th>
              </tr>
            </thead>
            <tbody>
              {detail.related_claims.map((r) => (
                <tr key={r.claim_id} className={r.related ? 'row-flagged' : undefined}>
                  <th scope="row" className="code nowrap">
                    {r.claim_id}
                    {r.related && <span className="badge badge-flag">genoemd in bevinding</span>}
                  </th>
                  <td className="code">{r.agb}</td>
                  <td className="nowrap">{claimValue('care_type', r.care_type)}</td>
                  <td className="code">{r.specialism}</td>
                  <td className="code">{r.diagnosis ?? '—'}</td>
                  <td className="code">{r.product_code}</td>
                  <td className="nowrap">
                    {formatDate(r.start_date)} – {formatDate(r.end_date)}
                  </td>
                  <td className="numeric amount">{formatEuroCents(r.amount_cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {detail.related_truncated && <p className="hint">Niet alle declaraties van deze verzekerde worden getoond.</p>}
      <button type="button" className="button button-secondary" onClick={onClose}>
        Patiëntgegevens sluiten
      </button>
    </div>
  );
}
