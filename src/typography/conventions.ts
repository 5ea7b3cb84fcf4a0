/**
 * How each language writes quotes, apostrophes and the spaces around punctuation.
 * A language absent from this table is left as typed. A tag with a region or script
 * ("fr-CA", "en-GB") takes its language's row.
 *
 * Sources: Imprimerie nationale, "Lexique des règles typographiques" (French spaces
 * and guillemets); Duden, "Anführungszeichen" (German „…“ and ‚…‘); Мильчин,
 * «Справочник издателя и автора» (Russian «…» with „…“ inside; Ukrainian follows
 * the same use). English takes double quotes outside and single inside, as news
 * agencies print it. Arabic prints guillemets «…», and inside them the single ones
 * ‹…›, which, like « », are mirrored in right-to-left text (curly quotes are not).
 */
export interface LanguageTypography {
  /** Quotes by depth: the outer pair, then the pair of a quotation inside a quotation. */
  quotes: readonly [QuotePair, QuotePair];
  /** What a straight ' between or after letters becomes. */
  apostrophe: string;
  /** A narrow no-break space before ; : ! ? and » and after «, as French prints them. */
  frenchSpacing: boolean;
}

export type QuotePair = readonly [open: string, close: string];

/** U+202F NARROW NO-BREAK SPACE: the thin space French puts before ; : ! ? and inside « ». */
export const NARROW_NBSP = '\u202f';

const CONVENTIONS: Readonly<Record<string, LanguageTypography>> = {
  fr: { quotes: [['«', '»'], ['“', '”']], apostrophe: '’', frenchSpacing: true },
  en: { quotes: [['“', '”'], ['‘', '’']], apostrophe: '’', frenchSpacing: false },
  de: { quotes: [['„', '“'], ['‚', '‘']], apostrophe: '’', frenchSpacing: false },
  ru: { quotes: [['«', '»'], ['„', '“']], apostrophe: '’', frenchSpacing: false },
  uk: { quotes: [['«', '»'], ['„', '“']], apostrophe: '’', frenchSpacing: false },
  ar: { quotes: [['«', '»'], ['‹', '›']], apostrophe: '’', frenchSpacing: false },
};

/** The conventions of a language tag, or null when the table has none (its text is left as typed). */
export function typographyOf(lang: string): LanguageTypography | null {
  return CONVENTIONS[lang] ?? CONVENTIONS[lang.split('-')[0]!.toLowerCase()] ?? null;
}

/** The languages the table knows, for documentation and tests. */
export const TYPOGRAPHY_LANGUAGES = Object.keys(CONVENTIONS);

/** Every character typography may write in any language: a template font must cover them. */
export const TYPOGRAPHY_CHARACTERS = [...new Set(Object.values(CONVENTIONS).flatMap((c) => [...c.quotes.flat(), c.apostrophe, ...(c.frenchSpacing ? [NARROW_NBSP] : [])]))];
