/**
 * A provider's new prior-authorisation request (MSZ Bijlage 1 art. 6 items 19-21): first whether
 * authorisation is needed (the server's rules with their reasons), then the required content —
 * patient, treatment plan and budget with performance codes, element numbers and amounts, technique
 * costs, records and optional photos — sent as one multipart request. What the server finds missing
 * is listed by field and marked at the field; an authorisation-free treatment is answered as such
 * and nothing is stored.
 */
import { useId, useState, type CSSProperties, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage, type Issue } from '../api';
import { authorisationsApi, euroTextToCents, parseElementNumbers, type Requirement, type SubmitInput, type SubmitResult, type TreatmentKind } from '../api-authorisations';
import type { ControlProps } from '../components/field';
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

/** The issues (the form's own or the server's) that belong to the input with this id. */
const issuesOfField = (issues: readonly Issue[], id: string): Issue[] => issues.filter((i) => inputIdOf(i.field ?? i.path) === id);

/** The props that tie an input to its hint (`<id>-hint`) and its issues (`<id>-fout`). */
function controlProps(id: string, own: readonly Issue[], hasHint = false): ControlProps {
  const described = [hasHint ? `${id}-hint` : undefined, own.length > 0 ? `${id}-fout` : undefined].filter(Boolean).join(' ');
  return { id, 'aria-invalid': own.length > 0 ? true : undefined, 'aria-describedby': described === '' ? undefined : described };
}

function IssueText({ id, issues }: { id: string; issues: readonly Issue[] }) {
  return issues.length > 0 ? (
    <p className="field-error" id={`${id}-fout`}>
      {issues.map((i) => i.message).join(' ')}
    </p>
  ) : null;
}

/** A field of the request: label, optional hint, the input, and below it what is wrong with it. */
function RequestField({
  id, label, hint, issues, style, children,
}: { id: string; label: string; hint?: string; issues: readonly Issue[]; style?: CSSProperties; children(control: ControlProps): ReactNode }) {
  const own = issuesOfField(issues, id);
  return (
    <div className="field" style={style}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children(controlProps(id, own, hint !== undefined))}
      <IssueText id={id} issues={own} />
    </div>
  );
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

  const kindIssues = issuesOfField(issues, 'mk-soort');

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
            <select {...controlProps('mk-soort', kindIssues)} value={kindId} onChange={(e) => { setKindId(e.target.value); setFact('unknown'); setRequirement(null); }}>
              {kinds.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.title}
                </option>
              ))}
            </select>
            {kind && <p className="hint">{kind.source}</p>}
            <IssueText id="mk-soort" issues={kindIssues} />
          </div>
          <RequestField id="mk-behandeldatum" label="Geplande behandeldatum" issues={issues}>
            {(control) => <input type="date" {...control} value={treatmentDate} onChange={(e) => setTreatmentDate(e.target.value)} />}
          </RequestField>
          <RequestField id="mk-geboortedatum" label="Geboortedatum patiënt" issues={issues}>
            {(control) => <input type="date" {...control} value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />}
          </RequestField>
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
          <RequestField id="mk-bsn" label="BSN" issues={issues}>
            {(control) => <input type="text" inputMode="numeric" autoComplete="off" {...control} value={bsn} onChange={(e) => setBsn(e.target.value)} />}
          </RequestField>
          <RequestField id="mk-naam" label="Naam" issues={issues}>
            {(control) => <input type="text" autoComplete="off" {...control} value={name} onChange={(e) => setName(e.target.value)} />}
          </RequestField>
          <RequestField id="mk-kenmerk" label="Uw kenmerk (optioneel)" issues={issues}>
            {(control) => <input type="text" {...control} value={reference} onChange={(e) => setReference(e.target.value)} />}
          </RequestField>
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>
          <h2>Behandelplan en begroting</h2>
        </legend>
        <RequestField id="mk-plan" label="Behandelplan" issues={issues}>
          {(control) => <textarea rows={4} {...control} value={plan} onChange={(e) => setPlan(e.target.value)} />}
        </RequestField>
        {lines.map((l, i) => (
          <fieldset className="field" key={l.key}>
            <legend>Regel {i + 1}</legend>
            <div className="field-row">
              <RequestField id={`mk-regel-${i}-code`} label="Prestatiecode" issues={issues}>
                {(control) => <input type="text" className="input-short" {...control} value={l.code} onChange={(e) => setLine(l.key, { code: e.target.value })} />}
              </RequestField>
              <RequestField id={`mk-regel-${i}-elementen`} label="Elementnummers" hint="FDI, bijvoorbeeld 36, 46" issues={issues}>
                {(control) => <input type="text" {...control} value={l.elements} onChange={(e) => setLine(l.key, { elements: e.target.value })} />}
              </RequestField>
              <RequestField id={`mk-regel-${i}-bedrag`} label="Bedrag (euro)" issues={issues}>
                {(control) => <input type="text" inputMode="decimal" className="input-short" {...control} value={l.amount} onChange={(e) => setLine(l.key, { amount: e.target.value })} />}
              </RequestField>
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
        <RequestField id="mk-techniek" label="Techniekkosten (euro)" hint="0 als er geen techniekkosten zijn." issues={issues} style={{ marginTop: '1.1rem' }}>
          {(control) => <input type="text" inputMode="decimal" className="input-short" {...control} value={technique} onChange={(e) => setTechnique(e.target.value)} />}
        </RequestField>
      </fieldset>

      <fieldset className="panel">
        <legend>
          <h2>Bijlagen</h2>
        </legend>
        <RequestField id="mk-dossiers" label="Relevante dossiers" hint="PDF, JPEG, PNG of TIFF, hooguit 10 MB per bestand." issues={issues}>
          {(control) => <input type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" {...control} onChange={(e) => setRecords([...(e.target.files ?? [])])} />}
        </RequestField>
        <RequestField id="mk-fotos" label="Foto's (optioneel)" issues={issues}>
          {(control) => <input type="file" multiple accept=".jpg,.jpeg,.png,.tif,.tiff,.pdf" {...control} onChange={(e) => setPhotos([...(e.target.files ?? [])])} />}
        </RequestField>
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
