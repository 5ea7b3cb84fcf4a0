import { createRequire } from 'node:module';
import { numberWordsModuleNames } from '../../figures/format.js';
import { numberGrammar } from '../../figures/spellout.js';
import { overlaps, type Literal, type Span } from './literal.js';

/**
 * Numbers written in words ("sept", "twenty-one", "einundzwanzig", "двадцать один").
 *
 * No word list is kept here: the words are those n2words writes for `{{words id}}`, generated
 * for 0..100 in the language and read back through a reverse table, so every language n2words
 * spells is read the same way it is written. Forms are compared case-insensitively, with
 * hyphens and spaces alike ("vingt-et-un", "vingt et un"; "twenty one", "twenty-one"), in
 * both genders where n2words has them (ru "одна"/"один", ar "ثلاثة"/"ثلاث"), in the French
 * spellings of 1990 (all hyphens), with "quatre-vingt" for "quatre-vingts" and de "hundert"
 * for "einhundert". Ordinal words ("twenty-first", "vingt et unième") are read only before a
 * word for century (see ordinals.ts): alone, "first" and "second" are too often not numbers.
 *
 * Decisions:
 * - The words for 0 and 1 are never literals: "un"/"une" are French articles, "one" an English
 *   pronoun ("one of the three core tasks"), "ein" a German article; "zéro" and "null" are
 *   rarely quantities. Two to one hundred are read.
 * - The forms n2words writes are known, and every case and gender `{{words id case=... gender=...}}`
 *   writes (ru "двух", "пятью", uk "двома"), so a typed inflected number is compared too.
 *   Numbers spelt past one hundred are not read.
 * - Residual: a word that is also a number is read as one (fr "un avion neuf" reads 9).
 */

type Spell = (value: string, options?: Record<string, unknown>) => string;

interface NumberWordsModule {
  toCardinal?: Spell;
  toOrdinal?: Spell;
}

export interface WordTable {
  cardinals: ReadonlyMap<string, number>;
  /** Words that make a bigger number of the one before or after them ("hundred", "cents", "тысячи"). */
  multipliers: ReadonlySet<string>;
  /** The words numbers below one hundred are written with ("two", "vingt", "et"). */
  small: ReadonlySet<string>;
  ordinals: ReadonlyMap<string, number>;
  /** The most words a number of the table is written with. */
  maxWords: number;
}

const FIRST = 2;
const LAST = 100;
const GENDERS = [undefined, { gender: 'feminine' }, { withHyphenSeparator: true }] as const;

// n2words is ESM without top-level await, so it loads synchronously: reading text stays a pure, synchronous function.
const require = createRequire(import.meta.url);
const tables = new Map<string, WordTable | null>();

/** The words table of a language, or null when n2words does not spell it. */
export function wordTable(lang: string): WordTable | null {
  if (tables.has(lang)) return tables.get(lang)!;
  const module = loadModule(lang);
  const table = module ? buildTable(lang, module) : null;
  tables.set(lang, table);
  return table;
}

function loadModule(lang: string): NumberWordsModule | null {
  for (const name of numberWordsModuleNames(lang)) {
    try {
      const module = require(`n2words/${name}`) as NumberWordsModule;
      if (typeof module.toCardinal === 'function') return module;
    } catch {
      // No module for this name: try the next candidate.
    }
  }
  return null;
}

function buildTable(lang: string, module: NumberWordsModule): WordTable {
  const cardinals = new Map<string, number>();
  const ordinals = new Map<string, number>();
  const language = new Intl.Locale(lang).language;
  const add = (map: Map<string, number>, words: string, value: number) => {
    for (const variant of variants(language, wordKey(words))) if (!map.has(variant)) map.set(variant, value);
  };
  const inflected = inflectedSpellers(lang);
  for (let n = FIRST; n <= LAST; n++) {
    for (const options of GENDERS) {
      add(cardinals, spell(module.toCardinal, n, options), n);
      add(ordinals, spell(module.toOrdinal, n, options), n);
    }
    for (const speller of inflected) add(cardinals, speller(String(n)), n);
  }
  // "premier siècle", "first century": ordinal 1 is read before a century word only, so it is safe.
  for (const options of GENDERS) add(ordinals, spell(module.toOrdinal, 1, options), 1);
  cardinals.delete('');
  ordinals.delete('');
  const small = new Set([...cardinals.keys()].filter((key) => cardinals.get(key)! < LAST).flatMap((key) => key.split(' ')));
  const multipliers = new Set<string>();
  // The words of the scales in every number form the language gives them: "тысяч" after five, Arabic "آلاف" after three and "ألفًا" after eleven.
  const scales = ['1000', '1000000', '1000000000'].flatMap((one) => ['1', '2', '5', '11'].map((count) => String(BigInt(count) * BigInt(one))));
  for (const big of ['100', '200', ...scales]) {
    const spelled = [...GENDERS.map((options) => spell(module.toCardinal, Number(big), options)), ...inflected.map((speller) => speller(big))];
    for (const words of spelled) for (const word of wordKey(words).split(' ')) if (word && !small.has(word)) multipliers.add(word);
  }
  const maxWords = Math.max(1, ...[...cardinals.keys(), ...ordinals.keys()].map((key) => key.split(' ').length));
  return { cardinals, multipliers, small, ordinals, maxWords };
}

/** One speller per case and gender the language's number words take (none when they do not decline). */
function inflectedSpellers(lang: string): ((value: string) => string)[] {
  const grammar = numberGrammar(lang);
  if (!grammar) return [];
  const spellers: ((value: string) => string)[] = [];
  for (const grammaticalCase of grammar.cases) {
    for (const gender of grammar.genders.length > 0 ? grammar.genders : [undefined]) {
      spellers.push((value) => {
        try {
          return grammar.spell(value, grammaticalCase, gender);
        } catch {
          return '';
        }
      });
    }
  }
  return spellers;
}

