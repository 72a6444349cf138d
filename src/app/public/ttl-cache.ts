/**
 * A small in-process cache with a time to live, for the public read model (published data per year,
 * the postcode index). One load per key at a time: concurrent callers share the pending load. After
 * the TTL the old value is still served while one refresh runs in the background
 * (stale-while-revalidate), so a request never waits for a rebuild once a value exists. A failed
 * load is not cached; a failed refresh keeps the old value and is tried again on the next call.
 *
 * The clock is monotonic (`performance.now`), not the application's business clock: tests move the
 * business date back and forth, which must not expire or freeze the cache.
 */
import type { Result } from '../../domain/errors.js';

interface Entry<V> {
  value?: V;
  expiresAt: number;
  pending?: Promise<Result<V>>;
}

export interface TtlCacheOptions<K, V> {
  /** How long a value is fresh; a function gives a value its own time (e.g. shorter for an empty one). */
  ttlMs: number | ((value: V) => number);
  load: (key: K) => Promise<Result<V>>;
  clock?: () => number;
  /** Upper bound of keys kept; the oldest key goes first. */
  maxKeys?: number;
}

export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly clock: () => number;

  constructor(private readonly options: TtlCacheOptions<K, V>) {
    this.clock = options.clock ?? (() => performance.now());
  }

  get(key: K): Promise<Result<V>> {
    const entry = this.entries.get(key);
    const now = this.clock();
    if (entry?.value !== undefined) {
      if (now >= entry.expiresAt && !entry.pending) {
        entry.pending = this.load(key, entry);
        // A failed refresh leaves the stale value; nothing waits on this promise.
        entry.pending.catch(() => {});
      }
      return Promise.resolve({ ok: true, value: entry.value });
    }
    if (entry?.pending) return entry.pending;
    const fresh: Entry<V> = { expiresAt: 0 };
    this.entries.set(key, fresh);
    this.trim();
    fresh.pending = this.load(key, fresh);
    return fresh.pending;
  }

  /** Forgets every value: the next call loads again. */
  clear(): void {
    this.entries.clear();
  }

  private async load(key: K, entry: Entry<V>): Promise<Result<V>> {
    try {
      const result = await this.options.load(key);
      if (this.entries.get(key) !== entry) return result; // cleared meanwhile: do not resurrect
      if (result.ok) {
        entry.value = result.value;
        const ttl = this.options.ttlMs;
        entry.expiresAt = this.clock() + (typeof ttl === 'number' ? ttl : ttl(result.value));
      } else if (entry.value === undefined) {
        this.entries.delete(key);
      }
      return result;
    } catch (error) {
      if (this.entries.get(key) === entry && entry.value === undefined) this.entries.delete(key);
      throw error;
    } finally {
      entry.pending = undefined;
    }
  }

  private trim(): void {
    const max = this.options.maxKeys ?? 1000;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) return;
      this.entries.delete(oldest.value);
    }
  }
}
