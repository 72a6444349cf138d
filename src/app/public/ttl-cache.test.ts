import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../domain/errors.js';
import { TtlCache } from './ttl-cache.js';

function harness() {
  let now = 0;
  let loads = 0;
  let next: () => Promise<Result<number>> = async () => ok(++loads);
  const cache = new TtlCache<string, number>({ ttlMs: 1000, clock: () => now, load: () => next() });
  return { cache, tick: (ms: number) => (now += ms), loads: () => loads, setLoader: (f: () => Promise<Result<number>>) => (next = f) };
}

describe('TtlCache', () => {
  it('loads once for concurrent callers and serves the value until the TTL', async () => {
    const h = harness();
    const [a, b] = await Promise.all([h.cache.get('k'), h.cache.get('k')]);
    expect([a, b]).toEqual([ok(1), ok(1)]);
    h.tick(999);
    expect(await h.cache.get('k')).toEqual(ok(1));
    expect(h.loads()).toBe(1);
  });

  it('serves the stale value while one refresh runs, then the new one', async () => {
    const h = harness();
    await h.cache.get('k');
    h.tick(1000);
    let release: (value: Result<number>) => void = () => {};
    let refreshes = 0;
    h.setLoader(() => {
      refreshes += 1;
      return new Promise((resolve) => (release = resolve));
    });
    expect(await h.cache.get('k')).toEqual(ok(1));
    expect(await h.cache.get('k')).toEqual(ok(1));
    expect(refreshes).toBe(1);
    release(ok(2));
    await new Promise((r) => setTimeout(r, 0));
    expect(await h.cache.get('k')).toEqual(ok(2));
  });

  it('does not cache a failure', async () => {
    const h = harness();
    h.setLoader(async () => fail('not_found', 'weg'));
    expect((await h.cache.get('other')).ok).toBe(false);
    h.setLoader(async () => ok(7));
    expect(await h.cache.get('other')).toEqual(ok(7));
  });

  it('gives a value its own time to live', async () => {
    let now = 0;
    let loads = 0;
    const cache = new TtlCache<string, number>({ ttlMs: (v) => (v === 0 ? 10 : 1000), clock: () => now, load: async () => ok(loads++) });
    expect(await cache.get('k')).toEqual(ok(0));
    now = 10;
    expect(await cache.get('k')).toEqual(ok(0)); // stale: refresh started
    await new Promise((r) => setTimeout(r, 0));
    now = 500;
    expect(await cache.get('k')).toEqual(ok(1));
    expect(loads).toBe(2);
  });

  it('keeps the stale value when a refresh fails, and forgets everything on clear', async () => {
    const h = harness();
    await h.cache.get('k');
    h.tick(5000);
    h.setLoader(async () => {
      throw new Error('database down');
    });
    expect(await h.cache.get('k')).toEqual(ok(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(await h.cache.get('k')).toEqual(ok(1));
    h.cache.clear();
    h.setLoader(async () => ok(9));
    expect(await h.cache.get('k')).toEqual(ok(9));
  });
});
