/**
 * Spiegelinformatie for insurer staff (ADD §8; naleving & controle): every provider that meets the
 * peer-group minimum, with how many of its indicators fall in each signal and which ones ask for
 * attention, most signals above P90 first (the server's order). Each row opens the provider's own
 * mirror report, the one the provider sees.
 */
import { useState, type FormEvent } from 'react';
import { api, type MirrorOverview, type MirrorOverviewRow } from '../api';
import { ErrorMessage, Loading, TableScroll } from '../components/status';
import { formatIndicatorValue, formatNumber, label, mirrorSignalLabels, mirrorSignalPhrases, mirrorTopicLabels, providerTypeLabels } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

const DEFAULT_YEAR = 2018;
const SIGNALS = ['above-p90', 'above-p75', 'normal', 'below-p25'] as const;

export function MirrorOverviewPage() {
  const location = useLocation();
  const yearParam = Number(location.search.get('jaar') ?? DEFAULT_YEAR);
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : DEFAULT_YEAR;
  const overview = useResource((signal) => api.mirrorOverview(year, signal), [year]);
  return (
    <article>
      <h1>Spiegelinformatie</h1>
      <p className="lead">
        Het declaratiegedrag van elke zorgaanbieder tegenover vergelijkbare aanbieders (zelfde type), op de onderwerpen van ADD §8.
        Zorgaanbieders zien hun eigen spiegelinformatie anoniem; bij onvoldoende verbetering kan controle volgen.
      </p>
      <YearForm key={year} year={year} />
      <div aria-live="polite">
        {overview.status === 'loading' ? (
          <Loading what="Spiegelinformatie" />
        ) : overview.status === 'failed' ? (
          <ErrorMessage>{overview.message}</ErrorMessage>
        ) : (
          <OverviewTable overview={overview.data} />
        )}
      </div>
    </article>
  );
}

function YearForm({ year }: { year: number }) {
  const [text, setText] = useState(String(year));
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const y = Number(text);
    if (!/^\d{4}$/.test(text.trim()) || y < 2000 || y > 2100) {
      setError('Vul een jaartal in, bijvoorbeeld 2018.');
      document.getElementById('mirror-year')?.focus();
      return;
    }
    setError(null);
    navigate(y === DEFAULT_YEAR ? '/mirror' : `/mirror?jaar=${y}`, { replace: true });
  };
  return (
    <form className="filter-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="mirror-year">Jaar</label>
        {error && (
          <p className="field-error" id="mirror-year-error">
            {error}
          </p>
        )}
        <input
          id="mirror-year"
          type="text"
          inputMode="numeric"
          className="input-short"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'mirror-year-error' : undefined}
        />
      </div>
      <button type="submit" className="button button-primary">
        Toon
      </button>
    </form>
  );
}

function OverviewTable({ overview: o }: { overview: MirrorOverview }) {
  const total = (signal: (typeof SIGNALS)[number]) => o.providers.reduce((sum, p) => sum + p.signals[signal], 0);
  if (o.providers.length === 0) {
    return <p className="empty">Geen zorgaanbieders met genoeg patiënten in {o.year} om te vergelijken.</p>;
  }
  return (
    <>
      <p className="result-count">
        {o.providers.length} {o.providers.length === 1 ? 'zorgaanbieder' : 'zorgaanbieders'} vergeleken in {o.year}
        {o.below_minimum > 0 ? `; ${o.below_minimum} met minder dan ${o.settings.minPatients} patiënten niet vergeleken` : ''}. Signalen in totaal:{' '}
        {SIGNALS.map((s) => `${label(mirrorSignalPhrases, s)} ${total(s)}`).join(', ')}.
      </p>
      <TableScroll label="Tabel spiegelinformatie per zorgaanbieder">
        <table className="data-table mirror-table">
          <caption className="visually-hidden">
            Spiegelinformatie {o.year}: signalen per zorgaanbieder, de meeste signalen boven P90 eerst
          </caption>
          <thead>
            <tr>
              <th scope="col">Zorgaanbieder</th>
              <th scope="col">Type</th>
              <th scope="col" className="numeric">
                Patiënten
              </th>
              <th scope="col" className="numeric">
                Vergelijkbare aanbieders
              </th>
              {SIGNALS.map((s) => (
                <th scope="col" className="numeric" key={s}>
                  {label(mirrorSignalLabels, s)}
                </th>
              ))}
              <th scope="col">Aandachtspunten</th>
            </tr>
          </thead>
          <tbody>
            {o.providers.map((p) => (
              <OverviewRow key={p.agb} row={p} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function OverviewRow({ row: p }: { row: MirrorOverviewRow }) {
  const name = p.name ?? `Zorgaanbieder ${p.agb}`;
  return (
    <tr className={p.signals['above-p90'] > 0 ? 'status-row-overrun-expected' : p.signals['above-p75'] > 0 ? 'status-row-warning' : undefined}>
      <th scope="row">
        <Link to={`/providers/${encodeURIComponent(p.agb)}?tab=spiegel`}>{name}</Link>
        <span className="cell-note code">{p.agb}</span>
      </th>
      <td>{label(providerTypeLabels, p.type)}</td>
      <td className="numeric">{formatNumber(p.patients)}</td>
      <td className="numeric">{formatNumber(p.peers)}</td>
      {SIGNALS.map((s) => (
        <td className="numeric" key={s}>
          {p.signals[s] > 0 && s !== 'normal' ? <span className={`badge badge-signal-${s}`}>{p.signals[s]}</span> : p.signals[s]}
        </td>
      ))}
      <td className="wide">
        {p.attention.length === 0 ? (
          <span className="muted">geen</span>
        ) : (
          <details className="reason-inputs">
            <summary>
              {p.attention.length} {p.attention.length === 1 ? 'indicator' : 'indicatoren'}
              <span className="visually-hidden"> van {name}</span>
            </summary>
            <ul className="attention-list">
              {p.attention.map((a, i) => (
                <li key={`${a.id}@${a.specialism ?? ''}-${i}`}>
                  <span className={`badge badge-signal-${a.signal}`}>{label(mirrorSignalLabels, a.signal)}</span> {a.label}:{' '}
                  {formatIndicatorValue(a.value, unitOf(a.id))} <span className="muted">(P90 {formatIndicatorValue(a.p90, unitOf(a.id))}; {label(mirrorTopicLabels, a.topic)})</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
    </tr>
  );
}

/** The overview rows carry no unit: it follows from the indicator id. */
function unitOf(id: string): string {
  if (id === 'cost-per-patient') return 'cents';
  if (id === 'subtrajects-per-patient') return 'per-patient';
  return 'share';
}
