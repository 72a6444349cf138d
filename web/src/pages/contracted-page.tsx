/**
 * Gecontracteerde zorgaanbieders (MSZ §1, §5; public, no log-in): the providers with a contract for
 * the year (`?jaar=`), per purchasing insurer: Zilveren Kruis, and De Friesland, which purchases in
 * Friesland for Zilveren Kruis customers too. Budget-policy providers carry the marker. Before the
 * publication date (12 November before the year) the API sends no providers and the page says when
 * the list is published.
 */
import { useState, type FormEvent } from 'react';
import { api, type ContractedList, type ContractedProvider, type InsurerArrangement } from '../api';
import { Loaded, TableScroll } from '../components/status';
import { publicYearFrom, YearSelect } from '../components/year-select';
import { countText, formatDate, insurerLabels, label, providerTypeLabels } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

export function ContractedPage() {
  const location = useLocation();
  const year = publicYearFrom(location.search.get('jaar'));
  const list = useResource((signal) => api.contracted(year, signal), [year]);

  return (
    <article className="contracted">
      <h1>Gecontracteerde zorgaanbieders {year}</h1>
      <p className="lead">
        Met deze ziekenhuizen, UMC&apos;s, zelfstandige behandelcentra en categorale instellingen is voor {year} een overeenkomst
        gesloten voor medisch-specialistische zorg. De lijst wordt elk jaar op 12 november gepubliceerd.
      </p>
      <YearForm key={year} year={year} />
      <div aria-live="polite">
        <Loaded resource={list} what="Lijst van gecontracteerde zorgaanbieders">
          {(data) => <ContractedLists list={data} />}
        </Loaded>
      </div>
      <p>
        <Link to="/prijzen">Prijzen van behandelingen bij u in de buurt zoeken</Link>
      </p>
    </article>
  );
}

function YearForm({ year }: { year: number }) {
  const [value, setValue] = useState(year);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(`/gecontracteerd?jaar=${value}`);
  };
  return (
    <form className="filter-form" onSubmit={submit} aria-label="Contractjaar kiezen">
      <YearSelect id="gecontracteerd-jaar" value={value} onChange={setValue} />
      <button type="submit" className="button button-primary">
        Toon
      </button>
    </form>
  );
}

const regionText: Record<InsurerArrangement['purchases_in'], string> = {
  friesland: 'in Friesland',
  'outside-friesland': 'buiten Friesland',
  all: 'in heel Nederland',
};

function ContractedLists({ list }: { list: ContractedList }) {
  if (!list.published) {
    return (
      <div className="alert alert-info publication-pending">
        <p className="alert-title">Nog niet gepubliceerd</p>
        <p>
          De lijst voor {list.year} wordt gepubliceerd op {formatDate(list.published_on)}.
        </p>
      </div>
    );
  }
  const byInsurer = (id: string) => list.providers.filter((p) => p.insurer === id);
  const budget = list.providers.filter((p) => p.budget_policy).length;
  return (
    <>
      <p className="result-count">
        {countText(list.providers.length, 'gecontracteerde zorgaanbieder', 'gecontracteerde zorgaanbieders')} voor {list.year},
        gepubliceerd op {formatDate(list.published_on)}
        {list.insurers.length > 1 && `: ${list.insurers.map((i) => `${byInsurer(i.id).length} ingekocht door ${label(insurerLabels, i.id)}`).join(', ')}`}.
      </p>
      {budget > 0 && (
        <p className="text-block">
          <span className="badge badge-budget">Geselecteerd voor budgetpolis</span> Deze {countText(budget, 'zorgaanbieder is', 'zorgaanbieders zijn')}{' '}
          geselecteerd voor de budgetpolissen. Kijk in uw polisvoorwaarden welke zorgaanbieders voor uw polis gelden.
        </p>
      )}
      {list.insurers.length > 1 && (
        <nav className="page-links" aria-label="Op deze pagina">
          <ul>
            {list.insurers.map((insurer) => (
              <li key={insurer.id}>
                <a href={`#inkoper-${insurer.id}`}>Ingekocht door {insurer.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {list.insurers.map((insurer) => (
        <InsurerSection key={insurer.id} insurer={insurer} providers={byInsurer(insurer.id)} year={list.year} />
      ))}
    </>
  );
}

function InsurerSection({ insurer, providers, year }: { insurer: InsurerArrangement; providers: readonly ContractedProvider[]; year: number }) {
  const headingId = `inkoper-${insurer.id}`;
  const customers = insurer.for_customers_of.map((id) => label(insurerLabels, id));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Ingekocht door {insurer.name}</h2>
      <p>
        {insurer.name} koopt {regionText[insurer.purchases_in]} zorg in voor klanten van {customers.join(' en ')} ({insurer.source}).
      </p>
      {providers.length === 0 ? (
        <p className="empty">Geen gecontracteerde zorgaanbieders.</p>
      ) : (
        <TableScroll label={`Zorgaanbieders ingekocht door ${insurer.name}`}>
          <table className="data-table stack-table" role="table">
            <caption className="table-caption">
              {countText(providers.length, 'zorgaanbieder', 'zorgaanbieders')} {year}, ingekocht door {insurer.name}
            </caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  Zorgaanbieder
                </th>
                <th scope="col" role="columnheader">
                  Plaats
                </th>
                <th scope="col" role="columnheader">
                  Soort
                </th>
                <th scope="col" role="columnheader">
                  Budgetpolis
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {providers.map((p) => (
                <tr key={p.agb} role="row">
                  <th scope="row" role="rowheader">
                    {p.name}
                  </th>
                  <td role="cell" data-label="Plaats">
                    {p.city}
                  </td>
                  <td role="cell" data-label="Soort">
                    {label(providerTypeLabels, p.type)}
                  </td>
                  <td role="cell" data-label="Budgetpolis">
                    {p.budget_policy ? <span className="badge badge-budget">Geselecteerd voor budgetpolis</span> : <span className="muted">nee</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
