/**
 * Declaratiecontrole (MSZ §4A, §6, Bijlage 3 en 4; ADD §5): the findings of the claims check, summed
 * per rule and per provider, and the findings themselves, filtered and paged by the server.
 * Controllers import claim files (CSV, Vektis ZH308 or a FHIR R4 Bundle, through the shared
 * `FileImport`) and fetch the ZH309 answer to an import, export the stored claims in those formats,
 * run the check and put a provider's findings to it for hoor en wederhoor; controllers and medical advisers record a specific risk analysis (Regeling
 * zorgverzekering art. 7.8) for selected findings, which alone opens patient-level detail on the
 * finding's own page. Purchasers read along. The list shows no patient data.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import {
  FINDING_STATUSES, RULE_IDS, api, errorMessage, type CheckRunReport, type Finding, type FindingSummary, type ProviderSummary, type SendReport,
} from '../api';
import {
  CLAIM_FILE_FORMATS, claimFileFormatLabels, claimsExchangeApi, fetchFile, saveFile, type ClaimFileFormat, type ClaimFileReport,
} from '../api-claims-exchange';
import { FileImport, type ChoiceValues, type ImportChoice } from '../components/file-import';
import { FindingsTable, Pager } from '../components/findings';
import { ErrorMessage, Loading, TableScroll } from '../components/status';
import { findingStatusLabels, formatDate, formatEuroCents, formatNumber, label, ruleLabels } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { useResource, type Resource } from '../use-resource';

export const PAGE_SIZE = 25;
const DEFAULT_YEAR = 2018;

interface Filters {
  rule: string;
  agb: string;
  status: string;
  page: number;
  year: number;
}

function filtersFrom(search: URLSearchParams): Filters {
  const page = Number(search.get('pagina') ?? '1');
  const year = Number(search.get('jaar') ?? DEFAULT_YEAR);
  const rule = search.get('regel') ?? '';
  const status = search.get('status') ?? '';
  return {
    rule: (RULE_IDS as readonly string[]).includes(rule) ? rule : '',
    agb: /^\d{8}$/.test(search.get('aanbieder') ?? '') ? (search.get('aanbieder') as string) : '',
    status: (FINDING_STATUSES as readonly string[]).includes(status) ? status : '',
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : DEFAULT_YEAR,
  };
}

/** The address of the control page with these filters (defaults left out). */
export function claimsHref(f: Partial<Filters>): string {
  const search = new URLSearchParams();
  if (f.year !== undefined && f.year !== DEFAULT_YEAR) search.set('jaar', String(f.year));
  if (f.rule) search.set('regel', f.rule);
  if (f.agb) search.set('aanbieder', f.agb);
  if (f.status) search.set('status', f.status);
  if (f.page) search.set('pagina', String(f.page + 1));
  const text = search.toString();
  return `/claims${text ? `?${text}` : ''}`;
}

export function ClaimsPage() {
  const { user } = useSession();
  const location = useLocation();
  const filters = filtersFrom(location.search);
  const { rule, agb, status, page, year } = filters;
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const isController = user?.role === 'controller';
  const mayRecordRisk = user?.role === 'controller' || user?.role === 'medical-adviser';

  const providers = useResource((signal) => api.providers(signal), []);
  const names = useMemo(
    () => new Map(providers.status === 'ready' ? providers.data.map((p) => [p.agb, p.name] as const) : []),
    [providers],
  );
  const summary = useResource((signal) => api.findingSummary(year, signal), [year, version]);
  const findings = useResource(
    (signal) => api.findings({ rule, agb, status, limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE }, signal),
    [rule, agb, status, page, version],
  );

  return (
    <article>
      <h1>Declaratiecontrole</h1>
      <p className="lead">
        Bevindingen van de formele en materiële controle van declaraties: dubbele declaraties, serialiteit en parallelliteit,
        behandelingen uit Bijlage 4, selectief ingekochte zorg en overschrijding van het plafond. Bevindingen worden eerst aan de
        zorgaanbieder voorgelegd (hoor en wederhoor) voordat een terugvordering definitief is.
      </p>
      {!isController && !mayRecordRisk && (
        <p className="hint">U kijkt mee: controleren, voorleggen en besluiten doen controllers en medisch adviseurs.</p>
      )}

      {isController && <ControllerTools providers={providers.status === 'ready' ? providers.data : []} onChanged={reload} />}

      <SummarySection summary={summary} year={year} names={names} filters={filters} />

      <section aria-labelledby="bevindingen-titel">
        <h2 id="bevindingen-titel">Bevindingen</h2>
        <FilterForm key={`${rule}|${agb}|${status}`} filters={filters} providers={providers.status === 'ready' ? providers.data : []} />
        <FindingsList
          findings={findings}
          filters={filters}
          names={names}
          selectable={mayRecordRisk}
          isController={isController}
          providers={providers.status === 'ready' ? providers.data : []}
          onChanged={reload}
        />
      </section>
    </article>
  );
}

/* ---- summary ---------------------------------------------------------------------------------- */

