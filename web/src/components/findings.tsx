/**
 * Findings of the claims check, shown alike on the control page and the provider page: the table
 * (claim, rule, provider, amount at stake, action, status, response due), optionally with a
 * selection column, the status badge, and a pager for lists the server pages.
 */
import type { Finding } from '../api';
import { findingActionLabels, findingStatusLabels, formatDate, formatEuroCents, label, ruleLabels } from '../format';
import { Link } from '../router';
import { TableScroll } from './status';

/** The finding's own page; provider and rule let the page find it in a short list. */
export const findingHref = (f: Pick<Finding, 'id' | 'agb' | 'rule'>): string =>
  `/claims/findings/${f.id}?aanbieder=${encodeURIComponent(f.agb)}&regel=${encodeURIComponent(f.rule)}`;

export function FindingStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-finding-${status}`}>{label(findingStatusLabels, status)}</span>;
}

export function RuleName({ rule }: { rule: string }) {
  return (
    <>
      {label(ruleLabels, rule)} <span className="cell-note code">{rule}</span>
    </>
  );
}

interface FindingsTableProps {
  findings: readonly Finding[];
  caption: string;
  /** Provider names by AGB, to show next to the code. */
  names?: ReadonlyMap<string, string>;
  /** Link the claim id to the finding's own page (insurer staff). */
  linkToFinding?: boolean;
  showProvider?: boolean;
  /** A selection column (controllers: findings for a specific risk analysis). */
  selection?: { selected: ReadonlySet<number>; toggle(finding: Finding, on: boolean): void };
}

export function FindingsTable({ findings, caption, names, linkToFinding = false, showProvider = true, selection }: FindingsTableProps) {
  return (
    <TableScroll label={caption}>
      <table className="data-table findings-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="select-cell">
                <span className="visually-hidden">Selecteren</span>
              </th>
            )}
            <th scope="col">Declaratie</th>
            <th scope="col">Regel</th>
            {showProvider && <th scope="col">Zorgaanbieder</th>}
            <th scope="col" className="numeric">
              Bedrag in het geding
            </th>
            <th scope="col">Actie</th>
            <th scope="col">Status</th>
            <th scope="col">Reactie uiterlijk</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => {
            const name = names?.get(f.agb);
            return (
              <tr key={f.id}>
                {selection && (
                  <td className="select-cell">
                    <input
                      type="checkbox"
                      id={`select-finding-${f.id}`}
                      checked={selection.selected.has(f.id)}
                      onChange={(e) => selection.toggle(f, e.target.checked)}
                      aria-label={`Selecteer bevinding ${f.claim_id} (${label(ruleLabels, f.rule)})`}
                    />
                  </td>
                )}
                <th scope="row" className="code nowrap">
                  {linkToFinding ? <Link to={findingHref(f)}>{f.claim_id}</Link> : f.claim_id}
                </th>
                <td>
                  <RuleName rule={f.rule} />
                </td>
                {showProvider && (
                  <td>
                    {name ?? <span className="code">{f.agb}</span>}
                    {name && <span className="cell-note code">{f.agb}</span>}
                  </td>
                )}
                <td className="numeric amount">{formatEuroCents(f.amount_at_stake_cents)}</td>
                <td>{label(findingActionLabels, f.action)}</td>
                <td>
                  <FindingStatusBadge status={f.status} />
                </td>
                <td className="nowrap">{f.response_due ? formatDate(f.response_due) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface PagerProps {
  /** 0-based page. */
  page: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  hasNext: boolean;
  /** Address of another page. */
  hrefFor(page: number): string;
  label: string;
  total?: number;
}

/** "Vorige / Volgende" links under a paged list, with the range shown. */
export function Pager({ page, pageSize, shown, hasNext, hrefFor, label: name, total }: PagerProps) {
  const first = page * pageSize + 1;
  const last = page * pageSize + shown;
  if (page === 0 && !hasNext) return null;
  return (
    <nav className="pager" aria-label={name}>
      {page > 0 ? (
        <Link to={hrefFor(page - 1)} className="button button-secondary" rel="prev">
          ← Vorige
        </Link>
      ) : (
        <span />
      )}
      <span className="pager-range">
        {shown > 0 ? `${first}–${last}` : 'geen'}
        {total !== undefined ? ` van ${total}` : ''} · pagina {page + 1}
      </span>
      {hasNext ? (
        <Link to={hrefFor(page + 1)} className="button button-secondary" rel="next">
          Volgende →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
