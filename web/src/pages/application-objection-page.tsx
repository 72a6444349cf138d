/**
 * Bezwaar of toelichting (MSZ §5 "Nieuwe aanbieders"), public: the applicant opens its application
 * with the application number (in the address) and its e-mail address, sees the status, the reasons
 * of a rejection and the objection deadline, and files an objection or a request for explanation.
 * The server decides whether it is in time (its clock, the policy's time zone): after the deadline
 * its refusal is shown in its own words, whether it comes with the look-up or with the filing.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import {
  applicationsApi,
  applicationStatusLabels,
  objectionKindLabels,
  TEXT_MAX,
  TEXT_MIN,
  type ApplicantApplication,
  type ObjectionKind,
  type ObjectionReceipt,
} from '../api-applications';
import { formatDate } from '../format';
import { Link } from '../router';
import { FormAlert, placeIssues, TextAreaField, TextField } from './application-fields';

const EMAIL_ID = 'bezwaar-email';
const TEXT_ID = 'bezwaar-tekst';

export function ApplicationObjectionPage({ id }: { id: string }) {
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [lookupFailure, setLookupFailure] = useState<string | null>(null);
  const [application, setApplication] = useState<ApplicantApplication | null>(null);
  const [receipt, setReceipt] = useState<ObjectionReceipt | null>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) {
      setEmailError('Vul het e-mailadres in waarmee u zich heeft aangemeld.');
      document.getElementById(EMAIL_ID)?.focus();
      return;
    }
    setBusy(true);
    setEmailError(null);
    setLookupFailure(null);
    setReceipt(null);
    try {
      setApplication(await applicationsApi.lookup(id, email.trim()));
    } catch (error) {
      setApplication(null);
      const placed = placeIssues(error, ['applicant_email', 'id'] as const);
      if (placed.fields.applicant_email) setEmailError(placed.fields.applicant_email);
      setLookupFailure([placed.message, placed.fields.id, ...placed.rest].filter(Boolean).join(' '));
      document.getElementById(EMAIL_ID)?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <article>
      <p className="back-link">
        <Link to="/aanmelden">← Aanmelden als nieuwe zorgaanbieder</Link>
      </p>
      <h1>Bezwaar of verzoek om toelichting</h1>
      <p className="lead">
        Heeft Zilveren Kruis uw aanmelding als nieuwe zorgaanbieder afgewezen? Dan kunt u bezwaar maken of om een toelichting vragen, tot de datum
        in de afwijzingsbrief (MSZ §5 &quot;Nieuwe aanbieders&quot;). U heeft uw aanvraagnummer en het e-mailadres van uw aanmelding nodig.
      </p>
      <dl className="facts">
        <div>
          <dt>Aanvraagnummer</dt>
          <dd className="code">{id}</dd>
        </div>
      </dl>
      <div aria-live="assertive">{lookupFailure && <FormAlert title="Aanmelding niet gevonden" message={lookupFailure} />}</div>
      <form className="form" onSubmit={(e) => void lookUp(e)} noValidate>
        <TextField id={EMAIL_ID} label="E-mailadres van uw aanmelding" type="email" autoComplete="email" value={email} error={emailError ?? undefined} onChange={setEmail} required maxLength={254} />
        <button type="submit" className="button button-secondary" disabled={busy}>
          {busy ? 'Bezig met opzoeken…' : 'Aanmelding opzoeken'}
        </button>
      </form>
      {application && (
        <ApplicationStatus
          application={application}
          email={email.trim()}
          receipt={receipt}
          onFiled={(r) => {
            setReceipt(r);
            void applicationsApi.lookup(id, email.trim()).then(setApplication, () => undefined);
          }}
        />
      )}
    </article>
  );
}

function ApplicationStatus({ application: a, email, receipt, onFiled }: { application: ApplicantApplication; email: string; receipt: ObjectionReceipt | null; onFiled(r: ObjectionReceipt): void }) {
  const until = a.deadlines.day_inclusive ? 'tot en met' : 'tot';
  return (
    <section aria-labelledby="bezwaar-aanmelding">
      <h2 id="bezwaar-aanmelding">Uw aanmelding: {a.organisation_name}</h2>
      <dl className="facts">
        <div>
          <dt>AGB-code</dt>
          <dd className="code">{a.agb}</dd>
        </div>
        <div>
          <dt>Contractjaar</dt>
          <dd>{a.year}</dd>
        </div>
        <div>
          <dt>Ingediend</dt>
          <dd>{formatDate(a.submitted_at)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className="badge badge-neutral">{applicationStatusLabels[a.status]}</span>
            {a.assessed_at && <> op {formatDate(a.assessed_at)}</>}
          </dd>
        </div>
        <div>
          <dt>Bezwaar of toelichting</dt>
          <dd data-testid="objection-deadline">
            {until} {formatDate(a.deadlines.objection)} <span className="source-ref">({a.objection_source})</span>
          </dd>
        </div>
      </dl>
      {a.rejection_reasons && (
        <div className="text-block">
          <p className="text-label">Reden van de afwijzing</p>
          <p className="prose">{a.rejection_reasons}</p>
        </div>
      )}
      <div aria-live="polite">
        {receipt && (
          <div className="alert alert-success" role="status">
            <p className="alert-title">{objectionKindLabels[receipt.objection_kind]} ontvangen</p>
            <p>{receipt.message}</p>
          </div>
        )}
      </div>
      {a.objection_kind && a.objection && (
        <div className="text-block">
          <p className="text-label">
            Uw {a.objection_kind === 'objection' ? 'bezwaar' : 'verzoek om toelichting'}
            {a.objection_at && <> van {formatDate(a.objection_at)}</>}
          </p>
          <p className="prose">{a.objection}</p>
        </div>
      )}
      {a.objection_refused ? (
        !receipt && (
          <div className="alert alert-info" role="alert">
            <p className="alert-title">Bezwaar of toelichting is niet (meer) mogelijk</p>
            <p>{a.objection_refused}</p>
            <p>Vragen kunt u stellen via {a.contact_email}.</p>
          </div>
        )
      ) : (
        <ObjectionForm application={a} email={email} onFiled={onFiled} />
      )}
    </section>
  );
}

function ObjectionForm({ application: a, email, onFiled }: { application: ApplicantApplication; email: string; onFiled(r: ObjectionReceipt): void }) {
  const [kind, setKind] = useState<ObjectionKind>('objection');
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ title: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusal) alertRef.current?.querySelector<HTMLElement>('.alert-title')?.focus();
  }, [refusal]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const length = text.trim().length;
    if (length < TEXT_MIN || length > TEXT_MAX) {
      setTextError(length < TEXT_MIN ? `Schrijf uw ${kind === 'objection' ? 'bezwaar' : 'vraag'} in minstens ${TEXT_MIN} tekens.` : `Hoogstens ${TEXT_MAX} tekens.`);
      document.getElementById(TEXT_ID)?.focus();
      return;
    }
    setBusy(true);
    setTextError(null);
    setRefusal(null);
    try {
      onFiled(await applicationsApi.object(a.id, { kind, text: text.trim(), applicant_email: email }));
    } catch (error) {
      const placed = placeIssues(error, ['text'] as const);
      if (placed.fields.text) setTextError(placed.fields.text);
      const late = error instanceof ApiError && error.code === 'deadline_passed';
      setRefusal({ title: late ? 'Termijn verstreken' : 'Niet verstuurd', message: [placed.message, ...placed.rest].join(' ') });
      setBusy(false);
    }
  };

  return (
    <form className="form response-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Bezwaar maken of toelichting vragen</h3>
      <div ref={alertRef} aria-live="assertive">
        {refusal && (
          <div className="alert alert-error" role="alert">
            <p className="alert-title" tabIndex={-1}>
              {refusal.title}
            </p>
            <p>{refusal.message}</p>
          </div>
        )}
      </div>
      <fieldset className="field">
        <legend>Wat wilt u?</legend>
        <div className="radio-row">
          {(['objection', 'explanation'] as const).map((k) => (
            <div className="radio" key={k}>
              <input id={`bezwaar-soort-${k}`} type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <label htmlFor={`bezwaar-soort-${k}`}>{k === 'objection' ? 'Bezwaar maken tegen de afwijzing' : 'Een toelichting op de afwijzing vragen'}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextAreaField id={TEXT_ID} label={kind === 'objection' ? 'Uw bezwaar' : 'Uw vraag'} value={text} error={textError ?? undefined} onChange={setText} required maxLength={TEXT_MAX}>
        {TEXT_MIN}–{TEXT_MAX} tekens. U kunt één keer bezwaar maken of om toelichting vragen, {a.deadlines.day_inclusive ? 'tot en met' : 'tot'}{' '}
        {formatDate(a.deadlines.objection)}.
      </TextAreaField>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Bezig met versturen…' : 'Versturen'}
      </button>
    </form>
  );
}
