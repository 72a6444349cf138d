/**
 * The summary of the findings of a year on the control page: the totals by status, and tables per
 * rule and per provider (the ten with the most at stake, or all), each row a link to its findings.
 */
import { useState, type FormEvent } from 'react';
import { FINDING_STATUSES, RULE_IDS, type FindingSummary } from '../api';
import { Field } from '../components/field';
import { ErrorMessage, Loading, TableScroll } from '../components/status';
import { findingStatusLabels, formatEuroCents, formatNumber, label, ruleLabels } from '../format';
import { Link, navigate } from '../router';
import type { Resource } from '../use-resource';
import { claimsHref, type Filters } from './claims-filters';
import { isYear } from './claims-form';

export function SummarySection({ summary, year, names, filters }: { summary: Resource<FindingSummary>; year: number; names: ReadonlyMap<string, string>; filters: Filters }) {
  const [yearText, setYearText] = useState(String(year));
  const [yearError, setYearError] = useState<string | null>(null);
  const [allProviders, setAllProviders] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isYear(yearText)) {
      setYearError('Vul een jaartal in, bijvoorbeeld 2018.');
      document.getElementById('summary-year')?.focus();
      return;
    }
    setYearError(null);
    navigate(claimsHref({ ...filters, year: Number(yearText), page: 0 }), { replace: true });
  };
  return (
    <section aria-labelledby="samenvatting-titel">
      <h2 id="samenvatting-titel">Samenvatting {year}</h2>
      <form className="filter-form" onSubmit={submit} noValidate>
        <Field id="summary-year" label="Jaar" error={yearError}>
          {(control) => <input {...control} type="text" inputMode="numeric" className="input-short" value={yearText} onChange={(e) => setYearText(e.target.value)} />}
        </Field>
        <button type="submit" className="button button-secondary">
          Toon samenvatting
        </button>
      </form>
      <div aria-live="polite">
        {summary.status === 'loading' ? (
          <Loading what="Samenvatting" />
        ) : summary.status === 'failed' ? (
          <ErrorMessage>{summary.message}</ErrorMessage>
        ) : (
          <SummaryTables summary={summary.data} year={year} names={names} filters={filters} allProviders={allProviders} onShowAll={() => setAllProviders(true)} />
        )}
      </div>
    </section>
  );
}

const TOP_PROVIDERS = 10;

function SummaryTables({
  summary, year, names, filters, allProviders, onShowAll,
}: { summary: FindingSummary; year: number; names: ReadonlyMap<string, string>; filters: Filters; allProviders: boolean; onShowAll(): void }) {
  const byRule = [...(summary.by_rule ?? [])].sort((a, b) => RULE_IDS.indexOf(a.rule as never) - RULE_IDS.indexOf(b.rule as never));
  const byProvider = [...(summary.by_provider ?? [])].sort(
    (a, b) => compareCents(b.amount_at_stake_cents, a.amount_at_stake_cents) || b.findings - a.findings || a.agb.localeCompare(b.agb),
  );
  const shownProviders = allProviders ? byProvider : byProvider.slice(0, TOP_PROVIDERS);
  if (summary.total.findings === 0) {
    return <p className="empty">Geen bevindingen in {year}. Voer de controle uit of kies een ander jaar.</p>;
  }
  return (
    <>
      <dl className="facts facts-inline key-figures">
        <div>
          <dt>Bevindingen</dt>
          <dd className="key-amount">{formatNumber(summary.total.findings)}</dd>
        </div>
        <div>
          <dt>Bedrag in het geding</dt>
          <dd className="key-amount amount">{formatEuroCents(summary.total.amount_at_stake_cents)}</dd>
        </div>
        {FINDING_STATUSES.map((s) => (
          <div key={s}>
            <dt>{label(findingStatusLabels, s)}</dt>
            <dd>{formatNumber(summary.total.by_status[s] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      <div className="summary-grid">
        <TallyTable
          label={`Bevindingen per regel, ${year}`}
          caption="Per regel"
          subject="Regel"
          rows={byRule.map((r) => ({ ...r, key: r.rule, name: label(ruleLabels, r.rule), code: r.rule, href: claimsHref({ ...filters, rule: r.rule, page: 0 }) }))}
        />
        <div>
          <TallyTable
            label={`Bevindingen per zorgaanbieder, ${year}`}
            caption={`Per zorgaanbieder${byProvider.length > TOP_PROVIDERS && !allProviders ? ` (hoogste ${TOP_PROVIDERS} van ${byProvider.length})` : ''}`}
            subject="Zorgaanbieder"
            sortedByAmount
            rows={shownProviders.map((p) => ({ ...p, key: p.agb, name: p.name ?? names.get(p.agb) ?? p.agb, code: p.agb, href: claimsHref({ ...filters, agb: p.agb, page: 0 }) }))}
          />
          {byProvider.length > TOP_PROVIDERS && !allProviders && (
            <button type="button" className="button button-secondary" onClick={onShowAll}>
              Toon alle {byProvider.length} zorgaanbieders
            </button>
          )}
        </div>
      </div>
    </>
  );
}

interface TallyRow {
  key: string;
  /** The rule's or provider's name, a link to its findings. */
  name: string;
  code: string;
  href: string;
  findings: number;
  amount_at_stake_cents: unknown;
  by_status?: Record<string, number>;
}

/** Findings summed per rule or per provider: count, open, amount at stake; each name links to its findings. */
function TallyTable({ label: regionLabel, caption, subject, sortedByAmount, rows }: { label: string; caption: string; subject: string; sortedByAmount?: boolean; rows: TallyRow[] }) {
  return (
    <TableScroll label={regionLabel}>
      <table className="data-table summary-table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{subject}</th>
            <th scope="col" className="numeric">
              Aantal
            </th>
            <th scope="col" className="numeric">
              Open
            </th>
            <th scope="col" className="numeric" aria-sort={sortedByAmount ? 'descending' : undefined}>
              Bedrag in het geding
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <Link to={r.href} aria-label={`${r.name}: toon de bevindingen`}>
                  {r.name}
                </Link>
                <span className="cell-note code">{r.code}</span>
              </th>
              <td className="numeric">{formatNumber(r.findings)}</td>
              <td className="numeric">{formatNumber(r.by_status?.open ?? 0)}</td>
              <td className="numeric amount">{formatEuroCents(r.amount_at_stake_cents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function compareCents(a: unknown, b: unknown): number {
  const x = BigInt(String(a ?? 0));
  const y = BigInt(String(b ?? 0));
  return x === y ? 0 : x < y ? -1 : 1;
}
