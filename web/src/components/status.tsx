/** Loading, error and empty states, announced to assistive technology. */
import type { ReactNode } from 'react';
import type { Resource } from '../use-resource';

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      {what} laden…
    </p>
  );
}

export function ErrorMessage({ children, title = 'Er ging iets mis' }: { children: ReactNode; title?: string }) {
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
      <div>{children}</div>
    </div>
  );
}

/** Shows loading or the failure of a resource, or renders `children` with its data. */
export function Loaded<T>({ resource, what, children }: { resource: Resource<T>; what: string; children(data: T): ReactNode }) {
  if (resource.status === 'loading') return <Loading what={what} />;
  if (resource.status === 'failed') return <ErrorMessage>{resource.message}</ErrorMessage>;
  return <>{children(resource.data)}</>;
}

/** A wide table scrolls sideways on small screens; the region is focusable so keyboards can scroll it. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export function TagList({ items, empty = 'Geen' }: { items: readonly string[] | undefined; empty?: string }) {
  if (!items || items.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="tags">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
