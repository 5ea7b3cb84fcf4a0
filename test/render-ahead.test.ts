import { describe, expect, it } from 'vitest';
import { renderAhead } from '../src/render/pool/index.js';

/** A promise with its resolve at hand, to finish work in any order the test likes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('results taken in order while the work runs ahead', () => {
  it('gives results in the order of the keys when the work finishes in the reverse order, never starting more than the window ahead', async () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const work = new Map(keys.map((k) => [k, deferred<string>()]));
    const started: string[] = [];
    const ahead = renderAhead(keys, 2, (key) => {
      started.push(key);
      return work.get(key)!.promise;
    });
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    for (const key of [...keys].reverse()) work.get(key)!.resolve(`done ${key}`);
    const taken: string[] = [];
    for (const key of keys) {
      taken.push(await ahead.take(key));
      // At most the window is started and not yet taken.
      expect(started.length - taken.length).toBeLessThanOrEqual(2);
    }
    expect(taken).toEqual(keys.map((k) => `done ${k}`));
    expect(started).toEqual(keys);
  });

  it('reports a failure when its result is taken, not before', async () => {
    const ahead = renderAhead(['a', 'b'], 2, async (key) => {
      if (key === 'b') throw new Error('b failed');
      return key;
    });
    await expect(ahead.take('a')).resolves.toBe('a');
    await expect(ahead.take('b')).rejects.toThrow('b failed');
  });

  it('refuses to give results out of order', () => {
    const ahead = renderAhead(['a', 'b'], 1, async (key) => key);
    expect(() => ahead.take('b')).toThrow(/in order/);
  });
});
