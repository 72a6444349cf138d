/**
 * Tab "Bevindingen" of a provider: the findings of the claims check about it. A provider user sees
 * the findings put to it for hoor en wederhoor, each with why, and responds before the due date;
 * insurer staff see the provider's findings in the table with links to each finding's page. Both
 * can download the reclaim statement (terugvordering) of the year.
 */
import { useId, useState, type FormEvent } from 'react';
import { FINDING_STATUSES, api, errorMessage, type Finding } from '../api';
import { FindingStatusBadge, FindingsTable, Pager } from '../components/findings';
import { ReasonInputs, RuleRef } from '../components/reasons';
import { ErrorMessage, Loading } from '../components/status';
import { findingActionLabels, findingStatusLabels, formatDate, formatEuroCents, label, ruleLabels, todayIso } from '../format';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';

const PAGE_SIZE = 20;
const RESPONSE_MAX = 5000;

export function FindingsPanel({ agb, year }: { agb: string; year: number }) {
  const { user } = useSession();
  const location = useLocation();
  const pageParam = Number(location.search.get('pagina') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam - 1 : 0;
  const isProvider = user?.role === 'provider';
  // A provider never sees open findings: they are not put to it yet.
  const statuses = FINDING_STATUSES.filter((s) => !isProvider || s !== 'open');
  const statusParam = location.search.get('status') ?? '';
  const status = (statuses as readonly string[]).includes(statusParam) ? statusParam : '';
  const findings = useResource((signal) => api.findings({ agb, status, limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE }, signal), [agb, status, page]);
  const hrefFor = (p: number) => {
    const search = new URLSearchParams(location.search);
    if (p === 0) search.delete('pagina');
    else search.set('pagina', String(p + 1));
    return `${location.pathname}?${search.toString()}`;
  };

  return (
    <>
      <h2>Bevindingen declaratiecontrole</h2>
      <p className="lead">
        {isProvider
          ? 'Bevindingen uit de controle van uw declaraties die aan u zijn voorgelegd (hoor en wederhoor). U kunt op elke bevinding reageren tot en met de genoemde datum; daarna besluit Zilveren Kruis over handhaven of intrekken.'
          : 'Bevindingen uit de declaratiecontrole bij deze zorgaanbieder. Een zorgaanbieder ziet een bevinding pas als die is voorgelegd.'}
      </p>
      <ul className="downloads" aria-label="Downloads terugvordering">
        <li>
          <a className="button button-secondary" href={api.reclaimStatementPdfUrl(agb, year)} download={`terugvordering-${agb}-${year}.pdf`}>
            Terugvorderingsoverzicht {year} (PDF)
          </a>
        </li>
        <li>
          <a className="button button-secondary" href={api.reclaimStatementXlsxUrl(agb, year)} download={`terugvordering-${agb}-${year}.xlsx`}>
            Terugvorderingsoverzicht {year} (Excel)
          </a>
        </li>
      </ul>
      <StatusFilter key={status} status={status} statuses={statuses} />
      {findings.status === 'loading' ? (
        <Loading what="Bevindingen" />
      ) : findings.status === 'failed' ? (
        <ErrorMessage>{findings.message}</ErrorMessage>
      ) : findings.data.length === 0 ? (
        <p className="empty">
          {status
            ? `Geen bevindingen met status '${label(findingStatusLabels, status).toLowerCase()}'.`
            : isProvider
              ? 'Er zijn geen bevindingen aan u voorgelegd.'
              : 'Geen bevindingen bij deze zorgaanbieder.'}
        </p>
      ) : (
        <>
          {isProvider ? (
            <ol className="finding-cards" aria-label="Voorgelegde bevindingen">
              {findings.data.slice(0, PAGE_SIZE).map((f) => (
                <FindingCard key={f.id} initial={f} agb={agb} />
              ))}
            </ol>
          ) : (
            <FindingsTable findings={findings.data.slice(0, PAGE_SIZE)} caption={`Bevindingen, pagina ${page + 1}`} showProvider={false} linkToFinding />
          )}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            shown={Math.min(PAGE_SIZE, findings.data.length)}
            hasNext={findings.data.length > PAGE_SIZE}
            hrefFor={hrefFor}
            label="Pagina's met bevindingen"
          />
        </>
      )}
    </>
  );
}

function StatusFilter({ status, statuses }: { status: string; statuses: readonly string[] }) {
  const location = useLocation();
  const [value, setValue] = useState(status);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const search = new URLSearchParams(location.search);
    search.delete('pagina');
    if (value) search.set('status', value);
    else search.delete('status');
    navigate(`${location.pathname}?${search.toString()}`, { replace: true });
  };
  return (
    <form className="filter-form" onSubmit={submit} aria-label="Bevindingen filteren op status">
      <div className="field">
        <label htmlFor="findings-status">Status</label>
        <select id="findings-status" value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">Alle statussen</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {label(findingStatusLabels, s)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary">
        Toon
      </button>
    </form>
  );
}

