/**
 * Results taken in a fixed order while the work behind them runs ahead: at most
 * `window` items are started and not yet taken. The caller consumes results in the
 * order of `keys` whatever order the workers finish in, so what it writes and reports
 * does not depend on scheduling, and memory holds at most `window` results.
 */
export interface RenderAhead<K, R> {
  /** The result for the next key, which must be `key`. */
  take(key: K): Promise<R>;
}

export function renderAhead<K, R>(keys: readonly K[], window: number, start: (key: K) => Promise<R>): RenderAhead<K, R> {
  const started = new Map<number, Promise<R>>();
  let next = 0;
  let taken = 0;
  const fill = (): void => {
    while (next < keys.length && next < taken + Math.max(1, window)) {
      const key = keys[next]!;
      const result = Promise.resolve().then(() => start(key));
      // A failure is reported when its result is taken; one never taken (the build stopped) must not end the process.
      result.catch(() => undefined);
      started.set(next++, result);
    }
  };
  fill();
  return {
    take(key: K): Promise<R> {
      if (keys[taken] !== key) throw new Error(`results are taken in order: expected ${String(keys[taken])}, asked for ${String(key)}`);
      fill();
      const result = started.get(taken)!;
      started.delete(taken++);
      return result;
    },
  };
}
