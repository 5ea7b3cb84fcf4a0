import { monthForms } from '../../figures/month-cases.js';
import { canonicalLocale, escapeRegExp, inside, overlaps, type Literal, type LiteralKind, type Span } from './literal.js';

/**
 * Numbers, years and month-year dates typed in digits.
 *
 * This reader finds the literal numbers, years and month-year dates in plain text of one
 * language and normalises them, so that `7 000` (fr), `7,000` (en) and `7.000` (de) all read "7000", and
 * `novembre 2010` / `November 2010` both read "2010-11".
 *
 * The language's conventions come from `Intl` (grouping and decimal separators, month
 * names), so no per-language table has to be kept up to date here.
 *
 * Decisions on ambiguous text (each a choice, documented so the checker's behaviour can be
 * explained):
 * - A group after a grouping separator has exactly 3 digits and a grouped number's first
 *   group has 1–3 digits. So in fr "en 2012 24 pays" and "en 2012 240 pays" are two literals
 *   each (a 4-digit leading group is never grouped), while "7 000 hommes" is 7000. Residual:
 *   fr "les 3 100 pays" reads as 3100; the text alone cannot tell.
 * - A separator not followed by a digit is punctuation: en "3, 4 and 5" is three numbers,
 *   de "im Jahr 2010." is the year 2010.
 * - Digit sequences glued by ".", ",", ":", an apostrophe (or the language's separators) that
 *   do not form a number of the language are skipped whole: "10.5.2010", "10:30", en "3,4",
 *   fr "1.5", de-CH "1’234" (Intl gives "'" there, and only that is accepted).
 * - Digits glued to letters are not numbers (except after the Arabic "و", "and", which is
 *   written glued to the next word: "و2.5" is 2.5): "G20", "COVID-19" (a letter then a hyphen
 *   glues), "50km", "3.5bn"; "21st", "1990s", "1990's" are read before, by the ordinal and
 *   decade readers, or not at all. But "10-year" keeps 10 (the hyphen
 *   glues only when a letter is before it) and "2010-2012" is two years.
 * - A run of digits joined by spaces, ( ) - . / is skipped whole when it starts with "+",
 *   has "/" between digits or a parenthesis glued between digits — phone numbers
 *   ("+32(0)2 707 1010/1002"), numeric dates ("24/12/2010"), ratios ("24/7"). "+5 %" is
 *   therefore skipped too, and "2010-2012 (12/13)" loses both years.
 * - A day of month is not a quantity: it is dropped, in every language, whether written
 *   "3 octobre 2010", "3. Oktober 2010", "1er mai", "3rd October", "October 3, 2010" or
 *   "October 3". With a 4-digit year after the month the whole is one 'date' literal
 *   ("YYYY-MM"); without a year the day and month produce nothing. Residual: en "In December
 *   24 countries joined" loses 24, and "these 2 may change" loses 2 (month names match
 *   case-insensitively).
 * - Only full month names from Intl are recognised (no abbreviations such as "Nov."), and
 *   only "month year" order with whitespace between (so es "octubre de 2010" is the year 2010
 *   only). Languages whose month names contain digits (ja, zh, ko) get no dates.
 * - A plain 4-digit number from 1000 to 2999 without grouping or decimals is a 'year'.
 */

/** Parsing rules of one language, derived from Intl once and cached. */
export interface LanguageRules {
  /** Sticky: one number at a position, with groups `int` and optional `frac`. */
  number: RegExp;
  /** Separators accepted between digit groups. */
  groupChars: readonly string[];
  /** Characters that glue two digit sequences into one token ("1.2.3", "10:30"). */
  glue: ReadonlySet<string>;
  /** Global: any of the language's month names as a whole word; null when there are none. */
  monthName: RegExp | null;
  months: readonly { pattern: RegExp; month: number }[];
}

/** Separators a French-style space grouping may be typed with: space, no-break, narrow no-break, thin. */
const SPACE_GROUPS = [' ', '\u00A0', '\u202F', '\u2009'] as const;
const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const APOSTROPHES = new Set(["'", '\u2019']);
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /[0-9]/;

/**
 * A run of digits joined by spaces and phone/date punctuation. Its separators never include
 * digits, so each repetition takes exactly one digit and the pattern cannot backtrack badly.
 */
const DIGIT_RUN = /[+(]*[0-9](?:[ \u00A0\u202F\u2009()\-./]*[0-9])*\)?/g;

/** A day of month written before the month name: "3 ", "3. ", "1er ", "3rd ". */
const DAY_BEFORE = /([0-9]{1,2})(\p{L}{1,3})?\.?\s+$/u;
/** After a month name: a day then a year ("October 3, 2010", "October 3rd 2010"). */
const DAY_YEAR_AFTER = /\s+([0-9]{1,2})(\p{L}{1,3})?(?:\s*,\s*|\s+)([0-9]{4})/uy;
/** After a month name: a year ("novembre 2010"). */
const YEAR_AFTER = /\s+([0-9]{4})/y;
/** After a month name: a day without year ("October 3", "October 3rd"). */
const DAY_AFTER = /\s+([0-9]{1,2})(\p{L}{1,3})?/uy;

