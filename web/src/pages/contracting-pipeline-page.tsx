/**
 * Contractering (purchasers; MSZ §5, §7): the pipeline of a contract year — how many providers stand
 * in each state, the concept-agreement responses, what is overdue (longest first) and every process,
 * each linking to the provider's contract tab. The year is in the address (`?jaar=`).
 */
import { useState, type FormEvent } from 'react';
import { CONTRACT_STATES, contractingApi, type Pipeline } from '../api-contracting';
import { Loaded, TableScroll } from '../components/status';
import { publicYearFrom, YearSelect } from '../components/year-select';
import { agreementPathLabels, countText, formatDate, label } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';
import { ContractStateBadge, contractLink, contractStateLabels, daysOverdueText, overdueKindLabels } from './contracting-labels';

export function ContractingPipelinePage() {
  const location = useLocation();
  const year = publicYearFrom(location.search.get('jaar'));
  const pipeline = useResource((signal) => contractingApi.pipeline(year, signal), [year]);
  return (
    <article>
      <h1>Contractering {year}</h1>
      <p className="lead">
        Waar elke zorgaanbieder staat in het contracteringsjaar, en welke stappen over hun datum zijn. Termijnen zonder vervolgstap van een zorginkoper werken vanzelf
        (akkoord door stilzwijgen, te late reactie, geen akkoord).
      </p>
      <YearForm key={year} year={year} />
      <div aria-live="polite">
        <Loaded resource={pipeline} what="Pijplijn">
          {(data) => <PipelineView pipeline={data} />}
        </Loaded>
      </div>
    </article>
  );
}

function YearForm({ year }: { year: number }) {
  const [value, setValue] = useState(year);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(`/contractering?jaar=${value}`);
  };
  return (
    <form className="filter-form" onSubmit={submit} aria-label="Contractjaar kiezen">
      <YearSelect id="contractering-jaar" value={value} onChange={setValue} />
      <button type="submit" className="button button-primary">
        Toon
      </button>
    </form>
  );
}

function PipelineView({ pipeline: p }: { pipeline: Pipeline }) {
  if (p.total === 0) {
    return <p className="empty">Voor {p.year} is nog geen contracteringsjaar gestart. Start het op het tabblad Contract van een zorgaanbieder.</p>;
  }
  return (
    <>
      <p className="result-count">
        {countText(p.total, 'zorgaanbieder', 'zorgaanbieders')} in het contracteringsjaar {p.year}
        {p.today ? ` · vandaag is ${formatDate(p.today)}` : ''}
      </p>

      <section aria-labelledby="pijplijn-achterstallig">
        <h2 id="pijplijn-achterstallig">Achterstallig</h2>
        {p.overdue.length === 0 ? (
          <p className="empty">Niets achterstallig.</p>
        ) : (
          <TableScroll label="Tabel achterstallige stappen">
            <table className="data-table">
              <caption className="visually-hidden">Achterstallige stappen, langst achterstallig eerst</caption>
              <thead>
                <tr>
                  <th scope="col">Zorgaanbieder</th>
                  <th scope="col">Status</th>
                  <th scope="col">Wat</th>
                  <th scope="col">Datum</th>
                  <th scope="col">Te laat</th>
                </tr>
              </thead>
              <tbody>
                {p.overdue.map((o) => (
                  <tr key={`${o.agb}|${o.kind}`}>
                    <td>
                      <Link to={contractLink(o.agb, p.year)}>{o.name}</Link> <span className="code muted">{o.agb}</span>
                    </td>
                    <td>
                      <ContractStateBadge state={o.state} />
                    </td>
                    <td>
                      {label(overdueKindLabels, o.kind)}
                      <span className="cell-note">{o.message}</span>
                    </td>
                    <td className="nowrap">{formatDate(o.date)}</td>
                    <td className="nowrap">{daysOverdueText(o.days_overdue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="pijplijn-status">
        <h2 id="pijplijn-status">Aantal per status</h2>
        <TableScroll label="Tabel aantal per status">
          <table className="data-table">
            <caption className="visually-hidden">Aantal zorgaanbieders per status in {p.year}</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Aantal
                </th>
              </tr>
            </thead>
            <tbody>
              {CONTRACT_STATES.map((state) => (
                <tr key={state}>
                  <th scope="row">{contractStateLabels[state]}</th>
                  <td className="numeric">{p.by_state[state] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <dl className="facts facts-inline">
          <div>
            <dt>Concept: open voor feedback</dt>
            <dd>{p.concept.open}</dd>
          </div>
          <div>
            <dt>Concept: feedback gegeven</dt>
            <dd>{p.concept.feedback_given}</dd>
          </div>
          <div>
            <dt>Concept: akkoord door stilzwijgen</dt>
            <dd>{p.concept.consent_by_silence}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="pijplijn-alle">
        <h2 id="pijplijn-alle">Alle zorgaanbieders in de contractering</h2>
        <TableScroll label="Tabel zorgaanbieders in de contractering">
          <table className="data-table">
            <caption className="visually-hidden">Zorgaanbieders in het contracteringsjaar {p.year} met hun status</caption>
            <thead>
              <tr>
                <th scope="col">Zorgaanbieder</th>
                <th scope="col">AGB-code</th>
                <th scope="col">Traject</th>
                <th scope="col">Status</th>
                <th scope="col">Laatst gewijzigd</th>
              </tr>
            </thead>
            <tbody>
              {p.processes.map((row) => (
                <tr key={row.agb}>
                  <td>
                    <Link to={contractLink(row.agb, p.year)}>{row.name}</Link>
                  </td>
                  <td className="code">{row.agb}</td>
                  <td>{label(agreementPathLabels, row.path)}</td>
                  <td>
                    <ContractStateBadge state={row.state} />
                  </td>
                  <td className="nowrap">{formatDate(row.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
