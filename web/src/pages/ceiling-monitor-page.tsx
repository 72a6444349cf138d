/**
 * Plafondmonitor (MSZ §4): every ceiling agreement with what was claimed up to the peildatum, the
 * year-end forecast, the utilisation and a status, most used first. A provider that threatens to
 * exceed its ceiling must report in time so new patients can go to providers with room left: for
 * those rows the providers in the same region that have room are listed. Above the table, the
 * providers' own reports of a threatened overrun, with the providers that have room for the same care.
 */
import { useId, useState, type FormEvent } from 'react';
import { api, type CeilingMonitor, type CeilingRow } from '../api';
import { ReasonList } from '../components/reasons';
import { Loaded, TableScroll } from '../components/status';
import { ceilingStatusLabels, formatDate, formatEuroCents, formatPercent, isIsoDate, label } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { CeilingWarningsSection } from './ceiling-warning-list';

const DEFAULT_YEAR = 2018;
const defaultAsOf = (year: number) => `${year}-09-30`;

export function CeilingMonitorPage() {
  const location = useLocation();
  const yearParam = Number(location.search.get('jaar') ?? DEFAULT_YEAR);
  const year = Number.isInteger(yearParam) ? yearParam : DEFAULT_YEAR;
  const asOfParam = location.search.get('peildatum');
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : defaultAsOf(year);
  const monitor = useResource((signal) => api.ceilings(year, asOf, signal), [year, asOf]);
  const { user } = useSession();
  const seesWarnings = user?.role === 'purchaser' || user?.role === 'controller';

  return (
    <article>
      <h1>Plafondmonitor</h1>
      <p className="lead">
        Benutting van de plafonds op de peildatum en de prognose voor het jaareinde. Dreigt een zorgaanbieder het plafond te
        overschrijden, dan kunnen nieuwe patiënten worden bemiddeld naar zorgaanbieders in dezelfde regio met ruimte (MSZ §4).
      </p>
      <MonitorForm key={`${year}|${asOf}`} year={year} asOf={asOf} />
      {seesWarnings && <CeilingWarningsSection year={year} asOf={asOf} />}
      <div aria-live="polite">
        <Loaded resource={monitor} what="Plafondmonitor">
          {(data) => <MonitorTable monitor={data} />}
        </Loaded>
      </div>
    </article>
  );
}

function MonitorForm({ year, asOf }: { year: number; asOf: string }) {
  const [yearText, setYearText] = useState(String(year));
  const [asOfText, setAsOfText] = useState(asOf);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const yearErrorId = useId();
  const asOfErrorId = useId();
  const asOfHintId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const y = Number(yearText);
    if (!/^\d{4}$/.test(yearText.trim()) || y < 2000 || y > 2100) found.year = 'Vul een jaartal in, bijvoorbeeld 2018.';
    if (!isIsoDate(asOfText)) found.asOf = 'Vul een peildatum in.';
    else if (!found.year && !asOfText.startsWith(`${y}-`)) found.asOf = `De peildatum moet in ${y} liggen.`;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.year ? 'monitor-year' : 'monitor-as-of')?.focus();
      return;
    }
    navigate(`/monitoring?jaar=${y}&peildatum=${asOfText}`, { replace: true });
  };
  const fieldError = (field: string): string | undefined => errors[field];

  return (
    <form className="filter-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="monitor-year">Jaar</label>
        {fieldError('year') && (
          <p className="field-error" id={yearErrorId}>
            {fieldError('year')}
          </p>
        )}
        <input
          id="monitor-year"
          type="text"
          inputMode="numeric"
          className="input-short"
          value={yearText}
          onChange={(e) => setYearText(e.target.value)}
          aria-invalid={fieldError('year') ? true : undefined}
          aria-describedby={fieldError('year') ? yearErrorId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="monitor-as-of">Peildatum</label>
        <p className="hint" id={asOfHintId}>
          Declaraties tot en met deze datum.
        </p>
        {fieldError('asOf') && (
          <p className="field-error" id={asOfErrorId}>
            {fieldError('asOf')}
          </p>
        )}
        <input
          id="monitor-as-of"
          type="date"
          value={asOfText}
          onChange={(e) => setAsOfText(e.target.value)}
          aria-invalid={fieldError('asOf') ? true : undefined}
          aria-describedby={fieldError('asOf') ? `${asOfHintId} ${asOfErrorId}` : asOfHintId}
        />
      </div>
      <button type="submit" className="button button-primary">
        Toon
      </button>
    </form>
  );
}

