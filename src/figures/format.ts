import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FRACTION_DIGITS, type Decimal } from './decimal.js';
import { parseIsoDate, utcDate } from './iso-date.js';
import { dateLocale } from './date-locale.js';
import { withDigits } from './digits.js';
import { monthName } from './month-cases.js';
import { toOwnScript } from './own-script.js';
import { numberGrammar, type NumberGrammar } from './spellout.js';
import { createCountryLister, NO_COUNTRY_NAMES, type CountryLister, type CountryNameSettings } from './country-names.js';

/** Spells a whole number out in one language. */
export type NumberWords = (value: Decimal) => string;

/**
 * Formats figures for one language: digits with the language's grouping
 * (fr `7 000` with a narrow no-break space, en `7,000`, de `7.000`), words,
 * month and year. Built once per language, then pure.
 */
export interface Formatter {
  lang: string;
  /** The exact decimal with the language's digits grouping and decimal sign. */
  number(value: Decimal): string;
  /** Null when no number-words module covers the language. */
  words: NumberWords | null;
  /** Number words in a case and gender; null when CLDR does not spell the language. */
  grammar: NumberGrammar | null;
  /** Month and year; the month in `grammaticalCase` (one of `monthCases(lang)`) when given. */
  month(isoDate: string, grammaticalCase?: string): string;
  year(isoDate: string): string;
  /** The countries of a `members:` figure as this language lists them in a sentence. */
  countries: CountryLister;
}

/**
 * `digits` is the language's numbering system (boilerplate `digits:`, digits.ts), applied here
 * once to every number, month and year the sheets quote; null keeps the language's default.
 */
export async function createFormatter(lang: string, countryNames: CountryNameSettings = NO_COUNTRY_NAMES, digits: string | null = null): Promise<Formatter> {
  // Intl formats a string as the exact decimal it writes; a value never has more fraction digits than this.
  const numbers = new Intl.NumberFormat(withDigits(lang, digits), { maximumFractionDigits: MAX_FRACTION_DIGITS });
  const months = new Intl.DateTimeFormat(withDigits(dateLocale(lang), digits), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const years = new Intl.DateTimeFormat(withDigits(dateLocale(lang), digits), { year: 'numeric', timeZone: 'UTC' });
  const toDate = (iso: string): Date => {
    const date = parseIsoDate(iso);
    if (!date) throw new RangeError(`not an ISO date: ${iso}`);
    return utcDate(date.year, date.month, date.day ?? 1);
  };
  return {
    lang,
    number: (value) => numbers.format(value as Intl.StringNumericLiteral),
    words: await loadNumberWords(lang),
    grammar: numberGrammar(lang),
    month: (iso, grammaticalCase) => {
      const date = toDate(iso);
      if (grammaticalCase === undefined) return months.format(date);
      // Intl places the month and writes the year and its abbreviation ("2012 г."); only the month's form changes.
      const month = monthName(lang, grammaticalCase, date.getUTCMonth() + 1);
      return months
        .formatToParts(date)
        .map((part) => (part.type === 'month' && month !== null ? month : part.value))
        .join('');
    },
    year: (iso) => years.format(toDate(iso)),
    countries: createCountryLister(lang, countryNames),
  };
}

/** Digits without grouping, for messages about the registry itself. */
export function formatPlain(value: Decimal): string {
  return value;
}

const wordsCache = new Map<string, Promise<NumberWords | null>>();

/**
 * Finds the n2words module for a language: the exact tag first, then the language
 * with its likely script and region (`en` → `en-US`, `sr` → `sr-Cyrl-RS`), then
 * any module of the same language (`ar` → `ar-SA`, n2words having no `ar-EG`).
 */
export function loadNumberWords(lang: string): Promise<NumberWords | null> {
  let pending = wordsCache.get(lang);
  if (!pending) {
    pending = findNumberWords(lang);
    wordsCache.set(lang, pending);
  }
  return pending;
}

let modules: string[] | null = null;

/** The language modules n2words ships (`fr-FR`, `ar-SA`, ...), read once from its package. */
function numberWordsModules(): string[] {
  if (modules === null) {
    try {
      const dir = path.join(path.dirname(fileURLToPath(import.meta.resolve('n2words/package.json'))), 'src');
      modules = readdirSync(dir)
        .filter((file) => file.endsWith('.js'))
        .map((file) => file.slice(0, -3))
        .sort();
    } catch {
      modules = [];
    }
  }
  return modules;
}

/**
 * The n2words modules that may spell a language, best first: the exact tag, then the
 * language with its likely script and region, then any module of the same language.
 */
export function numberWordsModuleNames(lang: string): string[] {
  const locale = new Intl.Locale(lang);
  const likely = locale.maximize();
  const candidates = [
    locale.baseName,
    `${likely.language}-${likely.script}-${likely.region}`,
    `${likely.language}-${likely.region}`,
    `${locale.language}-${locale.region ?? likely.region}`,
    ...numberWordsModules().filter((name) => name.split('-')[0] === locale.language),
  ];
  return [...new Set(candidates)].filter((name) => /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?-[A-Z]{2}$/.test(name));
}

async function findNumberWords(lang: string): Promise<NumberWords | null> {
  for (const name of numberWordsModuleNames(lang)) {
    try {
      const module = (await import(`n2words/${name}`)) as { toCardinal?: (value: string) => string };
      const toCardinal = module.toCardinal;
      if (typeof toCardinal === 'function') return (value) => toOwnScript(lang, toCardinal(value));
    } catch {
      // No module for this name: try the next candidate.
    }
  }
  return null;
}