function FindingCard({ initial, agb }: { initial: Finding; agb: string }) {
  const [f, setF] = useState(initial);
  const [justResponded, setJustResponded] = useState(false);
  const titleId = useId();
  const pastDue = f.response_due !== null && todayIso() > f.response_due;
  return (
    <li className="finding-card">
      <div className="indicator-head">
        <h3 id={titleId} className="finding-card-title">
          Declaratie <span className="code">{f.claim_id}</span>: {label(ruleLabels, f.rule)}
        </h3>
        <FindingStatusBadge status={f.status} />
      </div>
      <dl className="facts facts-inline">
        <div>
          <dt>Bedrag in het geding</dt>
          <dd className="amount">{formatEuroCents(f.amount_at_stake_cents)}</dd>
        </div>
        <div>
          <dt>Voorgestelde actie</dt>
          <dd>{label(findingActionLabels, f.action)}</dd>
        </div>
        <div>
          <dt>Reageren tot en met</dt>
          <dd>{f.response_due ? formatDate(f.response_due) : '—'}</dd>
        </div>
        {f.related_claim_ids.length > 0 && (
          <div>
            <dt>Gerelateerde declaraties</dt>
            <dd className="code">{f.related_claim_ids.join(', ')}</dd>
          </div>
        )}
      </dl>
      <p className="reason-message">{f.reason.message}</p>
      <RuleRef rule={f.reason.rule} source={f.reason.source} />
      <ReasonInputs inputs={f.reason.inputs} />
      {f.provider_response ? (
        <div className="response-block">
          <p className="text-label">Uw reactie</p>
          <blockquote className="response-text">{f.provider_response}</blockquote>
          <div aria-live="polite">{justResponded && <p className="success-text">Uw reactie is ontvangen.</p>}</div>
        </div>
      ) : f.status === 'sent' && !pastDue ? (
        <ResponseForm
          finding={f}
          agb={agb}
          onResponded={(updated) => {
            setF((current) => ({ ...current, ...updated, reason: current.reason, related_claim_ids: current.related_claim_ids }));
            setJustResponded(true);
          }}
        />
      ) : f.status === 'sent' ? (
        <p className="hint">De reactietermijn is verstreken{f.response_due ? ` op ${formatDate(f.response_due)}` : ''}.</p>
      ) : null}
    </li>
  );
}

function ResponseForm({ finding, agb, onResponded }: { finding: Finding; agb: string; onResponded(updated: Finding): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `response-${finding.id}`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed.length === 0) {
      setError('Schrijf eerst uw reactie.');
      document.getElementById(id)?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      onResponded(await api.respondToFinding(agb, finding.id, trimmed));
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };
  return (
    <form className="response-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={id}>Uw reactie op declaratie {finding.claim_id}</label>
        <p className="hint" id={`${id}-hint`}>
          Hoogstens {RESPONSE_MAX} tekens{finding.response_due ? `; reageren kan tot en met ${formatDate(finding.response_due)}` : ''}. Noem geen
          BSN of andere patiëntgegevens die niet nodig zijn.
        </p>
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
        <textarea
          id={id}
          rows={4}
          maxLength={RESPONSE_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Bezig met versturen…' : 'Reactie versturen'}
      </button>
    </form>
  );
}
