/**
 * Afrekening simuleren: a what-if of the year settlement (MSZ §2 Fig. 1, §4) for amounts typed in
 * euros. The server computes (same rules as the real settlement); the page shows the statement with
 * every line and rule and draws the payment curve itself. Field errors from the server's `issues`
 * are shown at their field.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, api, errorMessage, type Simulation, type SimulationInput } from '../api';
import { PaymentChart } from '../components/payment-chart';
import { SettlementStatement } from '../components/settlement-statement';
import { ErrorMessage } from '../components/status';
import { parseEuroInput, parseShareInput } from '../format';

type Kind = 'transitie' | 'plafond';
type FieldName = 'target' | 'realised' | 'excluded' | 'under' | 'growth';

const fieldIds: Record<FieldName, string> = {
  target: 'sim-target',
  realised: 'sim-realised',
  excluded: 'sim-excluded',
  under: 'sim-under',
  growth: 'sim-growth',
};

/** The form field an issue of the server is about (`target_cents`, `targetCents`, `body.target_cents`). */
function fieldOfIssue(field: string | undefined): FieldName | 'type' | null {
  const key = (field ?? '').split(/[./]/).pop()?.replace(/[^a-z]/gi, '').toLowerCase() ?? '';
  if (key.startsWith('target')) return 'target';
  if (key.startsWith('realised') || key.startsWith('realized')) return 'realised';
  if (key.startsWith('excluded')) return 'excluded';
  if (key.startsWith('under')) return 'under';
  if (key.startsWith('growth')) return 'growth';
  if (key === 'type') return 'type';
  return null;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; result: Simulation; input: SimulationInput }
  | { kind: 'failed'; message: string };

