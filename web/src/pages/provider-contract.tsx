/**
 * Tab "Contract" of a provider (MSZ §5, §7): where the contracting year stands, in words; its path,
 * deadlines with the days left, history (who, when, what), signatures and documents; and exactly the
 * steps the API says the current user may take now. A provider's users give concept-agreement
 * feedback, respond to the proposal (accept, or counter with reasons) and — a signatory only — sign
 * the exact document, whose SHA-256 the screen shows before asking for confirmation. Purchasers start
 * the year and take the insurer's steps. Refusals (a deadline passed, not a signatory) come from the
 * API in Dutch and are shown as they are.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage, type User } from '../api';
import { contractingApi, type ContractDocument, type ContractEventType, type ContractView, type SimpleAction } from '../api-contracting';
import { ErrorMessage, Loading, TableScroll } from '../components/status';
import { agreementPathLabels, formatDate, label } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useReloadableResource } from '../use-resource';
import { actorRoleLabels, ContractStateBadge, contractEventLabels, contractStateLabels, DayStatusBadge, daysLeftText, daysOverdueText } from './contracting-labels';

type Outcome = { kind: 'idle' } | { kind: 'done'; message: string } | { kind: 'failed'; title: string; message: string };

interface Act {
  busy: boolean;
  /** Runs one step: shows its outcome, and fetches the contract again after a success. */
  run(title: string, step: () => Promise<string>): Promise<boolean>;
}

export function ContractPanel({ agb, year }: { agb: string; year: number }) {
  const { user } = useSession();
  const [contract, reload] = useReloadableResource((signal) => contractingApi.contract(agb, year, signal), [agb, year]);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const act: Act = {
    busy,
    run: async (title, step) => {
      setBusy(true);
      setOutcome({ kind: 'idle' });
      try {
        const message = await step();
        setOutcome({ kind: 'done', message });
        reload();
        return true;
      } catch (error) {
        setOutcome({ kind: 'failed', title, message: errorMessage(error) });
        return false;
      } finally {
        setBusy(false);
        // The form that was used may be gone now: keep the keyboard near the outcome.
        requestAnimationFrame(() => outcomeRef.current?.focus());
      }
    },
  };

  const outcomeView = (
    <div ref={outcomeRef} tabIndex={-1} className="form-outcome">
      <div role="status">{outcome.kind === 'done' && <p className="success-text">{outcome.message}</p>}</div>
      {outcome.kind === 'failed' && <ErrorMessage title={outcome.title}>{outcome.message}</ErrorMessage>}
    </div>
  );

  return (
    <>
      <h2>Contract {year}</h2>
      {contract.status === 'loading' ? (
        <Loading what="Contract" />
      ) : contract.status === 'failed' ? (
        contract.httpStatus === 404 ? (
          <NotStarted agb={agb} year={year} user={user} message={contract.message} act={act} outcome={outcomeView} />
        ) : (
          <ErrorMessage>{contract.message}</ErrorMessage>
        )
      ) : (
        <ContractDetails view={contract.data} user={user} act={act} outcome={outcomeView} />
      )}
    </>
  );
}

function NotStarted({ agb, year, user, message, act, outcome }: { agb: string; year: number; user: User | null; message: string; act: Act; outcome: ReactNode }) {
  return (
    <section aria-labelledby="contract-acties">
      <h3 id="contract-acties">Nog niet gestart</h3>
      <p>{message}</p>
      {user?.role === 'purchaser' && (
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={act.busy}
            onClick={() =>
              void act.run('Niet gestart', async () => {
                const started = await contractingApi.act(agb, year, 'start');
                return `Het contracteringsjaar ${year} is gestart (${label(agreementPathLabels, started.path).toLowerCase()}).`;
              })
            }
          >
            Contracteringsjaar {year} starten
          </button>
        </div>
      )}
      {outcome}
    </section>
  );
}

const dateOf = (view: ContractView, key: string): string => {
  const deadline = view.deadlines.find((d) => d.key === key);
  return deadline ? formatDate(deadline.date) : 'de datum in de kalender';
};
const when = (value: string | null): string => (value ? formatDate(value) : '—');

