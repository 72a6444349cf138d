/**
 * Renderers for the policy sections that read better in a shape of their own than as a generic
 * tree, keyed by their path in the policy file. Each checks the shape it gets and falls back to the
 * generic tree when the data is not what it expects, so a changed policy file never breaks the page.
 */
import type { ReactNode } from 'react';
import { TableScroll } from '../components/status';
import { Breakable, ExternalLink, GenericTree, Linkified, Primitive, formatPrimitive, type PathRenderer } from '../components/value-tree';
import { formatEuroCents, formatShare, label } from '../format';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isListOf = (v: unknown, keys: string[]): v is Obj[] => Array.isArray(v) && v.every((x) => isObj(x) && keys.every((k) => k in x));
const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export const decisionAnchor = (id: string) => `besluit-${id}`;
export const parameterAnchor = (id: string) => `parameter-${id}`;

const pathLabels: Record<string, string> = { all: 'alle', regular: 'regulier', digital: 'digitaal', 'new-provider': 'nieuwe aanbieders' };
const eventKindLabels: Record<string, string> = { publication: 'publicatie', milestone: 'mijlpaal', deadline: 'uiterste datum' };
const actorLabels: Record<string, string> = { insurer: 'Zilveren Kruis', provider: 'zorgaanbieder', both: 'beide' };
const inclusionLabels: Record<string, string> = { open: 'open', closed: 'gesloten' };
const specificationLabels: Record<string, string> = { instapvoorwaarde: 'Instapvoorwaarde', doelstelling: 'Doelstelling' };
const unitLabels: Record<string, string> = { year: 'jaar', day: 'dagen', 'working-day': 'werkdagen' };

function Caption({ children }: { children: string }) {
  return <caption className="visually-hidden">{children}</caption>;
}

function Source({ value }: { value: unknown }) {
  return value ? <span className="source-ref">{text(value)}</span> : <span className="muted">—</span>;
}

function Heading({ level, children, id }: { level: number; children: ReactNode; id?: string }) {
  const Tag = `h${Math.min(level + 1, 6)}` as 'h3';
  return <Tag id={id}>{children}</Tag>;
}