function SummarySection({ summary, year, names, filters }: { summary: Resource<FindingSummary>; year: number; names: ReadonlyMap<string, string>; filters: Filters }) {
  const [yearText, setYearText] = useState(String(year));
  const [yearError, setYearError] = useState<string | null>(null);
  const [allProviders, setAllProviders] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const y = Number(yearText);
    if (!/^\d{4}$/.test(yearText.trim()) || y < 2000 || y > 2100) {
      setYearError('Vul een jaartal in, bijvoorbeeld 2018.');
      document.getElementById('summary-year')?.focus();
      return;
    }
    setYearError(null);
    navigate(claimsHref({ ...filters, year: y, page: 0 }), { replace: true });
  };
  return (
    <section aria-labelledby="samenvatting-titel">
      <h2 id="samenvatting-titel">Samenvatting {year}</h2>
      <form className="filter-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="summary-year">Jaar</label>
          {yearError && (
            <p className="field-error" id="summary-year-error">
              {yearError}
            </p>
          )}
          <input
            id="summary-year"
            type="text"
            inputMode="numeric"
            className="input-short"
            value={yearText}
            onChange={(e) => setYearText(e.target.value)}
            aria-invalid={yearError ? true : undefined}
            aria-describedby={yearError ? 'summary-year-error' : undefined}
          />
        </div>
        <button type="submit" className="button button-secondary">
          Toon samenvatting
        </button>
      </form>
      <div aria-live="polite">
        {summary.status === 'loading' ? (
          <Loading what="Samenvatting" />
        ) : summary.status === 'failed' ? (
          <ErrorMessage>{summary.message}</ErrorMessage>
        ) : (
          <SummaryTables summary={summary.data} year={year} names={names} filters={filters} allProviders={allProviders} onShowAll={() => setAllProviders(true)} />
        )}
      </div>
    </section>
  );
}

const TOP_PROVIDERS = 10;