export function SimulatorPage() {
  const [type, setType] = useState<Kind>('transitie');
  const [values, setValues] = useState<Record<FieldName, string>>({
    target: '10.000.000,00',
    realised: '9.200.000,00',
    excluded: '0,00',
    under: '',
    growth: '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName | 'type', string>>>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const targetName = type === 'transitie' ? 'Richtpunt' : 'Plafond';

  const set = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    const target = parseEuroInput(values.target);
    const realised = parseEuroInput(values.realised);
    const excluded = values.excluded.trim() === '' ? '0' : parseEuroInput(values.excluded);
    const amountError = 'Vul een bedrag in euro in, bijvoorbeeld 12.500.000,00.';
    if (target === null) found.target = amountError;
    else if (target.startsWith('-')) found.target = 'Het bedrag mag niet negatief zijn.';
    if (realised === null) found.realised = amountError;
    else if (realised.startsWith('-')) found.realised = 'Het bedrag mag niet negatief zijn.';
    if (excluded === null) found.excluded = amountError;
    else if (excluded.startsWith('-')) found.excluded = 'Het bedrag mag niet negatief zijn.';
    const shareError = 'Vul een aandeel tussen 0 en 1 in (bijvoorbeeld 0,5 of 50%), of laat het veld leeg voor de beleidswaarde.';
    const under = type === 'transitie' && values.under.trim() !== '' ? parseShareInput(values.under) : undefined;
    const growth = type === 'transitie' && values.growth.trim() !== '' ? parseShareInput(values.growth) : undefined;
    if (under === null) found.under = shareError;
    if (growth === null) found.growth = shareError;
    setErrors(found);
    const first = (Object.keys(fieldIds) as FieldName[]).find((name) => found[name]);
    if (first) {
      document.getElementById(fieldIds[first])?.focus();
      return;
    }
    const input: SimulationInput = {
      type,
      target_cents: toNumberIfSafe(target as string),
      realised_cents: toNumberIfSafe(realised as string),
      ...(excluded !== '0' ? { excluded_cents: toNumberIfSafe(excluded as string) } : {}),
      ...(under ? { under_share: under } : {}),
      ...(growth ? { growth_share: growth } : {}),
    };
    setOutcome({ kind: 'busy' });
    try {
      const result = await api.simulate(input);
      setOutcome({ kind: 'done', result, input });
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        const server: Partial<Record<FieldName | 'type', string>> = {};
        const unplaced: string[] = [];
        for (const issue of error.issues) {
          const field = fieldOfIssue(issue.field ?? issue.path);
          if (field && !server[field]) server[field] = issue.message;
          else unplaced.push(issue.message);
        }
        setErrors(server);
        setOutcome({ kind: 'failed', message: [error.message, ...unplaced].join(' ') });
        const firstServer = (Object.keys(fieldIds) as FieldName[]).find((name) => server[name]);
        if (firstServer) document.getElementById(fieldIds[firstServer])?.focus();
      } else {
        setOutcome({ kind: 'failed', message: errorMessage(error) });
      }
    }
  };

  return (
    <article>
      <h1>Afrekening simuleren</h1>
      <p className="lead">
        Reken een jaarafrekening door voor een transitie- of plafondafspraak (MSZ §2, figuur 1): wat wordt betaald bij een
        gegeven realisatie, en waarom. Er wordt niets opgeslagen.
      </p>
      <form className="form simulator-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="field">
          <legend>Soort afspraak</legend>
          {errors.type && <p className="field-error">{errors.type}</p>}
          <div className="radio-row">
            {(['transitie', 'plafond'] as const).map((k) => (
              <div key={k} className="radio">
                <input id={`sim-type-${k}`} type="radio" name="type" value={k} checked={type === k} onChange={() => setType(k)} />
                <label htmlFor={`sim-type-${k}`}>{k === 'transitie' ? 'Transitieafspraak (richtpunt)' : 'Plafondafspraak (plafond)'}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <AmountField id={fieldIds.target} label={`${targetName} (euro)`} value={values.target} error={errors.target} onChange={(v) => set('target', v)} />
        <AmountField id={fieldIds.realised} label="Realisatie (euro)" value={values.realised} error={errors.realised} onChange={(v) => set('realised', v)}>
          Alle gerealiseerde omzet, inclusief uitgezonderde zorg.
        </AmountField>
        <AmountField id={fieldIds.excluded} label="Uitgezonderde zorg (euro)" value={values.excluded} error={errors.excluded} onChange={(v) => set('excluded', v)}>
          Dure, niet-planbare UMC-zorg (transplantaties) buiten {type === 'transitie' ? 'het richtpunt' : 'het plafond'}; wordt volledig vergoed.
        </AmountField>
        {type === 'transitie' && (
          <div className="field-row">
            <ShareField id={fieldIds.under} label="Aandeel tekort (u)" value={values.under} error={errors.under} onChange={(v) => set('under', v)}>
              Deel van het tekort onder het richtpunt dat toch wordt betaald. Leeg: de waarde uit het beleid.
            </ShareField>
            <ShareField id={fieldIds.growth} label="Aandeel groei (m)" value={values.growth} error={errors.growth} onChange={(v) => set('growth', v)}>
              Deel van de groei boven het richtpunt dat wordt betaald (marginale kosten). Leeg: de waarde uit het beleid.
            </ShareField>
          </div>
        )}
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? 'Bezig met rekenen…' : 'Bereken afrekening'}
        </button>
      </form>

      <div aria-live="polite">
        {outcome.kind === 'failed' && <ErrorMessage title="Niet berekend">{outcome.message}</ErrorMessage>}
      </div>
      {outcome.kind === 'done' && (
        <section aria-labelledby="sim-result">
          <h2 id="sim-result" ref={resultHeading} tabIndex={-1}>
            Resultaat: {outcome.result.settlement.type === 'transitie' ? 'transitieafspraak' : 'plafondafspraak'}
          </h2>
          <SettlementStatement
            settlement={outcome.result.settlement}
            caption="Gesimuleerde afrekening"
            idPrefix="sim"
            level={3}
            figure={
              <PaymentChart
                curve={outcome.result.curve}
                type={outcome.result.settlement.type}
                targetCents={outcome.result.settlement.target_cents}
                realisedCents={outcome.result.settlement.realised_cents}
                payableCents={outcome.result.settlement.payable_cents}
                excludedCents={outcome.result.settlement.excluded_cents}
              />
            }
          />
        </section>
      )}
    </article>
  );
}

/** Cents as a JSON number when it is a safe integer, else as its digit string. */
function toNumberIfSafe(cents: string): number | string {
  const n = Number(cents);
  return Number.isSafeInteger(n) ? n : cents;
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
  children?: ReactNode;
}

function AmountField({ id, label, value, error, onChange, children }: FieldProps) {
  return (
    <InputField id={id} label={label} value={value} error={error} onChange={onChange} inputMode="decimal" prefix="€">
      {children ?? 'Bijvoorbeeld 12.500.000,00.'}
    </InputField>
  );
}

function ShareField(props: FieldProps) {
  return <InputField {...props} inputMode="decimal" short />;
}

function InputField({
  id,
  label,
  value,
  error,
  onChange,
  children,
  inputMode,
  prefix,
  short,
}: FieldProps & { inputMode: 'decimal' | 'numeric'; prefix?: string; short?: boolean }) {
  const hintId = useId();
  const errorId = useId();
  const described = [children ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children && (
        <p className="hint" id={hintId}>
          {children}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      <div className={prefix ? 'input-prefixed' : undefined}>
        {prefix && (
          <span className="input-prefix" aria-hidden="true">
            {prefix}
          </span>
        )}
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          className={short ? 'input-short' : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
        />
      </div>
    </div>
  );
}