/** The current state in one or two sentences. */
function stateSentence(view: ContractView): string {
  const digital = view.path === 'digital';
  switch (view.state) {
    case 'invited':
      return `Het contracteringsjaar is gestart. De conceptovereenkomst wordt gepubliceerd vanaf ${dateOf(view, 'conceptPublication')}.`;
    case 'concept-out':
      return digital
        ? `De conceptovereenkomst is gepubliceerd. Het voorstel volgt vanaf ${dateOf(view, 'proposal')} in het Zorgverlenersportaal.`
        : `De conceptovereenkomst is gepubliceerd. Zilveren Kruis doet vóór ${dateOf(view, 'proposal')} een voorstel.`;
    case 'proposal-sent':
      return digital
        ? `Het voorstel staat sinds ${when(view.proposal.sent_at)} klaar. De zorgaanbieder kan het tot en met ${dateOf(view, 'signing')} digitaal ondertekenen of een tegenvoorstel doen.`
        : `Het voorstel is verstuurd op ${when(view.proposal.sent_at)}. De zorgaanbieder reageert uiterlijk ${dateOf(view, 'response')}.`;
    case 'provider-responded':
      return view.response.kind === 'accepted'
        ? 'De zorgaanbieder heeft het voorstel geaccepteerd. De zorginkoper legt het onderhandelakkoord vast.'
        : `De zorgaanbieder heeft een tegenvoorstel gedaan. De onderhandeling volgt; het onderhandelakkoord wordt uiterlijk ${dateOf(view, 'negotiation')} vastgelegd.`;
    case 'negotiating':
      return `Zilveren Kruis en de zorgaanbieder onderhandelen; het onderhandelakkoord moet uiterlijk ${dateOf(view, 'negotiation')} zijn vastgelegd.${view.response.overdue ? ' Op het voorstel kwam geen tijdige reactie.' : ''}`;
    case 'onderhandelakkoord':
      return `Er is een onderhandelakkoord (${when(view.onderhandelakkoord_at)}). Een tekenbevoegde van de zorgaanbieder ondertekent de overeenkomst uiterlijk ${dateOf(view, 'signing')}.`;
    case 'signed':
      return `De overeenkomst is ondertekend op ${when(view.signed_at)}. De zorginkoper stelt de prijslijst vast.`;
    case 'price-list-fixed':
      return `De prijslijst is vastgesteld op ${when(view.price_list_fixed_at)}. De overeenkomst wordt gepubliceerd vanaf ${dateOf(view, 'publication')}.`;
    case 'published':
      return `De overeenkomst is gepubliceerd op ${when(view.published_at)}.`;
    case 'no-agreement':
      return `Er komt geen overeenkomst${view.no_agreement_reason ? `: ${view.no_agreement_reason}` : '.'}`;
  }
}

