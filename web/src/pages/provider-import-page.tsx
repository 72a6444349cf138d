/** Purchasers import providers from a CSV or Excel file; the result is a count or every error by line and column. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, errorMessage, type ImportReport, type Issue } from '../api';
import { ErrorMessage, TableScroll } from '../components/status';
import { formatNumber } from '../format';
import { Link } from '../router';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string }
  | { kind: 'done'; fileName: string; report: ImportReport }
  | { kind: 'rejected'; fileName: string; message: string; issues: Issue[] }
  | { kind: 'failed'; message: string };

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ProviderImportPage() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setFileError('Kies eerst een bestand (CSV of XLSX).');
      fileInput.current?.focus();
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setFileError(`'${file.name}' is geen CSV- of XLSX-bestand.`);
      fileInput.current?.focus();
      return;
    }
    setFileError(null);
    setOutcome({ kind: 'busy', fileName: file.name });
    try {
      setOutcome({ kind: 'done', fileName: file.name, report: await api.importProviders(file) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setOutcome({ kind: 'rejected', fileName: file.name, message: error.message, issues: error.issues });
      } else {
        setOutcome({ kind: 'failed', message: errorMessage(error) });
      }
    }
  };

  return (
    <article>
      <p className="back-link">
        <Link to="/providers">← Alle zorgaanbieders</Link>
      </p>
      <h1>Zorgaanbieders importeren</h1>
      <p>
        Lees zorgaanbieders in uit een CSV- of Excelbestand (XLSX) met één zorgaanbieder per regel. Bestaande zorgaanbieders
        (zelfde AGB-code) worden bijgewerkt. Bevat het bestand een fout, dan wordt niets geïmporteerd en ziet u per regel en
        kolom wat er mis is.
      </p>
      <p>
        <a href={api.providerTemplateUrl} download="zorgaanbieders-sjabloon.csv">
          Download het sjabloon (CSV)
        </a>{' '}
        met de kolommen en een voorbeeldregel.
      </p>

      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="provider-file">Bestand</label>
          <p className="hint" id={hintId}>
            CSV (puntkomma of komma als scheidingsteken) of XLSX, hooguit 10 MB.
          </p>
          {fileError && (
            <p className="field-error" id={errorId}>
              {fileError}
            </p>
          )}
          <input
            id="provider-file"
            name="file"
            type="file"
            accept={ACCEPT}
            ref={fileInput}
            aria-describedby={fileError ? `${hintId} ${errorId}` : hintId}
            aria-invalid={fileError ? true : undefined}
            onChange={() => setFileError(null)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? 'Bezig met importeren…' : 'Importeren'}
        </button>
      </form>

      <div aria-live="polite">
        <ImportOutcome outcome={outcome} />
      </div>
    </article>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'busy':
      return <p className="muted">{outcome.fileName} wordt geïmporteerd…</p>;
    case 'failed':
      return <ErrorMessage title="Importeren mislukt">{outcome.message}</ErrorMessage>;
    case 'rejected':
      return (
        <section aria-labelledby="import-errors" className="result">
          <ErrorMessage title="Niet geïmporteerd">
            <p>{outcome.message}</p>
          </ErrorMessage>
          {outcome.issues.length > 0 && (
            <>
              <h2 id="import-errors">
                {outcome.issues.length === 1 ? '1 fout' : `${formatNumber(outcome.issues.length)} fouten`} in {outcome.fileName}
              </h2>
              <IssueTable issues={outcome.issues} />
            </>
          )}
        </section>
      );
    case 'done': {
      const r = outcome.report;
      return (
        <section aria-labelledby="import-result" className="result">
          <div className="alert alert-success">
            <h2 className="alert-title" id="import-result">
              {formatNumber(r.imported)} {r.imported === 1 ? 'zorgaanbieder' : 'zorgaanbieders'} geïmporteerd uit {outcome.fileName}
            </h2>
            <dl className="facts facts-inline">
              <div>
                <dt>Nieuw</dt>
                <dd>{formatNumber(r.created)}</dd>
              </div>
              <div>
                <dt>Bijgewerkt</dt>
                <dd>{formatNumber(r.updated)}</dd>
              </div>
              <div>
                <dt>Ongewijzigd</dt>
                <dd>{formatNumber(r.unchanged)}</dd>
              </div>
            </dl>
          </div>
          {r.errors.length > 0 && (
            <>
              <h2>Meldingen</h2>
              <IssueTable issues={r.errors} />
            </>
          )}
          <p>
            <Link to="/providers">Bekijk de zorgaanbieders</Link>
          </p>
        </section>
      );
    }
  }
}

function IssueTable({ issues }: { issues: Issue[] }) {
  return (
    <TableScroll label="Tabel importfouten">
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
              <td className="code">{issue.column ?? issue.field ?? issue.path ?? '—'}</td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
