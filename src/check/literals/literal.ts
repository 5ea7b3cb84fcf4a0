/** What a typed value states: kinds compare only with their own kind (a year and a plain number excepted). */
export type LiteralKind = 'number' | 'year' | 'date' | 'ordinal' | 'century' | 'decade' | 'percent';

/** How the value is written: the reference that would replace it depends on it (`{{id}}`, `{{words id}}`). */
export type LiteralWriting = 'digits' | 'words' | 'roman';

export interface Literal {
  kind: LiteralKind;
  /**
   * Normalised value: a number as its canonical decimal, exact, without grouping ("7000", "2.5",
   * "0.0000001"), as registry values are kept; a year "2010"; a month-year date "2010-11"; an
   * ordinal or century its number ("21"); a decade its first year ("1990"); a percentage its number.
   */
  value: string;
  /** What was written, exactly as in the text (e.g. "7 000", "novembre 2010", "XXIe siècle"). */
  raw: string;
  /** Index range [start, end) of `raw` in the input text. */
  start: number;
  end: number;
  written: LiteralWriting;
  /** For a percentage, what follows the number (" %", " per cent"), so a reference can keep it. */
  unit?: string;
}

/** Index range [start, end) of a text that a reader has claimed. */
export type Span = readonly [start: number, end: number];

export const inside = (spans: readonly Span[], at: number): Span | undefined => spans.find(([s, e]) => at >= s && at < e);
export const overlaps = (spans: readonly Span[], start: number, end: number): boolean => spans.some(([s, e]) => start < e && s < end);

/** The canonical form of a BCP 47 tag ("fr-BE"); throws RangeError on a malformed tag. */
export function canonicalLocale(lang: string): string {
  let locale: string | undefined;
  try {
    locale = Intl.getCanonicalLocales(lang)[0];
  } catch {
    locale = undefined;
  }
  if (locale === undefined) throw new RangeError(`"${lang}" is not a valid BCP 47 language tag`);
  return locale;
}

/** The base language of a BCP 47 tag ("fr" of "fr-BE"); throws RangeError on a malformed tag. */
const baseLanguages = new Map<string, string>();

export function baseLanguage(lang: string): string {
  let base = baseLanguages.get(lang);
  if (base === undefined) baseLanguages.set(lang, (base = new Intl.Locale(canonicalLocale(lang)).language));
  return base;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const compiled = new Map<string, RegExp>();

/**
 * A pattern built from per-language parts, compiled once: readers run on every run of text.
 * Use it with matchAll (which copies it) or exec on non-global patterns, so sharing it is safe.
 */
export function pattern(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let regExp = compiled.get(key);
  if (!regExp) compiled.set(key, (regExp = new RegExp(source, flags)));
  return regExp;
}
