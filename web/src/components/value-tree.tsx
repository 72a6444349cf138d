/**
 * Renders any JSON value readably: objects as headed sections or definition lists, lists of flat
 * records as tables, lists of words as tags, dates and cents in Dutch. The policy page uses it for
 * every section that has no renderer of its own, so a new section in a policy file shows up as is.
 */
import type { ReactNode } from 'react';
import { formatDate, formatEuroCents, formatNumber, isIsoDate, isIsoDateTime } from '../format';
import { keyLabels } from './key-labels';
import { TableScroll } from './status';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function humanise(key: string): string {
  const known = keyLabels[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isFlat = (v: unknown): boolean => isPrimitive(v) || (Array.isArray(v) && v.every(isPrimitive));

/** One value in Dutch; the key tells whether a number is an amount in cents. */
export function formatPrimitive(value: unknown, key?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (key && /cents$/i.test(key)) return formatEuroCents(value);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 10_000 ? String(value) : formatNumber(value);
  if (typeof value === 'string') return isIsoDate(value) || isIsoDateTime(value) ? formatDate(value) : value;
  return JSON.stringify(value);
}

const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

/** Text with its web addresses as links (policy notes cite the Zorginstituut and the NVVC by URL). */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s)]+[^\s).,;:'"])/g);
  if (parts.length === 1) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <ExternalLink key={i} href={part} /> : part))}</>;
}

/** An identifier (`revenue_threshold_cents`) that may wrap after its separators, not mid-word. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[_\-.])/);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </>
  );
}
const isLongText = (v: unknown): boolean => typeof v === 'string' && v.length > 90;

/** A primitive (or a list of them) as text: URLs as links, long text as prose, lists as tags. */
export function Primitive({ value, name }: { value: unknown; name?: string }) {
  if (Array.isArray(value)) return <Tags items={value} name={name} />;
  if (isUrl(value)) return <ExternalLink href={value} />;
  const text = formatPrimitive(value, name);
  return (
    <span className={text === '—' ? 'muted' : isLongText(value) ? 'prose' : undefined}>
      <Linkified text={text} />
    </span>
  );
}

export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} rel="noopener noreferrer" className="external">
      {children ?? href}
    </a>
  );
}

function Tags({ items, name }: { items: unknown[]; name?: string }) {
  if (items.length === 0) return <span className="muted">geen</span>;
  if (items.some((i) => (typeof i === 'string' && i.length > 40) || isUrl(i))) {
    return (
      <ul className="plain-list">
        {items.map((item, i) => (
          <li key={i}>
            <Primitive value={item} name={name} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="tags">
      {items.map((item, i) => (
        <li key={i}>{formatPrimitive(item, name)}</li>
      ))}
    </ul>
  );
}

/** Columns of a list of records: the union of their keys, in order of first appearance. */
export function columnsOf(rows: JsonObject[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

export function RecordTable({ rows, caption, columns = columnsOf(rows) }: { rows: JsonObject[]; caption: string; columns?: string[] }) {
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {humanise(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} className={typeof row[c] === 'number' ? 'numeric' : undefined}>
                  <Primitive value={row[c]} name={c} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A renderer of its own for the value at a path (`calendar`, `quality.purchasing_specifications`). */
export type PathRenderer = (props: { value: unknown; path: string; level: number }) => ReactNode;

interface TreeProps {
  value: unknown;
  /** Dotted path of the value from the document root, e.g. `quality.general_conditions`. */
  path: string;
  /** Heading level of the value's own heading; children get level + 1. */
  level: number;
  renderers?: Record<string, PathRenderer>;
  /** Title of the record this value sits in, to name its tables uniquely (`Geldt als — Transitieafspraak`). */
  context?: string;
}

const titleKeys = ['title', 'name', 'treatment', 'question', 'label', 'id'];
const lastKey = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/** Any value: a renderer of its own when one is registered for its path, else the generic shape. */
export function ValueTree({ value, path, level, renderers = {}, context }: TreeProps) {
  const own = renderers[path];
  if (own) return <>{own({ value, path, level })}</>;
  return <GenericTree value={value} path={path} level={level} renderers={renderers} context={context} />;
}

/** The generic shape only, for renderers that handle some keys and leave the rest (`omit`) to it. */
export function GenericTree({ value, path, level, renderers = {}, omit = [], context }: TreeProps & { omit?: string[] }) {
  const name = lastKey(path);
  const caption = context ? `${humanise(name)} — ${context}` : humanise(name);
  if (isFlat(value)) {
    return (
      <p className="value">
        <Primitive value={value} name={name} />
      </p>
    );
  }

  if (Array.isArray(value)) {
    if (value.every((v) => isObject(v) && Object.values(v).every(isFlat))) {
      return <RecordTable rows={value as JsonObject[]} caption={caption} />;
    }
    return (
      <ol className="record-list">
        {value.map((item, i) => {
          const title = isObject(item) ? titleKeys.map((k) => item[k]).find((v) => typeof v === 'string' || typeof v === 'number') : undefined;
          // A titled record is a heading of its own; the keys inside it go one level deeper.
          const inner = title === undefined ? level : level + 1;
          const Title = `h${Math.min(level + 1, 6)}` as 'h3';
          return (
            <li key={i} className="record">
              {title !== undefined && <Title className="record-title">{String(title)}</Title>}
              <ValueTree value={item} path={`${path}.${i}`} level={inner} renderers={renderers} context={title === undefined ? `${caption} ${i + 1}` : String(title)} />
            </li>
          );
        })}
      </ol>
    );
  }

  const entries = Object.entries(value as JsonObject).filter(([k]) => !omit.includes(k));
  const short = entries.filter(([, v]) => isFlat(v) && !isLongText(v));
  const long = entries.filter(([, v]) => isLongText(v));
  const nested = entries.filter(([, v]) => !isFlat(v));
  const Heading = `h${Math.min(level + 1, 6)}` as 'h3';
  return (
    <div className="value-tree">
      {long.map(([k, v]) => (
        <div key={k} className="text-block">
          <p className="text-label">{humanise(k)}</p>
          <p className="prose">
            <Linkified text={v as string} />
          </p>
        </div>
      ))}
      {short.length > 0 && (
        <dl className="facts">
          {short.map(([k, v]) => (
            <div key={k}>
              <dt>{humanise(k)}</dt>
              <dd>
                <Primitive value={v} name={k} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {nested.map(([k, v]) =>
        level < 5 ? (
          <section key={k} className="subsection">
            <Heading>{humanise(k)}</Heading>
            <ValueTree value={v} path={`${path}.${k}`} level={level + 1} renderers={renderers} context={context} />
          </section>
        ) : (
          <details key={k} className="subsection">
            <summary>{humanise(k)}</summary>
            <ValueTree value={v} path={`${path}.${k}`} level={level + 1} renderers={renderers} context={context} />
          </details>
        ),
      )}
    </div>
  );
}
