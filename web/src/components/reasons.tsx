/**
 * Why: every decision, money line and correction of the purchasing engine carries its Dutch message,
 * the rule that produced it, the policy section it rests on and the inputs that decided it. These
 * components show them alike everywhere: message first, rule and source under it, the inputs in a
 * collapsible key/value list.
 */
import type { ReactNode } from 'react';
import type { ExplainedLine, Reason } from '../api';
import { formatEuroCents, formatShare } from '../format';
import { TableScroll } from './status';
import { Breakable, formatPrimitive } from './value-tree';

/** Dutch names for the inputs that recur in the rules; other keys are shown as they are. */
const inputLabels: Record<string, string> = {
  target_cents: 'Richtpunt of plafond',
  realised_cents: 'Gerealiseerd',
  realised_within_cents: 'Gerealiseerd binnen de afspraak',
  excluded_cents: 'Uitgezonderde zorg',
  shortfall_cents: 'Tekort',
  growth_cents: 'Groei',
  overrun_cents: 'Overschrijding',
  under_share: 'Aandeel tekort (u)',
  growth_share: 'Aandeel groei (m)',
  overrun_share: 'Aandeel overschrijding',
  share: 'Aandeel',
  rounding: 'Afronding',
  kernregio: 'Kernregio',
  new_provider: 'Nieuwe aanbieder',
  revenue: 'Omzet t.o.v. drempel',
  price_volume_agreed: 'Overeenstemming prijs en volume',
  kernregio_conditions_met: 'Kernregio-voorwaarden',
  multi_year_content_agreed: 'Inhoud meerjarenafspraak',
  zk_revenue_cents: 'ZK-omzet',
  threshold_cents: 'Drempel',
  base_year: 'Basisjaar',
  policy_base_year: 'Basisjaar volgens beleid',
  expected_revenue_cents: 'Verwachte add-on-omzet',
  // Claims control (findings)
  plafond_cents: 'Plafond',
  cumulative_cents: 'Omzet tot en met deze declaratie',
  over_cents: 'Boven het plafond',
  paid_share: 'Vergoed aandeel boven het plafond',
  earlier_claim_id: 'Eerdere declaratie',
  previous_claim_id: 'Vorige declaratie',
  previous_end_date: 'Einddatum vorige declaratie',
  match_fields: 'Vergeleken velden',
  overlapping_claims: 'Overlappende declaraties',
  gap_days: 'Dagen ertussen',
  window_days: 'Vervolgtermijn (dagen)',
  product_code: 'Zorgproduct',
  selective_id: 'Selectieve inkoop',
  requirement: 'Vereiste',
  zi_number: 'ZI-nummer',
  units: 'Eenheden',
  reference_tariff_cents: 'Referentietarief per eenheid',
  reference_amount_cents: 'Toegestaan bedrag',
  claimed_cents: 'Gedeclareerd',
  // Mirror information (indicators)
  indicator: 'Indicator',
  specialism: 'Specialisme',
  p10: 'P10',
  p25: 'P25',
  p50: 'P50 (mediaan)',
  p75: 'P75',
  p90: 'P90',
  rank: 'Percentielrang',
  peers: 'Vergelijkbare aanbieders',
  percentile_method: 'Percentielmethode',
  rank_method: 'Rangmethode',
  peer_type: 'Type vergelijkingsgroep',
  min_patients: 'Minimum patiënten per aanbieder',
  min_specialism_patients: 'Minimum patiënten per specialisme',
  min_peers: 'Minimum vergelijkbare aanbieders',
  own_patients: 'Uw patiënten',
};

const isShareKey = (key: string) => /(^|_)share$/.test(key);

function inputValue(key: string, value: unknown): string {
  if (isShareKey(key) && (typeof value === 'string' || typeof value === 'number') && /^-?\d+(\.\d+)?$/.test(String(value))) {
    return `${formatShare(value)} (${String(value)})`;
  }
  if (/cents$/i.test(key) && value !== null && value !== undefined) return formatEuroCents(value);
  return formatPrimitive(value, key);
}

