/**
 * Aanmelden als nieuwe zorgaanbieder (MSZ §5 "Nieuwe aanbieders"), public: the conditions and dates
 * of the year from the policy (through the API, measured on the server's day), the application form
 * with every required declaration explained, hints in the browser and the server's own validation
 * errors at their field; then the receipt with the application number, the assessment date and
 * what happens next.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { type ProviderType } from '../api';
import { applicationsApi, TEXT_MAX, TEXT_MIN, type ApplicationConditions, type ApplicationReceipt, type Declaration } from '../api-applications';
import { Loaded } from '../components/status';
import { formatDate, providerTypeLabels } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { FormAlert, focusFirst, placeIssues, TextAreaField, TextField } from './application-fields';

type TextName = 'organisation_name' | 'applicant_email' | 'kvk' | 'agb' | 'city' | 'added_value';
type FieldName = TextName | 'provider_type';
type Check = Exclude<Declaration, 'added_value'>;

const FIELD_ORDER: readonly FieldName[] = ['organisation_name', 'provider_type', 'city', 'agb', 'kvk', 'applicant_email', 'added_value'];
const LABELS: Record<FieldName, string> = {
  organisation_name: 'Naam van de organisatie',
  provider_type: 'Soort zorgaanbieder',
  city: 'Vestigingsplaats',
  agb: 'AGB-code',
  kvk: 'KvK-nummer',
  applicant_email: 'E-mailadres voor contact',
  added_value: 'Toegevoegde waarde van uw zorgaanbod',
};
const idOf = (field: string) => `aanmelding-${field}`;

/** What each declaration means, in plain Dutch, next to the policy's own words. */
const CHECKS: { name: Check; label: string; explain: string }[] = [
  {
    name: 'wtzi_admission',
    label: 'Wij beschikken over een toelating WTZi',
    explain: 'Een toelating op grond van de Wet toelating zorginstellingen (WTZi): zonder toelating mag een instelling geen medisch-specialistische zorg leveren.',
  },
  {
    name: 'kvk_registered',
    label: 'Wij zijn ingeschreven bij de Kamer van Koophandel',
    explain: 'De inschrijving in het Handelsregister onder het KvK-nummer hierboven.',
  },
  {
    name: 'meets_quality_and_entry_conditions',
    label: 'Wij voldoen aan de algemene kwaliteitsvoorwaarden en instapvoorwaarden van Zilveren Kruis',
    explain: 'De algemene kwaliteitsvoorwaarden en de instapvoorwaarden uit de inkoopspecificaties (bijlage 1 van het inkoopbeleid).',
  },
];

export function ApplicationFormPage() {
  const conditions = useResource((signal) => applicationsApi.conditions(null, signal), []);
  const [receipt, setReceipt] = useState<ApplicationReceipt | null>(null);
  return (
    <article>
      <h1>Aanmelden als nieuwe zorgaanbieder</h1>
      <Loaded resource={conditions} what="Voorwaarden">
        {(c) => (receipt ? <Receipt receipt={receipt} conditions={c} /> : <ApplicationForm conditions={c} onSubmitted={setReceipt} />)}
      </Loaded>
    </article>
  );
}

function Dates({ conditions: c }: { conditions: ApplicationConditions }) {
  const until = c.day_inclusive ? 'tot en met' : 'tot';
  return (
    <section aria-labelledby="aanmelding-termijnen">
      <h2 id="aanmelding-termijnen">Termijnen voor {c.year}</h2>
      <dl className="facts">
        <div>
          <dt>Aanmelden</dt>
          <dd>
            {until} {formatDate(c.dates.application.date)} {!c.dates.application.open && <span className="badge badge-flag">verstreken</span>}
          </dd>
        </div>
        <div>
          <dt>Wij beoordelen uw aanmelding</dt>
          <dd>uiterlijk {formatDate(c.dates.assessment.date)}</dd>
        </div>
        <div>
          <dt>Bezwaar of verzoek om toelichting</dt>
          <dd>
            {until} {formatDate(c.dates.objection.date)}
          </dd>
        </div>
      </dl>
      <p className="hint">Bron: {c.dates.application.source}. Data in de tijdzone {c.time_zone}.</p>
    </section>
  );
}

