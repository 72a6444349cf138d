/**
 * One application of a new provider (purchasers; MSZ §5): the organisation, its declarations
 * against the policy's requirements, the deadlines (overdue marked), the assessment (accept, or
 * reject with reasons, which the letter quotes), and after a rejection the letter (PDF) and the
 * objection deadline; an objection or request for explanation received is shown.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useSession } from '../session';
import { applicationsApi, applicationStatusLabels, objectionKindLabels, TEXT_MAX, TEXT_MIN, type Application } from '../api-applications';
import { Loaded } from '../components/status';
import { formatDate, label, providerTypeLabels } from '../format';
import { Link } from '../router';
import { useReloadableResource } from '../use-resource';
import { FormAlert, placeIssues, TextAreaField } from './application-fields';

export function ApplicationDetailPage({ id }: { id: string }) {
  const [application, reload] = useReloadableResource((signal) => applicationsApi.get(id, signal), [id]);
  return (
    <article>
      <p className="back-link">
        <Link to="/aanmeldingen">← Alle aanmeldingen</Link>
      </p>
      {application.status !== 'ready' && <h1>Aanmelding</h1>}
      <Loaded resource={application} what="Aanmelding">
        {(a) => <ApplicationView application={a} onAssessed={reload} />}
      </Loaded>
    </article>
  );
}

const DECLARATIONS: { key: 'wtzi_admission' | 'kvk_registered' | 'meets_quality_and_entry_conditions'; label: string }[] = [
  { key: 'wtzi_admission', label: 'Toelating WTZi' },
  { key: 'kvk_registered', label: 'Ingeschreven bij de Kamer van Koophandel' },
  { key: 'meets_quality_and_entry_conditions', label: 'Voldoet aan de algemene kwaliteitsvoorwaarden en instapvoorwaarden' },
];

function ApplicationView({ application: a, onAssessed }: { application: Application; onAssessed(): void }) {
  const until = a.deadlines.day_inclusive ? 'tot en met' : 'tot';
  return (
    <>
      <h1>{a.organisation_name}</h1>
      <p className="subtitle">
        AGB-code <span className="code">{a.agb}</span> · {label(providerTypeLabels, a.provider_type)} · {a.city} ·{' '}
        <span className="badge badge-neutral">{applicationStatusLabels[a.status]}</span>
      </p>
      <section aria-labelledby="aanmelding-gegevens">
        <h2 id="aanmelding-gegevens">Gegevens</h2>
        <dl className="facts">
          <Fact term="Aanvraagnummer">
            <span className="code">{a.id}</span>
          </Fact>
          <Fact term="Contractjaar">{a.year}</Fact>
          <Fact term="KvK-nummer">{a.kvk}</Fact>
          <Fact term="E-mailadres">{a.applicant_email}</Fact>
          <Fact term="Ingediend">{formatDate(a.submitted_at)}</Fact>
          <Fact term="Beoordelen uiterlijk">
            {formatDate(a.deadlines.assessment)}
            {a.timing?.overdue && (
              <>
                {' '}
                <span className="badge badge-flag">Te laat</span>
              </>
            )}
          </Fact>
          <Fact term="Bezwaar of toelichting">
            {until} {formatDate(a.deadlines.objection)}
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="aanmelding-verklaringen">
        <h2 id="aanmelding-verklaringen">Verklaringen (MSZ §5 &quot;Nieuwe aanbieders&quot;)</h2>
        <ul className="plain-list declarations">
          {DECLARATIONS.map((d) => (
            <li key={d.key}>
              <span className={`verdict ${a[d.key] ? 'verdict-yes' : 'verdict-no'}`}>{a[d.key] ? 'Ja' : 'Nee'}</span> {d.label}
            </li>
          ))}
        </ul>
        <div className="text-block">
          <p className="text-label">Toegevoegde waarde van het zorgaanbod</p>
          <p className="prose">{a.added_value}</p>
        </div>
      </section>

      <section aria-labelledby="aanmelding-beoordeling">
        <h2 id="aanmelding-beoordeling">Beoordeling</h2>
        {a.status === 'submitted' || a.status === 'assessing' ? (
          <AssessmentForm application={a} onAssessed={onAssessed} />
        ) : (
          <Assessed application={a} />
        )}
      </section>

      <section aria-labelledby="aanmelding-bezwaar">
        <h2 id="aanmelding-bezwaar">Bezwaar en toelichting</h2>
        {a.objection_kind && a.objection ? (
          <div className="text-block">
            <p className="text-label">
              {objectionKindLabels[a.objection_kind]} ontvangen{a.objection_at && <> op {formatDate(a.objection_at)}</>}
            </p>
            <p className="prose">{a.objection}</p>
          </div>
        ) : (
          <p className="empty">
            Geen bezwaar of verzoek om toelichting ontvangen.
            {a.status === 'rejected' && (a.timing?.objection_open === false ? ' De termijn is verstreken.' : ` Dat kan ${until} ${formatDate(a.deadlines.objection)}.`)}
          </p>
        )}
      </section>
    </>
  );
}

function Assessed({ application: a }: { application: Application }) {
  const until = a.deadlines.day_inclusive ? 'tot en met' : 'tot';
  return (
    <>
      <p>
        {a.status === 'rejected' ? 'Afgewezen' : 'Toegelaten'}
        {a.assessed_at && <> op {formatDate(a.assessed_at)}</>}
        {a.assessed_by && <> door {a.assessed_by}</>}.
      </p>
      {a.status === 'rejected' && (
        <>
          <div className="text-block">
            <p className="text-label">Redenen (in de brief)</p>
            <p className="prose">{a.rejection_reasons}</p>
          </div>
          <ul className="downloads">
            <li>
              <a href={applicationsApi.rejectionLetterUrl(a.id)} download>
                Afwijzingsbrief (PDF)
              </a>
            </li>
          </ul>
          <p>
            De aanvrager kan {until} {formatDate(a.deadlines.objection)} bezwaar maken of om toelichting vragen (de brief noemt deze datum).
          </p>
        </>
      )}
      {a.status === 'accepted' && (
        <p>
          De zorgaanbieder staat in de lijst met onderhandelingsstand &quot;nieuwe aanbieder&quot; (plafondafspraak voor één jaar, MSZ §2):{' '}
          <Link to={`/providers/${a.agb}`}>naar de zorgaanbieder</Link>.
        </p>
      )}
    </>
  );
}

function AssessmentForm({ application: a, onAssessed }: { application: Application; onAssessed(): void }) {
  const { user } = useSession();
  const [decision, setDecision] = useState<'accept' | 'reject' | null>(a.status === 'assessing' ? 'accept' : null);
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; reasons?: string }>({});
  const [failure, setFailure] = useState<{ message: string; rest: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = DECLARATIONS.filter((d) => !a[d.key]);
  if (user?.role !== 'purchaser') return <p className="empty">Nog niet beoordeeld.</p>;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (decision === null) found.decision = 'Kies toelaten of afwijzen.';
    const length = reasons.trim().length;
    if (decision === 'reject' && (length < TEXT_MIN || length > TEXT_MAX)) found.reasons = `Een afwijzing vraagt redenen voor de brief: ${TEXT_MIN}–${TEXT_MAX} tekens.`;
    setErrors(found);
    if (found.decision || found.reasons) {
      setFailure({ message: 'Controleer de gemarkeerde velden.', rest: [] });
      document.getElementById(found.decision ? 'beoordeling-accept' : 'beoordeling-redenen')?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await applicationsApi.assess(a.id, decision as 'accept' | 'reject', decision === 'reject' ? reasons.trim() : undefined);
      onAssessed();
    } catch (error) {
      const placed = placeIssues(error, ['reasons', 'decision'] as const);
      setErrors(placed.fields);
      setFailure({ message: placed.message, rest: placed.rest });
      setBusy(false);
    }
  };

  return (
    <form className="form negotiation-form" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        Nog niet beoordeeld. Beoordelen kan {a.deadlines.day_inclusive ? 'tot en met' : 'tot'} {formatDate(a.deadlines.assessment)}
        {a.timing && !a.timing.assessment_open && ' — die datum is verstreken; de server weigert een beoordeling nu'}.
      </p>
      <div aria-live="assertive">{failure && <FormAlert title="Beoordeling niet vastgelegd" message={failure.message} rest={failure.rest} />}</div>
      <fieldset className="field">
        <legend>Beslissing</legend>
        {errors.decision && <p className="field-error">{errors.decision}</p>}
        <div className="radio-row">
          <div className="radio">
            <input id="beoordeling-accept" type="radio" name="decision" value="accept" checked={decision === 'accept'} onChange={() => setDecision('accept')} />
            <label htmlFor="beoordeling-accept">Toelaten (voorstel volgt)</label>
          </div>
          <div className="radio">
            <input id="beoordeling-reject" type="radio" name="decision" value="reject" checked={decision === 'reject'} onChange={() => setDecision('reject')} disabled={a.status === 'assessing'} />
            <label htmlFor="beoordeling-reject">Afwijzen met redenen</label>
          </div>
        </div>
        {decision === 'accept' && missing.length > 0 && (
          <p className="hint" role="status">
            Niet verklaard: {missing.map((m) => m.label.toLowerCase()).join('; ')}. Toelaten kan alleen als alle verklaringen er zijn.
          </p>
        )}
      </fieldset>
      {decision === 'reject' && (
        <TextAreaField id="beoordeling-redenen" label="Redenen van de afwijzing" value={reasons} error={errors.reasons} onChange={setReasons} required maxLength={TEXT_MAX}>
          Deze tekst staat in de afwijzingsbrief aan de aanvrager; {TEXT_MIN}–{TEXT_MAX} tekens.
        </TextAreaField>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Bezig met vastleggen…' : 'Beoordeling vastleggen'}
      </button>
    </form>
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
