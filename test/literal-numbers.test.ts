import { describe, expect, it } from 'vitest';
import { describeLiteral, findLiterals, type Literal, type LiteralKind } from '../src/check/literals/index.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const THIN = '\u2009';

type Expected = [kind: LiteralKind, value: string, raw: string];

/** Every literal's range must point at exactly its raw text. */
function found(text: string, lang: string): Expected[] {
  const literals = findLiterals(text, lang);
  for (const l of literals) expect(text.slice(l.start, l.end)).toBe(l.raw);
  const starts = literals.map((l) => l.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  return literals.map((l) => [l.kind, l.value, l.raw]);
}

describe('numbers in each language convention', () => {
  it.each<[string, string, Expected[]]>([
    ['fr', `plus de 7${NNBSP}000 hommes`, [['number', '7000', `7${NNBSP}000`]]],
    ['fr', `7${NBSP}000`, [['number', '7000', `7${NBSP}000`]]],
    ['fr', '7 000', [['number', '7000', '7 000']]],
    ['fr', `7${THIN}000`, [['number', '7000', `7${THIN}000`]]],
    ['fr', '7000', [['number', '7000', '7000']]],
    ['en', '7000', [['number', '7000', '7000']]],
    ['en', '7,000', [['number', '7000', '7,000']]],
    ['en-GB', '7,000 troops', [['number', '7000', '7,000']]],
    ['de', '7.000', [['number', '7000', '7.000']]],
    ['de', '7000 Soldaten', [['number', '7000', '7000']]],
    ['fr', '1 234 567', [['number', '1234567', '1 234 567']]],
    ['en', '1,234,567', [['number', '1234567', '1,234,567']]],
    ['de', '1.234.567', [['number', '1234567', '1.234.567']]],
    ['fr', '2,5', [['number', '2.5', '2,5']]],
    ['de', '2,5', [['number', '2.5', '2,5']]],
    ['en', '2.5', [['number', '2.5', '2.5']]],
    ['fr', '7 000,50', [['number', '7000.5', '7 000,50']]],
    ['de-CH', `1'234'567.5`, [['number', '1234567.5', `1'234'567.5`]]],
    ['en', '1,234.5', [['number', '1234.5', '1,234.5']]],
    ['de', '1.234,5', [['number', '1234.5', '1.234,5']]],
    ['en', '0.5', [['number', '0.5', '0.5']]],
    ['fr', `7${NNBSP}%`, [['percent', '7', `7${NNBSP}%`]]],
    ['en', '€7,000 and 5%', [['number', '7000', '7,000'], ['percent', '5', '5%']]],
  ])('%s %j', (lang, text, expected) => {
    expect(found(text, lang)).toEqual(expected);
  });
});

describe('separators that are punctuation, not grouping', () => {
  it.each<[string, string, Expected[]]>([
    ['en', '3, 4 and 5', [['number', '3', '3'], ['number', '4', '4'], ['number', '5', '5']]],
    ['de', 'im Jahr 2010.', [['year', '2010', '2010']]],
    ['de', 'im Jahr 2010. 24 Länder', [['year', '2010', '2010'], ['number', '24', '24']]],
    ['en', 'in 2010.', [['year', '2010', '2010']]],
    ['fr', 'entre 24 et 28', [['number', '24', '24'], ['number', '28', '28']]],
    ['fr', '1 2', [['number', '1', '1'], ['number', '2', '2']]],
    ['fr', '3, 4 et 5', [['number', '3', '3'], ['number', '4', '4'], ['number', '5', '5']]],
    ['fr', 'en 2012 24 pays', [['year', '2012', '2012'], ['number', '24', '24']]],
    ['fr', 'en 2012 240 pays', [['year', '2012', '2012'], ['number', '240', '240']]],
    ['fr', 'en 2012 240 000 pays', [['year', '2012', '2012'], ['number', '240000', '240 000']]],
    ['fr', '7 0001', [['number', '7', '7'], ['number', '1', '0001']]],
    ['en', 'from 2010-2012', [['year', '2010', '2010'], ['year', '2012', '2012']]],
    ['en', 'a 10-year plan', [['number', '10', '10']]],
  ])('%s %j', (lang, text, expected) => {
    expect(found(text, lang)).toEqual(expected);
  });
});

describe('years', () => {
  it.each<[string, string, Expected[]]>([
    ['fr', 'en 2010', [['year', '2010', '2010']]],
    ['en', 'in 1999', [['year', '1999', '1999']]],
    ['de', '(2010)', [['year', '2010', '2010']]],
    ['en', '999 and 3000', [['number', '999', '999'], ['number', '3000', '3000']]],
    ['fr', '2 010', [['number', '2010', '2 010']]],
    ['en', '2,010', [['number', '2010', '2,010']]],
    ['en', '2010.5', [['number', '2010.5', '2010.5']]],
  ])('%s %j', (lang, text, expected) => {
    expect(found(text, lang)).toEqual(expected);
  });
});

describe('month-year dates', () => {
  it.each<[string, string, Expected[]]>([
    ['fr', 'novembre 2010', [['date', '2010-11', 'novembre 2010']]],
    ['en', 'November 2010', [['date', '2010-11', 'November 2010']]],
    ['de', 'November 2010', [['date', '2010-11', 'November 2010']]],
    ['de', 'Dezember 2012', [['date', '2012-12', 'Dezember 2012']]],
    ['fr', 'Décembre 2012', [['date', '2012-12', 'Décembre 2012']]],
    ['fr', 'DÉCEMBRE 2012', [['date', '2012-12', 'DÉCEMBRE 2012']]],
    ['fr', `août${NBSP}2010`, [['date', '2010-08', `août${NBSP}2010`]]],
    ['de', 'im März 2011', [['date', '2011-03', 'März 2011']]],
    ['fr', 'en décembre 2012, 24 pays', [['date', '2012-12', 'décembre 2012'], ['number', '24', '24']]],
    ['en', 'In December 2012, 24 non-NATO countries', [['date', '2012-12', 'December 2012'], ['number', '24', '24']]],
    ['de', 'im Dezember 2012 24 Länder', [['date', '2012-12', 'Dezember 2012'], ['number', '24', '24']]],
    ['de', '3. Oktober 2010', [['date', '2010-10', '3. Oktober 2010']]],
    ['fr', 'le 3 octobre 2010', [['date', '2010-10', '3 octobre 2010']]],
    ['fr', 'le 1er mai 2010', [['date', '2010-05', '1er mai 2010']]],
    ['en', 'on October 3, 2010', [['date', '2010-10', 'October 3, 2010']]],
    ['en', 'on 3 October 2010', [['date', '2010-10', '3 October 2010']]],
    ['en', 'October 3rd, 2010', [['date', '2010-10', 'October 3rd, 2010']]],
    ['en', 'from October 2010 to March 2011', [['date', '2010-10', 'October 2010'], ['date', '2011-03', 'March 2011']]],
    // Every case `{{month id case=...}}` writes is read back, the prepositional too.
    ['ru', 'в ноябре 2010', [['date', '2010-11', 'ноябре 2010']]],
    ['uk', 'у листопаді 2010', [['date', '2010-11', 'листопаді 2010']]],
    ['ru', '3 ноября 2010', [['date', '2010-11', '3 ноября 2010']]],
    ['ru', 'ноябрь 2010', [['date', '2010-11', 'ноябрь 2010']]],
  ])('%s %j', (lang, text, expected) => {
    expect(found(text, lang)).toEqual(expected);
  });

  it('recognises only the text language month names', () => {
    expect(found('November 2010', 'fr')).toEqual([['year', '2010', '2010']]);
  });

  it('drops a day of month without a year', () => {
    expect(found('am 3. Oktober', 'de')).toEqual([]);
    expect(found('le 3 octobre', 'fr')).toEqual([]);
    expect(found('on October 3', 'en')).toEqual([]);
    expect(found('3. Platz', 'de')).toEqual([['number', '3', '3']]);
  });

  it('keeps a grouped number after a month name', () => {
    expect(found('en décembre 24 000 hommes', 'fr')).toEqual([['number', '24000', '24 000']]);
  });
});

describe('not literals', () => {
  it.each<[string, string]>([
    ['en', 'the G20'],
    ['en', 'COVID-19'],
    ['fr', 'la COVID‑19'],
    ['de', 'COVID-19'],
    ['en', '+32(0)2 707 1010/1002'],
    ['fr', 'tél. +32(0)2 707 1010/1002'],
    ['en', '24/12/2010'],
    ['de', '10.5.2010'],
    ['en', '10:30'],
    ['en', '50km'],
    ['en', 'v1.2.3'],
    ['en', 'A4'],
    ['de-CH', '1’234’567'],
    ['en', ''],
    ['fr', 'aucun chiffre'],
  ])('%s %j', (lang, text) => {
    expect(findLiterals(text, lang)).toEqual([]);
  });
});

describe('positions', () => {
  it('gives exact ranges in a mixed sentence', () => {
    const text = `En novembre 2010, plus de 7${NNBSP}000 soldats de 24 pays (soit 2,5 %) étaient déployés.`;
    const literals = findLiterals(text, 'fr');
    expect(literals).toEqual<Literal[]>([
      { kind: 'date', value: '2010-11', raw: 'novembre 2010', start: 3, end: 16, written: 'digits' },
      { kind: 'number', value: '7000', raw: `7${NNBSP}000`, start: 26, end: 31, written: 'digits' },
      { kind: 'number', value: '24', raw: '24', start: 43, end: 45, written: 'digits' },
      { kind: 'percent', value: '2.5', raw: '2,5 %', start: 57, end: 62, written: 'digits', unit: ' %' },
    ]);
    for (const l of literals) expect(text.slice(l.start, l.end)).toBe(l.raw);
  });

  it('gives the same values for the same quantities in three languages', () => {
    const values = (text: string, lang: string) => findLiterals(text, lang).map((l) => `${l.kind}:${l.value}`);
    const fr = values(`En décembre 2012, 24 pays et 7${NNBSP}000 hommes, soit 2,5 %.`, 'fr');
    expect(values('In December 2012, 24 countries and 7,000 troops, or 2.5%.', 'en')).toEqual(fr);
    expect(values('Im Dezember 2012 24 Länder und 7.000 Soldaten, d. h. 2,5 %.', 'de')).toEqual(fr);
    expect(fr).toEqual(['date:2012-12', 'number:24', 'number:7000', 'percent:2.5']);
  });
});

describe('describeLiteral', () => {
  it('shows what was written, with plain spaces', () => {
    const [number] = findLiterals(`plus de 7${NNBSP}000 hommes`, 'fr');
    const [date] = findLiterals(`en novembre${NBSP}2010`, 'fr');
    expect(number && describeLiteral(number)).toBe('7 000');
    expect(date && describeLiteral(date)).toBe('novembre 2010');
    expect(describeLiteral({ kind: 'number', value: '2.5', raw: '2,5', start: 0, end: 3, written: 'digits' })).toBe('2,5');
  });
});

describe('language tags', () => {
  it('rejects a malformed tag', () => {
    expect(() => findLiterals('7', 'en_US')).toThrow(RangeError);
  });

  it('caches rules and gives the same answer on each call', () => {
    expect(findLiterals('7,000', 'EN')).toEqual(findLiterals('7,000', 'en'));
  });
});
