/** The providers the user may see (all for insurer staff, its own for a provider user), with a filter. */
import { useDeferredValue, useMemo, useState } from 'react';
import { api, type ProviderSummary } from '../api';
import { Loaded, TableScroll } from '../components/status';
import { formatEuroCents, label, providerTypeLabels, searchKey, yesNo } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';

export function ProvidersPage() {
  const { user } = useSession();
  const providers = useResource((signal) => api.providers(signal), []);
  return (
    <article>
      <div className="page-head">
        <h1>Zorgaanbieders</h1>
        {user?.role === 'purchaser' && (
          <Link to="/providers/import" className="button button-secondary">
            Zorgaanbieders importeren
          </Link>
        )}
      </div>
      <Loaded resource={providers} what="Zorgaanbieders">
        {(list) => <ProviderTable providers={list} />}
      </Loaded>
    </article>
  );
}

const indexText = (p: ProviderSummary) =>
  searchKey([p.agb, p.name, p.city, p.province, p.region, label(providerTypeLabels, p.type)].filter(Boolean).join(' '));

function ProviderTable({ providers }: { providers: ProviderSummary[] }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const indexed = useMemo(() => providers.map((p) => ({ provider: p, text: indexText(p) })), [providers]);
  const terms = searchKey(deferred).split(/\s+/).filter(Boolean);
  const shown = indexed.filter(({ text }) => terms.every((t) => text.includes(t))).map(({ provider }) => provider);

  return (
    <>
      <div className="filter-bar">
        <div className="field">
          <label htmlFor="provider-filter">Zoeken</label>
          <input
            id="provider-filter"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby="provider-filter-hint"
            autoComplete="off"
          />
          <p className="hint" id="provider-filter-hint">
            Op AGB-code, naam, type, plaats, provincie of regio.
          </p>
        </div>
        <p className="result-count" role="status">
          {shown.length === providers.length
            ? `${providers.length} ${providers.length === 1 ? 'zorgaanbieder' : 'zorgaanbieders'}`
            : `${shown.length} van ${providers.length} zorgaanbieders`}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{providers.length === 0 ? 'Er zijn nog geen zorgaanbieders.' : 'Geen zorgaanbieders gevonden met dit zoekwoord.'}</p>
      ) : (
        <TableScroll label="Tabel zorgaanbieders">
          <table className="data-table">
            <caption className="visually-hidden">Zorgaanbieders</caption>
            <thead>
              <tr>
                <th scope="col">AGB</th>
                <th scope="col">Naam</th>
                <th scope="col">Type</th>
                <th scope="col">Plaats</th>
                <th scope="col">Kernregio</th>
                <th scope="col" className="numeric">
                  ZK-omzet
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.agb}>
                  <td className="code">{p.agb}</td>
                  <td>
                    <Link to={`/providers/${encodeURIComponent(p.agb)}`}>{p.name}</Link>
                  </td>
                  <td>{label(providerTypeLabels, p.type)}</td>
                  <td>{p.city}</td>
                  <td>{yesNo(p.kernregio)}</td>
                  <td className="numeric amount">{formatEuroCents(p.zk_revenue_cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