interface FormState {
  text: Record<TextName, string>;
  provider_type: ProviderType | '';
  checks: Record<Check, boolean>;
}

function clientErrors(form: FormState): Partial<Record<FieldName, string>> {
  const t = form.text;
  const errors: Partial<Record<FieldName, string>> = {};
  if (t.organisation_name.trim().length < 2) errors.organisation_name = 'Vul de naam van uw organisatie in (minstens 2 tekens).';
  if (form.provider_type === '') errors.provider_type = 'Kies de soort zorgaanbieder.';
  if (t.city.trim() === '') errors.city = 'Vul de vestigingsplaats in.';
  if (!/^\d{8}$/.test(t.agb.trim())) errors.agb = 'Een AGB-code bestaat uit 8 cijfers, bijvoorbeeld 27990001.';
  if (!/^\d{8}$/.test(t.kvk.trim())) errors.kvk = 'Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 69912345.';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(t.applicant_email.trim())) errors.applicant_email = 'Vul een geldig e-mailadres in, bijvoorbeeld info@kliniek.nl.';
  const value = t.added_value.trim().length;
  if (value < TEXT_MIN) errors.added_value = `Beschrijf de toegevoegde waarde van uw zorgaanbod in minstens ${TEXT_MIN} tekens.`;
  else if (value > TEXT_MAX) errors.added_value = `Hoogstens ${TEXT_MAX} tekens.`;
  return errors;
}

