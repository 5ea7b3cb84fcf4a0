import { describe, expect, it } from 'vitest';
import { alignSequences } from '../src/check/translation/align-sequences.js';

const same = (x: number, y: number) => (x === y ? 1 : -1);

describe('alignSequences', () => {
  // Long sequences are aligned in a band around the diagonal; it must find what the full matrix finds.
  it.each([10, 2000])('finds the missing and extra elements of %i-element sequences', (length) => {
    const a = Array.from({ length }, (_, i) => i);
    const missing = new Set([3, Math.floor(length / 2), length - 2]);
    const b = a.filter((x) => !missing.has(x));
    b.splice(5, 0, -1);
    const pairs = alignSequences(a, b, same);
    expect(pairs.filter(([i, j]) => i !== null && j !== null).every(([i, j]) => a[i!] === b[j!])).toBe(true);
    expect(pairs.filter(([, j]) => j === null).map(([i]) => a[i!])).toEqual([...missing]);
    expect(pairs.filter(([i]) => i === null).map(([, j]) => b[j!])).toEqual([-1]);
  });

  it('aligns a long sequence whose other side lacks a long stretch', () => {
    const a = Array.from({ length: 1500 }, (_, i) => i);
    const b = [...a.slice(0, 400), ...a.slice(900)];
    const pairs = alignSequences(a, b, same);
    expect(pairs.filter(([, j]) => j === null).map(([i]) => a[i!])).toEqual(a.slice(400, 900));
    expect(pairs.filter(([i]) => i === null)).toEqual([]);
  });
});
