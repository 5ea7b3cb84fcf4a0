import { describe, expect, it } from 'vitest';
import { boundedEditDistance, closest, editDistance } from '../src/figures/suggest.js';

/** The full-matrix distance and exhaustive search the bounded ones must agree with. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

function referenceClosest(name: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = referenceDistance(name, candidate);
    if (distance < bestDistance || (distance === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

// A fixed pseudo-random sequence over a small alphabet, so near misses and ties are common.
function words(count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number) => (state = (state * 1103515245 + 12345) % 2 ** 31) % n;
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(12) }, () => 'abc.-'[next(5)]).join(''));
}

describe('edit distance', () => {
  it.each([
    ['partners.totl', 'partners.total', 1],
    ['partenrs.total', 'partners.total', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('of %s and %s is %d', (a, b, expected) => expect(editDistance(a, b)).toBe(expected));

  it('is exact up to the bound and above it beyond', () => {
    const list = words(300, 1);
    for (let i = 0; i + 1 < list.length; i++) {
      const [a, b] = [list[i]!, list[i + 1]!];
      const exact = referenceDistance(a, b);
      for (const bound of [0, 1, 2, 3, 5]) {
        const bounded = boundedEditDistance(a, b, bound);
        if (exact <= bound) expect(bounded, `${a} ${b} ${bound}`).toBe(exact);
        else expect(bounded, `${a} ${b} ${bound}`).toBeGreaterThan(bound);
      }
    }
  });
});

describe('did-you-mean suggestions', () => {
  it('are those of the exhaustive search, ties included', () => {
    const candidates = words(300, 2);
    for (const name of words(200, 3)) expect(closest(name, candidates), name).toBe(referenceClosest(name, candidates));
  });

  it('prefer the first in code-unit order among equally close candidates', () => {
    expect(closest('partners.b', ['partners.c', 'partners.a'])).toBe('partners.a');
  });

  it('offer nothing beyond a third of the name', () => expect(closest('abcdefghi', ['abcdewxyz', 'wxyzefghi'])).toBeNull());
});