const cache = new Map<string, LanguageRules>();

// ---------------------------------------------------------------------------------------------
// Rules per language

/** The rules of `lang`, built from Intl on first use; throws RangeError on a malformed tag. */
export function rulesFor(lang: string): LanguageRules {
  const cached = cache.get(lang);
  if (cached) return cached;
  const locale = canonicalLocale(lang);
  const rules = cache.get(locale) ?? buildRules(locale);
  cache.set(locale, rules);
  cache.set(lang, rules);
  return rules;
}

function buildRules(locale: string): LanguageRules {
  // Latin digits: the text is matched on 0-9, so take the separators used with them.
  const parts = new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value;
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const groupChars: string[] = group === undefined ? [] : /^\s$/.test(group) ? [...SPACE_GROUPS] : [group];

  const intPart =
    groupChars.length > 0
      ? `[0-9]{1,3}(?:[${groupChars.map(escapeClass).join('')}][0-9]{3}(?![0-9]))+|[0-9]+`
      : '[0-9]+';
  const number = new RegExp(`(?<int>${intPart})(?:${escapeRegExp(decimal)}(?<frac>[0-9]+))?`, 'y');

  // Apostrophes too: "1’234" in a language grouping with "'" is skipped rather than split.
  const glue = new Set(['.', ',', ':', ...APOSTROPHES, decimal, ...groupChars.filter((c) => !/\s/.test(c))]);

  const months = monthNames(locale);
  const alternatives = [...new Set(months.map((m) => m.name))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const monthName =
    alternatives.length > 0
      ? new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'giu')
      : null;
  return {
    number,
    groupChars,
    glue,
    monthName,
    months: months.map(({ name, month }) => ({ pattern: new RegExp(`^${escapeRegExp(name)}$`, 'iu'), month })),
  };
}

/**
 * The 12 month names, standalone ("novembre") and as formatted in a full date, which differ
 * in languages with a genitive (ru "ноябрь" / "ноября"), and in every case `{{month id case=...}}`
 * writes (ru "в ноябре"). Names with digits are left out: they would collide with number parsing.
 */
function monthNames(locale: string): { name: string; month: number }[] {
  const standalone = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const inDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const names: { name: string; month: number }[] = monthForms(locale);
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2000, m, 15));
    const forms = [
      ...standalone.formatToParts(date).filter((p) => p.type === 'month'),
      ...inDate.formatToParts(date).filter((p) => p.type === 'month'),
    ].map((p) => p.value.trim());
    for (const name of new Set(forms)) {
      if (name !== '' && !/\p{N}/u.test(name) && LETTER.test(name)) names.push({ name, month: m + 1 });
    }
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Scanning

/** Runs skipped whole: they start with "+", or have "/" or a glued parenthesis between digits. */
export function phoneLikeRuns(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    const run = match[0];
    if (run.startsWith('+') || /[0-9]\s*\/\s*[0-9]/.test(run) || /[0-9]\(|\)[0-9]/.test(run)) {
      spans.push([match.index, match.index + run.length]);
    }
  }
  return spans;
}


/** Whether digits starting at `pos` stand alone on the left (not glued to a word or number). */
export function freeOnLeft(text: string, pos: number, rules: LanguageRules): boolean {
  const prev = text[pos - 1];
  if (prev === undefined) return true;
  const prev2 = text[pos - 2];
  // Arabic writes "and" as a letter glued to the next word, digits included: "و2.5" is "and 2.5".
  if (prev === '\u0648' && (prev2 === undefined || !WORD_CHAR.test(prev2))) return true;
  if (WORD_CHAR.test(prev)) return false;
  if (prev2 === undefined) return true;
  if (HYPHENS.has(prev) && LETTER.test(prev2)) return false; // COVID-19
  if (rules.glue.has(prev) && DIGIT.test(prev2)) return false; // the 3 of 1.2.3
  return true;
}

/** Whether a literal ending at `end` stands alone on the right. */
export function freeOnRight(text: string, end: number, rules: LanguageRules): boolean {
  const next = text[end];
  if (next === undefined) return true;
  if (WORD_CHAR.test(next)) return false; // 1990s, 21st
  const next2 = text[end + 1];
  if (next2 === undefined) return true;
  if (rules.glue.has(next) && DIGIT.test(next2)) return false; // 10.5.2010
  if (APOSTROPHES.has(next) && LETTER.test(next2)) return false; // 1990's
  return true;
}

/** Day of month 1–31 written as plain digits. */
const isDay = (digits: string): boolean => Number(digits) >= 1 && Number(digits) <= 31;
const isYear = (digits: string): boolean => /^[12][0-9]{3}$/.test(digits);

/**
 * Month-year dates, and days of month that go with a month name. Adds the spans they cover
 * to `blocks` so that their digits are not read again as numbers.
 */