/** The inputs of a rule as a key/value list inside `<details>`, closed by default. */
export function ReasonInputs({ inputs, summary = 'Invoer' }: { inputs: Reason['inputs'] | undefined; summary?: string }) {
  const entries = Object.entries(inputs ?? {});
  if (entries.length === 0) return null;
  return (
    <details className="reason-inputs">
      <summary>
        {summary} ({entries.length})
      </summary>
      <dl>
        {entries.map(([key, value]) => (
          <div key={key}>
            <dt>
              {inputLabels[key] ? (
                <>
                  {inputLabels[key]} <span className="code muted">{key}</span>
                </>
              ) : (
                <span className="code">
                  <Breakable text={key} />
                </span>
              )}
            </dt>
            <dd className={/cents$/i.test(key) ? 'amount' : undefined}>{inputValue(key, value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Rule id and policy source on one line. */
export function RuleRef({ rule, source }: { rule: string; source: string }) {
  return (
    <p className="rule-ref">
      <span className="visually-hidden">Regel </span>
      <span className="code">
        <Breakable text={rule} />
      </span>
      {source && (
        <>
          {' · '}
          <span className="visually-hidden">Bron: </span>
          <span className="source-ref">{source}</span>
        </>
      )}
    </p>
  );
}

/** One reason: message, rule and source, inputs. */
export function ReasonView({ reason }: { reason: Reason }) {
  return (
    <div className="reason">
      <p className="reason-message">{reason.message}</p>
      <RuleRef rule={reason.rule} source={reason.source} />
      <ReasonInputs inputs={reason.inputs} />
    </div>
  );
}

export function ReasonList({ reasons, label, empty = 'Geen toelichting.' }: { reasons: readonly Reason[]; label?: string; empty?: string }) {
  if (reasons.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ol className="reason-list" aria-label={label}>
      {reasons.map((reason, i) => (
        <li key={`${reason.rule}-${i}`}>
          <ReasonView reason={reason} />
        </li>
      ))}
    </ol>
  );
}

/** A collapsible "Waarom?" block around a list of reasons (for sections where the lines come first). */
export function WhyDetails({ reasons, summary = 'Waarom: regels en bronnen' }: { reasons: readonly Reason[]; summary?: string }) {
  if (reasons.length === 0) return null;
  return (
    <details className="why">
      <summary>
        {summary} ({reasons.length})
      </summary>
      <ReasonList reasons={reasons} />
    </details>
  );
}

interface LinesTableProps {
  caption: string;
  lines: readonly ExplainedLine[];
  /** A total row under the lines (e.g. the payable amount the lines sum to). */
  total?: { label: string; amount_cents: unknown };
  /** Extra class for a line (highlighting flagged corrections). */
  rowClass?(line: ExplainedLine): string | undefined;
  /** Shown after the label (a flag badge). */
  marker?(line: ExplainedLine): ReactNode;
  captionVisible?: boolean;
}

/** Money lines with their why: label, amount, message, rule and source, inputs. */
export function ExplainedLinesTable({ caption, lines, total, rowClass, marker, captionVisible = false }: LinesTableProps) {
  return (
    <TableScroll label={caption}>
      <table className="data-table lines-table">
        <caption className={captionVisible ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Omschrijving</th>
            <th scope="col" className="numeric">
              Bedrag
            </th>
            <th scope="col">Waarom</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className={rowClass?.(line)}>
              <th scope="row">
                {line.label}
                {marker?.(line)}
              </th>
              <td className="numeric amount">{formatEuroCents(line.amount_cents)}</td>
              <td className="wide">
                <p className="reason-message">{line.message}</p>
                <RuleRef rule={line.rule} source={line.source} />
                <ReasonInputs inputs={line.inputs} />
              </td>
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row">{total.label}</th>
              <td className="numeric amount">{formatEuroCents(total.amount_cents)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}