function ContractDetails({ view, user, act, outcome }: { view: ContractView; user: User | null; act: Act; outcome: ReactNode }) {
  return (
    <>
      <section aria-labelledby="contract-stand">
        <h3 id="contract-stand">Stand van zaken</h3>
        <p>
          <ContractStateBadge state={view.state} /> <span className="badge badge-neutral">{label(agreementPathLabels, view.path)}</span>
        </p>
        <p className="lead">{stateSentence(view)}</p>
        <dl className="facts facts-inline">
          <div>
            <dt>Status</dt>
            <dd>{contractStateLabels[view.state]}</dd>
          </div>
          <div>
            <dt>Traject</dt>
            <dd>{label(agreementPathLabels, view.path)}</dd>
          </div>
          <div>
            <dt>Afspraaksoort (beleid)</dt>
            <dd className="code">{view.agreement_type_id}</dd>
          </div>
          <div>
            <dt>Beleid</dt>
            <dd className="code">{view.policy_id}</dd>
          </div>
          <div>
            <dt>Vandaag</dt>
            <dd>{formatDate(view.today)}</dd>
          </div>
        </dl>
        {view.overdue.length > 0 && (
          <div className="alert alert-error">
            <p className="alert-title">Achterstallig</p>
            <ul>
              {view.overdue.map((o) => (
                <li key={o.kind}>
                  {o.message} ({daysOverdueText(o.days_overdue)})
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="contract-acties" className="panel">
        <h3 id="contract-acties">Wat u nu kunt doen</h3>
        <Actions view={view} user={user} act={act} />
        {outcome}
      </section>

      <ConceptSection view={view} />
      <ProposalSection view={view} />
      <SignatureSection view={view} />
      <DeadlinesSection view={view} />
      <DocumentsSection view={view} />
      <HistorySection view={view} />
    </>
  );
}

/* ---- The steps the API allows now ---- */

const purchaserSteps: { event: ContractEventType; route: SimpleAction; label: string; done: string }[] = [
  { event: 'publish-concept', route: 'publish-concept', label: 'Conceptovereenkomst publiceren', done: 'De conceptovereenkomst is gepubliceerd.' },
  { event: 'send-proposal', route: 'send-proposal', label: 'Voorstel versturen', done: 'Het voorstel is verstuurd, met de voorstelbrief en zijn SHA-256.' },
  { event: 'start-negotiation', route: 'start-negotiation', label: 'Onderhandeling starten', done: 'De onderhandeling is gestart.' },
  { event: 'record-onderhandelakkoord', route: 'onderhandelakkoord', label: 'Onderhandelakkoord vastleggen', done: 'Het onderhandelakkoord is vastgelegd.' },
  { event: 'fix-price-list', route: 'fix-price-list', label: 'Prijslijst vaststellen', done: 'De prijslijst is vastgesteld.' },
  { event: 'publish', route: 'publish', label: 'Overeenkomst publiceren', done: 'De overeenkomst is gepubliceerd.' },
];

/** The provider may sign in this state, given signing authority (the digital path without a counter-proposal, or after the akkoord). */
const signableState = (view: ContractView) =>
  view.state === 'onderhandelakkoord' || (view.path === 'digital' && (view.state === 'proposal-sent' || (view.state === 'provider-responded' && view.response.kind !== 'countered')));

function Actions({ view, user, act }: { view: ContractView; user: User | null; act: Act }) {
  const allowed = new Set(view.available_actions);
  const steps = purchaserSteps.filter((s) => allowed.has(s.event));
  const notSignatory = user?.role === 'provider' && !user.isSignatory && signableState(view);
  const nothing = steps.length === 0 && !['give-concept-feedback', 'respond', 'sign', 'decline'].some((e) => allowed.has(e as ContractEventType));
  return (
    <>
      {nothing && <p>Er is op dit moment geen stap voor u in dit contracteringsproces.</p>}
      {notSignatory && (
        <p className="hint">
          Ondertekenen kan alleen een gebruiker die als tekenbevoegde van {view.name} is geregistreerd. U bent dat niet; vraag een tekenbevoegde van uw organisatie om te
          tekenen.
        </p>
      )}
      {steps.length > 0 && (
        <div className="actions">
          {steps.map((s) => (
            <button
              key={s.event}
              type="button"
              className="button button-primary"
              disabled={act.busy}
              onClick={() =>
                void act.run(`${s.label}: niet gelukt`, async () => {
                  await contractingApi.act(view.agb, view.year, s.route);
                  return s.done;
                })
              }
            >
              {s.label}
            </button>
          ))}
        </div>
      )}
      {allowed.has('give-concept-feedback') && <ConceptFeedbackForm view={view} act={act} />}
      {allowed.has('respond') && <RespondForm view={view} act={act} />}
      {allowed.has('sign') && <SignFlow view={view} act={act} />}
      {allowed.has('decline') && <DeclineForm view={view} act={act} />}
    </>
  );
}

function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="field-error" id={id}>
      {children}
    </p>
  );
}

function ConceptFeedbackForm({ view, act }: { view: ContractView; act: Act }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const deadline = view.deadlines.find((d) => d.key === 'conceptFeedback');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Schrijf eerst uw feedback.');
      document.getElementById('concept-feedback')?.focus();
      return;
    }
    setError(null);
    const sent = await act.run('Feedback niet verstuurd', async () => {
      await contractingApi.conceptFeedback(view.agb, view.year, text.trim());
      return 'Uw feedback op de conceptovereenkomst is ontvangen.';
    });
    if (sent) setText('');
  };
  return (
    <form className="response-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="concept-feedback-title">
      <h4 id="concept-feedback-title">Feedback op de conceptovereenkomst</h4>
      <div className="field">
        <label htmlFor="concept-feedback">Uw feedback</label>
        <p className="hint" id="concept-feedback-hint">
          {deadline ? `De termijn is ${formatDate(deadline.date)} (${daysLeftText(deadline.days_left)}). ` : ''}
          Zonder tijdige reactie geldt u als akkoord met de inhoud en zijn wijzigingen daarna niet meer mogelijk (MSZ §5).
        </p>
        {error && <FieldError id="concept-feedback-error">{error}</FieldError>}
        <textarea
          id="concept-feedback"
          rows={4}
          maxLength={10_000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'concept-feedback-hint concept-feedback-error' : 'concept-feedback-hint'}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={act.busy}>
        Feedback versturen
      </button>
    </form>
  );
}

function RespondForm({ view, act }: { view: ContractView; act: Act }) {
  const [choice, setChoice] = useState<'accepted' | 'countered' | ''>('');
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<{ choice?: string; reasons?: string }>({});
  const deadline = view.deadlines.find((d) => d.key === (view.path === 'regular' ? 'response' : 'signing'));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (choice === '') found.choice = 'Kies akkoord of tegenvoorstel.';
    if (choice === 'countered' && reasons.trim() === '') found.reasons = 'Geef de redenen van uw tegenvoorstel.';
    setErrors(found);
    if (found.choice) return document.getElementById('respond-accepted')?.focus();
    if (found.reasons) return document.getElementById('respond-reasons')?.focus();
    await act.run('Reactie niet verstuurd', async () => {
      if (choice === 'accepted') {
        await contractingApi.respond(view.agb, view.year, { response: 'accepted' });
        return 'Uw reactie is vastgelegd: akkoord met het voorstel.';
      }
      await contractingApi.respond(view.agb, view.year, { response: 'countered', reasons: reasons.trim() });
      return 'Uw tegenvoorstel is vastgelegd, met uw redenen.';
    });
  };
  return (
    <form className="response-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="respond-title">
      <h4 id="respond-title">Reageren op het voorstel</h4>
      <p className="hint">
        Het voorstel staat in het tabblad <Link to={`/providers/${encodeURIComponent(view.agb)}?tab=voorstel`}>Voorstel</Link>
        {deadline ? `; reageren kan tot en met ${formatDate(deadline.date)} (${daysLeftText(deadline.days_left)})` : ''}.
      </p>
      <fieldset className="field" aria-describedby={errors.choice ? 'respond-choice-error' : undefined}>
        <legend>Uw reactie</legend>
        {errors.choice && <FieldError id="respond-choice-error">{errors.choice}</FieldError>}
        <div className="radio-row">
          <div className="radio">
            <input id="respond-accepted" type="radio" name="respond" value="accepted" checked={choice === 'accepted'} onChange={() => setChoice('accepted')} />
            <label htmlFor="respond-accepted">Akkoord met het voorstel</label>
          </div>
          <div className="radio">
            <input id="respond-countered" type="radio" name="respond" value="countered" checked={choice === 'countered'} onChange={() => setChoice('countered')} />
            <label htmlFor="respond-countered">Tegenvoorstel</label>
          </div>
        </div>
      </fieldset>
      {choice === 'countered' && (
        <div className="field">
          <label htmlFor="respond-reasons">Redenen van uw tegenvoorstel (verplicht)</label>
          {errors.reasons && <FieldError id="respond-reasons-error">{errors.reasons}</FieldError>}
          <textarea
            id="respond-reasons"
            rows={4}
            maxLength={10_000}
            required
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
            aria-invalid={errors.reasons ? true : undefined}
            aria-describedby={errors.reasons ? 'respond-reasons-error' : undefined}
          />
        </div>
      )}
      <button type="submit" className="button button-primary" disabled={act.busy}>
        Reactie versturen
      </button>
    </form>
  );
}