function SummaryTables({
  summary, year, names, filters, allProviders, onShowAll,
}: { summary: FindingSummary; year: number; names: ReadonlyMap<string, string>; filters: Filters; allProviders: boolean; onShowAll(): void }) {
  const byRule = [...(summary.by_rule ?? [])].sort((a, b) => RULE_IDS.indexOf(a.rule as never) - RULE_IDS.indexOf(b.rule as never));
  const byProvider = [...(summary.by_provider ?? [])].sort(
    (a, b) => compareCents(b.amount_at_stake_cents, a.amount_at_stake_cents) || b.findings - a.findings || a.agb.localeCompare(b.agb),
  );
  const shownProviders = allProviders ? byProvider : byProvider.slice(0, TOP_PROVIDERS);
  if (summary.total.findings === 0) {
    return <p className="empty">Geen bevindingen in {year}. Voer de controle uit of kies een ander jaar.</p>;
  }
  return (
    <>
      <dl className="facts facts-inline key-figures">
        <div>
          <dt>Bevindingen</dt>
          <dd className="key-amount">{formatNumber(summary.total.findings)}</dd>
        </div>
        <div>
          <dt>Bedrag in het geding</dt>
          <dd className="key-amount amount">{formatEuroCents(summary.total.amount_at_stake_cents)}</dd>
        </div>
        {FINDING_STATUSES.map((s) => (
          <div key={s}>
            <dt>{label(findingStatusLabels, s)}</dt>
            <dd>{formatNumber(summary.total.by_status[s] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      <div className="summary-grid">
        <TableScroll label={`Bevindingen per regel, ${year}`}>
          <table className="data-table summary-table">
            <caption className="table-caption">Per regel</caption>
            <thead>
              <tr>
                <th scope="col">Regel</th>
                <th scope="col" className="numeric">
                  Aantal
                </th>
                <th scope="col" className="numeric">
                  Open
                </th>
                <th scope="col" className="numeric">
                  Bedrag in het geding
                </th>
              </tr>
            </thead>
            <tbody>
              {byRule.map((r) => (
                <tr key={r.rule}>
                  <th scope="row">
                    <Link to={claimsHref({ ...filters, rule: r.rule, page: 0 })} aria-label={`${label(ruleLabels, r.rule)}: toon de bevindingen`}>
                      {label(ruleLabels, r.rule)}
                    </Link>
                    <span className="cell-note code">{r.rule}</span>
                  </th>
                  <td className="numeric">{formatNumber(r.findings)}</td>
                  <td className="numeric">{formatNumber(r.by_status?.open ?? 0)}</td>
                  <td className="numeric amount">{formatEuroCents(r.amount_at_stake_cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <div>
          <TableScroll label={`Bevindingen per zorgaanbieder, ${year}`}>
            <table className="data-table summary-table">
              <caption className="table-caption">
                Per zorgaanbieder{byProvider.length > TOP_PROVIDERS && !allProviders ? ` (hoogste ${TOP_PROVIDERS} van ${byProvider.length})` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Zorgaanbieder</th>
                  <th scope="col" className="numeric">
                    Aantal
                  </th>
                  <th scope="col" className="numeric">
                    Open
                  </th>
                  <th scope="col" className="numeric" aria-sort="descending">
                    Bedrag in het geding
                  </th>
                </tr>
              </thead>
              <tbody>
                {shownProviders.map((p) => {
                  const name = p.name ?? names.get(p.agb) ?? p.agb;
                  return (
                    <tr key={p.agb}>
                      <th scope="row">
                        <Link to={claimsHref({ ...filters, agb: p.agb, page: 0 })} aria-label={`${name}: toon de bevindingen`}>
                          {name}
                        </Link>
                        <span className="cell-note code">{p.agb}</span>
                      </th>
                      <td className="numeric">{formatNumber(p.findings)}</td>
                      <td className="numeric">{formatNumber(p.by_status?.open ?? 0)}</td>
                      <td className="numeric amount">{formatEuroCents(p.amount_at_stake_cents)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          {byProvider.length > TOP_PROVIDERS && !allProviders && (
            <button type="button" className="button button-secondary" onClick={onShowAll}>
              Toon alle {byProvider.length} zorgaanbieders
            </button>
          )}
        </div>
      </div>
    </>
  );
}

function compareCents(a: unknown, b: unknown): number {
  const x = BigInt(String(a ?? 0));
  const y = BigInt(String(b ?? 0));
  return x === y ? 0 : x < y ? -1 : 1;
}

/* ---- filters and list ------------------------------------------------------------------------- */

const providerOption = (p: ProviderSummary) => `${p.name} (${p.agb})`;
const byName = (a: ProviderSummary, b: ProviderSummary) => a.name.localeCompare(b.name, 'nl');

function FilterForm({ filters, providers }: { filters: Filters; providers: ProviderSummary[] }) {
  const [rule, setRule] = useState(filters.rule);
  const [agb, setAgb] = useState(filters.agb);
  const [status, setStatus] = useState(filters.status);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(claimsHref({ year: filters.year, rule, agb, status, page: 0 }), { replace: true });
  };
  const active = filters.rule || filters.agb || filters.status;
  return (
    <form className="filter-form" onSubmit={submit} aria-label="Bevindingen filteren">
      <div className="field">
        <label htmlFor="filter-rule">Regel</label>
        <select id="filter-rule" value={rule} onChange={(e) => setRule(e.target.value)}>
          <option value="">Alle regels</option>
          {RULE_IDS.map((r) => (
            <option key={r} value={r}>
              {label(ruleLabels, r)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-provider">Zorgaanbieder</label>
        <select id="filter-provider" value={agb} onChange={(e) => setAgb(e.target.value)}>
          <option value="">Alle zorgaanbieders</option>
          {[...providers].sort(byName).map((p) => (
            <option key={p.agb} value={p.agb}>
              {providerOption(p)}
            </option>
          ))}
          {agb && !providers.some((p) => p.agb === agb) && <option value={agb}>{agb}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Alle statussen</option>
          {FINDING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {label(findingStatusLabels, s)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary">
        Filteren
      </button>
      {active && (
        <Link to={claimsHref({ year: filters.year })} className="filter-reset">
          Filters wissen
        </Link>
      )}
    </form>
  );
}

function filterText(f: Filters, names: ReadonlyMap<string, string>): string {
  const parts = [
    f.rule ? `regel ${label(ruleLabels, f.rule)}` : null,
    f.agb ? `zorgaanbieder ${names.get(f.agb) ?? f.agb}` : null,
    f.status ? `status ${label(findingStatusLabels, f.status).toLowerCase()}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

interface FindingsListProps {
  findings: Resource<Finding[]>;
  filters: Filters;
  names: ReadonlyMap<string, string>;
  selectable: boolean;
  isController: boolean;
  providers: ProviderSummary[];
  onChanged(): void;
}

function FindingsList({ findings, filters, names, selectable, isController, providers, onChanged }: FindingsListProps) {
  const [selected, setSelected] = useState<Map<number, Finding>>(new Map());
  const toggle = (finding: Finding, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(finding.id, finding);
      else next.delete(finding.id);
      return next;
    });
  const selectedIds = useMemo(() => new Set(selected.keys()), [selected]);

  let list;
  if (findings.status === 'loading') list = <Loading what="Bevindingen" />;
  else if (findings.status === 'failed') list = <ErrorMessage>{findings.message}</ErrorMessage>;
  else {
    const rows = findings.data.slice(0, PAGE_SIZE);
    const hasNext = findings.data.length > PAGE_SIZE;
    const first = filters.page * PAGE_SIZE + 1;
    list = (
      <>
        <p className="result-count" role="status">
          {rows.length === 0
            ? `Geen bevindingen${filterText(filters, names)}.`
            : `Bevindingen ${formatNumber(first)}–${formatNumber(first + rows.length - 1)}${filterText(filters, names)}.`}
        </p>
        {rows.length > 0 && (
          <FindingsTable
            findings={rows}
            caption={`Bevindingen${filterText(filters, names)}, pagina ${filters.page + 1}`}
            names={names}
            linkToFinding
            selection={selectable ? { selected: selectedIds, toggle } : undefined}
          />
        )}
        <Pager
          page={filters.page}
          pageSize={PAGE_SIZE}
          shown={rows.length}
          hasNext={hasNext}
          hrefFor={(p) => claimsHref({ ...filters, page: p })}
          label="Pagina's met bevindingen"
        />
      </>
    );
  }

  return (
    <>
      <div aria-live="polite">{list}</div>
      {(isController || selectable) && (
        <div className="tool-grid">
          {isController && <SendPanel key={`${filters.agb}|${filters.rule}`} filters={filters} providers={providers} onSent={onChanged} />}
          {selectable && (
            <RiskAnalysisPanel
              selected={selected}
              filters={filters}
              providers={providers}
              onClear={() => setSelected(new Map())}
              onDone={() => {
                setSelected(new Map());
                onChanged();
              }}
            />
          )}
        </div>
      )}
    </>
  );
}

/* ---- controller tools: exchange claim files and check ----------------------------------------- */

function ControllerTools({ providers, onChanged }: { providers: ProviderSummary[]; onChanged(): void }) {
  return (
    <section aria-labelledby="controle-titel">
      <h2 id="controle-titel">Declaraties inlezen en controleren</h2>
      <div className="tool-grid">
        <ImportPanel providers={providers} onImported={onChanged} />
        <CheckPanel onChecked={onChanged} />
        <ExportPanel providers={providers} />
      </div>
    </section>
  );
}

const formatChoice: ImportChoice = {
  id: 'claims-format',
  label: 'Bestandsformaat',
  initial: 'csv',
  options: CLAIM_FILE_FORMATS.map((f) => ({ value: f, label: claimFileFormatLabels[f] })),
};

const importHints: Record<ClaimFileFormat, string> = {
  csv:
    'CSV met kopregel: claim_id, uzovi, agb, bsn, care_type, specialism, diagnosis, product_code, start_date, end_date, ' +
    'amount_cents (en voor add-on-regels zi_number en units). Elke regel wordt geaccepteerd of afgewezen met een retourcode.',
  zh308:
    'Vektis ZH308 versie 9.0: records van 610 posities (ISO-8859-1), één instelling per bestand. Elk prestatierecord wordt geaccepteerd ' +
    'of afgewezen met een retourcode; klopt het voorlooprecord of het sluitrecord niet, dan wordt niets opgeslagen.',
  fhir: 'FHIR R4 Bundle (JSON, type batch of collection) met één Claim per declaratieregel. Elke Claim wordt geaccepteerd of afgewezen met een retourcode.',
};

const importAccept: Record<ClaimFileFormat, string> = {
  csv: '.csv,text/csv',
  // Vektis files carry no fixed extension (.asc, .txt, .308, …): any file may be chosen.
  zh308: '',
  fhir: '.json,application/json,application/fhir+json',
};

const formatOf = (values: ChoiceValues): ClaimFileFormat =>
  (CLAIM_FILE_FORMATS as readonly string[]).includes(values[formatChoice.id] ?? '') ? (values[formatChoice.id] as ClaimFileFormat) : 'csv';

/** Vektis ZH308 v9.0: field 0112 Instellingscode of the voorlooprecord sits at positions 55-62. */
async function zh308Institution(file: File): Promise<string> {
  const code = (await file.slice(54, 62).text()).trim();
  return /^\d{8}$/.test(code) && code !== '00000000' ? code : '';
}

function checkClaimFile(file: File, values: ChoiceValues): string | null {
  const format = formatOf(values);
  if (format === 'csv' && !/\.csv$/i.test(file.name)) return `'${file.name}' is geen CSV-bestand.`;
  if (format === 'fhir' && !/\.json$/i.test(file.name)) return `'${file.name}' is geen JSON-bestand; een FHIR R4 Bundle eindigt op .json.`;
  return null;
}

function ImportPanel({ providers, onImported }: { providers: ProviderSummary[]; onImported(): void }) {
  // The institution a ZH308 file names, to offer its ZH309 answer straight away.
  const [institution, setInstitution] = useState('');
  const upload = async (file: File, values: ChoiceValues) => {
    const format = formatOf(values);
    setInstitution(format === 'zh308' ? await zh308Institution(file) : '');
    return claimsExchangeApi.importFile(file, format);
  };
  return (
    <section className="panel" aria-labelledby="import-titel">
      <h3 id="import-titel">Declaratiebestand importeren</h3>
      <FileImport<ClaimFileReport>
        inputId="claims-file"
        choices={[formatChoice]}
        hint={(values) => importHints[formatOf(values)]}
        accept={(values) => importAccept[formatOf(values)]}
        missingFile={(values) => `Kies eerst een declaratiebestand (${claimFileFormatLabels[formatOf(values)]}).`}
        checkFile={checkClaimFile}
        upload={upload}
        onUploaded={(outcome) => outcome === 'stored' && onImported()}
        refusedTitle={(fileName) => `${fileName} niet geïmporteerd`}
        refusedErrors={(fileName) => ({ caption: `Fouten in ${fileName}` })}
        headingLevel={4}
        describe={(r) => ({
          tone: r.rejected > 0 ? 'info' : 'success',
          title: `${r.file}: ${formatNumber(r.accepted)} geaccepteerd, ${formatNumber(r.rejected)} afgewezen`,
          counts: [
            { label: 'Importnummer', value: r.import_id === null ? '—' : String(r.import_id) },
            { label: 'Geaccepteerd', value: r.accepted },
            { label: 'Afgewezen', value: r.rejected },
            { label: 'Nieuw opgeslagen', value: r.stored },
            { label: 'Al eerder opgeslagen', value: r.already_stored },
          ],
          notes: r.duplicate_file && <p>Dit bestand is al eerder geïmporteerd (import {r.import_id}); er is niets opnieuw opgeslagen.</p>,
          errors: { items: r.errors, caption: `Afgewezen regels in ${r.file}`, truncated: r.errors_truncated },
          after: r.import_id !== null && <Zh309Answer key={`${r.import_id}|${institution}`} importId={r.import_id} providers={providers} initialAgb={institution} />,
        })}
      />
    </section>
  );
}

type DownloadState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; fileName: string; size: number } | { kind: 'failed'; message: string };

/** Fetches a file and saves it; the outcome (name and size, or the server's refusal) for a live region. */
function useDownload(): [DownloadState, (url: string, fallbackName: string) => Promise<void>] {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const start = async (url: string, fallbackName: string) => {
    setState({ kind: 'busy' });
    try {
      const file = await fetchFile(url, fallbackName);
      saveFile(file);
      setState({ kind: 'done', fileName: file.fileName, size: file.blob.size });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  };
  return [state, start];
}

function DownloadOutcome({ state, failedTitle }: { state: DownloadState; failedTitle: string }) {
  if (state.kind === 'busy') return <p className="muted">Bestand wordt opgehaald…</p>;
  if (state.kind === 'failed') return <ErrorMessage title={failedTitle}>{state.message}</ErrorMessage>;
  if (state.kind === 'done') return <p className="muted">{state.fileName} gedownload ({formatNumber(state.size)} bytes).</p>;
  return null;
}

/**
 * The ZH309 answer to an import is per provider (a CSV or FHIR file may hold several): the
 * controller picks the provider, preset to the institution of a ZH308 file.
 */
function Zh309Answer({ importId, providers, initialAgb }: { importId: number; providers: ProviderSummary[]; initialAgb: string }) {
  const [agb, setAgb] = useState(initialAgb);
  const [error, setError] = useState<string | null>(null);
  const [download, start] = useDownload();
  const errorId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!agb) {
      setError('Kies de zorgaanbieder van wie u het antwoord wilt.');
      document.getElementById('zh309-provider')?.focus();
      return;
    }
    setError(null);
    void start(claimsExchangeApi.zh309Url(agb, importId), `ZH309-${importId}-${agb}.txt`);
  };
  return (
    <section aria-labelledby="zh309-titel" className="zh309-answer">
      <h4 id="zh309-titel">ZH309-antwoord op import {importId}</h4>
      <p className="hint">Per record de status (toegewezen of afgewezen) en de retourcodes, in Vektis ZH309-opmaak, per zorgaanbieder.</p>
      <form className="filter-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="zh309-provider">Zorgaanbieder</label>
          {error && (
            <p className="field-error" id={errorId}>
              {error}
            </p>
          )}
          <select
            id="zh309-provider"
            value={agb}
            onChange={(e) => setAgb(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          >
            <option value="">Kies…</option>
            {[...providers].sort(byName).map((p) => (
              <option key={p.agb} value={p.agb}>
                {providerOption(p)}
              </option>
            ))}
            {agb && !providers.some((p) => p.agb === agb) && <option value={agb}>{agb}</option>}
          </select>
        </div>
        <button type="submit" className="button button-secondary" disabled={download.kind === 'busy'}>
          Download ZH309-antwoord
        </button>
      </form>
      <DownloadOutcome state={download} failedTitle="ZH309-antwoord niet beschikbaar" />
      {agb && (
        <p>
          <Link to={`/providers/${encodeURIComponent(agb)}?tab=declaratiebestanden`}>Alle declaratiebestanden van deze zorgaanbieder</Link>
        </p>
      )}
    </section>
  );
}

function ExportPanel({ providers }: { providers: ProviderSummary[] }) {
  const [format, setFormat] = useState<ClaimFileFormat>('csv');
  const [agb, setAgb] = useState('');
  const [yearText, setYearText] = useState('');
  const [errors, setErrors] = useState<{ agb?: string; year?: string }>({});
  const [download, start] = useDownload();
  const agbErrorId = useId();
  const yearErrorId = useId();
  const yearHintId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: { agb?: string; year?: string } = {};
    if (format === 'zh308' && !agb) found.agb = 'Kies een zorgaanbieder: een ZH308-bestand is de factuur van één instelling.';
    const year = yearText.trim();
    if (year && (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2100)) found.year = 'Vul een jaartal in, bijvoorbeeld 2018, of laat het leeg.';
    setErrors(found);
    if (found.agb) return document.getElementById('export-provider')?.focus();
    if (found.year) return document.getElementById('export-year')?.focus();
    const filter = { format, ...(agb ? { agb } : {}), ...(year ? { year: Number(year) } : {}) };
    void start(claimsExchangeApi.exportUrl(filter), `declaraties.${format === 'fhir' ? 'json' : format === 'zh308' ? 'txt' : 'csv'}`);
  };

  return (
    <section className="panel" aria-labelledby="export-titel">
      <h3 id="export-titel">Declaraties exporteren</h3>
      <p className="hint">De opgeslagen declaraties als bestand; elk formaat leest weer in tot dezelfde declaraties. Elke export wordt gelogd.</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="export-format">Exportformaat</label>
          <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as ClaimFileFormat)}>
            {CLAIM_FILE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {claimFileFormatLabels[f]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-provider">Zorgaanbieder</label>
          {errors.agb && (
            <p className="field-error" id={agbErrorId}>
              {errors.agb}
            </p>
          )}
          <select
            id="export-provider"
            value={agb}
            onChange={(e) => setAgb(e.target.value)}
            aria-invalid={errors.agb ? true : undefined}
            aria-describedby={errors.agb ? agbErrorId : undefined}
          >
            <option value="">{format === 'zh308' ? 'Kies…' : 'Alle zorgaanbieders'}</option>
            {[...providers].sort(byName).map((p) => (
              <option key={p.agb} value={p.agb}>
                {providerOption(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-year">Jaar (begindatum)</label>
          <p className="hint" id={yearHintId}>
            Leeg: alle jaren.
          </p>
          {errors.year && (
            <p className="field-error" id={yearErrorId}>
              {errors.year}
            </p>
          )}
          <input
            id="export-year"
            type="text"
            inputMode="numeric"
            className="input-short"
            value={yearText}
            onChange={(e) => setYearText(e.target.value)}
            aria-invalid={errors.year ? true : undefined}
            aria-describedby={errors.year ? `${yearHintId} ${yearErrorId}` : yearHintId}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={download.kind === 'busy'}>
          {download.kind === 'busy' ? 'Bezig met exporteren…' : 'Exporteren'}
        </button>
      </form>
      <div aria-live="polite" className="form-outcome">
        <DownloadOutcome state={download} failedTitle="Exporteren mislukt" />
      </div>
    </section>
  );
}

type CheckOutcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; report: CheckRunReport } | { kind: 'failed'; message: string };

function CheckPanel({ onChecked }: { onChecked(): void }) {
  const [yearText, setYearText] = useState(String(DEFAULT_YEAR));
  const [yearError, setYearError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome>({ kind: 'idle' });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = yearText.trim();
    if (text !== '' && (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100)) {
      setYearError('Vul een jaartal in (bijvoorbeeld 2018), of laat het leeg voor alle jaren.');
      document.getElementById('check-year')?.focus();
      return;
    }
    setYearError(null);
    setOutcome({ kind: 'busy' });
    try {
      setOutcome({ kind: 'done', report: await api.checkClaims(text === '' ? null : Number(text)) });
      onChecked();
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };
  return (
    <section className="panel" aria-labelledby="check-titel">
      <h3 id="check-titel">Controle uitvoeren</h3>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="check-year">Jaar</label>
          <p className="hint" id="check-year-hint">
            Alle controleregels over de opgeslagen declaraties van dit jaar. Open bevindingen worden vervangen; voorgelegde
            bevindingen houden hun status.
          </p>
          {yearError && (
            <p className="field-error" id="check-year-error">
              {yearError}
            </p>
          )}
          <input
            id="check-year"
            type="text"
            inputMode="numeric"
            className="input-short"
            value={yearText}
            onChange={(e) => setYearText(e.target.value)}
            aria-invalid={yearError ? true : undefined}
            aria-describedby={yearError ? 'check-year-hint check-year-error' : 'check-year-hint'}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? 'Bezig met controleren…' : 'Controle uitvoeren'}
        </button>
      </form>
      <div aria-live="polite">
        {outcome.kind === 'failed' && <ErrorMessage title="Controle mislukt">{outcome.message}</ErrorMessage>}
        {outcome.kind === 'done' && <CheckResult report={outcome.report} />}
      </div>
    </section>
  );
}

function CheckResult({ report }: { report: CheckRunReport }) {
  const counts = Object.entries(report.findings).filter(([, n]) => n > 0);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  return (
    <div className="alert alert-success">
      <p className="alert-title">
        Controle {report.year ?? 'alle jaren'} uitgevoerd: {formatNumber(report.claims)} declaraties, {formatNumber(total)} bevindingen
      </p>
      {counts.length > 0 && (
        <ul className="plain-list">
          {counts.map(([rule, n]) => (
            <li key={rule}>
              {label(ruleLabels, rule)}: {formatNumber(n)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/* ---- hoor en wederhoor ------------------------------------------------------------------------ */

type SendOutcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; report: SendReport; name: string } | { kind: 'failed'; message: string };

function SendPanel({ filters, providers, onSent }: { filters: Filters; providers: ProviderSummary[]; onSent(): void }) {
  const [agb, setAgb] = useState(filters.agb);
  const [rule, setRule] = useState(filters.rule);
  const [agbError, setAgbError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<SendOutcome>({ kind: 'idle' });
  const nameOf = (code: string) => providers.find((p) => p.agb === code)?.name ?? code;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!agb) {
      setAgbError('Kies de zorgaanbieder aan wie de bevindingen worden voorgelegd.');
      document.getElementById('send-provider')?.focus();
      return;
    }
    setAgbError(null);
    setOutcome({ kind: 'busy' });
    try {
      const report = await api.sendFindings(agb, rule || undefined);
      setOutcome({ kind: 'done', report, name: nameOf(agb) });
      onSent();
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };
  return (
    <section className="panel" aria-labelledby="versturen-titel">
      <h3 id="versturen-titel">Voorleggen aan de zorgaanbieder (hoor en wederhoor)</h3>
      <p className="hint">
        De open bevindingen van de zorgaanbieder (eventueel van één regel) gaan naar de zorgaanbieder, die binnen de termijn kan
        reageren. Pas daarna kan een terugvordering worden gehandhaafd.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="send-provider">Zorgaanbieder</label>
          {agbError && (
            <p className="field-error" id="send-provider-error">
              {agbError}
            </p>
          )}
          <select
            id="send-provider"
            value={agb}
            onChange={(e) => setAgb(e.target.value)}
            aria-invalid={agbError ? true : undefined}
            aria-describedby={agbError ? 'send-provider-error' : undefined}
          >
            <option value="">Kies een zorgaanbieder</option>
            {[...providers].sort(byName).map((p) => (
              <option key={p.agb} value={p.agb}>
                {providerOption(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="send-rule">Regel</label>
          <select id="send-rule" value={rule} onChange={(e) => setRule(e.target.value)}>
            <option value="">Alle regels</option>
            {RULE_IDS.map((r) => (
              <option key={r} value={r}>
                {label(ruleLabels, r)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? 'Bezig met versturen…' : 'Open bevindingen versturen'}
        </button>
      </form>
      <div aria-live="polite" className="form-outcome">
        {outcome.kind === 'failed' && <ErrorMessage title="Niet verstuurd">{outcome.message}</ErrorMessage>}
        {outcome.kind === 'done' &&
          (outcome.report.sent === 0 ? (
            <p className="success-text">Geen open bevindingen van {outcome.name} om te versturen.</p>
          ) : (
            <p className="success-text">
              {formatNumber(outcome.report.sent)} {outcome.report.sent === 1 ? 'bevinding' : 'bevindingen'} voorgelegd aan {outcome.name}
              {outcome.report.response_due
                ? `; reageren kan tot en met ${formatDate(outcome.report.response_due)} (${outcome.report.response_working_days} werkdagen).`
                : '.'}
            </p>
          ))}
      </div>
    </section>
  );
}

/* ---- specific risk analysis ------------------------------------------------------------------- */

type RiskOutcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; id: number; attached: number }
  | { kind: 'failed'; message: string; createdId?: number };

interface RiskAnalysisPanelProps {
  selected: ReadonlyMap<number, Finding>;
  filters: Filters;
  providers: ProviderSummary[];
  onClear(): void;
  onDone(): void;
}

function RiskAnalysisPanel({ selected, filters, providers, onClear, onDone }: RiskAnalysisPanelProps) {
  const [title, setTitle] = useState('');
  const [rationale, setRationale] = useState('');
  const [rules, setRules] = useState<Set<string>>(new Set());
  const [agb, setAgb] = useState(filters.agb);
  const [agbTouched, setAgbTouched] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<RiskOutcome>({ kind: 'idle' });
  const findings = [...selected.values()];
  const selectedRules = [...new Set(findings.map((f) => f.rule))].sort();
  const selectedAgbs = [...new Set(findings.map((f) => f.agb))];
  const rulesKey = selectedRules.join(',');
  const agbKey = selectedAgbs.join(',');

  // The analysis covers at least the rules of the selected findings; one provider when they share one.
  useEffect(() => {
    if (rulesKey === '') return;
    setRules((current) => new Set([...current, ...rulesKey.split(',')]));
  }, [rulesKey]);
  useEffect(() => {
    if (agbTouched) return;
    const agbs = agbKey === '' ? [] : agbKey.split(',');
    if (agbs.length === 1) setAgb(agbs[0] as string);
    else if (agbs.length > 1) setAgb('');
  }, [agbKey, agbTouched]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (findings.length === 0) found.findings = 'Selecteer eerst een of meer bevindingen in de tabel.';
    if (title.trim().length < 3 || title.trim().length > 200) found.title = 'Geef een titel van 3 tot 200 tekens.';
    if (rationale.trim().length < 10) found.rationale = 'Onderbouw in minstens 10 tekens waarom detailcontrole op patiëntniveau nodig is.';
    setErrors(found);
    const first = ['findings', 'title', 'rationale'].find((k) => found[k]);
    if (first) {
      document.getElementById(`risk-${first}`)?.focus();
      return;
    }
    setOutcome({ kind: 'busy' });
    let createdId: number | undefined;
    try {
      const created = await api.createRiskAnalysis({ title: title.trim(), rationale: rationale.trim(), rules: [...rules].sort(), ...(agb ? { agb } : {}) });
      createdId = created.id;
      await api.attachFindings(created.id, findings.map((f) => f.id));
      setOutcome({ kind: 'done', id: created.id, attached: findings.length });
      setTitle('');
      setRationale('');
      setRules(new Set());
      setAgbTouched(false);
      onDone();
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error), ...(createdId !== undefined ? { createdId } : {}) });
    }
  };

  const fieldError = (key: string) =>
    errors[key] ? (
      <p className="field-error" id={`risk-${key}-error`}>
        {errors[key]}
      </p>
    ) : null;
  const describedBy = (key: string, hint?: string) => [hint, errors[key] ? `risk-${key}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <section className="panel" aria-labelledby="risico-titel">
      <h3 id="risico-titel">Specifieke risicoanalyse</h3>
      <p className="hint">
        Detailcontrole op patiëntniveau mag alleen na een specifieke risicoanalyse (Regeling zorgverzekering art. 7.8). Leg vast
        waarom, en koppel de geselecteerde bevindingen; daarna kunnen controllers en medisch adviseurs de patiëntgegevens van die
        bevindingen inzien, met opgave van doel.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <p className="text-label" id="risk-findings-label">
            Geselecteerde bevindingen
          </p>
          {fieldError('findings')}
          <div id="risk-findings" tabIndex={-1} aria-labelledby="risk-findings-label" aria-describedby={describedBy('findings')} className="selection-box">
            {findings.length === 0 ? (
              <p className="empty">Nog geen: kies bevindingen met de vakjes in de tabel.</p>
            ) : (
              <>
                <p>
                  {findings.length} {findings.length === 1 ? 'bevinding' : 'bevindingen'}: {findings.slice(0, 8).map((f) => f.claim_id).join(', ')}
                  {findings.length > 8 ? ' …' : ''}
                </p>
                <button type="button" className="button button-secondary" onClick={onClear}>
                  Selectie wissen
                </button>
              </>
            )}
          </div>
        </div>
        <div className="field">
          <label htmlFor="risk-title">Titel</label>
          {fieldError('title')}
          <input
            id="risk-title"
            type="text"
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describedBy('title')}
          />
        </div>
        <div className="field">
          <label htmlFor="risk-rationale">Onderbouwing</label>
          <p className="hint" id="risk-rationale-hint">
            Waarom is detailcontrole op patiëntniveau nodig, en waarom is minder ingrijpende controle niet genoeg?
          </p>
          {fieldError('rationale')}
          <textarea
            id="risk-rationale"
            rows={4}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
            aria-invalid={errors.rationale ? true : undefined}
            aria-describedby={describedBy('rationale', 'risk-rationale-hint')}
          />
        </div>
        <fieldset className="field">
          <legend>Regels</legend>
          <p className="hint" id="risk-rules-hint">
            De analyse geldt alleen voor deze regels; bevindingen van andere regels kunnen er niet aan worden gekoppeld.
          </p>
          <div className="checkbox-grid">
            {RULE_IDS.map((r) => (
              <div className="checkbox-field" key={r}>
                <input
                  id={`risk-rule-${r}`}
                  type="checkbox"
                  checked={rules.has(r)}
                  onChange={(e) =>
                    setRules((current) => {
                      const next = new Set(current);
                      if (e.target.checked) next.add(r);
                      else next.delete(r);
                      return next;
                    })
                  }
                />
                <label htmlFor={`risk-rule-${r}`}>{label(ruleLabels, r)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="risk-provider">Zorgaanbieder</label>
          <select
            id="risk-provider"
            value={agb}
            onChange={(e) => {
              setAgb(e.target.value);
              setAgbTouched(true);
            }}
          >
            <option value="">Alle zorgaanbieders</option>
            {[...providers].sort(byName).map((p) => (
              <option key={p.agb} value={p.agb}>
                {providerOption(p)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? 'Bezig met vastleggen…' : 'Risicoanalyse vastleggen en bevindingen koppelen'}
        </button>
      </form>
      <div aria-live="polite" className="form-outcome">
        {outcome.kind === 'failed' && (
          <ErrorMessage title={outcome.createdId !== undefined ? `Risicoanalyse ${outcome.createdId} vastgelegd, koppelen mislukt` : 'Niet vastgelegd'}>
            {outcome.message}
          </ErrorMessage>
        )}
        {outcome.kind === 'done' && (
          <p className="success-text">
            Risicoanalyse {outcome.id} vastgelegd; {outcome.attached} {outcome.attached === 1 ? 'bevinding' : 'bevindingen'} gekoppeld.
          </p>
        )}
      </div>
    </section>
  );
}

