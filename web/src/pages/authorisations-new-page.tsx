/**
 * A provider's new prior-authorisation request (MSZ Bijlage 1 art. 6 items 19-21): first whether
 * authorisation is needed (the server's rules with their reasons), then the required content —
 * patient, treatment plan and budget with performance codes, element numbers and amounts, technique
 * costs, records and optional photos — sent as one multipart request. What the server finds missing
 * is listed by field and marked at the field; an authorisation-free treatment is answered as such
 * and nothing is stored.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage, type Issue } from '../api';
import { authorisationsApi, euroTextToCents, parseElementNumbers, type Requirement, type SubmitInput, type SubmitResult, type TreatmentKind } from '../api-authorisations';
import { ReasonList } from '../components/reasons';
import { ErrorMessage, Loaded } from '../components/status';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { outcomeLabels } from './authorisations-clock';

type Fact = 'yes' | 'no' | 'unknown';
interface LineDraft {
  key: number;
  code: string;
  elements: string;
  amount: string;
}

const factValue = (f: Fact): boolean | null => (f === 'yes' ? true : f === 'no' ? false : null);
/** Server field names → the id of the input that holds them. */
const FIELD_IDS: Record<string, string> = {
  provider_reference: 'mk-kenmerk',
  'patient.bsn': 'mk-bsn',
  'patient.name': 'mk-naam',
  'patient.birth_date': 'mk-geboortedatum',
  treatment_kind: 'mk-soort',
  treatment_date: 'mk-behandeldatum',
  treatment_plan: 'mk-plan',
  plan_lines: 'mk-regel-0-code',
  'plan_lines.element_numbers': 'mk-regel-0-elementen',
  technique_costs_cents: 'mk-techniek',
  records: 'mk-dossiers',
  photos: 'mk-fotos',
};
function inputIdOf(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const line = /^plan_lines\[(\d+)\]\.(performance_code|element_numbers|amount_cents)$/.exec(field);
  if (line) return `mk-regel-${line[1]}-${line[2] === 'performance_code' ? 'code' : line[2] === 'element_numbers' ? 'elementen' : 'bedrag'}`;
  if (/^attachments\[\d+\]/.test(field)) return 'mk-dossiers';
  return FIELD_IDS[field];
}

export function AuthorisationNewPage() {
  const { user } = useSession();
  const kinds = useResource((signal) => authorisationsApi.kinds(signal), []);
  if (!user?.agb) return <ErrorMessage>Alleen een zorgaanbieder dient machtigingsaanvragen in.</ErrorMessage>;
  return (
    <article>
      <p className="back-link">
        <Link to="/machtigingen">← Machtigingen</Link>
      </p>
      <h1>Nieuwe machtigingsaanvraag</h1>
      <p className="lead">
        Vul de behandeling in en toets eerst of een machtiging nodig is. Een aanvraag bevat volledige patiëntgegevens, een behandelplan en begroting met
        prestatiecodes, elementnummers, de hoogte van de techniekkosten, relevante dossiers en eventueel foto's (MSZ Bijlage 1 art. 6 item 21).
      </p>
      <Loaded resource={kinds} what="Soorten behandeling">
        {(data) => <RequestForm agb={user.agb as string} kinds={data.kinds} />}
      </Loaded>
    </article>
  );
}

