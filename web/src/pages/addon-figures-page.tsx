/**
 * Kwartaalcijfers add-on geneesmiddelen (ADD §5): a provider downloads the template, uploads its
 * quarterly realisation and prognosis (CSV or Excel) and sees every error by line and column when a
 * file is refused; the deadline per quarter and the recorded Q2 status, which decides nacalculatie,
 * are shown on top. Insurer staff open the same page for one provider (`?agb=`); purchasers may
 * record a file received otherwise.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, errorMessage, type Issue } from '../api';
import { addonApi, type FiguresOverview, type FiguresUploadReport, type Q2Timeliness, type QuarterState } from '../api-addon';
import { ReasonView } from '../components/reasons';
import { ErrorMessage, Loading, TableScroll } from '../components/status';
import { formatDate, formatEuroCents, formatNumber, label } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { useReloadableResource, useResource } from '../use-resource';

const q2Labels: Record<string, string> = {
  'on-time': 'Tijdig en juist aangeleverd',
  late: 'Te laat aangeleverd',
  incorrect: 'Onjuist: alleen afgekeurde bestanden',
};

const quarterLabels: Record<QuarterState['status'], string> = {
  none: 'nog niets ontvangen',
  rejected: 'alleen afgekeurde bestanden',
  'accepted-in-time': 'tijdig ontvangen',
  'accepted-late': 'te laat ontvangen',
};

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function AddonFiguresPage() {
  const { user } = useSession();
  const location = useLocation();
  const agb = user?.role === 'provider' ? (user.agb ?? '') : (location.search.get('agb') ?? '');
  return (
    <article>
      <h1>Kwartaalcijfers add-on geneesmiddelen</h1>
      <p className="lead">
        Lever ieder kwartaal de realisatie- en prognosecijfers per add-on geneesmiddel aan. Alleen als de cijfers van het tweede
        kwartaal tijdig en juist binnen zijn, komt de financiële deelafspraak in aanmerking voor nacalculatie (ADD §5).
      </p>
      {user?.role !== 'provider' && <ProviderChoice agb={agb} />}
      {agb ? <FiguresView agb={agb} canUpload={user?.role === 'provider' || user?.role === 'purchaser'} /> : <p className="empty">Kies een zorgaanbieder.</p>}
    </article>
  );
}

function ProviderChoice({ agb }: { agb: string }) {
  const providers = useResource((signal) => api.providers(signal), []);
  if (providers.status === 'loading') return <Loading what="Zorgaanbieders" />;
  if (providers.status === 'failed') return <ErrorMessage>{providers.message}</ErrorMessage>;
  return (
    <form className="filter-form" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="figures-provider">Zorgaanbieder</label>
        <select id="figures-provider" value={agb} onChange={(e) => navigate(`/addon-cijfers?agb=${encodeURIComponent(e.target.value)}`, { replace: true })}>
          <option value="">Kies…</option>
          {providers.data.map((p) => (
            <option key={p.agb} value={p.agb}>
              {p.name} ({p.agb})
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function FiguresView({ agb, canUpload }: { agb: string; canUpload: boolean }) {
  const [overview, reload] = useReloadableResource((signal) => addonApi.figures(agb, null, signal), [agb]);
  if (overview.status === 'loading') return <Loading what="Kwartaalcijfers" />;
  if (overview.status === 'failed') return <ErrorMessage>{overview.message}</ErrorMessage>;
  const data = overview.data;
  return (
    <>
      <Q2Box q2={data.q2} />
      <section aria-labelledby="termijnen">
        <h2 id="termijnen">Termijnen {data.year}</h2>
        <p className="muted">
          Cijfers over {data.year} volgens {data.policy.title}; een termijn geldt {data.inclusive ? 'tot en met' : 'tot'} de genoemde dag ({data.time_zone}).
        </p>
        <QuarterTable quarters={data.quarters} />
      </section>
      <section aria-labelledby="sjabloon">
        <h2 id="sjabloon">Sjabloon</h2>
        <p>
          Eén regel per geneesmiddel met de kolommen <span className="code">jaar</span>, <span className="code">kwartaal</span>, <span className="code">agb</span>,{' '}
          <span className="code">zi_nummer</span>, <span className="code">aantal_patienten</span>, <span className="code">realisatie_eur</span> (van 1 januari tot en met
          het kwartaal) en <span className="code">prognose_rest_jaar_eur</span>; bedragen als 1.234,56 of 1234.56.
        </p>
        <p>
          <a href={addonApi.figuresTemplateXlsxUrl} download="kwartaalcijfers-add-on-sjabloon.xlsx">
            Download het sjabloon (Excel)
          </a>{' '}
          ·{' '}
          <a href={addonApi.figuresTemplateCsvUrl} download="kwartaalcijfers-add-on-sjabloon.csv">
            Download het sjabloon (CSV)
          </a>
        </p>
      </section>
      {canUpload && <UploadForm agb={agb} year={data.year} onStored={reload} />}
      <UploadsTable overview={data} />
    </>
  );
}

function Q2Box({ q2 }: { q2: Q2Timeliness }) {
  const tone = q2.status === 'on-time' ? 'alert-success' : q2.status === null ? 'alert-info' : 'alert-error';
  return (
    <section className={`alert ${tone}`} aria-labelledby="q2-status">
      <h2 className="alert-title" id="q2-status">
        Q2-cijfers {q2.year}: {q2.status === null ? 'nog niet ontvangen' : label(q2Labels, q2.status)}
      </h2>
      <p>
        Termijn: uiterlijk {formatDate(q2.deadline)}
        {q2.received_on ? `; ontvangen op ${formatDate(q2.received_on)}` : ''}.
      </p>
      <ReasonView reason={q2.reason} />
    </section>
  );
}

function QuarterTable({ quarters }: { quarters: QuarterState[] }) {
  return (
    <TableScroll label="Tabel termijnen per kwartaal">
      <table className="data-table">
        <caption className="visually-hidden">Termijn en status per kwartaal</caption>
        <thead>
          <tr>
            <th scope="col">Kwartaal</th>
            <th scope="col">Uiterlijk</th>
            <th scope="col">Status</th>
            <th scope="col">Geldende aanlevering</th>
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={q.quarter}>
              <th scope="row">Q{q.quarter}</th>
              <td>{formatDate(q.deadline)}</td>
              <td>{quarterLabels[q.status]}</td>
              <td>{q.current_upload_id ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string }
  | { kind: 'done'; report: FiguresUploadReport }
  | { kind: 'rejected'; fileName: string; message: string; issues: Issue[] }
  | { kind: 'failed'; message: string };

function UploadForm({ agb, year, onStored }: { agb: string; year: number; onStored: () => void }) {
  const [quarter, setQuarter] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const quarterErrorId = useId();
  const fileErrorId = useId();
  const fileHintId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    const found: Record<string, string> = {};
    if (!/^[1-4]$/.test(quarter)) found.quarter = 'Kies het kwartaal.';
    if (!file) found.file = 'Kies een bestand (CSV of XLSX).';
    else if (!/\.(csv|xlsx)$/i.test(file.name)) found.file = `'${file.name}' is geen CSV- of XLSX-bestand.`;
    setErrors(found);
    if (found.quarter) return document.getElementById('figures-quarter')?.focus();
    if (found.file || !file) return fileInput.current?.focus();
    setOutcome({ kind: 'busy', fileName: file.name });
    try {
      const report = await addonApi.uploadFigures(agb, { year, quarter: Number(quarter), file });
      setOutcome({ kind: 'done', report });
      onStored();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setOutcome({ kind: 'rejected', fileName: file.name, message: error.message, issues: error.issues });
        onStored();
      } else setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <section aria-labelledby="aanleveren" className="panel">
      <h2 id="aanleveren">Cijfers aanleveren</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">Jaar: {year}</p>
        <div className="field">
          <label htmlFor="figures-quarter">Kwartaal</label>
          {errors.quarter && (
            <p className="field-error" id={quarterErrorId}>
              {errors.quarter}
            </p>
          )}
          <select
            id="figures-quarter"
            value={quarter}
            onChange={(e) => setQuarter(e.target.value)}
            aria-invalid={errors.quarter ? true : undefined}
            aria-describedby={errors.quarter ? quarterErrorId : undefined}
          >
            <option value="">Kies…</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                Kwartaal {q}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="figures-file">Bestand</label>
          <p className="hint" id={fileHintId}>
            CSV (puntkomma of komma) of XLSX volgens het sjabloon, hooguit 10 MB. Bevat het bestand een fout, dan wordt niets opgeslagen.
          </p>
          {errors.file && (
            <p className="field-error" id={fileErrorId}>
              {errors.file}
            </p>
          )}
          <input
            id="figures-file"
            name="file"
            type="file"
            accept={ACCEPT}
            ref={fileInput}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? `${fileHintId} ${fileErrorId}` : fileHintId}
            onChange={() => setErrors((e) => ({ ...e, file: '' }))}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? 'Bezig met aanleveren…' : 'Aanleveren'}
        </button>
      </form>
      <div aria-live="polite" className="form-outcome">
        <UploadOutcome outcome={outcome} />
      </div>
    </section>
  );
}

function UploadOutcome({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'busy':
      return <p className="muted">{outcome.fileName} wordt aangeleverd…</p>;
    case 'failed':
      return <ErrorMessage title="Aanleveren mislukt">{outcome.message}</ErrorMessage>;
    case 'done':
      return (
        <div className={`alert ${outcome.report.stored ? 'alert-success' : 'alert-info'}`}>
          <p className="alert-title">{outcome.report.stored ? 'Cijfers opgeslagen' : 'Dit bestand was al ontvangen'}</p>
          <p>{outcome.report.message}</p>
        </div>
      );
    case 'rejected':
      return (
        <section aria-labelledby="figures-errors">
          <ErrorMessage title="Niet opgeslagen">
            <p>{outcome.message}</p>
          </ErrorMessage>
          {outcome.issues.length > 0 && (
            <>
              <h3 id="figures-errors">
                {outcome.issues.length === 1 ? '1 fout' : `${formatNumber(outcome.issues.length)} fouten`} in {outcome.fileName}
              </h3>
              <IssueTable issues={outcome.issues} />
            </>
          )}
        </section>
      );
  }
}

function IssueTable({ issues }: { issues: Issue[] }) {
  return (
    <TableScroll label="Tabel fouten per regel en kolom">
      <table className="data-table">
        <caption className="visually-hidden">Fouten per regel en kolom</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Regel
            </th>
            <th scope="col">Kolom</th>
            <th scope="col">Melding</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={i}>
              <td className="numeric">{issue.line ?? '—'}</td>
              <td className="code">{issue.field ?? issue.column ?? issue.path ?? '—'}</td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function UploadsTable({ overview }: { overview: FiguresOverview }) {
  return (
    <section aria-labelledby="aanleveringen">
      <h2 id="aanleveringen">Aanleveringen {overview.year}</h2>
      {overview.uploads.length === 0 ? (
        <p className="empty">Nog geen bestanden ontvangen.</p>
      ) : (
        <TableScroll label="Tabel aanleveringen">
          <table className="data-table">
            <caption className="visually-hidden">Ontvangen bestanden, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Nr.</th>
                <th scope="col">Kwartaal</th>
                <th scope="col">Ontvangen</th>
                <th scope="col">Resultaat</th>
                <th scope="col">Op tijd</th>
                <th scope="col" className="numeric">
                  Regels
                </th>
                <th scope="col" className="numeric">
                  Realisatie
                </th>
                <th scope="col" className="numeric">
                  Prognose rest jaar
                </th>
                <th scope="col">Bestand</th>
              </tr>
            </thead>
            <tbody>
              {overview.uploads.map((u) => (
                <tr key={u.id}>
                  <td>{u.id}</td>
                  <td>Q{u.quarter}</td>
                  <td>{formatDate(u.received_at)}</td>
                  <td>{u.status === 'accepted' ? 'goedgekeurd' : `afgekeurd (${u.issues.length} ${u.issues.length === 1 ? 'fout' : 'fouten'})`}</td>
                  <td>{u.in_time ? 'ja' : `nee (uiterlijk ${formatDate(u.deadline)})`}</td>
                  <td className="numeric">{u.row_count}</td>
                  <td className="numeric amount">{u.status === 'accepted' ? formatEuroCents(u.realisation_cents) : '—'}</td>
                  <td className="numeric amount">{u.status === 'accepted' ? formatEuroCents(u.prognosis_cents) : '—'}</td>
                  <td>
                    {u.file_name}
                    <span className="cell-note">
                      {u.format.toUpperCase()} · door {u.uploaded_by}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p>
        <Link to={`/providers/${encodeURIComponent(overview.agb)}?tab=addon`}>Naar de financiële deelafspraak add-on en de nacalculatie-toets</Link>
      </p>
    </section>
  );
}
