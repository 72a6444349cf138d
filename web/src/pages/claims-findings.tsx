/**
 * The findings on the control page, filtered and paged by the server, with a selection for a
 * specific risk analysis (controllers and medical advisers) and the controllers' panel that puts
 * a provider's open findings to it (hoor en wederhoor).
 */
import { useMemo, useState } from 'react';
import type { Finding, ProviderSummary } from '../api';
import { FindingsTable, Pager } from '../components/findings';
import { ErrorMessage, Loading } from '../components/status';
import { formatNumber } from '../format';
import type { Resource } from '../use-resource';
import { claimsHref, filterText, PAGE_SIZE, type Filters } from './claims-filters';
import { SendPanel } from './claims-hearing';
import { RiskAnalysisPanel } from './claims-risk-analysis';

interface FindingsListProps {
  findings: Resource<Finding[]>;
  filters: Filters;
  names: ReadonlyMap<string, string>;
  selectable: boolean;
  isController: boolean;
  providers: ProviderSummary[];
  onChanged(): void;
}

export function FindingsList({ findings, filters, names, selectable, isController, providers, onChanged }: FindingsListProps) {
  const [selected, setSelected] = useState<Map<number, Finding>>(new Map());
  const toggle = (finding: Finding, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(finding.id, finding);
      else next.delete(finding.id);
      return next;
    });
  const selectedIds = useMemo(() => new Set(selected.keys()), [selected]);

  let list;
  if (findings.status === 'loading') list = <Loading what="Bevindingen" />;
  else if (findings.status === 'failed') list = <ErrorMessage>{findings.message}</ErrorMessage>;
  else {
    const rows = findings.data.slice(0, PAGE_SIZE);
    const hasNext = findings.data.length > PAGE_SIZE;
    const first = filters.page * PAGE_SIZE + 1;
    list = (
      <>
        <p className="result-count" role="status">
          {rows.length === 0
            ? `Geen bevindingen${filterText(filters, names)}.`
            : `Bevindingen ${formatNumber(first)}–${formatNumber(first + rows.length - 1)}${filterText(filters, names)}.`}
        </p>
        {rows.length > 0 && (
          <FindingsTable
            findings={rows}
            caption={`Bevindingen${filterText(filters, names)}, pagina ${filters.page + 1}`}
            names={names}
            linkToFinding
            selection={selectable ? { selected: selectedIds, toggle } : undefined}
          />
        )}
        <Pager
          page={filters.page}
          pageSize={PAGE_SIZE}
          shown={rows.length}
          hasNext={hasNext}
          hrefFor={(p) => claimsHref({ ...filters, page: p })}
          label="Pagina's met bevindingen"
        />
      </>
    );
  }

  return (
    <>
      <div aria-live="polite">{list}</div>
      {(isController || selectable) && (
        <div className="tool-grid">
          {isController && <SendPanel key={`${filters.agb}|${filters.rule}`} filters={filters} providers={providers} onSent={onChanged} />}
          {selectable && (
            <RiskAnalysisPanel
              selected={selected}
              filters={filters}
              providers={providers}
              onClear={() => setSelected(new Map())}
              onDone={() => {
                setSelected(new Map());
                onChanged();
              }}
            />
          )}
        </div>
      )}
    </>
  );
}
