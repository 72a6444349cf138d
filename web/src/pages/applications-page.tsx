/**
 * Aanmeldingen (purchasers): the applications of new providers for a contract year (MSZ §5) with
 * their status and deadlines, measured on the server's day: an application not assessed by the
 * assessment date is marked overdue; objections received are shown. Each links to its detail.
 */
import { applicationsApi, applicationStatusLabels, objectionKindLabels, type Application } from '../api-applications';
import { Loaded, TableScroll } from '../components/status';
import { publicYearFrom, YearSelect } from '../components/year-select';
import { formatDate, label, providerTypeLabels } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

export function ApplicationsPage() {
  const location = useLocation();
  const year = publicYearFrom(location.search.get('jaar'));
  const list = useResource((signal) => applicationsApi.list(year, signal), [year]);
  return (
    <article>
      <h1>Aanmeldingen nieuwe zorgaanbieders</h1>
      <p className="lead">
        Zorgaanbieders zonder overeenkomst melden zich aan voor een overeenkomst (MSZ §5 &quot;Nieuwe aanbieders&quot;). Beoordeel elke aanmelding
        uiterlijk op de beoordelingsdatum: toelaten, of met redenen afwijzen.
      </p>
      <YearSelect id="aanmeldingen-jaar" value={year} onChange={(y) => navigate(`/aanmeldingen?jaar=${y}`, { replace: true })} />
      <Loaded resource={list} what="Aanmeldingen">
        {(applications) => <ApplicationsTable applications={applications} year={year} />}
      </Loaded>
    </article>
  );
}

function ApplicationsTable({ applications, year }: { applications: Application[]; year: number }) {
  if (applications.length === 0) return <p className="empty">Geen aanmeldingen voor {year}.</p>;
  const first = applications[0] as Application;
  const overdue = applications.filter((a) => a.timing?.overdue).length;
  const open = applications.filter((a) => a.status === 'submitted' || a.status === 'assessing').length;
  const until = first.deadlines.day_inclusive ? 'tot en met' : 'tot';
  return (
    <>
      <p className="result-count" role="status">
        {applications.length} aanmelding(en), waarvan {open} nog te beoordelen{overdue > 0 && <strong> en {overdue} te laat</strong>}. Beoordelen {until}{' '}
        {formatDate(first.deadlines.assessment)}; bezwaar {until} {formatDate(first.deadlines.objection)}.
        {first.timing && <> Vandaag: {formatDate(first.timing.today)}.</>}
      </p>
      <TableScroll label="Tabel aanmeldingen">
        <table className="data-table applications-table">
          <caption className="visually-hidden">Aanmeldingen van nieuwe zorgaanbieders voor {year}</caption>
          <thead>
            <tr>
              <th scope="col">Organisatie</th>
              <th scope="col">AGB-code</th>
              <th scope="col">Soort en plaats</th>
              <th scope="col">Ingediend</th>
              <th scope="col">Status</th>
              <th scope="col">Beoordelen uiterlijk</th>
              <th scope="col">Bezwaar of toelichting</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/aanmeldingen/${a.id}`}>{a.organisation_name}</Link>
                </th>
                <td className="code">{a.agb}</td>
                <td>
                  {label(providerTypeLabels, a.provider_type)}, {a.city}
                </td>
                <td>{formatDate(a.submitted_at)}</td>
                <td>
                  <span className="badge badge-neutral">{applicationStatusLabels[a.status]}</span>
                </td>
                <td className="nowrap">
                  {formatDate(a.deadlines.assessment)}
                  {a.timing?.overdue && (
                    <>
                      {' '}
                      <span className="badge badge-flag">Te laat</span>
                    </>
                  )}
                </td>
                <td>
                  {a.objection_kind ? (
                    <>
                      {objectionKindLabels[a.objection_kind]} ontvangen{a.objection_at && <> op {formatDate(a.objection_at)}</>}
                    </>
                  ) : a.status === 'rejected' ? (
                    <span className="muted">
                      Mogelijk {until} {formatDate(a.deadlines.objection)}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