/** `Regio Limburg` stays as it is; a bare `Limburg` reads `regio Limburg`. */
const regionName = (region: string) => (/^regio\b/i.test(region) ? region : `regio ${region}`);

const utilisationOf = (row: CeilingRow) => {
  const n = Number(row.utilisation);
  return Number.isFinite(n) ? n : -Infinity;
};

function MonitorTable({ monitor }: { monitor: CeilingMonitor }) {
  const rows = [...monitor.providers].sort((a, b) => utilisationOf(b) - utilisationOf(a) || a.name.localeCompare(b.name, 'nl'));
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  if (rows.length === 0) return <p className="empty">Geen plafondafspraken in {monitor.year}.</p>;
  return (
    <>
      <p className="result-count">
        {rows.length} {rows.length === 1 ? 'plafondafspraak' : 'plafondafspraken'} op {formatDate(monitor.as_of)}: {count('ok')} ok,{' '}
        {count('warning')} waarschuwing, {count('overrun-expected')} overschrijding verwacht.
      </p>
      <TableScroll label="Tabel plafondmonitor">
        <table className="data-table monitor-table">
          <caption className="visually-hidden">
            Plafondmonitor {monitor.year}, peildatum {formatDate(monitor.as_of)}, gesorteerd op benutting (hoogste eerst)
          </caption>
          <thead>
            <tr>
              <th scope="col">Zorgaanbieder en regio</th>
              <th scope="col" className="numeric">
                Plafond
              </th>
              <th scope="col" className="numeric">
                Gedeclareerd t/m peildatum
              </th>
              <th scope="col" className="numeric">
                Prognose jaareinde
              </th>
              <th scope="col" className="numeric" aria-sort="descending">
                Benutting
              </th>
              <th scope="col" className="numeric">
                Ruimte
              </th>
              <th scope="col">Status</th>
              <th scope="col">Waarom</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <MonitorRow key={row.agb} row={row} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function MonitorRow({ row }: { row: CeilingRow }) {
  const room = row.providers_with_room ?? [];
  const showRoom = row.status !== 'ok' && row.providers_with_room !== undefined;
  return (
    <>
      <tr className={`status-row-${row.status}`}>
        <th scope="row">
          <Link to={`/providers/${encodeURIComponent(row.agb)}?tab=afspraak`}>{row.name}</Link>
          <span className="cell-note">
            <span className="code">{row.agb}</span>
            {row.region ? ` · ${row.region}` : ''}
          </span>
        </th>
        <td className="numeric amount">{formatEuroCents(row.ceiling_cents)}</td>
        <td className="numeric amount">{formatEuroCents(row.claimed_to_date_cents)}</td>
        <td className="numeric amount">{formatEuroCents(row.forecast_cents)}</td>
        <td className="numeric">{formatPercent(row.utilisation)}</td>
        <td className="numeric amount">{formatEuroCents(row.room_cents)}</td>
        <td>
          <span className={`badge badge-ceiling-${row.status}`}>{label(ceilingStatusLabels, row.status)}</span>
        </td>
        <td>
          {row.reasons.length > 0 && (
            <details className="reason-inputs">
              <summary>
                Waarom <span className="visually-hidden">{row.name}</span> ({row.reasons.length})
              </summary>
              <ReasonList reasons={row.reasons} />
            </details>
          )}
        </td>
      </tr>
      {showRoom && (
        <tr className="room-row">
          <td colSpan={8}>
            <p className="room-title">
              Ruimte voor nieuwe patiënten{row.region ? ` in ${regionName(row.region)}` : ''} (bij dreigende overschrijding door {row.name}):
            </p>
            {room.length === 0 ? (
              <p className="empty">Geen zorgaanbieders met ruimte in deze regio.</p>
            ) : (
              <ul className="room-list">
                {room.map((r) => (
                  <li key={r.agb}>
                    <Link to={`/providers/${encodeURIComponent(r.agb)}`}>{r.name}</Link>{' '}
                    <span className="muted">
                      (<span className="code">{r.agb}</span>) ruimte <span className="amount">{formatEuroCents(r.room_cents)}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