function ApplicationForm({ conditions: c, onSubmitted }: { conditions: ApplicationConditions; onSubmitted(receipt: ApplicationReceipt): void }) {
  const [form, setForm] = useState<FormState>({
    text: { organisation_name: '', applicant_email: '', kvk: '', agb: '', city: '', added_value: '' },
    provider_type: '',
    checks: { wtzi_admission: false, kvk_registered: false, meets_quality_and_entry_conditions: false },
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<{ message: string; rest: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const requirementText = (declaration: Declaration) => c.requirements.find((r) => r.declaration === declaration)?.text;

  const setText = (name: TextName, value: string) => {
    setForm((f) => ({ ...f, text: { ...f.text, [name]: value } }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = clientErrors(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure({ message: 'Controleer de gemarkeerde velden.', rest: [] });
      focusFirst(found, FIELD_ORDER, idOf);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const t = form.text;
      onSubmitted(
        await applicationsApi.submit({
          year: c.year,
          organisation_name: t.organisation_name.trim(),
          applicant_email: t.applicant_email.trim(),
          kvk: t.kvk.trim(),
          agb: t.agb.trim(),
          provider_type: form.provider_type as ProviderType,
          city: t.city.trim(),
          added_value: t.added_value.trim(),
          ...form.checks,
        }),
      );
    } catch (error) {
      const placed = placeIssues(error, FIELD_ORDER);
      setErrors(placed.fields);
      setFailure({ message: placed.message, rest: placed.rest });
      setBusy(false);
      focusFirst(placed.fields, FIELD_ORDER, idOf);
    }
  };

  const unchecked = CHECKS.filter((check) => !form.checks[check.name]);
  const erroneous = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ id: idOf(f), label: LABELS[f], error: errors[f] as string }));
  return (
    <>
      <p className="lead">
        Wilt u als zorgaanbieder die nog geen overeenkomst met Zilveren Kruis heeft in aanmerking komen voor een overeenkomst {c.year}? Meld u dan hier
        aan. Het inkoopbeleid ({c.policy.title}, {c.source}, &quot;Nieuwe aanbieders&quot;) vraagt dat u een aantal zaken verklaart; die staan hieronder
        met uitleg.
      </p>
      <blockquote className="text-block prose">
        <p>{c.text}</p>
        <footer className="hint">
          {c.source} — <Link to={`/policies/${c.policy.id}`}>het volledige inkoopbeleid</Link>
        </footer>
      </blockquote>
      <Dates conditions={c} />
      {!c.dates.application.open && (
        <div className="alert alert-info" role="status">
          <p className="alert-title">De aanmeldtermijn is verstreken</p>
          <p>
            Aanmelden voor {c.year} kon {c.day_inclusive ? 'tot en met' : 'tot'} {formatDate(c.dates.application.date)}. Een aanmelding die u nu
            verstuurt, wordt geweigerd. Vragen kunt u stellen via {c.contact_email}.
          </p>
        </div>
      )}
      <div aria-live="assertive">{failure && <FormAlert title="Aanmelding niet verstuurd" message={failure.message} fields={erroneous} rest={failure.rest} />}</div>
      <form className="form application-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="field">
          <legend>Uw organisatie</legend>
          <TextField id={idOf('organisation_name')} label={LABELS.organisation_name} value={form.text.organisation_name} error={errors.organisation_name} onChange={(v) => setText('organisation_name', v)} required autoComplete="organization" maxLength={200} />
          <div className="field">
            <label htmlFor={idOf('provider_type')}>
              {LABELS.provider_type}
              <span className="muted"> (verplicht)</span>
            </label>
            {errors.provider_type && (
              <p className="field-error" id={`${idOf('provider_type')}-error`}>
                {errors.provider_type}
              </p>
            )}
            <select
              id={idOf('provider_type')}
              value={form.provider_type}
              required
              aria-invalid={errors.provider_type ? true : undefined}
              aria-describedby={errors.provider_type ? `${idOf('provider_type')}-error` : undefined}
              onChange={(e) => {
                setForm((f) => ({ ...f, provider_type: e.target.value as ProviderType | '' }));
                setErrors((er) => ({ ...er, provider_type: undefined }));
              }}
            >
              <option value="">Kies…</option>
              {(Object.keys(providerTypeLabels) as ProviderType[]).map((type) => (
                <option key={type} value={type}>
                  {providerTypeLabels[type]}
                </option>
              ))}
            </select>
          </div>
          <TextField id={idOf('city')} label={LABELS.city} value={form.text.city} error={errors.city} onChange={(v) => setText('city', v)} required autoComplete="address-level2" maxLength={100} />
          <TextField id={idOf('agb')} label={LABELS.agb} value={form.text.agb} error={errors.agb} onChange={(v) => setText('agb', v)} required inputMode="numeric" maxLength={16}>
            8 cijfers. Heeft u net een AGB-code aangevraagd, vul dan de nieuwe code in.
          </TextField>
          <TextField id={idOf('kvk')} label={LABELS.kvk} value={form.text.kvk} error={errors.kvk} onChange={(v) => setText('kvk', v)} required inputMode="numeric" maxLength={16}>
            8 cijfers, zoals in het Handelsregister.
          </TextField>
          <TextField id={idOf('applicant_email')} label={LABELS.applicant_email} type="email" autoComplete="email" value={form.text.applicant_email} error={errors.applicant_email} onChange={(v) => setText('applicant_email', v)} required maxLength={254}>
            Hierheen sturen wij onze beslissing. U heeft dit adres en uw aanvraagnummer nodig om later bezwaar te maken of om toelichting te vragen.
          </TextField>
        </fieldset>

        <fieldset className="field">
          <legend>Verklaringen ({c.source}, &quot;Nieuwe aanbieders&quot;)</legend>
          <p className="hint">Vink aan wat voor uw organisatie geldt. Zonder alle verklaringen kunnen wij u geen overeenkomst aanbieden.</p>
          {CHECKS.map((check) => {
            const policyText = requirementText(check.name);
            const hintId = `${idOf(check.name)}-hint`;
            return (
              <div className="field" key={check.name}>
                <div className="checkbox-field">
                  <input
                    id={idOf(check.name)}
                    type="checkbox"
                    checked={form.checks[check.name]}
                    aria-describedby={hintId}
                    onChange={(e) => setForm((f) => ({ ...f, checks: { ...f.checks, [check.name]: e.target.checked } }))}
                  />
                  <label htmlFor={idOf(check.name)}>{check.label}</label>
                </div>
                <p className="hint" id={hintId}>
                  {policyText && <>Het beleid: &quot;{policyText.replace(/[;.]$/, '')}&quot;. </>}
                  {check.explain}
                </p>
              </div>
            );
          })}
          <TextAreaField id={idOf('added_value')} label={LABELS.added_value} value={form.text.added_value} error={errors.added_value} onChange={(v) => setText('added_value', v)} required maxLength={TEXT_MAX}>
            {requirementText('added_value') && <>Het beleid: &quot;{requirementText('added_value')?.replace(/[;.]$/, '')}&quot;. </>}
            Beschrijf welke zorg u levert en wat die toevoegt aan het bestaande aanbod in de regio (bijvoorbeeld wachttijden, bereikbaarheid, kwaliteit);{' '}
            {TEXT_MIN}–{TEXT_MAX} tekens.
          </TextAreaField>
        </fieldset>

        {unchecked.length > 0 && (
          <p className="hint" role="status">
            Nog niet verklaard: {unchecked.map((u) => u.label.replace(/^Wij (beschikken over|zijn|voldoen aan) /, '')).join('; ')}. U kunt zich aanmelden, maar
            zonder deze verklaringen wijzen wij de aanmelding af.
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Bezig met versturen…' : 'Aanmelding versturen'}
        </button>
      </form>
    </>
  );
}

function Receipt({ receipt: r, conditions: c }: { receipt: ApplicationReceipt; conditions: ApplicationConditions }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="aanmelding-ontvangen">
      <div className="alert alert-success" role="status">
        <h2
          id="aanmelding-ontvangen"
          className="alert-title"
          tabIndex={-1}
          ref={heading}
        >
          Aanmelding ontvangen
        </h2>
        <p>{r.message}</p>
      </div>
      <dl className="facts">
        <div>
          <dt>Aanvraagnummer</dt>
          <dd className="code" data-testid="application-id">
            {r.id}
          </dd>
        </div>
        <div>
          <dt>AGB-code</dt>
          <dd className="code">{r.agb}</dd>
        </div>
        <div>
          <dt>Contractjaar</dt>
          <dd>{r.year}</dd>
        </div>
        <div>
          <dt>Ontvangen</dt>
          <dd>{formatDate(r.submitted_at)}</dd>
        </div>
        <div>
          <dt>Wij beoordelen uw aanmelding uiterlijk</dt>
          <dd>{formatDate(r.assessment_by)}</dd>
        </div>
      </dl>
      <h3>Wat gebeurt er nu?</h3>
      <ol className="plain-list">
        <li>Wij beoordelen uw aanmelding uiterlijk {formatDate(r.assessment_by)} aan de hand van uw verklaringen.</li>
        {c.outcomes.map((o) => (
          <li key={o.id}>{o.text}</li>
        ))}
        <li>
          Heeft u bezwaar tegen een afwijzing of wilt u een toelichting, dan kunt u dat {c.day_inclusive ? 'tot en met' : 'tot'}{' '}
          {formatDate(c.dates.objection.date)} kenbaar maken op <Link to={`/aanmelden/${r.id}/bezwaar`}>de pagina voor bezwaar en toelichting</Link>, met
          uw aanvraagnummer en e-mailadres.
        </li>
      </ol>
      <p>Bewaar uw aanvraagnummer. Vragen kunt u stellen via {c.contact_email}.</p>
    </section>
  );
}