export function findDates(text: string, rules: LanguageRules, blocks: Span[]): Literal[] {
  const literals: Literal[] = [];
  if (rules.monthName === null) return literals;
  let consumedTo = 0;
  for (const match of text.matchAll(rules.monthName)) {
    const monthStart = match.index;
    const monthEnd = monthStart + match[0].length;
    if (monthStart < consumedTo) continue;
    const month = rules.months.find((m) => m.pattern.test(match[0]))?.month;
    if (month === undefined) continue;

    // A day before the month: "3 octobre", "3. Oktober", "1er mai".
    let start = monthStart;
    let dayBefore: Span | undefined;
    const lookFrom = Math.max(consumedTo, monthStart - 16);
    const before = DAY_BEFORE.exec(text.slice(lookFrom, monthStart));
    if (before?.[1] !== undefined) {
      const s = lookFrom + before.index;
      const e = s + before[1].length + (before[2]?.length ?? 0);
      if (isDay(before[1]) && freeOnLeft(text, s, rules) && !overlaps(blocks, s, e)) {
        dayBefore = [s, e];
        start = s;
      }
    }

    // After the month: a day and a year, a year, or a day.
    let yearEnd: number | undefined;
    let year: string | undefined;
    let dayAfter: Span | undefined;
    DAY_YEAR_AFTER.lastIndex = monthEnd;
    const dayYear = DAY_YEAR_AFTER.exec(text);
    if (dayYear?.[1] !== undefined && dayYear[3] !== undefined && isDay(dayYear[1]) && isYear(dayYear[3])) {
      const end = monthEnd + dayYear[0].length;
      if (freeOnRight(text, end, rules) && !overlaps(blocks, monthEnd, end)) {
        year = dayYear[3];
        yearEnd = end;
      }
    }
    if (year === undefined) {
      YEAR_AFTER.lastIndex = monthEnd;
      const y = YEAR_AFTER.exec(text);
      if (y?.[1] !== undefined && isYear(y[1])) {
        const end = monthEnd + y[0].length;
        if (freeOnRight(text, end, rules) && !overlaps(blocks, end - 4, end)) {
          year = y[1];
          yearEnd = end;
        }
      }
    }
    if (year === undefined) {
      DAY_AFTER.lastIndex = monthEnd;
      const d = DAY_AFTER.exec(text);
      if (d?.[1] !== undefined && isDay(d[1])) {
        const s = monthEnd + d[0].length - d[1].length - (d[2]?.length ?? 0);
        const e = monthEnd + d[0].length;
        // Not the start of a bigger number: "décembre 24 000" is 24000, not the 24th.
        rules.number.lastIndex = s;
        const asNumber = rules.number.exec(text);
        if (asNumber?.[0] === d[1] && freeOnRight(text, e, rules) && !overlaps(blocks, s, e)) dayAfter = [s, e];
      }
    }

    if (year !== undefined && yearEnd !== undefined) {
      const raw = text.slice(start, yearEnd);
      literals.push({ kind: 'date', value: `${year}-${String(month).padStart(2, '0')}`, raw, start, end: yearEnd, written: 'digits' });
      blocks.push([start, yearEnd]);
      consumedTo = yearEnd;
    } else {
      if (dayBefore) blocks.push(dayBefore);
      if (dayAfter) blocks.push(dayAfter);
      consumedTo = dayAfter?.[1] ?? monthEnd;
    }
  }
  return literals;
}

/** Numbers and years outside `blocks`. */
export function findNumbers(text: string, rules: LanguageRules, blocks: readonly Span[]): Literal[] {
  const literals: Literal[] = [];
  const digit = /[0-9]/g;
  let i = 0;
  while (i < text.length) {
    digit.lastIndex = i;
    const found = digit.exec(text);
    if (!found) break;
    const pos = found.index;
    const block = inside(blocks, pos);
    if (block) {
      i = block[1];
      continue;
    }
    let runEnd = pos;
    while (runEnd < text.length && DIGIT.test(text[runEnd] ?? '')) runEnd++;
    rules.number.lastIndex = pos;
    const match = rules.number.exec(text);
    const int = match?.groups?.['int'];
    if (!match || int === undefined) {
      i = runEnd;
      continue;
    }
    const end = pos + match[0].length;
    if (!freeOnLeft(text, pos, rules) || !freeOnRight(text, end, rules) || overlaps(blocks, pos, end)) {
      // Rejected whole; the digits after the run are judged on their own (and are glued too).
      i = runEnd;
      continue;
    }
    const frac = match.groups?.['frac'];
    const value = normalise(int, frac, rules.groupChars);
    const kind: LiteralKind = frac === undefined && /^[0-9]{4}$/.test(int) && isYear(int) ? 'year' : 'number';
    literals.push({ kind, value, raw: match[0], start: pos, end, written: 'digits' });
    i = end;
  }
  return literals;
}

/** "7 000" -> "7000", "0,50" -> "0.5": no grouping, no leading or trailing zeros. */
function normalise(int: string, frac: string | undefined, groupChars: readonly string[]): string {
  let digits = int;
  for (const g of groupChars) digits = digits.split(g).join('');
  digits = digits.replace(/^0+(?=[0-9])/, '');
  const fraction = (frac ?? '').replace(/0+$/, '');
  return fraction === '' ? digits : `${digits}.${fraction}`;
}


function escapeClass(c: string): string {
  return c.replace(/[\]\\^-]/g, '\\$&');
}
