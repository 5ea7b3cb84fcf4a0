import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { findNumberWords } from '../src/check/literals/words.js';
import { createFormatter } from '../src/figures/index.js';
import { parseExpressions } from '../src/parse/expressions.js';
import { monthCases, monthName } from '../src/figures/month-cases.js';
import { foreignLetters } from '../src/figures/own-script.js';
import { numberGrammar } from '../src/figures/spellout.js';
import { runCli } from './helpers/cli.js';
import { FIXTURES, makeProject } from './helpers/project.js';
import { pdfText } from './helpers/read-back.js';

const spell = (lang: string, value: string, grammaticalCase?: string, gender?: string) => numberGrammar(lang)!.spell(value, grammaticalCase, gender);

describe('number words in case and gender', () => {
  it.each([
    ['ru', '5', 'genitive', undefined, 'пяти'],
    ['ru', '2', 'nominative', 'feminine', 'две'],
    ['ru', '2', 'genitive', 'feminine', 'двух'],
    ['ru', '21', 'nominative', 'feminine', 'двадцать одна'],
    ['ru', '21', 'genitive', 'feminine', 'двадцати одной'],
    ['ru', '5', 'instrumental', undefined, 'пятью'],
    ['ru', '3', 'prepositional', undefined, 'трёх'],
    ['ru', '4', 'dative', undefined, 'четырём'],
    ['ru', '3', 'instrumental', undefined, 'тремя'],
    ['ru', '300', 'genitive', undefined, 'трёхсот'],
    ['ru', '41', 'dative', 'masculine', 'сорока одному'],
    ['ru', '1', 'accusative', 'feminine', 'одну'],
    ['ru', '200', 'genitive', undefined, 'двухсот'],
    ['ru', '5000', 'genitive', undefined, 'пяти тысяч'],
    ['ru', '21000', 'nominative', undefined, 'двадцать одна тысяча'],
    ['ru', '1', 'nominative', 'plural', 'одни'],
    ['uk', '7', 'nominative', undefined, 'сім'],
    ['uk', '5', 'genitive', undefined, "п'яти"],
    ['uk', '2', 'nominative', 'feminine', 'дві'],
    ['uk', '2', 'instrumental', undefined, 'двома'],
    ['uk', '21', 'genitive', 'feminine', 'двадцяти однієї'],
    ['uk', '1', 'accusative', 'feminine', 'одну'],
    ['uk', '3', 'locative', undefined, 'трьох'],
    ['uk', '7', 'instrumental', undefined, 'сімома'],
    ['uk', '40', 'dative', undefined, 'сорока'],
    ['uk', '300', 'locative', undefined, 'трьохстах'],
    ['uk', '2000', 'genitive', undefined, 'двох тисяч'],
    ['uk', '1000', 'accusative', undefined, 'одну тисячу'],
    ['uk', '5000000', 'instrumental', undefined, "п'ятьма мільйонами"],
    ['de', '1', 'dative', 'masculine', 'einem'],
    ['de', '1', 'accusative', 'masculine', 'einen'],
    ['de', '1', 'genitive', 'feminine', 'einer'],
    ['de', '1', 'nominative', 'feminine', 'eine'],
    ['de', '21', 'dative', 'masculine', 'einundzwanzig'],
  ])('%s %s in the %s (%s): %s', (lang, value, grammaticalCase, gender, expected) => {
    expect(spell(lang, value, grammaticalCase, gender)).toBe(expected);
  });

  it('names the cases and genders each language has', () => {
    expect(numberGrammar('uk')!.cases).toEqual(['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'locative']);
    expect(numberGrammar('uk')!.genders).toEqual(['masculine', 'feminine', 'neuter']);
    expect(numberGrammar('de')!.cases).toEqual(['nominative', 'accusative', 'dative', 'genitive']);
    expect(numberGrammar('en')!.cases).toEqual([]);
    expect(numberGrammar('en')!.genders).toEqual([]);
  });
});

describe('month names in cases', () => {
  it.each([
    ['ru', 'prepositional', '2012-12', 'декабре 2012\u202fг.'],
    ['ru', 'genitive', '2012-12', 'декабря 2012\u202fг.'],
    ['ru', 'instrumental', '2013-02', 'февралём 2013\u202fг.'],
    ['uk', 'locative', '1994-12', 'грудні 1994\u202fр.'],
    ['uk', 'genitive', '1994-02', 'лютого 1994\u202fр.'],
    ['uk', 'locative', '1994-02', 'лютому 1994\u202fр.'],
  ])('%s month in the %s of %s: %s', async (lang, grammaticalCase, date, expected) => {
    expect((await createFormatter(lang)).month(date, grammaticalCase)).toBe(expected);
  });

  it.each(['ru', 'uk'])("%s: the nominative and genitive tables are CLDR's", (lang) => {
    const standalone = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
    const inDate = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' });
    for (let m = 1; m <= 12; m++) {
      const date = new Date(Date.UTC(2000, m - 1, 15));
      expect(monthName(lang, 'nominative', m)).toBe(standalone.format(date));
      expect(monthName(lang, 'genitive', m)).toBe(inDate.formatToParts(date).find((p) => p.type === 'month')!.value);
    }
  });

  it('has no cases for months in languages that do not decline them', () => {
    expect(monthCases('de')).toEqual([]);
    expect(monthCases('en')).toEqual([]);
  });
});

describe("number words in the language's own script", () => {
  it.each(['fr', 'en', 'de', 'ru', 'uk', 'ar'])('%s: every letter of the words for 0 to 1000 and some large numbers', async (lang) => {
    const formatter = await createFormatter(lang);
    const values = [...Array.from({ length: 1001 }, (_, n) => String(n)), '1000000', '2000000000', '123456789012345'];
    const foreign = new Set(values.flatMap((v) => foreignLetters(lang, formatter.words!(v))));
    expect([...foreign]).toEqual([]);
  });

  it.each(['ru', 'uk', 'de'])('%s: every letter of the inflected words for 0 to 1000', (lang) => {
    const grammar = numberGrammar(lang)!;
    const foreign = new Set<string>();
    for (const c of grammar.cases) for (const g of grammar.genders) for (let n = 0; n <= 1000; n += 7) for (const l of foreignLetters(lang, grammar.spell(String(n), c, g))) foreign.add(l);
    expect([...foreign]).toEqual([]);
  });

  it('writes Ukrainian seven with the Cyrillic і', async () => expect((await createFormatter('uk')).words!('7')).toBe('сім'));

  it('sees a Latin letter in Cyrillic words', () => expect(foreignLetters('uk', 'сiм')).toEqual(['i']));
});

describe('inflected number words read back', () => {
  it.each([
    ['ru', 'из пяти стран и с двумя партнёрами', ['5', '2']],
    ['ru', 'двадцати одной встречи', ['21']],
    ['uk', "з п'ятьма країнами, у двох містах", ['5', '2']],
    ['uk', 'сорока однієї країни', ['41']],
  ])('%s "%s"', (lang, text, values) => {
    expect(findNumberWords(text, lang, []).map((l) => l.value)).toEqual(values);
  });

  it('does not read a case form of a number past one hundred as its first word', () => {
    expect(findNumberWords('из пяти тысяч', 'ru', [])).toEqual([]);
  });
});

describe('British English dates', () => {
  it('writes the month and year as in British English, as in American English', async () => {
    expect((await createFormatter('en')).month('2013-02')).toBe('February 2013');
    expect((await createFormatter('en-US')).month('2013-02')).toBe('February 2013');
  });
});

describe('a Russian and a Ukrainian sheet, built and read back', async () => {
  const root = makeProject(path.join(FIXTURES, 'base'), path.join(FIXTURES, 'grammar'));
  // The template's labels in these languages are the repository's.
  const run = await runCli(['build', '--root', root], root);
  const out = path.join(root, 'out');
  const html = (lang: string) => textOf(parse(readFileSync(path.join(out, lang, 'sample.html'), 'utf8'))).replace(/[ \t\r\n]+/g, ' ');

  it('builds with no error', () => {
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.code).toBe(0);
  });

  it.each([
    ['ru', 'НАТО сотрудничает с 11 странами, в том числе с тремя глобальными партнёрами.'],
    ['ru', 'В декабре 2012\u202fг. более 7\u00a0000 военнослужащих.'],
    ['ru', 'двадцати восьми союзников;'],
    ['uk', 'НАТО співпрацює з 11 країнами, зокрема з трьома глобальними партнерами.'],
    ['uk', 'У грудні 2012\u202fр. понад 7\u00a0000 військовослужбовців.'],
    ['uk', 'двадцяти восьми країн;'],
  ])('%s web page says "%s"', (lang, sentence) => {
    expect(html(lang)).toContain(sentence);
  });

  it.each([
    ['ru', ['сотрудничает с 11 странами', 'В декабре 2012\u202fг.', 'двадцати восьми союзников']],
    ['uk', ['співпрацює з 11 країнами', 'У грудні 2012\u202fр.', 'двадцяти восьми країн']],
  ])('%s PDF says the same', (lang, phrases) => {
    // pdftotext gives every kind of space as a plain one.
    const spaced = (t: string) => t.replace(/\s+/g, ' ');
    const text = spaced(pdfText(path.join(out, lang as string, 'sample.pdf')));
    for (const phrase of phrases as string[]) expect(text).toContain(spaced(phrase));
  });

  it('dates the English sheet in British style', () => expect(html('en')).toContain('21 February 2013'));
});

type Node = { nodeName: string; value?: string; childNodes?: Node[] };

function textOf(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  if (node.nodeName === 'script' || node.nodeName === 'style') return '';
  return (node.childNodes ?? []).map(textOf).join('');
}

describe('grammar options checked against the language', async () => {
  const root = makeProject(path.join(FIXTURES, 'base'), path.join(FIXTURES, 'grammar'));
  const edit = (lang: string, from: string, to: string) => {
    const file = path.join(root, 'sources/sample', `${lang}.md`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };
  edit('ru', 'case="prepositional"', 'case="prepositionl"');
  edit('ru', 'few="военнослужащих" ', '');
  edit('uk', 'case="locative"', 'case="prepositional"');
  edit('uk', 'gender="feminine"', 'gender="feminin"');
  edit('en', '{{allies.count}}', '{{allies.count one="Ally" few="Allies" other="Allies"}}');
  const run = await runCli(['check', '--root', root], root);
  const errors = run.stdout
    .concat(run.stderr)
    .split('\n')
    .filter((line) => /: error: /.test(line));

  it('reports each at its option, with what the language has', () => {
    expect(errors).toEqual([
      'sources/sample/en.md:14:33: error: English has no plural form "few" (its forms are one, other) [grammar-form-unknown]',
      'sources/sample/ru.md:12:30: error: Russian month names have no case "prepositionl"; did you mean "prepositional"? (the cases are nominative, genitive, dative, accusative, instrumental, prepositional, locative) [grammar-form-unknown]',
      'sources/sample/ru.md:12:79: error: the noun needs every form Russian gives a noun after a whole number: add few="..." (as after 2, 3, 4) [plural-form-missing]',
      'sources/sample/uk.md:12:30: error: Ukrainian month names have no case "prepositional" (the cases are nominative, genitive, dative, accusative, instrumental, locative) [grammar-form-unknown]',
      'sources/sample/uk.md:14:40: error: Ukrainian number words have no gender "feminin"; did you mean "feminine"? (the genders are masculine, feminine, neuter) [grammar-form-unknown]',
    ]);
    expect(run.code).toBe(1);
  });
});

describe('a typed inflected number compared with the original', async () => {
  const check = async (typed: string) => {
    const root = makeProject(path.join(FIXTURES, 'base'), path.join(FIXTURES, 'grammar'));
    const append = (lang: string, from: string, to: string) => {
      const file = path.join(root, 'sources/sample', `${lang}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
    };
    append('fr', 'partenaires mondiaux.', 'partenaires mondiaux, sur huit continents.');
    append('ru', 'глобальными партнёрами.', `глобальными партнёрами, на ${typed} континентах.`);
    const run = await runCli(['check', '--root', root], root);
    return run.stdout.concat(run.stderr).split('\n').filter((line) => line.startsWith('sources/sample/ru.md') && line.includes('[literal-mismatch]'));
  };

  it('agrees when the case form states the same number', async () => expect(await check('восьми')).toEqual([]));

  it('differs when it states another', async () => {
    expect(await check('семи')).toEqual(['sources/sample/ru.md:8:173: error: this translation says "семи" where the fr original says "huit" [literal-mismatch]']);
  });
});

describe('options as the parser reads them', () => {
  const problems = (text: string) => parseExpressions(text).flatMap((s) => (s.kind === 'problem' ? [`${s.ruleId} ${s.start}-${s.end}: ${s.message}`] : []));

  it.each([
    ['{{a.b one=3}}', 'expression-invalid 10-11: option "one" takes a word, like one="..."'],
    ['{{words a.b case=@index}}', 'expression-invalid 17-23: option "case" takes a word, like case="genitive"'],
    ['{{words a.b case="genitive" case="dative"}}', 'grammar-option-unknown 28-41: option "case" is given twice'],
    ['{{a.b case="genitive"}}', 'grammar-option-unknown 6-21: {{a.b}} has no option "case" (it takes zero, one, two, few, many, other)'],
    ['{{month a.b gendr="feminine"}}', 'grammar-option-unknown 12-28: {{month a.b}} has no option "gendr" (it takes case)'],
    ['{{words a.b gendr="feminine"}}', 'grammar-option-unknown 12-28: {{words a.b}} has no option "gendr"; did you mean "gender"? (it takes case, gender, zero, one, two, few, many, other)'],
  ])('%s', (text, expected) => expect(problems(text)).toEqual([expected]));

  it('reads quoted and bare values with their places', () => {
    const [segment] = parseExpressions('{{words a.b case=genitive one="страны"}}');
    expect(segment).toMatchObject({ kind: 'reference', form: 'words', options: [{ key: 'case', value: 'genitive', start: 12, end: 25 }, { key: 'one', value: 'страны', start: 26, end: 38 }] });
  });
});
