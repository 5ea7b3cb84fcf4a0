import { describe, expect, it } from 'vitest';
import { findLiterals } from '../src/check/literals/index.js';
import { wordTable } from '../src/check/literals/words.js';

const NNBSP = '\u202f';

/** Each literal as "kind:value=raw", after checking that its range points at exactly its raw text. */
function read(text: string, lang: string): string[] {
  const literals = findLiterals(text, lang);
  for (const l of literals) expect(text.slice(l.start, l.end)).toBe(l.raw);
  return literals.map((l) => `${l.kind}:${l.value}=${l.raw}`);
}

describe('number words, from the words n2words writes', () => {
  it.each<[string, string, string[]]>([
    ['fr', 'sept pays', ['number:7=sept']],
    ['fr', 'Vingt et un pays', ['number:21=Vingt et un']],
    ['fr', 'vingt-et-un pays', ['number:21=vingt-et-un']],
    ['fr', 'soixante-dix, soixante et onze, quatre-vingts, quatre-vingt-dix-neuf', ['number:70=soixante-dix', 'number:71=soixante et onze', 'number:80=quatre-vingts', 'number:99=quatre-vingt-dix-neuf']],
    ['fr', 'cent pays', ['number:100=cent']],
    ['en', 'seven countries', ['number:7=seven']],
    ['en', 'Twenty-one, twenty one, ninety-nine', ['number:21=Twenty-one', 'number:21=twenty one', 'number:99=ninety-nine']],
    ['de', 'sieben Länder, einundzwanzig, neunundneunzig, hundert', ['number:7=sieben', 'number:21=einundzwanzig', 'number:99=neunundneunzig', 'number:100=hundert']],
    ['ru', 'семь стран, двадцать один, две страны, двадцать одна', ['number:7=семь', 'number:21=двадцать один', 'number:2=две', 'number:21=двадцать одна']],
    ['ru', 'из трёх стран, из трех стран', ['number:3=трёх', 'number:3=трех']],
    ['uk', 'сім країн, двадцять один, дев’яносто, дві', ['number:7=сім', 'number:21=двадцять один', 'number:90=дев’яносто', 'number:2=дві']],
    ['ar', 'سبعة بلدان، واحد وعشرون، ثلاث دول', ['number:7=سبعة', 'number:21=واحد وعشرون', 'number:3=ثلاث']],
  ])('%s %j', (lang, text, expected) => {
    expect(read(text, lang)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['en', 'one of the three core tasks'],
    ['fr', "l'une des trois tâches, un pays, une alliance"],
    ['de', 'ein Land, eine Allianz, eins'],
    ['ru', 'один из трёх'],
  ])('never reads one: %s %j', (lang, text) => {
    expect(read(text, lang).filter((l) => l.startsWith('number:1='))).toEqual([]);
  });

  it.each<[string, string]>([
    ['en', 'two hundred troops'],
    ['en', 'two thousand troops'],
    ['fr', 'deux cents hommes'],
    ['fr', 'deux mille hommes'],
    ['ru', 'две тысячи'],
  ])('does not read a part of a number past one hundred: %s %j', (lang, text) => {
    expect(read(text, lang)).toEqual([]);
  });

  it.each(['fr', 'en', 'de', 'ru', 'uk', 'ar'])('reads every number of the %s table, whatever its case and the spaces and hyphens between its words', (lang) => {
    const table = wordTable(lang)!;
    // A fixed sequence, so that a failure shows again: 1,000 forms per language.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const separators = [' ', '-', '\u00a0', ' - ', '\u2010', '\u2011', '  '];
    const entries = [...table.cardinals].filter(([, value]) => value >= 2);
    for (let n = 0; n < 1000; n++) {
      const [key, value] = entries[next(entries.length)]!;
      let text = key
        .split(' ')
        // Capitals where they read back as the same word (not German ß, which is SS in capitals).
        .map((word) => (word.toUpperCase().toLowerCase() !== word ? word : next(3) === 0 ? word.toUpperCase() : next(2) === 0 ? word[0]!.toUpperCase() + word.slice(1) : word))
        .join('\u0000')
        .replace(/\u0000/g, () => separators[next(separators.length)]!);
      // The Latin i n2words writes for the Ukrainian letter, and apostrophes in every form.
      if (next(2) === 0) text = text.replace(/\u0456/g, 'i').replace(/'/g, '\u2019');
      expect(read(`${text} x`, lang)[0]).toBe(`number:${value}=${text}`);
    }
  });

  it('reads a language n2words has no module for as digits only', () => {
    expect(read('7 and seven', 'xx')).toEqual(['number:7=7']);
  });
});

describe('digits in the languages to come', () => {
  it.each<[string, string, string[]]>([
    ['ru', '7\u00a0000 солдат, 2,5 и 24 страны', ['number:7000=7\u00a0000', 'number:2.5=2,5', 'number:24=24']],
    ['uk', '7\u00a0000 солдатів, 2,5 і 24 країни', ['number:7000=7\u00a0000', 'number:2.5=2,5', 'number:24=24']],
    ['ar', '7,000 جندي و2.5 و 24 دولة', ['number:7000=7,000', 'number:2.5=2.5', 'number:24=24']],
    ['de', '7.000 Soldaten, 2,5 und 24 Länder', ['number:7000=7.000', 'number:2.5=2,5', 'number:24=24']],
  ])('%s %j', (lang, text, expected) => {
    expect(read(text, lang)).toEqual(expected);
  });
});

describe('ordinals and centuries', () => {
  it.each<[string, string, string[]]>([
    ['en', 'the 21st summit, 2nd, 3rd, 4th', ['ordinal:21=21st', 'ordinal:2=2nd', 'ordinal:3=3rd', 'ordinal:4=4th']],
    ['fr', 'le 21e sommet, 21ème, 1re, XXIe', ['ordinal:21=21e', 'ordinal:21=21ème', 'ordinal:1=1re', 'ordinal:21=XXIe']],
    ['en', '21st-century challenges', ['century:21=21st-century']],
    ['en', 'the twenty-first century', ['century:21=twenty-first century']],
    ['fr', 'du XXIe siècle', ['century:21=XXIe siècle']],
    ['fr', 'du XXI siècle', ['century:21=XXI siècle']],
    ['fr', `du XXIe${NNBSP}siècle`, [`century:21=XXIe${NNBSP}siècle`]],
    ['fr', 'du vingt et unième siècle', ['century:21=vingt et unième siècle']],
    ['fr', 'du Ier siècle', ['century:1=Ier siècle']],
    ['de', 'im 21. Jahrhundert', ['century:21=21. Jahrhundert']],
    ['de', 'im einundzwanzigsten Jahrhundert', ['century:21=einundzwanzigsten Jahrhundert']],
    ['ru', 'в XXI веке', ['century:21=XXI веке']],
    ['uk', 'у XXI столітті', ['century:21=XXI столітті']],
    ['uk', 'XXI століття', ['century:21=XXI століття']],
  ])('%s %j', (lang, text, expected) => {
    expect(read(text, lang)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['fr', 'dans ce siècle'],
    ['fr', 'le siècle des Lumières'],
    ['fr', 'De siècle en siècle'],
    ['en', 'this century'],
  ])('is not read from an article: %s %j', (lang, text) => {
    expect(read(text, lang)).toEqual([]);
  });
});

describe('decades', () => {
  it.each<[string, string, string[]]>([
    ['en', 'since the 1990s', ['decade:1990=1990s']],
    ['en', "since the 1990's", ["decade:1990=1990's"]],
    ['fr', 'depuis les années 1990', ['decade:1990=années 1990']],
    ['fr', 'depuis les années 90', ['decade:1990=années 90']],
    ['fr', 'depuis les années quatre-vingt-dix', ['decade:1990=années quatre-vingt-dix']],
    ['fr', 'depuis les années quatre-vingt', ['decade:1980=années quatre-vingt']],
    ['de', 'seit den 1990er Jahren', ['decade:1990=1990er Jahren']],
    ['de', 'seit den 1990ern', []],
    ['de', 'die 90er-Jahre', ['decade:1990=90er-Jahre']],
    ['ru', 'с 1990-х годов', ['decade:1990=1990-х годов']],
    ['uk', 'з 1990-х років', ['decade:1990=1990-х років']],
  ])('%s %j', (lang, text, expected) => {
    expect(read(text, lang)).toEqual(expected);
  });
});

describe('percentages', () => {
  it.each<[string, string, string[]]>([
    ['en', '5% and 5 % and 5 per cent and 5 percent', ['percent:5=5%', 'percent:5=5 %', 'percent:5=5 per cent', 'percent:5=5 percent']],
    ['fr', `5${NNBSP}% et cinq pour cent`, [`percent:5=5${NNBSP}%`, 'percent:5=cinq pour cent']],
    ['de', '5 Prozent, 2,5 %', ['percent:5=5 Prozent', 'percent:2.5=2,5 %']],
    ['ru', '5 процентов', ['percent:5=5 процентов']],
    ['uk', '5 відсотків', ['percent:5=5 відсотків']],
    ['ar', '5 في المائة و 5٪', ['percent:5=5 في المائة', 'percent:5=5٪']],
  ])('%s %j', (lang, text, expected) => {
    expect(read(text, lang)).toEqual(expected);
  });
});

describe('Roman numerals and ranges', () => {
  it.each<[string, string, string[]]>([
    ['en', 'Phase II and Chapter XIV', ['number:2=II', 'number:14=XIV']],
    ['en', 'I think so, and V and X too', []],
    ['en', 'DC, CD, MD, CV, XL, MI, MIX, CIVIL', []],
    ['en', 'IIII', []],
    ['en', 'from 2010 to 2012, 2010–2012, 2010-2012', ['year:2010=2010', 'year:2012=2012', 'year:2010=2010', 'year:2012=2012', 'year:2010=2010', 'year:2012=2012']],
    ['fr', 'de 2010 à 2012', ['year:2010=2010', 'year:2012=2012']],
  ])('%s %j', (lang, text, expected) => {
    expect(read(text, lang)).toEqual(expected);
  });
});

describe('the same quantity in every language', () => {
  const values = (text: string, lang: string) => findLiterals(text, lang).map((l) => `${l.kind}:${l.value}`);
  it('reads the seed sentences alike', () => {
    const fr = values(`Depuis les années quatre-vingt-dix, sept pays du XXIe siècle, soit 5${NNBSP}%.`, 'fr');
    expect(fr).toEqual(['decade:1990', 'number:7', 'century:21', 'percent:5']);
    expect(values('Since the 1990s, seven 21st-century countries, or 5%.', 'en')).toEqual(fr);
    expect(values('Seit den 1990er Jahren sieben Länder des 21. Jahrhunderts, d. h. 5 %.', 'de')).toEqual(fr);
    expect(values('С 1990-х годов семь стран XXI века, то есть 5 %.', 'ru')).toEqual(fr);
  });
});
