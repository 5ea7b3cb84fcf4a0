import { describe, expect, it } from 'vitest';
import { quotedValue, valueAt } from '../src/figures/index.js';

const history = [
  { asOf: '2013-02', value: '28' },
  { asOf: '2020-03-27', value: '30' },
  { asOf: '2024-03', value: '32' },
];

describe('the value in force at a sheet date', () => {
  it.each([
    ['2013-02-21', '28'],
    ['2013-02-01', '28'], // a month counts from its first day
    ['2020-03-26', '28'],
    ['2020-03-27', '30'],
    ['2024-02-29', '30'],
    ['2024-03-01', '32'],
    ['2031-01-01', '32'],
  ])('at %s is %s', (date, value) => expect(valueAt(history, date)?.value).toBe(value));

  it('is the latest for a sheet without a date', () => expect(valueAt(history, null)?.value).toBe('32'));

  it('is none before the first value, and the earliest is then quoted, flagged', () => {
    expect(valueAt(history, '2013-01-31')).toBeNull();
    expect(quotedValue(history, '2013-01-31')).toEqual({ entry: history[0], afterSheet: true });
  });

  it('is an undated value at any date', () => {
    const timeless = [{ asOf: null, value: '3' }];
    expect(valueAt(timeless, '1949-04-04')?.value).toBe('3');
    expect(quotedValue(timeless, '1949-04-04')?.afterSheet).toBe(false);
  });
});