function DeclineForm({ view, act }: { view: ContractView; act: Act }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError('Geef de reden waarom er geen overeenkomst komt.');
      document.getElementById('decline-reason')?.focus();
      return;
    }
    setError(null);
    await act.run('Niet vastgelegd', async () => {
      await contractingApi.decline(view.agb, view.year, reason.trim());
      return 'Vastgelegd: er komt geen overeenkomst.';
    });
  };
  return (
    <details className="subsection">
      <summary>Geen overeenkomst…</summary>
      <form className="response-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="decline-reason">Reden (bijvoorbeeld: prijs- of volumeniveau te hoog, MSZ §2)</label>
          {error && <FieldError id="decline-reason-error">{error}</FieldError>}
          <textarea
            id="decline-reason"
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'decline-reason-error' : undefined}
          />
        </div>
        <button type="submit" className="button button-secondary" disabled={act.busy}>
          Geen overeenkomst vastleggen
        </button>
      </form>
    </details>
  );
}

type SignState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'review'; received: ContractDocument; url: string };

/**
 * Signing: fetch the exact document, show its SHA-256 (computed here from the bytes received, and
 * checked against the server's), ask for confirmation, then sign that hash.
 */
function SignFlow({ view, act }: { view: ContractView; act: Act }) {
  const [state, setState] = useState<SignState>({ kind: 'idle' });
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reviewUrl = state.kind === 'review' ? state.url : null;
  useEffect(() => (reviewUrl ? () => URL.revokeObjectURL(reviewUrl) : undefined), [reviewUrl]);

  const open = async () => {
    setState({ kind: 'loading' });
    try {
      const received = await contractingApi.document(view.agb, view.year);
      setState({ kind: 'review', received, url: URL.createObjectURL(new Blob([received.bytes], { type: 'application/pdf' })) });
    } catch (failure) {
      setState({ kind: 'failed', message: errorMessage(failure) });
    }
  };

  if (state.kind !== 'review') {
    return (
      <div className="subsection">
        <h4>Ondertekenen</h4>
        <p>U bent tekenbevoegd voor {view.name}. Bekijk eerst het document dat u ondertekent.</p>
        <button type="button" className="button button-primary" disabled={state.kind === 'loading'} onClick={() => void open()}>
          {state.kind === 'loading' ? 'Document laden…' : 'Document bekijken om te ondertekenen'}
        </button>
        {state.kind === 'failed' && <ErrorMessage title="Document niet geladen">{state.message}</ErrorMessage>}
      </div>
    );
  }

  const { received } = state;
  const hash = received.computedSha256 ?? received.serverSha256;
  const mismatch = received.computedSha256 !== null && received.computedSha256 !== received.serverSha256;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!confirmed) {
      setError('Bevestig eerst dat u dit document heeft gelezen en wilt ondertekenen.');
      document.getElementById('sign-confirm')?.focus();
      return;
    }
    setError(null);
    await act.run('Niet ondertekend', async () => {
      const signed = await contractingApi.sign(view.agb, view.year, hash);
      const s = signed.signature;
      return `Ondertekend door ${s.signer_email} op ${formatDate(s.signed_at)}. SHA-256 van het getekende document: ${s.document_sha256}.`;
    });
  };
  return (
    <form className="subsection" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sign-title">
      <h4 id="sign-title">Ondertekenen</h4>
      <dl className="facts">
        <div>
          <dt>Document</dt>
          <dd>
            <a href={state.url} download={received.fileName}>
              Overeenkomst {view.year} openen (PDF)
            </a>
            {received.date && ` · voorstelbrief van ${formatDate(received.date)}`}
          </dd>
        </div>
        <div>
          <dt>SHA-256 van dit document</dt>
          <dd className="code" id="sign-sha256">
            {hash}
          </dd>
        </div>
      </dl>
      <p className="hint">
        {received.computedSha256 !== null
          ? 'Het controlegetal is in uw browser berekend over precies de bytes die u ontving, en komt overeen met wat de server opgeeft.'
          : 'Uw browser kan het controlegetal hier niet zelf berekenen; getoond is het controlegetal dat de server opgeeft.'}{' '}
        Met uw handtekening worden uw naam, het tijdstip en dit controlegetal vastgelegd.
      </p>
      {mismatch ? (
        <ErrorMessage title="Document niet zoals verwacht">
          Het ontvangen document heeft een ander controlegetal dan de server opgeeft. Onderteken niet; open het document opnieuw.
        </ErrorMessage>
      ) : (
        <>
          <div className="field checkbox-field">
            <input
              id="sign-confirm"
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'sign-confirm-error sign-sha256' : 'sign-sha256'}
            />
            <label htmlFor="sign-confirm">Ik heb dit document gelezen en onderteken het namens {view.name}.</label>
          </div>
          {error && <FieldError id="sign-confirm-error">{error}</FieldError>}
          <button type="submit" className="button button-primary" disabled={act.busy}>
            Ondertekenen
          </button>
        </>
      )}
    </form>
  );
}