/** The contracting calendar: one row per date. */
const calendar: PathRenderer = ({ value, path, level }) => {
  if (!isListOf(value, ['date', 'title'])) return <GenericTree value={value} path={path} level={level} />;
  return (
    <TableScroll label="Kalender">
      <table className="data-table">
        <Caption>Kalender</Caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Moment</th>
            <th scope="col">Route</th>
            <th scope="col">Soort</th>
            <th scope="col">Wie</th>
            <th scope="col">Bron</th>
          </tr>
        </thead>
        <tbody>
          {value.map((event, i) => (
            <tr key={text(event.id) || i}>
              <td className="nowrap">
                {event.date_precision === 'approximate' && 'circa '}
                {formatPrimitive(event.date)}
              </td>
              <td>
                {text(event.title)}
                {event.consent_on_silence === true && <p className="cell-note">Geen reactie geldt als akkoord.</p>}
                {event.note !== undefined && event.note !== null && <p className="cell-note">{text(event.note)}</p>}
              </td>
              <td>{strings(event.paths).map((p) => label(pathLabels, p)).join(', ') || '—'}</td>
              <td>{label(eventKindLabels, text(event.kind) || null)}</td>
              <td>{label(actorLabels, text(event.actor) || null)}</td>
              <td>
                <Source value={event.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};

/** Bijlage 4: treatments that do not (always) meet the stand van Wetenschap en Praktijk. */
const nonEvidenceBased: PathRenderer = ({ value, path, level }) => {
  if (!isObj(value) || !isListOf(value.treatments, ['treatment'])) return <GenericTree value={value} path={path} level={level} />;
  return (
    <>
      {value.not_exhaustive_text !== undefined && (
        <p className="callout">
          <strong>{text(value.not_exhaustive_text)}</strong>
        </p>
      )}
      <GenericTree value={value} path={path} level={level} omit={['treatments', 'not_exhaustive_text', 'not_exhaustive']} />
      <Heading level={level}>Behandelingen</Heading>
      <TableScroll label="Behandelingen Bijlage 4">
        <table className="data-table">
          <Caption>Behandelingen Bijlage 4</Caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Nr.
              </th>
              <th scope="col">Behandeling</th>
              <th scope="col">Uitzondering</th>
              <th scope="col">Bron</th>
            </tr>
          </thead>
          <tbody>
            {value.treatments.map((t, i) => (
              <tr key={i}>
                <td className="numeric">{text(t.number)}</td>
                <td>{text(t.treatment)}</td>
                <td>{t.exception ? text(t.exception) : <span className="muted">—</span>}</td>
                <td>
                  <Source value={t.source} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
};

/** Bijlage 3: conditional admissions, each only at the hospitals named. */
const conditionalAdmissions: PathRenderer = ({ value, path, level }) => {
  if (!isObj(value) || !isListOf(value.projects, ['title'])) return <GenericTree value={value} path={path} level={level} />;
  return (
    <>
      <GenericTree value={value} path={path} level={level} omit={['projects']} />
      <Heading level={level}>Projecten</Heading>
      <TableScroll label="Projecten voorwaardelijke toelating">
        <table className="data-table">
          <Caption>Projecten voorwaardelijke toelating</Caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Nr.
              </th>
              <th scope="col">Project</th>
              <th scope="col">Inclusie</th>
              <th scope="col">Ziekenhuizen</th>
              <th scope="col">Bron</th>
            </tr>
          </thead>
          <tbody>
            {value.projects.map((project, i) => {
              const hospitals = Array.isArray(project.hospitals) ? project.hospitals : [];
              return (
                <tr key={i}>
                  <td className="numeric">{text(project.number)}</td>
                  <td>
                    <span className="cell-title">{text(project.title)}</span>
                    {strings(project.notes).map((note, j) => (
                      <p key={j} className="cell-note">
                        <Linkified text={note} />
                      </p>
                    ))}
                    {typeof project.url === 'string' && (
                      <p className="cell-note">
                        <ExternalLink href={project.url}>Werkagenda Zorginstituut Nederland</ExternalLink>
                      </p>
                    )}
                  </td>
                  <td>{label(inclusionLabels, text(project.inclusion) || null)}</td>
                  <td>
                    {hospitals.length === 0 ? (
                      <span className="muted">niet genoemd</span>
                    ) : (
                      <ul className="plain-list compact">
                        {hospitals.map((h, j) => (
                          <li key={j}>{isObj(h) ? [text(h.name), text(h.city)].filter(Boolean).join(', ') : text(h)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <Source value={project.source} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
};

/** Bijlage 1: the purchasing specifications, each an instapvoorwaarde or a doelstelling. */
const purchasingSpecifications: PathRenderer = ({ value, path, level }) => {
  if (!isObj(value) || !isListOf(value.questions, ['question', 'type'])) return <GenericTree value={value} path={path} level={level} />;
  return (
    <>
      <GenericTree value={value} path={path} level={level} omit={['questions']} />
      <Heading level={level}>Specificaties</Heading>
      <TableScroll label="Inkoopspecificaties">
        <table className="data-table">
          <Caption>Inkoopspecificaties</Caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Nr.
              </th>
              <th scope="col">Onderwerp</th>
              <th scope="col">Vraag</th>
              <th scope="col">Soort</th>
              <th scope="col">Bron</th>
            </tr>
          </thead>
          <tbody>
            {value.questions.map((q, i) => (
              <tr key={i}>
                <td className="numeric">{text(q.number)}</td>
                <td>{text(q.topic) || '—'}</td>
                <td>
                  {text(q.question)}
                  {q.if_not_met !== undefined && <p className="cell-note">{text(q.if_not_met)}</p>}
                  {strings(q.notes).map((note, j) => (
                    <p key={j} className="cell-note">
                      <Linkified text={note} />
                    </p>
                  ))}
                </td>
                <td>
                  <span className={`badge badge-${text(q.type)}`}>{label(specificationLabels, text(q.type))}</span>
                </td>
                <td>
                  <Source value={q.source} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
};

/** Bijlage 2: the minimum-norm matrix, treatments by norm source, grouped. */
const minimumNorms: PathRenderer = ({ value, path, level }) => {
  if (!isObj(value) || !isListOf(value.norm_sources, ['id', 'name']) || !isListOf(value.treatments, ['treatment', 'norm_sources'])) {
    return <GenericTree value={value} path={path} level={level} />;
  }
  const sources = value.norm_sources;
  const groups = isListOf(value.groups, ['id', 'title']) ? value.groups : [];
  const treatments = value.treatments;
  const grouped = [
    ...groups.map((g) => ({ title: text(g.title), rows: treatments.filter((t) => t.group === g.id) })),
    { title: 'Overig', rows: treatments.filter((t) => !groups.some((g) => g.id === t.group)) },
  ].filter((g) => g.rows.length > 0);
  const references = isListOf(value.references, ['text']) ? value.references : [];
  const sourceName = (id: unknown) => text(sources.find((s) => s.id === id)?.name ?? id);

  return (
    <>
      <GenericTree value={value} path={path} level={level} omit={['norm_sources', 'groups', 'treatments', 'references', 'references_date']} />
      <Heading level={level}>Behandelingen en normbronnen</Heading>
      <TableScroll label="Minimumnormen per behandeling en bron">
        <table className="data-table matrix">
          <Caption>Minimumnormen per behandeling en bron (✓ = norm van deze bron)</Caption>
          <thead>
            <tr>
              <th scope="col">Behandeling</th>
              {sources.map((s) => (
                <th scope="col" key={text(s.id)} className="check">
                  {text(s.name)}
                </th>
              ))}
            </tr>
          </thead>
          {grouped.map((group) => (
            <tbody key={group.title}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={sources.length + 1}>
                  {group.title}
                </th>
              </tr>
              {group.rows.map((t, i) => {
                const has = strings(t.norm_sources);
                return (
                  <tr key={text(t.id) || i}>
                    <th scope="row">
                      {text(t.treatment)}
                      {t.note !== undefined && <p className="cell-note">{text(t.note)}</p>}
                    </th>
                    {sources.map((s) => (
                      <td key={text(s.id)} className="check">
                        {has.includes(text(s.id)) ? (
                          <>
                            <span aria-hidden="true">✓</span>
                            <span className="visually-hidden">ja</span>
                          </>
                        ) : (
                          <span className="visually-hidden">nee</span>
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </TableScroll>
      {references.length > 0 && (
        <>
          <Heading level={level}>
            Referenties{typeof value.references_date === 'string' ? ` (per ${formatPrimitive(value.references_date)})` : ''}
          </Heading>
          <ul className="plain-list">
            {references.map((r, i) => (
              <li key={i}>
                <Primitive value={r.text} />
                {r.for_source !== undefined && <span className="source-ref"> — {sourceName(r.for_source)}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
};

/** Where the policy text is vague: the question, the decision taken and why. */
const decisions: PathRenderer = ({ value, path, level }) => {
  if (!isListOf(value, ['id', 'decision'])) return <GenericTree value={value} path={path} level={level} />;
  return (
    <ol className="decision-list">
      {value.map((d) => (
        <li key={text(d.id)} id={decisionAnchor(text(d.id))} className="decision">
          <Heading level={level}>{text(d.question) || text(d.id)}</Heading>
          <dl>
            <dt>Besluit</dt>
            <dd>{text(d.decision)}</dd>
            {d.why !== undefined && (
              <>
                <dt>Waarom</dt>
                <dd>{text(d.why)}</dd>
              </>
            )}
            <dt>Bron</dt>
            <dd>
              <Source value={d.source} /> · <span className="code">{text(d.id)}</span>
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );
};

/** A parameter's value by its declared type: cents as euros, shares as percentages, dates in Dutch. */
function ParameterValue({ p }: { p: Obj }) {
  const v = p.value;
  switch (p.type) {
    case 'money':
      return <span className="amount">{formatEuroCents(v)}</span>;
    case 'decimal':
      return p.unit === 'share' ? (
        <span>
          {formatShare(v as string)} <span className="muted">({text(v)})</span>
        </span>
      ) : (
        <span>{text(v)}</span>
      );
    case 'enum':
      return (
        <span className="code">
          <Breakable text={text(v)} />
        </span>
      );
    case 'integer':
      return (
        <span>
          {text(v)} {unitLabels[text(p.unit)] ?? ''}
        </span>
      );
    default:
      return <Primitive value={v} />;
  }
}

/** The explicit, named parameters of the policy year. */
const parameters: PathRenderer = ({ value, path, level }) => {
  if (!isListOf(value, ['id', 'value'])) return <GenericTree value={value} path={path} level={level} />;
  return (
    <TableScroll label="Parameters">
      <table className="data-table">
        <Caption>Parameters</Caption>
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Waarde</th>
            <th scope="col">Omschrijving</th>
            <th scope="col">Bron</th>
          </tr>
        </thead>
        <tbody>
          {value.map((p) => (
            <tr key={text(p.id)} id={parameterAnchor(text(p.id))}>
              <th scope="row" className="code">
                <Breakable text={text(p.id)} />
              </th>
              <td>
                <ParameterValue p={p} />
                {Array.isArray(p.allowed) && p.allowed.length > 1 && (
                  <p className="cell-note">
                    Mogelijk: <Breakable text={strings(p.allowed).join(', ')} />
                  </p>
                )}
              </td>
              <td className="wide">
                {text(p.description)}
                {typeof p.decision === 'string' && (
                  <p className="cell-note">
                    <a href={`#${decisionAnchor(p.decision)}`}>
                      Zie besluit <Breakable text={p.decision} />
                    </a>
                  </p>
                )}
              </td>
              <td>
                <Source value={p.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};

export const sectionRenderers: Record<string, PathRenderer> = {
  calendar,
  non_evidence_based: nonEvidenceBased,
  conditional_admissions: conditionalAdmissions,
  'quality.purchasing_specifications': purchasingSpecifications,
  minimum_norms: minimumNorms,
  decisions,
  parameters,
};
