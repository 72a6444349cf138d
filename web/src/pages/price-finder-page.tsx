/**
 * Prijszoeker (MSZ §1, public, no log-in): the prices of one treatment at the contracted providers
 * nearest to a place, nearest first, with a map sketch; the open price file of the year below.
 * The search lives in the address (`/prijzen?q=staar&bij=Utrecht[&jaar=2019]`), so a result can be
 * linked, bookmarked and reached with the back button. Before the publication date the API
 * answers with no providers; the page then says when the list is published.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError, errorMessage, type ContractedList, type PriceHit, type PriceSearchResult } from '../api';
import { ProviderPlot } from '../components/provider-plot';
import { ErrorMessage, TableScroll } from '../components/status';
import { DEFAULT_PUBLIC_YEAR, publicYearFrom, YearSelect } from '../components/year-select';
import { countText, formatDate, formatEuroCents, formatKm, insurerLabels, label, providerTypeLabels, yesNo } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

const MAX_LENGTH = 100;

type Search =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; result: PriceSearchResult };

/** The address of a search; the year only when it is not the default, so the common link stays short. */
function priceFinderPath(q: string, near: string, year: number): string {
  const params = new URLSearchParams({ q, bij: near });
  if (year !== DEFAULT_PUBLIC_YEAR) params.set('jaar', String(year));
  return `/prijzen?${params.toString()}`;
}

export function PriceFinderPage() {
  const location = useLocation();
  const q = (location.search.get('q') ?? '').trim().slice(0, MAX_LENGTH);
  const near = (location.search.get('bij') ?? '').trim().slice(0, MAX_LENGTH);
  const year = publicYearFrom(location.search.get('jaar'));
  const search = usePriceSearch(q, near, year);
  const publication = useResource((signal) => api.contracted(year, signal), [year]);
  const published = publication.status === 'ready' ? publication.data : null;

  return (
    <article className="price-finder">
      <h1>Prijszoeker</h1>
      <p className="lead">
        Wat kost een behandeling bij de ziekenhuizen en klinieken bij u in de buurt? Zoek op de naam van een behandeling of op de
        zorgproductcode, en op uw woonplaats of postcodegebied. U ziet de gecontracteerde zorgaanbieders, de dichtstbijzijnde eerst.
      </p>
      <SearchForm key={`${q}|${near}|${year}`} q={q} near={near} year={year} error={search.status === 'failed' ? search.error : null} />

      <p className="result-count" role="status" aria-live="polite" aria-atomic="true">
        {announcement(search, near, published)}
      </p>
      {search.status === 'failed' && <SearchError error={search.error} />}
      {search.status === 'ready' && <Results result={search.result} q={q} near={near} year={year} published={published} />}

      <OpenPriceFile year={year} publication={publication.status === 'failed' ? 'failed' : published} />
      <p>
        <Link to={`/gecontracteerd?jaar=${year}`}>Alle gecontracteerde zorgaanbieders voor {year}</Link>
      </p>
    </article>
  );
}