/* ---- What has happened, and when ---- */

function ConceptSection({ view }: { view: ContractView }) {
  const c = view.concept;
  const deadline = view.deadlines.find((d) => d.key === 'conceptFeedback');
  const deadlineText = deadline ? formatDate(deadline.date) : '—';
  let body: ReactNode;
  if (c.status === 'consent-by-silence') {
    body = (
      <div className="alert alert-info">
        <p className="alert-title">Akkoord door stilzwijgen</p>
        <p>
          Er is vóór de termijn ({deadlineText}) geen feedback gegeven. Volgens het inkoopbeleid (MSZ §5) geldt de zorgaanbieder daarmee als akkoord met de inhoud van de
          conceptovereenkomst; wijzigingen zijn niet meer mogelijk.
        </p>
      </div>
    );
  } else if (c.status === 'open' && deadline && deadline.status === 'past') {
    body = (
      <div className="alert alert-info">
        <p className="alert-title">Termijn verstreken</p>
        <p>
          De termijn voor feedback was {deadlineText}. Zonder tijdige reactie geldt de zorgaanbieder als akkoord met de inhoud (MSZ §5); wijzigingen zijn niet meer mogelijk.
        </p>
      </div>
    );
  } else if (c.status === 'open') {
    body = (
      <p>
        Gepubliceerd op {when(c.published_at)}. De termijn voor feedback is {deadlineText}
        {deadline ? ` (${daysLeftText(deadline.days_left)})` : ''}.
      </p>
    );
  } else if (c.status === 'feedback-given') {
    body = (
      <>
        <p>Feedback gegeven op {when(c.feedback_at)}:</p>
        <blockquote className="response-text">{c.feedback}</blockquote>
      </>
    );
  } else {
    body = <p>Nog niet gepubliceerd; publicatie vanaf {dateOf(view, 'conceptPublication')}.</p>;
  }
  return (
    <section aria-labelledby="contract-concept">
      <h3 id="contract-concept">Conceptovereenkomst</h3>
      {body}
    </section>
  );
}

