import { describe, expect, it } from 'vitest';
import { createFormatter } from '../src/figures/index.js';

const NNBSP = '\u202f';

describe('numbers in each language convention', () => {
  it.each([
    ['fr', '7000', `7${NNBSP}000`],
    ['en', '7000', '7,000'],
    ['de', '7000', '7.000'],
    ['fr', '41', '41'],
    ['en', '1234567', '1,234,567'],
    ['de', '1234567', '1.234.567'],
    ['fr', '2.5', '2,5'],
    ['en', '2.5', '2.5'],
  ])('%s formats %s as %s', async (lang, value, expected) => {
    expect((await createFormatter(lang)).number(value)).toBe(expected);
  });
});

describe('numbers spelled out', () => {
  it.each([
    ['fr', '7', 'sept'],
    ['en', '7', 'seven'],
    ['de', '7', 'sieben'],
    ['fr', '4', 'quatre'],
    ['en', '8', 'eight'],
    ['de', '3', 'drei'],
    ['fr', '21', 'vingt et un'],
    ['en', '41', 'forty-one'],
    ['de', '41', 'einundvierzig'],
  ])('%s spells %s as %s', async (lang, value, expected) => {
    const { words } = await createFormatter(lang);
    expect(words?.(value)).toBe(expected);
  });

  it('has no words for a language no module covers', async () => {
    expect((await createFormatter('eu')).words).toBeNull();
  });
});

describe('month and year of an as-of date', () => {
  it.each([
    ['fr', '2012-12', 'décembre 2012'],
    ['en', '2012-12', 'December 2012'],
    ['de', '2012-12', 'Dezember 2012'],
    ['fr', '2010-11-19', 'novembre 2010'],
    ['en', '2011-04', 'April 2011'],
  ])('%s renders %s as %s', async (lang, date, expected) => {
    expect((await createFormatter(lang)).month(date)).toBe(expected);
  });

  it('renders the year alone', async () => {
    expect((await createFormatter('fr')).year('2010-11-19')).toBe('2010');
  });

  it('does not depend on the time zone of the machine', async () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect((await createFormatter('en')).month('2012-12-01')).toBe('December 2012');
    } finally {
      process.env.TZ = previous;
    }
  });
});
