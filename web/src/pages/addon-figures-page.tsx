/**
 * Kwartaalcijfers add-on geneesmiddelen (ADD §5): a provider downloads the template, uploads its
 * quarterly realisation and prognosis (CSV or Excel) and sees every error by line and column when a
 * file is refused; the deadline per quarter and the recorded Q2 status, which decides nacalculatie,
 * are shown on top. Insurer staff open the same page for one provider (`?agb=`); purchasers may
 * record a file received otherwise.
 */
import { api } from '../api';
import { addonApi, type FiguresOverview, type FiguresUploadReport, type Q2Timeliness, type QuarterState } from '../api-addon';
import { FileImport, errorCountText, type ImportChoice } from '../components/file-import';
import { ReasonView } from '../components/reasons';
import { ErrorMessage, Loading, TableScroll } from '../components/status';
import { formatDate, formatEuroCents, label } from '../format';
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

const quarterChoice: ImportChoice = {
  id: 'figures-quarter',
  label: 'Kwartaal',
  placeholder: 'Kies…',
  required: 'Kies het kwartaal.',
  options: [1, 2, 3, 4].map((q) => ({ value: String(q), label: `Kwartaal ${q}` })),
};

function UploadForm({ agb, year, onStored }: { agb: string; year: number; onStored: () => void }) {
  return (
    <section aria-labelledby="aanleveren" className="panel">
      <h2 id="aanleveren">Cijfers aanleveren</h2>
      <FileImport<FiguresUploadReport>
        className="form"
        before={<p className="muted">Jaar: {year}</p>}
        choices={[quarterChoice]}
        inputId="figures-file"
        hint="CSV (puntkomma of komma) of XLSX volgens het sjabloon, hooguit 10 MB. Bevat het bestand een fout, dan wordt niets opgeslagen."
        accept={ACCEPT}
        missingFile="Kies een bestand (CSV of XLSX)."
        checkFile={(file) => (/\.(csv|xlsx)$/i.test(file.name) ? null : `'${file.name}' is geen CSV- of XLSX-bestand.`)}
        upload={(file, values) => addonApi.uploadFigures(agb, { year, quarter: Number(values[quarterChoice.id]), file })}
        // A refused file is recorded too (it counts for the quarter's status): reload either way.
        onUploaded={onStored}
        submitLabel="Aanleveren"
        busyLabel="Bezig met aanleveren…"
        busyText={(fileName) => `${fileName} wordt aangeleverd…`}
        failedTitle="Aanleveren mislukt"
        headingLevel={3}
        fieldHeader="Kolom"
        refusedTitle={() => 'Niet opgeslagen'}
        refusedErrors={(fileName, count) => ({ heading: `${errorCountText(count)} in ${fileName}`, caption: 'Fouten per regel en kolom', captionHidden: true })}
        describe={(r) => ({
          tone: r.stored ? 'success' : 'info',
          title: r.stored ? 'Cijfers opgeslagen' : 'Dit bestand was al ontvangen',
          notes: <p>{r.message}</p>,
        })}
      />
    </section>
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
