/**
 * Shared parts of the authorisation screens: the status badge, the decision clock (as a short badge
 * for tables and as a panel with the counting for one request), and the Dutch labels.
 */
import type { AuthorisationStatus, DecisionClock, PauseReason, RequirementOutcome } from '../api-authorisations';
import { formatDate } from '../format';

export const statusLabels: Record<AuthorisationStatus, string> = {
  submitted: 'In behandeling',
  'info-requested': 'Informatie gevraagd',
  approved: 'Goedgekeurd',
  rejected: 'Afgewezen',
  withdrawn: 'Ingetrokken',
};

const statusClass: Record<AuthorisationStatus, string> = {
  submitted: 'badge-finding-responded',
  'info-requested': 'badge-finding-sent',
  approved: 'badge-finding-withdrawn',
  rejected: 'badge-finding-upheld',
  withdrawn: 'badge-neutral',
};

export const outcomeLabels: Record<RequirementOutcome, string> = {
  required: 'Machtiging nodig',
  'not-required': 'Machtigingsvrij',
  'in-doubt': 'Bij twijfel: machtiging aanvragen',
};

export const eventLabels: Record<string, string> = {
  submitted: 'Aanvraag ontvangen',
  'information-requested': 'Nadere informatie gevraagd (termijn gepauzeerd)',
  'information-provided': 'Informatie gegeven (termijn loopt weer)',
  'consultation-scheduled': 'Beoordeling op het spreekuur van de adviserend tandarts gepland (termijn gepauzeerd)',
  decided: 'Besluit genomen',
  withdrawn: 'Aanvraag ingetrokken',
  'attachment-added': 'Bijlage toegevoegd',
};

/** Why the term stands still, in the words of item 22. */
export const pauseReasonLabels: Record<PauseReason, string> = {
  information: 'nadere informatie gevraagd',
  consultation: 'nadere beoordeling op het spreekuur van de adviserend tandarts',
};

/** "nadere informatie gevraagd en nadere beoordeling op het spreekuur … op 30 april 2018". */
export function pausedFor(clock: DecisionClock): string {
  return clock.pause_reasons
    .map((r) => (r === 'consultation' && clock.consultation_date ? `${pauseReasonLabels[r]} op ${formatDate(clock.consultation_date)}` : pauseReasonLabels[r]))
    .join(' en ');
}

export function AuthorisationStatusBadge({ status }: { status: AuthorisationStatus }) {
  return <span className={`badge ${statusClass[status]}`}>{statusLabels[status]}</span>;
}

/** One line for a table: where the term stands. */
export function clockSummary(clock: DecisionClock): string {
  if (clock.decided_on) {
    if (clock.late) return `Te laat beslist (werkdag ${clock.working_days_used})`;
    return clock.working_days_used === 0 ? 'Op tijd beslist (dag van ontvangst)' : `Op tijd beslist (werkdag ${clock.working_days_used})`;
  }
  const why = clock.pause_reasons.includes('information') ? 'informatie gevraagd' : `spreekuur ${clock.consultation_date ? formatDate(clock.consultation_date) : ''}`.trim();
  if (clock.late) return `Te laat: ${clock.working_days_late} werkdag${clock.working_days_late === 1 ? '' : 'en'} over de termijn${clock.paused ? ` (gepauzeerd: ${why})` : ''}`;
  if (clock.paused) return `Gepauzeerd (${why}), nog ${clock.working_days_remaining} werkdag${clock.working_days_remaining === 1 ? '' : 'en'}`;
  return `Uiterlijk ${clock.due_date ? formatDate(clock.due_date) : '—'}, nog ${clock.working_days_remaining} werkdag${clock.working_days_remaining === 1 ? '' : 'en'}`;
}

export function ClockBadge({ clock }: { clock: DecisionClock }) {
  const kind = clock.late ? 'badge-type-none' : clock.paused ? 'badge-ceiling-warning' : clock.decided_on ? 'badge-status-final' : 'badge-neutral';
  return <span className={`badge ${kind}`}>{clockSummary(clock)}</span>;
}

/** The term of one request: received, due date, days used and left, pauses, late or not, and the rule. */
export function ClockPanel({ clock }: { clock: DecisionClock }) {
  return (
    <section className="panel" aria-labelledby="termijn">
      <h2 id="termijn">Beslistermijn</h2>
      <p>
        <ClockBadge clock={clock} />
      </p>
      {clock.paused && <p>De termijn staat stil: {pausedFor(clock)}.</p>}
      <dl className="facts">
        <div>
          <dt>Ontvangen</dt>
          <dd>{formatDate(clock.received_on)}</dd>
        </div>
        <div>
          <dt>Termijn</dt>
          <dd>{clock.working_days} werkdagen</dd>
        </div>
        <div>
          <dt>Uiterlijk beslissen op</dt>
          <dd>{clock.due_date ? formatDate(clock.due_date) : clock.paused ? 'Gepauzeerd tot het antwoord' : '—'}</dd>
        </div>
        {clock.consultation_date && (
          <div>
            <dt>Spreekuur adviserend tandarts</dt>
            <dd>{formatDate(clock.consultation_date)} (telt niet mee)</dd>
          </div>
        )}
        <div>
          <dt>Werkdagen gebruikt</dt>
          <dd>{clock.working_days_used}</dd>
        </div>
        <div>
          <dt>Werkdagen over</dt>
          <dd>{clock.working_days_remaining}</dd>
        </div>
        <div>
          <dt>Te laat</dt>
          <dd>{clock.late ? `ja, ${clock.working_days_late} werkdag${clock.working_days_late === 1 ? '' : 'en'}` : 'nee'}</dd>
        </div>
        {clock.decided_on && (
          <div>
            <dt>Beslist op</dt>
            <dd>{formatDate(clock.decided_on)}</dd>
          </div>
        )}
      </dl>
      {clock.pauses.length > 0 && (
        <>
          <h3>Pauzes</h3>
          <ul className="plain-list">
            {clock.pauses.map((p, i) => (
              <li key={i}>
                {p.reason === 'consultation' ? (
                  <>
                    Spreekuur adviserend tandarts: ingepland {formatDate(p.from)} — spreekuur {p.until ? formatDate(p.until) : '—'} (telt niet mee)
                  </>
                ) : (
                  <>
                    Nadere informatie: vraag {formatDate(p.from)} — antwoord {p.until ? formatDate(p.until) : 'nog niet ontvangen'}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">
        {clock.reason.message} De dag van ontvangst telt niet mee; weekenden en feestdagen evenmin. Tijdens een vraag om nadere informatie en tot en
        met de dag van een spreekuur bij de adviserend tandarts staat de termijn stil ({clock.reason.source}).
      </p>
    </section>
  );
}
