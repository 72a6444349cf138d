/**
 * The filters of the control page, kept in its address (`?jaar=&regel=&aanbieder=&status=&pagina=`),
 * and the form that sets them.
 */
import { useState, type FormEvent } from 'react';
import { FINDING_STATUSES, RULE_IDS, type ProviderSummary } from '../api';
import { Field } from '../components/field';
import { findingStatusLabels, label, ruleLabels } from '../format';
import { Link, navigate } from '../router';
import { ProviderOptions, RuleField } from './claims-form';

export const PAGE_SIZE = 25;
export const DEFAULT_YEAR = 2018;

export interface Filters {
  rule: string;
  agb: string;
  status: string;
  page: number;
  year: number;
}

export function filtersFrom(search: URLSearchParams): Filters {
  const page = Number(search.get('pagina') ?? '1');
  const year = Number(search.get('jaar') ?? DEFAULT_YEAR);
  const rule = search.get('regel') ?? '';
  const status = search.get('status') ?? '';
  return {
    rule: (RULE_IDS as readonly string[]).includes(rule) ? rule : '',
    agb: /^\d{8}$/.test(search.get('aanbieder') ?? '') ? (search.get('aanbieder') as string) : '',
    status: (FINDING_STATUSES as readonly string[]).includes(status) ? status : '',
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : DEFAULT_YEAR,
  };
}

/** The address of the control page with these filters (defaults left out). */
export function claimsHref(f: Partial<Filters>): string {
  const search = new URLSearchParams();
  if (f.year !== undefined && f.year !== DEFAULT_YEAR) search.set('jaar', String(f.year));
  if (f.rule) search.set('regel', f.rule);
  if (f.agb) search.set('aanbieder', f.agb);
  if (f.status) search.set('status', f.status);
  if (f.page) search.set('pagina', String(f.page + 1));
  const text = search.toString();
  return `/claims${text ? `?${text}` : ''}`;
}

/** The filters in words, for the count and the table caption: ` (regel …, zorgaanbieder …)`. */
export function filterText(f: Filters, names: ReadonlyMap<string, string>): string {
  const parts = [
    f.rule ? `regel ${label(ruleLabels, f.rule)}` : null,
    f.agb ? `zorgaanbieder ${names.get(f.agb) ?? f.agb}` : null,
    f.status ? `status ${label(findingStatusLabels, f.status).toLowerCase()}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

export function FilterForm({ filters, providers }: { filters: Filters; providers: ProviderSummary[] }) {
  const [rule, setRule] = useState(filters.rule);
  const [agb, setAgb] = useState(filters.agb);
  const [status, setStatus] = useState(filters.status);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(claimsHref({ year: filters.year, rule, agb, status, page: 0 }), { replace: true });
  };
  const active = filters.rule || filters.agb || filters.status;
  return (
    <form className="filter-form" onSubmit={submit} aria-label="Bevindingen filteren">
      <RuleField id="filter-rule" value={rule} onChange={setRule} />
      <Field id="filter-provider" label="Zorgaanbieder">
        {(control) => (
          <select {...control} value={agb} onChange={(e) => setAgb(e.target.value)}>
            <option value="">Alle zorgaanbieders</option>
            <ProviderOptions providers={providers} keep={agb} />
          </select>
        )}
      </Field>
      <Field id="filter-status" label="Status">
        {(control) => (
          <select {...control} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Alle statussen</option>
            {FINDING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(findingStatusLabels, s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button-primary">
        Filteren
      </button>
      {active && (
        <Link to={claimsHref({ year: filters.year })} className="filter-reset">
          Filters wissen
        </Link>
      )}
    </form>
  );
}
