import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairUnits, textChange } from '../src/check/translation/text-change.js';

const words = fc.array(fc.constantFrom('pays', 'dont', ',', '(voir', '[la liste](https://x))', 'OTAN', '2013-02-21', '.'), { maxLength: 12 }).map((w) => w.join(' ').replace(/ ,/g, ','));

describe('a text change', () => {
  it('puts the old text back from the parts not added, and the new from those not removed', () => {
    fc.assert(
      fc.property(words, words, (old, now) => {
        const { parts } = textChange(old, now);
        expect(parts.filter((p) => p.change !== 'added').map((p) => p.text).join('')).toBe(old);
        expect(parts.filter((p) => p.change !== 'removed').map((p) => p.text).join('')).toBe(now);
      }),
    );
  });

  it('marks only the words that changed', () => {
    expect(textChange('pays, dont', 'pays (voir [la liste](https://x)), dont').parts).toEqual([
      { text: 'pays', change: 'same' },
      { text: ' (voir [la liste](https://x))', change: 'added' },
      { text: ', dont', change: 'same' },
    ]);
  });
});

describe('pairing the units of a section', () => {
  it('shows a unit inserted before others as one addition, not every later unit changed', () => {
    expect(pairUnits(['a', 'b', 'c'], ['a', 'x', 'b', 'c'])).toEqual([{ kind: 'added', then: null, now: 1 }]);
  });

  it('pairs units changed between unchanged ones in order, the surplus removed', () => {
    expect(pairUnits(['a', 'b', 'c', 'd'], ['a', 'B', 'd'])).toEqual([
      { kind: 'changed', then: 1, now: 1 },
      { kind: 'removed', then: 2, now: 2 },
    ]);
  });
});