function spell(fn: Spell | undefined, n: number, options: Record<string, unknown> | undefined): string {
  if (!fn) return '';
  try {
    return fn(String(n), options);
  } catch {
    return '';
  }
}

/**
 * How words are compared: lower case, NFC, one space for any run of spaces and hyphens, one
 * apostrophe. n2words writes Ukrainian "i" as a Latin letter; texts use the Cyrillic "і".
 */
export function wordKey(words: string): string {
  const key = lowerNfc(words)
    .replace(/[\s\-\u2010\u2011]+/g, ' ')
    .trim();
  return CYRILLIC.test(key) ? cyrillicKey(key) : key;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Lower case, NFC, one apostrophe. */
function lowerNfc(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\u2019\u02bc]/g, "'");
}

/** A Latin i typed for the Ukrainian і; ё written or left out ("трёх", "трех"). */
function cyrillicKey(key: string): string {
  return key.replace(/i/g, '\u0456').replace(/ё/g, 'е');
}

/** Spellings the language also uses beside n2words' one. */
function variants(lang: string, key: string): string[] {
  const out = [key];
  if (lang === 'fr' && key.endsWith('quatre vingts')) out.push(key.slice(0, -1));
  if (lang === 'de' && key.startsWith('einhundert')) out.push(key.slice(3));
  // German ordinals decline: "im einundzwanzigsten Jahrhundert".
  if (lang === 'de' && key.endsWith('te')) out.push(...['n', 'r', 's', 'm'].map((ending) => key + ending));
  return out;
}

/** A word of the text, with where it stands. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}]+(?:['\u2019\u02bc][\p{L}\p{M}]+)*/gu;
/** What may stand between the words of one number: spaces and hyphens only. */
const JOIN = /^[\s\-\u2010\u2011]+$/;

export function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** The longest number of `map` written with the words from `words[at]` on, as [value, number of words]. */
export function numberAt(text: string, words: readonly Word[], at: number, map: ReadonlyMap<string, number>, maxWords: number): [value: number, count: number] | null {
  // The words from `at` on with nothing but spaces and hyphens between them, as many as a number may have.
  let joined = 1;
  const most = Math.min(maxWords, words.length - at);
  while (joined < most && JOIN.test(text.slice(words[at + joined - 1]!.end, words[at + joined]!.start))) joined++;
  for (let count = joined; count >= 1; count--) {
    const value = map.get(phraseKey(words, at, count));
    if (value !== undefined) return [value, count];
  }
  return null;
}

/**
 * `wordKey` of the text from `words[at]` to `words[at + count - 1]`, with only spaces and
 * hyphens between them, from each word's key: the words' keys joined by a space, which is
 * what `wordKey` makes of the separators. Reading a text tries every word as the start
 * of a number of one to several words; keying each word once, not every phrase it starts,
 * spares most of a check's reading of numbers in words.
 */
function phraseKey(words: readonly Word[], at: number, count: number): string {
  let cyrillic = false;
  for (let k = at; k < at + count; k++) cyrillic ||= lettersOf(words[k]!.text).cyrillic;
  let key = '';
  for (let k = at; k < at + count; k++) {
    const letters = lettersOf(words[k]!.text);
    key += (k > at ? ' ' : '') + (cyrillic ? cyrillicKey(letters.key) : letters.key);
  }
  return key;
}

/** A word's letters as `wordKey` compares them, before the Cyrillic rule, and whether it has a Cyrillic letter. */
interface Letters {
  key: string;
  cyrillic: boolean;
}

/** The words met so far, each keyed once; dropped when there are many (a watch reads texts for hours). */
const lettersByWord = new Map<string, Letters>();
const MAX_WORDS_KEPT = 50_000;

function lettersOf(word: string): Letters {
  let letters = lettersByWord.get(word);
  if (!letters) {
    const key = lowerNfc(word);
    letters = { key, cyrillic: CYRILLIC.test(key) };
    if (lettersByWord.size >= MAX_WORDS_KEPT) lettersByWord.clear();
    lettersByWord.set(word, letters);
  }
  return letters;
}

/** Cardinal numbers written in words, outside `blocks`. */
export function findNumberWords(text: string, lang: string, blocks: readonly Span[]): Literal[] {
  const table = wordTable(lang);
  if (!table) return [];
  const words = wordsOf(text);
  const literals: Literal[] = [];
  for (let i = 0; i < words.length; i++) {
    const found = numberAt(text, words, i, table.cardinals, table.maxWords);
    if (!found) continue;
    const [value, count] = found;
    const first = i;
    const last = i + count - 1;
    const start = words[first]!.start;
    const end = words[last]!.end;
    i = last;
    // Part of a number past one hundred ("deux cents", "two thousand"): not read, rather than read wrong.
    const before = first > 0 && JOIN.test(text.slice(words[first - 1]!.end, start)) ? words[first - 1] : undefined;
    const after = words[last + 1] && JOIN.test(text.slice(end, words[last + 1]!.start)) ? words[last + 1] : undefined;
    const endsBig = table.multipliers.has(phraseKey(words, last, 1));
    const beforeKey = before ? phraseKey(words, first - 1, 1) : null;
    const afterKey = after ? phraseKey(words, last + 1, 1) : null;
    if ((beforeKey !== null && table.multipliers.has(beforeKey)) || (afterKey !== null && (table.multipliers.has(afterKey) || (endsBig && table.small.has(afterKey))))) continue;
    if (overlaps(blocks, start, end)) continue;
    literals.push({ kind: 'number', value: String(value), raw: text.slice(start, end), start, end, written: 'words' });
  }
  return literals;
}
