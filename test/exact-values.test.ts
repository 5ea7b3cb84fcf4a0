import { mkdirSync, appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { addDecimals, createFormatter, figuresLedger, parseDecimal } from '../src/figures/index.js';
import { renderers, sheetView } from '../src/render/index.js';
import { readProject } from '../src/sources/index.js';
import { FIXTURES, makeProject } from './helpers/project.js';

describe('registry values are exact decimals', () => {
  it.each([
    ['41', '41'],
    ['007', '7'],
    ['0.50', '0.5'],
    ['2.000', '2'],
    ['0.0000001', '0.0000001'],
    ['9007199254740993', '9007199254740993'],
  ])('reads %s as %s', (written, value) => expect(parseDecimal(written)?.value).toBe(value));

  it.each(['1e3', '.5', '5.', '0x10', '-1', '1 000'])('refuses %s', (written) => expect(parseDecimal(written)).toBeNull());

  it.each([
    [['0.1', '0.2'], '0.3'],
    [['9007199254740993', '1'], '9007199254740994'],
    [['0.0000001', '0.0000002', '3'], '3.0000003'],
    [['0.5', '0.5'], '1'],
    [['999999999999999999999999999999.99999999999999999999', '0.00000000000000000001'], '1000000000000000000000000000000'],
  ])('adds %j up to %s', (values, sum) => expect(addDecimals(values)).toBe(sum));
});

describe('exact values formatted', () => {
  it.each([
    ['fr', '0.0000001', '0,0000001'],
    ['en', '9007199254740993', '9,007,199,254,740,993'],
    ['de', '123456789012345678901234567890.12345678901234567891', '123.456.789.012.345.678.901.234.567.890,12345678901234567891'],
    ['en', '999999999999999999999999999999.99999999999999999999', '999,999,999,999,999,999,999,999,999,999.99999999999999999999'],
  ])('%s writes %s as %s', async (lang, value, text) => expect((await createFormatter(lang)).number(value)).toBe(text));

  it('spells a 15-digit number exactly', async () => {
    expect((await createFormatter('en')).words?.('100000000000001')).toBe('one hundred trillion one');
  });
});

/** French digit groups are separated by a narrow no-break space. */
const fr = (digits: string): string => digits.replace(/ /g, '\u202f');

describe('a sheet quoting exact values', async () => {
  const root = makeProject(path.join(FIXTURES, 'base'));
  appendFileSync(
    path.join(root, 'sources/figures.yaml'),
    ['tiny:', '  value: 0.0000001', 'big:', '  value: 9007199254740993', 'one:', '  value: 1', 'big.next:', '  value: 9007199254740994', '  sum: [big, one]', 'big.derived:', '  sum: [big, one]', ''].join('\n'),
  );
  mkdirSync(path.join(root, 'sources/exact'));
  writeFileSync(
    path.join(root, 'sources/exact/fr.md'),
    [
      '---',
      'title: Exact',
      'date: 2013-02-21',
      'tags: [figures]',
      '---',
      '',
      'A share of {{tiny}}, a count of {{big}}, then {{big.derived}}.',
      '',
      'Typed: 9 007 199 254 740 993 and 9 007 199 254 740 992.',
      '',
    ].join('\n'),
  );
  mkdirSync(path.join(root, 'sources/exact-words'));
  writeFileSync(path.join(root, 'sources/exact-words/fr.md'), ['---', 'title: Words', 'date: 2013-02-21', 'tags: [figures]', '---', '', '{{words big}}', ''].join('\n'));
  const result = await checkProject(await readProject(root));
  const sheet = result.sheets.find((s) => s.id === 'exact')!;
  const messages = result.diagnostics.filter((d) => d.location.file.startsWith('sources/exact') || d.location.file === 'sources/figures.yaml');

  it('takes a declared sum that is exact, without a mismatch', () => {
    expect(messages.filter((d) => d.ruleId === 'figure-sum-mismatch')).toEqual([]);
    expect(result.registry!.figures.get('big.derived')!.value).toBe('9007199254740994');
  });

  it('spots the typed value of a figure, and only that one', () => {
    expect(messages.filter((d) => d.ruleId === 'literal-figure').map((d) => `${d.location.start.line}:${d.location.start.column} ${d.message}`)).toEqual([
      '9:8 "9 007 199 254 740 993" is typed, and it is the value of figure "big"; write {{big}} so it follows the registry',
    ]);
  });

  it('refuses words it could not spell exactly', () => {
    expect(messages.filter((d) => d.ruleId === 'words-unsupported').map((d) => d.message)).toEqual([
      '"big" is 9007199254740993, and only whole numbers of up to 15 digits are spelled out; write {{big}}',
    ]);
  });

  it('states the exact values in the HTML', async () => {
    const template = result.templates.get(sheet.meta.template)!;
    const output = await renderers.html.render(sheetView(sheet, template, { languages: ['fr'] }));
    const html = output.kind === 'text' ? output.text : '';
    expect(html).toContain('<data value="0.0000001" data-figure="tiny">0,0000001</data>');
    expect(html).toContain(`<data value="9007199254740993" data-figure="big">${fr('9 007 199 254 740 993')}</data>`);
    expect(html).toContain(`<data value="9007199254740994" data-figure="big.derived">${fr('9 007 199 254 740 994')}</data>`);
  });

  it('lists the exact values in the ledger', () => {
    const ledger = figuresLedger(result.registry!, result.sheets);
    expect(ledger.filter((e) => ['tiny', 'big', 'big.derived'].includes(e.id)).map((e) => [e.id, e.value, e.uses.map((u) => u.text)])).toEqual([
      ['tiny', '0.0000001', ['0,0000001']],
      ['big', '9007199254740993', [fr('9 007 199 254 740 993')]],
      ['big.derived', '9007199254740994', [fr('9 007 199 254 740 994')]],
    ]);
  });
});
