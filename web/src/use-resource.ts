/** Loads data for a page: loading, failed (with the Dutch message) or ready; aborts on leave. */
import { useEffect, useState, type DependencyList } from 'react';
import { ApiError, errorMessage } from './api';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'failed'; message: string; httpStatus: number | null }
  | { status: 'ready'; data: T };

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({ status: 'failed', message: errorMessage(error), httpStatus: error instanceof ApiError ? error.status : null });
      },
    );
    return () => controller.abort();
  }, deps);
  return resource;
}

/**
 * `useResource` with a `reload()` that fetches again while the data already shown stays on screen
 * (no "laden…" flash after a change); a failure of the reload replaces it.
 */
export function useReloadableResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): [Resource<T>, () => void] {
  const [version, setVersion] = useState(0);
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResource((current) => (version > 0 && current.status === 'ready' ? current : { status: 'loading' }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({ status: 'failed', message: errorMessage(error), httpStatus: error instanceof ApiError ? error.status : null });
      },
    );
    return () => controller.abort();
  }, [...deps, version]);
  return [resource, () => setVersion((v) => v + 1)];
}
