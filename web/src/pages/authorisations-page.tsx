/**
 * Machtigingen kaakchirurgie (MSZ Bijlage 1 art. 6): a provider user sees its own requests with
 * their decision clock and starts a new one; the medical adviser and the controller see the queue of
 * every provider, open requests first by due date, with the clock and a late flag per request.
 */
import { useId, useState } from 'react';
import { authorisationsApi, type AuthorisationStatus, type AuthorisationSummary } from '../api-authorisations';
import { Loaded, TableScroll } from '../components/status';
import { formatDate, formatEuroCents } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { AuthorisationStatusBadge, ClockBadge, statusLabels } from './authorisations-clock';

export function AuthorisationsPage() {
  const { user } = useSession();
  if (!user) return null;
  return user.role === 'provider' && user.agb ? <ProviderAuthorisations agb={user.agb} /> : <AuthorisationQueue />;
}

function ProviderAuthorisations({ agb }: { agb: string }) {
  const list = useResource((signal) => authorisationsApi.providerList(agb, signal), [agb]);
  return (
    <article>
      <div className="page-head">
        <h1>Machtigingen kaakchirurgie</h1>
        <Link to="/machtigingen/nieuw" className="button button-primary">
          Nieuwe aanvraag
        </Link>
      </div>
      <p className="lead">
        Voor volwassenen vraagt u vooraf toestemming voor implantologie, osteotomie bij OSAS, kinplastiek als zelfstandige verrichting en plastische
        chirurgie als cosmetische verrichting; bij twijfel over de aanspraak ook. Zilveren Kruis beslist binnen 10 werkdagen na ontvangst; vraagt de
        medisch adviseur om nadere informatie, dan staat die termijn stil tot uw antwoord (MSZ Bijlage 1 art. 6).
      </p>
      <Loaded resource={list} what="Aanvragen">
        {(rows) => <AuthorisationTable rows={rows} caption={`Machtigingsaanvragen van AGB ${agb}`} showProvider={false} />}
      </Loaded>
    </article>
  );
}

const STATUSES: AuthorisationStatus[] = ['submitted', 'info-requested', 'approved', 'rejected', 'withdrawn'];

function AuthorisationQueue() {
  const [status, setStatus] = useState<AuthorisationStatus | ''>('');
  const list = useResource((signal) => authorisationsApi.queue(status, signal), [status]);
  const selectId = useId();
  return (
    <article>
      <h1>Machtigingen kaakchirurgie</h1>
      <p className="lead">
        Werkvoorraad van de medisch adviseur: open aanvragen eerst, de vroegste uiterlijke beslisdatum bovenaan. De termijn is 10 werkdagen na
        ontvangst en staat stil zolang er nadere informatie is gevraagd (MSZ Bijlage 1 art. 6 item 22).
      </p>
      <div className="filter-bar">
        <div className="field">
          <label htmlFor={selectId}>Status</label>
          <select id={selectId} value={status} onChange={(e) => setStatus(e.target.value as AuthorisationStatus | '')}>
            <option value="">Alle aanvragen</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Loaded resource={list} what="Werkvoorraad">
        {(rows) => (
          <>
            <p className="result-count" role="status">
              {rows.length} aanvra{rows.length === 1 ? 'ag' : 'gen'}; {rows.filter((r) => r.status === 'submitted' || r.status === 'info-requested').length} open,{' '}
              {rows.filter((r) => r.clock.late && !r.clock.decided_on).length} over de termijn.
            </p>
            <AuthorisationTable rows={rows} caption="Werkvoorraad machtigingsaanvragen" showProvider />
          </>
        )}
      </Loaded>
    </article>
  );
}

function AuthorisationTable({ rows, caption, showProvider }: { rows: AuthorisationSummary[]; caption: string; showProvider: boolean }) {
  if (rows.length === 0) return <p className="empty">Geen machtigingsaanvragen.</p>;
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Aanvraag</th>
            {showProvider && <th scope="col">Zorgaanbieder</th>}
            <th scope="col">Patiënt</th>
            <th scope="col">Behandeling</th>
            <th scope="col">Behandeldatum</th>
            <th scope="col" className="numeric">
              Begroting
            </th>
            <th scope="col">Ontvangen</th>
            <th scope="col">Status</th>
            <th scope="col">Beslistermijn</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/machtigingen/${r.id}`}>Aanvraag {r.id}</Link>
                {r.provider_reference && <span className="cell-note code">{r.provider_reference}</span>}
              </th>
              {showProvider && (
                <td>
                  {r.provider_name ?? r.agb} <span className="cell-note code">{r.agb}</span>
                </td>
              )}
              <td>
                {r.patient_name} <span className="cell-note">{formatDate(r.patient_birth_date)}</span>
              </td>
              <td>{r.treatment_title}</td>
              <td className="nowrap">{formatDate(r.treatment_date)}</td>
              <td className="numeric amount">{formatEuroCents(r.total_cents)}</td>
              <td className="nowrap">{formatDate(r.clock.received_on)}</td>
              <td>
                <AuthorisationStatusBadge status={r.status} />
              </td>
              <td>
                <ClockBadge clock={r.clock} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
