import type { FigureForm } from '../model/fact-sheet.js';
import { monthCases } from './month-cases.js';
import type { NumberGrammar } from './spellout.js';
import { closest } from './suggest.js';

/**
 * The grammar a reference asks of its figure: the case and gender of its number words or
 * month name, and the noun that agrees with its number, one form per plural category
 * (`{{words partners.total case="genitive" one="страны" many="стран"}}`).
 */
export interface ReferenceGrammar {
  case?: string;
  gender?: string;
  /** The noun's forms by CLDR plural category (`one`, `few`, `many`, `other`...). */
  nouns: ReadonlyMap<string, string>;
}

export const NO_GRAMMAR: ReferenceGrammar = { nouns: new Map() };

export const PLURAL_CATEGORIES: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The options each form of reference takes. */
export const FORM_OPTIONS: Readonly<Record<FigureForm, readonly string[]>> = {
  number: PLURAL_CATEGORIES,
  words: ['case', 'gender', ...PLURAL_CATEGORIES],
  month: ['case'],
  year: [],
  names: [],
};

/** A problem with the options, naming the option to report it at. */
export interface GrammarProblem {
  ruleId: string;
  message: string;
  option: string;
}

/** Whether a language has the case, gender and plural forms a reference asks for, and all the plural forms it needs. */
export function checkGrammar(lang: string, form: FigureForm, grammar: ReferenceGrammar, numbers: NumberGrammar | null): GrammarProblem | null {
  const language = languageName(lang);
  if (grammar.case !== undefined) {
    const cases = form === 'month' ? monthCases(lang) : (numbers?.cases ?? []);
    const what = form === 'month' ? 'month names' : 'number words';
    if (cases.length === 0) return unknown('case', `${what} do not decline in ${language}: remove case="${grammar.case}"`);
    if (!cases.includes(grammar.case)) return unknown('case', `${language} ${what} have no case "${grammar.case}"${hint(grammar.case, cases)} (the cases are ${cases.join(', ')})`);
  }
  if (grammar.gender !== undefined) {
    const genders = numbers?.genders ?? [];
    if (genders.length === 0) return unknown('gender', `number words have no gender in ${language}: remove gender="${grammar.gender}"`);
    if (!genders.includes(grammar.gender)) return unknown('gender', `${language} number words have no gender "${grammar.gender}"${hint(grammar.gender, genders)} (the genders are ${genders.join(', ')})`);
  }
  if (grammar.nouns.size === 0) return null;
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
  for (const category of grammar.nouns.keys()) {
    if (!categories.includes(category)) {
      return unknown(category, `${language} has no plural form "${category}" (its forms are ${sortCategories(categories).join(', ')})`);
    }
  }
  const missing = neededCategories(lang).filter((category) => !grammar.nouns.has(category));
  if (missing.length > 0) {
    const first = [...grammar.nouns.keys()][0]!;
    const examples = missing.map((category) => `${category}="..." (as after ${examplesOf(lang, category).join(', ')})`);
    return { ruleId: 'plural-form-missing', option: first, message: `the noun needs every form ${language} gives a noun after a whole number: add ${examples.join(', ')}` };
  }
  return null;
}

/** The noun that goes with `value`, or null when its form is missing (a fraction needs `other`). */
export function nounFor(lang: string, value: string, nouns: ReadonlyMap<string, string>): { noun: string } | { missing: string } {
  const category = new Intl.PluralRules(lang).select(Number(value));
  const noun = nouns.get(category) ?? nouns.get('other');
  return noun === undefined ? { missing: category } : { noun };
}

/** The plural categories whole numbers fall in (ru one, few, many; en one, other). */
export function neededCategories(lang: string): string[] {
  const rules = new Intl.PluralRules(lang);
  const seen = new Set<string>();
  for (let n = 0; n <= 1000; n++) seen.add(rules.select(n));
  return sortCategories([...seen]);
}

function examplesOf(lang: string, category: string): number[] {
  const rules = new Intl.PluralRules(lang);
  const found: number[] = [];
  for (let n = 0; n <= 1000 && found.length < 3; n++) if (rules.select(n) === category) found.push(n);
  return found;
}

function sortCategories(categories: string[]): string[] {
  return [...categories].sort((a, b) => PLURAL_CATEGORIES.indexOf(a) - PLURAL_CATEGORIES.indexOf(b));
}

function unknown(option: string, message: string): GrammarProblem {
  return { ruleId: 'grammar-form-unknown', option, message };
}

function hint(value: string, choices: readonly string[]): string {
  const suggestion = closest(value, new Set(choices));
  return suggestion ? `; did you mean "${suggestion}"?` : '';
}

function languageName(lang: string): string {
  return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
}