function RequestForm({ agb, kinds }: { agb: string; kinds: TreatmentKind[] }) {
  const [reference, setReference] = useState('');
  const [bsn, setBsn] = useState('');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [kindId, setKindId] = useState(kinds[0]?.id ?? '');
  const [treatmentDate, setTreatmentDate] = useState('');
  const [inDoubt, setInDoubt] = useState(false);
  const [fact, setFact] = useState<Fact>('unknown');
  const [plan, setPlan] = useState('');
  const [lines, setLines] = useState<LineDraft[]>([{ key: 0, code: '', elements: '', amount: '' }]);
  const [technique, setTechnique] = useState('');
  const [records, setRecords] = useState<File[]>([]);
  const [photos, setPhotos] = useState<File[]>([]);
  const [requirement, setRequirement] = useState<Requirement | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [outcome, setOutcome] = useState<{ kind: 'busy' } | { kind: 'free'; result: SubmitResult } | { kind: 'failed'; message: string } | null>(null);
  const summaryId = useId();

  const kind = kinds.find((k) => k.id === kindId);
  const factQuestion =
    kind?.covered_only_if === 'implants-covered'
      ? { key: 'implants_covered' as const, label: 'Vallen de bijbehorende implantaten onder de Zorgverzekeringswet? (item 17)' }
      : kind?.covered_only_if === 'orthodontics-special-dentistry'
        ? { key: 'orthodontics_special_dentistry' as const, label: 'Is er sprake van orthodontie in het kader van de bijzondere tandheelkunde? (item 18)' }
        : kind?.category === 'extraction-under-anaesthesia'
          ? { key: 'serious_medical_grounds' as const, label: 'Zijn er zwaarwegende medische gronden voor de extractie onder narcose? (item 16)' }
          : null;
  const facts = () => ({ in_doubt: inDoubt, ...(factQuestion ? { [factQuestion.key]: factValue(fact) } : {}) });

  const issuesOf = (id: string) => issues.filter((i) => inputIdOf(i.field ?? i.path) === id);
  const fieldProps = (id: string, hint?: string) => {
    const own = issuesOf(id);
    const described = [hint, own.length > 0 ? `${id}-fout` : undefined].filter(Boolean).join(' ');
    return { id, 'aria-invalid': own.length > 0 ? true : undefined, 'aria-describedby': described === '' ? undefined : described };
  };
  const fieldError = (id: string): ReactNode => {
    const own = issuesOf(id);
    return own.length > 0 ? (
      <p className="field-error" id={`${id}-fout`}>
        {own.map((i) => i.message).join(' ')}
      </p>
    ) : null;
  };

  const check = async () => {
    setRequirement(null);
    try {
      setIssues([]);
      setRequirement(await authorisationsApi.requirement({ birth_date: birthDate, treatment_date: treatmentDate, treatment_kind: kindId, ...facts() }));
    } catch (error) {
      if (error instanceof ApiError) setIssues(error.issues.map((i) => (i.field === 'birth_date' ? { ...i, field: 'patient.birth_date' } : i)));
      else setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: Issue[] = [];
    const planLines = lines.map((l, i) => {
      const elements = parseElementNumbers(l.elements);
      if (elements === null) local.push({ field: `plan_lines[${i}].element_numbers`, message: `Regel ${i + 1}: elementnummers als getallen van twee cijfers, gescheiden door komma's.` });
      const amount = l.amount.trim() === '' ? null : euroTextToCents(l.amount);
      if (l.amount.trim() !== '' && amount === null) local.push({ field: `plan_lines[${i}].amount_cents`, message: `Regel ${i + 1}: bedrag in euro's, bijvoorbeeld 450,00.` });
      return { performance_code: l.code.trim(), element_numbers: elements ?? [], amount_cents: amount };
    });
    const techniqueCents = technique.trim() === '' ? null : euroTextToCents(technique);
    if (technique.trim() !== '' && techniqueCents === null) local.push({ field: 'technique_costs_cents', message: "Techniekkosten in euro's, bijvoorbeeld 300,00 (0 als er geen zijn)." });
    if (local.length > 0) {
      setIssues(local);
      document.getElementById(summaryId)?.focus();
      return;
    }
    const input: SubmitInput = {
      ...(reference.trim() ? { provider_reference: reference.trim() } : {}),
      patient: { bsn: bsn.trim(), name: name.trim(), birth_date: birthDate },
      treatment_kind: kindId,
      treatment_date: treatmentDate,
      treatment_plan: plan,
      plan_lines: planLines,
      technique_costs_cents: techniqueCents,
      ...facts(),
    };
    setIssues([]);
    setOutcome({ kind: 'busy' });
    try {
      const result = await authorisationsApi.submit(agb, input, { records, photos });
      if (result.submitted && result.authorisation) navigate(`/machtigingen/${result.authorisation.id}`);
      else setOutcome({ kind: 'free', result });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        setIssues(error.issues);
        setOutcome({ kind: 'failed', message: error.message });
        window.setTimeout(() => document.getElementById(summaryId)?.focus(), 0);
      } else setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const setLine = (key: number, patch: Partial<LineDraft>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <form className="form negotiation-form" onSubmit={(e) => void submit(e)} noValidate>
      {issues.length > 0 && (
        <div className="alert alert-error" role="alert" id={summaryId} tabIndex={-1}>
          <p className="alert-title">De aanvraag is niet volledig of niet juist</p>
          <ul>
            {issues.map((i, n) => {
              const target = inputIdOf(i.field ?? i.path);
              return <li key={n}>{target ? <a href={`#${target}`}>{i.message}</a> : i.message}</li>;
            })}
          </ul>
        </div>
      )}

      <fieldset className="panel">
        <legend>
          <h2>Behandeling en machtigingstoets</h2>
        </legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor="mk-soort">Soort behandeling</label>
            <select {...fieldProps('mk-soort')} value={kindId} onChange={(e) => { setKindId(e.target.value); setFact('unknown'); setRequirement(null); }}>
              {kinds.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.title}
                </option>
              ))}
            </select>
            {kind && <p className="hint">{kind.source}</p>}
            {fieldError('mk-soort')}
          </div>
          <div className="field">
            <label htmlFor="mk-behandeldatum">Geplande behandeldatum</label>
            <input type="date" {...fieldProps('mk-behandeldatum')} value={treatmentDate} onChange={(e) => setTreatmentDate(e.target.value)} />
            {fieldError('mk-behandeldatum')}
          </div>
          <div className="field">
            <label htmlFor="mk-geboortedatum">Geboortedatum patiënt</label>
            <input type="date" {...fieldProps('mk-geboortedatum')} value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
            {fieldError('mk-geboortedatum')}
          </div>
        </div>
        {factQuestion && (
          <fieldset className="field">
            <legend>{factQuestion.label}</legend>
            <div className="radio-row">
              {(['yes', 'no', 'unknown'] as const).map((f) => (
                <div className="radio" key={f}>
                  <input type="radio" id={`mk-feit-${f}`} name="mk-feit" checked={fact === f} onChange={() => setFact(f)} />
                  <label htmlFor={`mk-feit-${f}`}>{f === 'yes' ? 'Ja' : f === 'no' ? 'Nee' : 'Weet ik niet'}</label>
                </div>
              ))}
            </div>
          </fieldset>
        )}
        <div className="field checkbox-field">
          <input type="checkbox" id="mk-twijfel" checked={inDoubt} onChange={(e) => setInDoubt(e.target.checked)} />
          <label htmlFor="mk-twijfel">Ik twijfel of de behandeling onder de Zorgverzekeringswet valt (item 19)</label>
        </div>
        <button type="button" className="button button-secondary" onClick={() => void check()}>
          Toets of een machtiging nodig is
        </button>
        <div aria-live="polite">
          {requirement && (
            <div className={`alert ${requirement.request ? 'alert-info' : 'alert-success'}`}>
              <p className="alert-title">
                {outcomeLabels[requirement.outcome]} (patiënt {requirement.age} jaar op de behandeldatum)
              </p>
              <p>{requirement.message}</p>
              <ReasonList reasons={requirement.reasons} label="Waarom" />
            </div>
          )}
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>
          <h2>Patiënt</h2>
        </legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor="mk-bsn">BSN</label>
            <input type="text" inputMode="numeric" autoComplete="off" {...fieldProps('mk-bsn')} value={bsn} onChange={(e) => setBsn(e.target.value)} />
            {fieldError('mk-bsn')}
          </div>
          <div className="field">
            <label htmlFor="mk-naam">Naam</label>
            <input type="text" autoComplete="off" {...fieldProps('mk-naam')} value={name} onChange={(e) => setName(e.target.value)} />
            {fieldError('mk-naam')}
          </div>
          <div className="field">
            <label htmlFor="mk-kenmerk">Uw kenmerk (optioneel)</label>
            <input type="text" {...fieldProps('mk-kenmerk')} value={reference} onChange={(e) => setReference(e.target.value)} />
            {fieldError('mk-kenmerk')}
          </div>
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>
          <h2>Behandelplan en begroting</h2>
        </legend>
        <div className="field">
          <label htmlFor="mk-plan">Behandelplan</label>
          <textarea rows={4} {...fieldProps('mk-plan')} value={plan} onChange={(e) => setPlan(e.target.value)} />
          {fieldError('mk-plan')}
        </div>
        {lines.map((l, i) => (
          <fieldset className="field" key={l.key}>
            <legend>Regel {i + 1}</legend>
            <div className="field-row">
              <div className="field">
                <label htmlFor={`mk-regel-${i}-code`}>Prestatiecode</label>
                <input type="text" className="input-short" {...fieldProps(`mk-regel-${i}-code`)} value={l.code} onChange={(e) => setLine(l.key, { code: e.target.value })} />
                {fieldError(`mk-regel-${i}-code`)}
              </div>
              <div className="field">
                <label htmlFor={`mk-regel-${i}-elementen`}>Elementnummers</label>
                <p className="hint" id={`mk-regel-${i}-elementen-hint`}>FDI, bijvoorbeeld 36, 46</p>
                <input type="text" {...fieldProps(`mk-regel-${i}-elementen`, `mk-regel-${i}-elementen-hint`)} value={l.elements} onChange={(e) => setLine(l.key, { elements: e.target.value })} />
                {fieldError(`mk-regel-${i}-elementen`)}
              </div>
              <div className="field">
                <label htmlFor={`mk-regel-${i}-bedrag`}>Bedrag (euro)</label>
                <input type="text" inputMode="decimal" className="input-short" {...fieldProps(`mk-regel-${i}-bedrag`)} value={l.amount} onChange={(e) => setLine(l.key, { amount: e.target.value })} />
                {fieldError(`mk-regel-${i}-bedrag`)}
              </div>
            </div>
            {lines.length > 1 && (
              <button type="button" className="button button-secondary" onClick={() => setLines((all) => all.filter((x) => x.key !== l.key))}>
                Regel {i + 1} verwijderen
              </button>
            )}
          </fieldset>
        ))}
        <button type="button" className="button button-secondary" onClick={() => setLines((all) => [...all, { key: Math.max(...all.map((x) => x.key)) + 1, code: '', elements: '', amount: '' }])}>
          Regel toevoegen
        </button>
        <div className="field" style={{ marginTop: '1.1rem' }}>
          <label htmlFor="mk-techniek">Techniekkosten (euro)</label>
          <p className="hint" id="mk-techniek-hint">0 als er geen techniekkosten zijn.</p>
          <input type="text" inputMode="decimal" className="input-short" {...fieldProps('mk-techniek', 'mk-techniek-hint')} value={technique} onChange={(e) => setTechnique(e.target.value)} />
          {fieldError('mk-techniek')}
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>
          <h2>Bijlagen</h2>
        </legend>
        <div className="field">
          <label htmlFor="mk-dossiers">Relevante dossiers</label>
          <p className="hint" id="mk-dossiers-hint">PDF, JPEG, PNG of TIFF, hooguit 10 MB per bestand.</p>
          <input type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" {...fieldProps('mk-dossiers', 'mk-dossiers-hint')} onChange={(e) => setRecords([...(e.target.files ?? [])])} />
          {fieldError('mk-dossiers')}
        </div>
        <div className="field">
          <label htmlFor="mk-fotos">Foto's (optioneel)</label>
          <input type="file" multiple accept=".jpg,.jpeg,.png,.tif,.tiff,.pdf" {...fieldProps('mk-fotos')} onChange={(e) => setPhotos([...(e.target.files ?? [])])} />
          {fieldError('mk-fotos')}
        </div>
      </fieldset>

      <button type="submit" className="button button-primary" disabled={outcome?.kind === 'busy'}>
        {outcome?.kind === 'busy' ? 'Bezig met indienen…' : 'Aanvraag indienen'}
      </button>
      <div aria-live="polite" className="form-outcome">
        {outcome?.kind === 'failed' && issues.length === 0 && <ErrorMessage title="Niet ingediend">{outcome.message}</ErrorMessage>}
        {outcome?.kind === 'free' && (
          <div className="alert alert-success">
            <p className="alert-title">Machtigingsvrij: niets ingediend</p>
            <p>{outcome.result.message}</p>
            <ReasonList reasons={outcome.result.requirement.reasons} label="Waarom" />
          </div>
        )}
      </div>
    </form>
  );
}