function usePriceSearch(q: string, near: string, year: number): Search {
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  useEffect(() => {
    if (q === '' || near === '') {
      setSearch({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setSearch({ status: 'loading' });
    api.publicPrices({ q, near, year }, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setSearch({ status: 'ready', result });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSearch({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [q, near, year]);
  return search;
}

/** The text of the live region: what the search found, in one sentence. */
function announcement(search: Search, near: string, published: ContractedList | null): string {
  if (search.status === 'loading') return 'Zoeken…';
  if (search.status !== 'ready') return '';
  const { hits, near: place } = search.result;
  if (hits.length === 0) {
    return published && !published.published
      ? `Geen zorgaanbieders: de lijst voor ${published.year} wordt gepubliceerd op ${formatDate(published.published_on)}.`
      : 'Geen zorgaanbieders gevonden.';
  }
  const first = hits[0] as PriceHit;
  return `${countText(hits.length, 'zorgaanbieder', 'zorgaanbieders')} gevonden voor ${first.product_name}, gesorteerd op afstand tot ${place ?? near}.`;
}

/** Field errors from the server's issues (`field: 'q' | 'near'`), in Dutch. */
function fieldErrors(error: unknown): { q?: string; near?: string } {
  if (!(error instanceof ApiError)) return {};
  const found: { q?: string; near?: string } = {};
  for (const issue of error.issues) {
    const field = issue.field ?? issue.path;
    if (field !== 'q' && field !== 'near') continue;
    if (issue.code === 'postcode_areas_empty') found.near = 'Zoeken op postcode kan nog niet. Zoek op plaatsnaam, bijvoorbeeld Utrecht.';
    else if (error.status === 400) found[field] = field === 'q' ? 'Vul een behandeling in van hoogstens 100 tekens.' : 'Vul een plaats of een postcode van 4 cijfers in.';
    else found[field] = issue.message;
  }
  return found;
}

function SearchForm({ q, near, year, error }: { q: string; near: string; year: number; error: unknown }) {
  const [qText, setQText] = useState(q);
  const [nearText, setNearText] = useState(near);
  const [yearValue, setYearValue] = useState(year);
  const [ownErrors, setOwnErrors] = useState<{ q?: string; near?: string }>({});
  const errors = { ...fieldErrors(error), ...ownErrors };
  const qHint = useId();
  const qError = useId();
  const nearHint = useId();
  const nearError = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: { q?: string; near?: string } = {};
    if (qText.trim() === '') found.q = 'Vul een behandeling in, bijvoorbeeld staaroperatie.';
    if (nearText.trim() === '') found.near = 'Vul een plaats of een postcode van 4 cijfers in.';
    else if (/^\d+$/.test(nearText.trim()) && !/^[1-9]\d{3}$/.test(nearText.trim())) found.near = 'Een postcodegebied heeft 4 cijfers, zoals 3511.';
    setOwnErrors(found);
    if (found.q || found.near) {
      document.getElementById(found.q ? 'prijs-q' : 'prijs-bij')?.focus();
      return;
    }
    navigate(priceFinderPath(qText.trim(), nearText.trim(), yearValue));
  };

  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
  return (
    <form className="search-form" role="search" aria-label="Prijzen zoeken" onSubmit={submit} noValidate>
      <div className="field field-wide">
        <label htmlFor="prijs-q">Behandeling (naam of code)</label>
        <p className="hint" id={qHint}>
          Bijvoorbeeld staaroperatie of een zorgproductcode.
        </p>
        {errors.q && (
          <p className="field-error" id={qError}>
            {errors.q}
          </p>
        )}
        <input
          id="prijs-q"
          type="search"
          name="q"
          value={qText}
          maxLength={MAX_LENGTH}
          autoComplete="off"
          onChange={(e) => setQText(e.target.value)}
          aria-invalid={errors.q ? true : undefined}
          aria-describedby={describedBy(qHint, errors.q && qError)}
        />
      </div>
      <div className="field field-wide">
        <label htmlFor="prijs-bij">Plaats of postcodegebied (4 cijfers)</label>
        <p className="hint" id={nearHint}>
          Bijvoorbeeld Utrecht of 3511.
        </p>
        {errors.near && (
          <p className="field-error" id={nearError}>
            {errors.near}
          </p>
        )}
        <input
          id="prijs-bij"
          type="text"
          name="bij"
          value={nearText}
          maxLength={MAX_LENGTH}
          autoComplete="address-level2"
          onChange={(e) => setNearText(e.target.value)}
          aria-invalid={errors.near ? true : undefined}
          aria-describedby={describedBy(nearHint, errors.near && nearError)}
        />
      </div>
      <YearSelect id="prijs-jaar" value={yearValue} onChange={setYearValue} />
      <button type="submit" className="button button-primary">
        Zoeken
      </button>
    </form>
  );
}

function SearchError({ error }: { error: unknown }) {
  const title =
    error instanceof ApiError && error.status === 404
      ? 'Niets gevonden'
      : error instanceof ApiError && error.status === 429
        ? 'Even geduld'
        : error instanceof ApiError && error.status === 400
          ? 'Controleer uw invoer'
          : 'Zoeken lukt nu niet';
  const friendly = error instanceof ApiError && error.issues.some((i) => i.code === 'postcode_areas_empty') ? 'Zoeken op postcode kan nog niet. Zoek op plaatsnaam.' : errorMessage(error);
  return <ErrorMessage title={title}>{friendly}</ErrorMessage>;
}

function Results({ result, q, near, year, published }: { result: PriceSearchResult; q: string; near: string; year: number; published: ContractedList | null }) {
  const { hits } = result;
  const place = result.near ?? near;
  const product = hits[0] ? `${hits[0].product_name} (zorgproductcode ${hits[0].product_code})` : result.productCode ? `zorgproductcode ${result.productCode}` : q;

  return (
    <section className="results" aria-labelledby="resultaten">
      <h2 id="resultaten">Resultaten voor: {product}</h2>
      {result.matchedBy === 'name' && result.candidates !== null && result.candidates > 1 && (
        <p className="hint">
          Er passen {result.candidates} behandelingen bij ‘{q}’; getoond wordt de behandeling met de kortste naam. Zoek op een
          preciezere naam of op de zorgproductcode voor een andere.
        </p>
      )}
      {hits.length === 0 ? (
        published && !published.published ? (
          <div className="alert alert-info">
            <p className="alert-title">Nog niet gepubliceerd</p>
            <p>
              De gecontracteerde zorgaanbieders en hun prijzen voor {published.year} worden gepubliceerd op {formatDate(published.published_on)}.
            </p>
          </div>
        ) : (
          <p className="empty">
            Geen gecontracteerde zorgaanbieders gevonden die deze behandeling in {year} leveren in de buurt van {place}.
          </p>
        )
      ) : (
        <>
          <p>
            {hits.length === 1 ? 'De dichtstbijzijnde gecontracteerde zorgaanbieder' : `De ${hits.length} dichtstbijzijnde gecontracteerde zorgaanbieders`} vanaf{' '}
            <strong>{place}</strong>, contractjaar {year}. De prijs is het bedrag dat de zorgaanbieder met de zorgverzekeraar heeft
            afgesproken voor dit zorgproduct; wat u zelf betaalt hangt af van uw polis en eigen risico.
          </p>
          <PriceTable hits={hits} place={place} year={year} />
          <ProviderPlot hits={hits} place={place} />
        </>
      )}
    </section>
  );
}

/**
 * On a phone each row becomes a card (styles.css, `.stack-table`): the cells show their column name
 * from `data-label`. The explicit roles keep the table semantics when CSS changes the display.
 */
function PriceTable({ hits, place, year }: { hits: readonly PriceHit[]; place: string; year: number }) {
  const columns = ['Nr.', 'Zorgaanbieder', 'Plaats', 'Afstand (km)', 'Prijs', 'Gecontracteerd', 'Budgetpolis', 'Inkoper'] as const;
  const numeric = new Set<string>(['Nr.', 'Afstand (km)', 'Prijs']);
  return (
    <TableScroll label="Prijzen per zorgaanbieder">
      <table className="data-table stack-table price-table" role="table">
        <caption className="table-caption">
          Prijzen {year} bij zorgaanbieders rond {place}, gesorteerd op afstand
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((c) => (
              <th key={c} scope="col" role="columnheader" className={numeric.has(c) ? 'numeric' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {hits.map((hit, i) => (
            <tr key={hit.agb} role="row">
              <td role="cell" className="numeric cell-nr">
                {i + 1}
              </td>
              <th scope="row" role="rowheader" className="cell-provider">
                {hit.name}
                <p className="cell-note">{label(providerTypeLabels, hit.type)}</p>
              </th>
              <td role="cell" data-label="Plaats">
                {hit.city}
              </td>
              <td role="cell" className="numeric" data-label="Afstand (km)">
                {formatKm(hit.distance_km)}
              </td>
              <td role="cell" className="numeric amount" data-label="Prijs">
                {formatEuroCents(hit.price_cents)}
              </td>
              <td role="cell" data-label="Gecontracteerd">
                {yesNo(hit.contracted)}
              </td>
              <td role="cell" data-label="Budgetpolis">
                {hit.budget_policy ? <span className="badge badge-budget">Geselecteerd voor budgetpolis</span> : <span className="muted">nee</span>}
              </td>
              <td role="cell" className="nowrap" data-label="Inkoper">
                {label(insurerLabels, hit.insurer)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function OpenPriceFile({ year, publication }: { year: number; publication: ContractedList | 'failed' | null }) {
  return (
    <section className="panel open-data" aria-labelledby="prijsbestand">
      <h2 id="prijsbestand">Open prijsbestand</h2>
      <p>
        Alle prijzen van alle gecontracteerde zorgaanbieders voor {year} staan ook in één open bestand: per zorgproduct de
        afgesproken prijs per zorgaanbieder, met de inkopende zorgverzekeraar en de selectie voor de budgetpolis. Het bestand is
        JSON en vrij te hergebruiken, bijvoorbeeld door vergelijkingssites en onderzoekers; het schema beschrijft elk veld. Het
        verschijnt op de publicatiedatum en wordt bijgewerkt als afspraken veranderen.
      </p>
      {publication === 'failed' ? (
        <p className="muted">Voor {year} is er geen prijsbestand.</p>
      ) : publication && !publication.published ? (
        <p className="muted">Het prijsbestand voor {year} is beschikbaar vanaf {formatDate(publication.published_on)}.</p>
      ) : null}
      <ul className="downloads">
        {publication !== 'failed' && publication?.published && (
          <li>
            <a className="button button-secondary" href={api.priceFileUrl(year)} download={`prijsbestand-${year}.json`}>
              Prijsbestand {year} downloaden (JSON)
            </a>
          </li>
        )}
        <li>
          <a className="button button-secondary" href={api.priceFileSchemaUrl}>
            Schema van het prijsbestand (JSON Schema)
          </a>
        </li>
      </ul>
    </section>
  );
}