function ProposalSection({ view }: { view: ContractView }) {
  const r = view.response;
  return (
    <section aria-labelledby="contract-voorstel">
      <h3 id="contract-voorstel">Voorstel en reactie</h3>
      <dl className="facts facts-inline">
        <div>
          <dt>Voorstel verstuurd</dt>
          <dd>{when(view.proposal.sent_at)}</dd>
        </div>
        <div>
          <dt>Reactie</dt>
          <dd>{r.kind === 'accepted' ? 'Akkoord' : r.kind === 'countered' ? 'Tegenvoorstel' : r.overdue ? 'Geen (te laat)' : '—'}</dd>
        </div>
        <div>
          <dt>Gereageerd op</dt>
          <dd>{when(r.responded_at)}</dd>
        </div>
        <div>
          <dt>Onderhandelakkoord</dt>
          <dd>{when(view.onderhandelakkoord_at)}</dd>
        </div>
      </dl>
      {r.reasons && (
        <>
          <p className="text-label">Redenen van het tegenvoorstel</p>
          <blockquote className="response-text">{r.reasons}</blockquote>
        </>
      )}
    </section>
  );
}

function SignatureSection({ view }: { view: ContractView }) {
  return (
    <section aria-labelledby="contract-ondertekening">
      <h3 id="contract-ondertekening">Ondertekening</h3>
      {view.signatures.length === 0 ? (
        <p className="empty">Nog niet ondertekend.</p>
      ) : (
        <ul className="plain-list">
          {view.signatures.map((s) => (
            <li key={`${s.document_sha256}|${s.signed_at}`}>
              <dl className="facts">
                <div>
                  <dt>Ondertekend door</dt>
                  <dd>{s.signer_email}</dd>
                </div>
                <div>
                  <dt>Op</dt>
                  <dd>{formatDate(s.signed_at)}</dd>
                </div>
                <div>
                  <dt>SHA-256 van het getekende document</dt>
                  <dd className="code signature-sha256">{s.document_sha256}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeadlinesSection({ view }: { view: ContractView }) {
  return (
    <section aria-labelledby="contract-termijnen">
      <h3 id="contract-termijnen">Termijnen</h3>
      <TableScroll label="Tabel termijnen">
        <table className="data-table">
          <caption className="visually-hidden">Termijnen van het contracteringsjaar {view.year}, vandaag is {formatDate(view.today)}</caption>
          <thead>
            <tr>
              <th scope="col">Termijn</th>
              <th scope="col">Datum</th>
              <th scope="col">Stand</th>
              <th scope="col">Bron</th>
            </tr>
          </thead>
          <tbody>
            {view.deadlines.map((d) => (
              <tr key={d.key}>
                <td>{d.title}</td>
                <td className="nowrap">{formatDate(d.date)}</td>
                <td className="nowrap">
                  <DayStatusBadge status={d.status} /> {daysLeftText(d.days_left)}
                </td>
                <td className="source-ref">{d.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function DocumentsSection({ view }: { view: ContractView }) {
  return (
    <section aria-labelledby="contract-documenten">
      <h3 id="contract-documenten">Documenten</h3>
      {view.documents.length === 0 ? (
        <p className="empty">Nog geen documenten: het voorstel is nog niet verstuurd.</p>
      ) : (
        <ul className="plain-list">
          {view.documents.map((d) => (
            <li key={d.href}>
              <a href={d.href} download={`overeenkomst-${view.agb}-${view.year}.pdf`}>
                Voorstelbrief en overeenkomst {view.year} (PDF)
              </a>
              {d.sha256_when_sent && (
                <>
                  {' '}
                  · SHA-256 bij verzending: <span className="code">{d.sha256_when_sent}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The history row's details in words: the reasons of a counter-proposal or a refusal, the document's hash, the path. */
function detailsText(details: unknown): string {
  if (typeof details !== 'object' || details === null) return '';
  const d = details as Record<string, unknown>;
  const parts: string[] = [];
  if (d.response === 'accepted') parts.push('Akkoord');
  if (d.response === 'countered') parts.push(`Tegenvoorstel: ${String(d.reasons ?? '')}`);
  if (typeof d.reason === 'string') parts.push(`Reden: ${d.reason}`);
  if (typeof d.path === 'string') parts.push(label(agreementPathLabels, d.path));
  // The hash in full is under Documenten and Ondertekening; here its start identifies it.
  if (typeof d.document_sha256 === 'string') parts.push(`SHA-256 ${d.document_sha256.slice(0, 16)}…`);
  return parts.join(' · ');
}

function HistorySection({ view }: { view: ContractView }) {
  return (
    <section aria-labelledby="contract-historie">
      <h3 id="contract-historie">Historie</h3>
      <TableScroll label="Tabel historie">
        <table className="data-table">
          <caption className="visually-hidden">Historie van het contracteringsjaar {view.year}: wie, wanneer, wat</caption>
          <thead>
            <tr>
              <th scope="col">Wanneer</th>
              <th scope="col">Wat</th>
              <th scope="col">Status daarna</th>
              <th scope="col">Door</th>
              <th scope="col">Toelichting</th>
            </tr>
          </thead>
          <tbody>
            {view.history.map((h, i) => (
              <tr key={i}>
                <td className="nowrap">{formatDate(h.at)}</td>
                <td>{label(contractEventLabels, h.event)}</td>
                <td>{label(contractStateLabels, h.to)}</td>
                <td>
                  {label(actorRoleLabels, h.actor_role)}
                  {h.actor_email && <span className="muted"> ({h.actor_email})</span>}
                </td>
                <td>
                  <span className="cell-note">{detailsText(h.details)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
