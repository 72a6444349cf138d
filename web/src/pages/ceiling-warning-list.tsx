/**
 * The providers' reports of a threatened plafond overrun (MSZ §4), for purchasers and controllers on
 * the ceiling monitor: each with the plafond, the expectation and the overrun, Zilveren Kruis's own
 * forecast, and the providers in the same region with room for the same specialisms (with why).
 * A purchaser takes a report in hand or closes it, with a note the provider sees.
 */
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api';
import { addonApi, type CeilingWarningWithRoom } from '../api-addon';
import { ReasonList } from '../components/reasons';
import { Loaded } from '../components/status';
import { ceilingStatusLabels, formatDate, formatEuroCents, label } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useReloadableResource } from '../use-resource';
import { WarningSummary } from './ceiling-warning-report-page';

export function CeilingWarningsSection({ year, asOf }: { year: number; asOf: string }) {
  const { user } = useSession();
  const [overview, reload] = useReloadableResource((signal) => addonApi.warnings(year, asOf, signal), [year, asOf]);
  return (
    <section aria-labelledby="plafondmeldingen" id="plafondmeldingen-sectie">
      <h2 id="plafondmeldingen">Meldingen van dreigende overschrijding</h2>
      <Loaded resource={overview} what="Meldingen">
        {(data) =>
          data.warnings.length === 0 ? (
            <p className="empty">Geen meldingen van zorgaanbieders in {year}.</p>
          ) : (
            <>
              <p className="result-count">
                {data.counts.open} open, {data.counts.acknowledged} in behandeling, {data.counts.closed} afgesloten; ruimte bij andere
                zorgaanbieders volgens de prognose op {formatDate(data.as_of)}.
              </p>
              {data.warnings.map((w) => (
                <WarningWithRoom key={w.id} warning={w} canHandle={user?.role === 'purchaser'} onHandled={reload} />
              ))}
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function WarningWithRoom({ warning: w, canHandle, onHandled }: { warning: CeilingWarningWithRoom; canHandle: boolean; onHandled: () => void }) {
  return (
    <article aria-label={`Melding ${w.id} van ${w.name}`}>
      <p className="room-title">
        <Link to={`/providers/${encodeURIComponent(w.agb)}?tab=afspraak`}>{w.name}</Link> <span className="code">{w.agb}</span>
        {w.region ? ` · ${w.region}` : ''}
        {w.monitor && ` · eigen prognose Zilveren Kruis: ${formatEuroCents(w.monitor.forecast_cents)} (${label(ceilingStatusLabels, w.monitor.status)})`}
      </p>
      <WarningSummary warning={w} />
      <h3>Zorgaanbieders met ruimte voor dezelfde zorg</h3>
      {w.providers_with_room.length === 0 ? (
        <p className="empty">Geen zorgaanbieders {w.region ? 'in deze regio ' : ''}met ruimte voor {w.specialisms.join(', ')}.</p>
      ) : (
        <ul className="room-list">
          {w.providers_with_room.map((r) => (
            <li key={r.agb}>
              <Link to={`/providers/${encodeURIComponent(r.agb)}`}>{r.name}</Link>{' '}
              <span className="muted">
                (<span className="code">{r.agb}</span>) ruimte <span className="amount">{formatEuroCents(r.room_cents)}</span>, specialisme {r.specialisms.join(', ')}
              </span>
              <details className="reason-inputs">
                <summary>
                  Waarom <span className="visually-hidden">{r.name}</span>
                </summary>
                <ReasonList reasons={r.reasons} />
              </details>
            </li>
          ))}
        </ul>
      )}
      {canHandle && w.status !== 'closed' && <HandleForm id={w.id} status={w.status} onHandled={onHandled} />}
    </article>
  );
}

function HandleForm({ id, status, onHandled }: { id: number; status: 'open' | 'acknowledged'; onHandled: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = `warning-note-${id}`;
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const close = submitter instanceof HTMLButtonElement ? submitter.value === 'close' : status === 'acknowledged';
    if (note.trim() === '') {
      setError('Schrijf een notitie voor de zorgaanbieder.');
      document.getElementById(noteId)?.focus();
      return;
    }
    setBusy(true);
    try {
      await addonApi.handleWarning(id, note.trim(), close);
      setError(null);
      setNote('');
      onHandled();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={noteId}>Notitie (de zorgaanbieder ziet deze)</label>
        {error && (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        )}
        <textarea id={noteId} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      </div>
      <div className="actions">
        {status === 'open' && (
          <button type="submit" className="button button-primary" disabled={busy} name="action" value="acknowledge">
            In behandeling nemen
          </button>
        )}
        <button type="submit" className="button button-secondary" disabled={busy} name="action" value="close">
          Afsluiten
        </button>
      </div>
    </form>
  );
}
