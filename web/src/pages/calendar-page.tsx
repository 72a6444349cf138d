/**
 * Inkoopkalender (MSZ §7 with the §5 dates; ADD's own calendar): every date of a policy year from
 * the policy file, grouped per month, with what it means, its source, and whether it lies behind or
 * ahead of today (the server's day in the policy's time zone). The policy year and the path are
 * chosen in the address (`?beleid=msz-2018&traject=regular`), so a view can be linked to.
 */
import { useState, type FormEvent } from 'react';
import { api, type PolicySummary } from '../api';
import { contractingApi, type CalendarEvent, type CalendarPathFilter, type CalendarView } from '../api-contracting';
import { Loaded } from '../components/status';
import { countText, formatDate } from '../format';
import { navigate, useLocation } from '../router';
import { useResource } from '../use-resource';
import { DayStatusBadge, daysBetween, daysLeftText } from './contracting-labels';

const PATHS: { value: CalendarPathFilter | ''; label: string }[] = [
  { value: '', label: 'Alle trajecten' },
  { value: 'regular', label: 'Reguliere contractering' },
  { value: 'digital', label: 'Digitale contractering' },
  { value: 'new-provider', label: 'Nieuwe zorgaanbieders' },
];

const kindLabels: Record<CalendarEvent['kind'], string> = { publication: 'Publicatie', deadline: 'Termijn', milestone: 'Mijlpaal' };
const actorLabels: Record<CalendarEvent['actor'], string> = { insurer: 'Zilveren Kruis', provider: 'Zorgaanbieder', both: 'Zilveren Kruis en zorgaanbieder' };
const stepClass: Record<CalendarEvent['status'], string> = { past: 'step-done', today: 'step-current', upcoming: 'step-todo' };

const monthFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthTitle = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

const isPath = (value: string | null): value is CalendarPathFilter => value === 'regular' || value === 'digital' || value === 'new-provider';

export function CalendarPage() {
  const location = useLocation();
  const policyId = location.search.get('beleid') ?? '';
  const pathParam = location.search.get('traject');
  const path = isPath(pathParam) ? pathParam : '';
  const policies = useResource((signal) => api.policies(signal), []);
  const calendar = useResource(
    (signal) => contractingApi.calendar({ ...(policyId ? { policy: policyId } : {}), ...(path ? { path } : {}) }, signal),
    [policyId, path],
  );
  const shownPolicy = calendar.status === 'ready' ? calendar.data.policy.id : policyId;

  return (
    <article>
      <h1>Inkoopkalender</h1>
      <p className="lead">
        Alle data van het inkoopbeleid, met wat ze betekenen voor de zorgaanbieder en voor Zilveren Kruis. Termijnen die zorginkoop bewaakt, werken vanzelf: na de datum
        legt het systeem de gevolgen vast.
      </p>
      <CalendarFilter key={`${shownPolicy}|${path}`} policies={policies.status === 'ready' ? policies.data : []} policyId={shownPolicy} path={path} />
      <div aria-live="polite">
        <Loaded resource={calendar} what="Kalender">
          {(data) => <CalendarMonths calendar={data} />}
        </Loaded>
      </div>
    </article>
  );
}

function CalendarFilter({ policies, policyId, path }: { policies: PolicySummary[]; policyId: string; path: CalendarPathFilter | '' }) {
  const [policy, setPolicy] = useState(policyId);
  const [trajectory, setTrajectory] = useState<CalendarPathFilter | ''>(path);
  const options = policies.toSorted((a, b) => b.policy_year - a.policy_year || a.id.localeCompare(b.id));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const search = new URLSearchParams();
    if (policy) search.set('beleid', policy);
    if (trajectory) search.set('traject', trajectory);
    const text = search.toString();
    navigate(`/kalender${text ? `?${text}` : ''}`);
  };
  return (
    <form className="filter-form" onSubmit={submit} aria-label="Beleidsjaar en traject kiezen">
      <div className="field">
        <label htmlFor="kalender-beleid">Beleidsjaar</label>
        <select id="kalender-beleid" value={policy} onChange={(e) => setPolicy(e.target.value)}>
          {options.length === 0 && <option value={policy}>{policy || 'Nieuwste inkoopbeleid'}</option>}
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.policy_year} · {p.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="kalender-traject">Traject</label>
        <select id="kalender-traject" value={trajectory} onChange={(e) => setTrajectory(e.target.value as CalendarPathFilter | '')}>
          {PATHS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary">
        Toon
      </button>
    </form>
  );
}

function CalendarMonths({ calendar }: { calendar: CalendarView }) {
  const months = new Map<string, CalendarEvent[]>();
  for (const event of calendar.events) {
    const month = event.date.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), event]);
  }
  const past = calendar.events.filter((e) => e.status === 'past').length;
  return (
    <>
      <p className="result-count">
        {calendar.policy.title} · {countText(calendar.events.length, 'moment', 'momenten')}, waarvan {past} voorbij · vandaag is {formatDate(calendar.today)}
      </p>
      {calendar.events.length === 0 && <p className="empty">Geen momenten voor dit traject.</p>}
      {[...months].map(([month, events]) => (
        <section key={month} aria-labelledby={`maand-${month}`}>
          <h2 id={`maand-${month}`}>{monthTitle(month)}</h2>
          <ol className="timeline">
            {events.map((e) => (
              <li key={e.id} className={`timeline-step ${stepClass[e.status]}`} aria-current={e.status === 'today' ? 'date' : undefined}>
                <p className="timeline-label">
                  {formatDate(e.date)}: {e.title}
                </p>
                <p>
                  <DayStatusBadge status={e.status} /> <span className="badge badge-neutral">{kindLabels[e.kind]}</span>{' '}
                  <span className="muted">
                    {actorLabels[e.actor]} · {daysLeftText(daysBetween(calendar.today, e.date))}
                  </span>
                </p>
                <p>{e.meaning}</p>
                {e.note && <p className="timeline-note">{e.note}</p>}
                {e.decision && (
                  <p className="timeline-note">
                    Besluit <span className="code">{e.decision.id}</span>: {e.decision.decision}
                  </p>
                )}
                <p className="timeline-note">Bron: {e.source}</p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
