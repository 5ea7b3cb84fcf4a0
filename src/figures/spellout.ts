import { createRequire } from 'node:module';
import { RuleSets, type RuleSetSource } from './rbnf.js';
import { ukrainianCaseRuleSets } from './uk-cases.js';
import { ARABIC_GRAMMAR } from './ar-number-words.js';

/**
 * Number words in the case and gender a sentence needs ("из пяти стран", "две встречи",
 * "mit einem Partner"), spelled with CLDR's rule sets (the `cldr-rbnf` package) and, for the
 * Ukrainian cases CLDR lacks, with ours (uk-cases.ts).
 */
export interface NumberGrammar {
  /** The cases number words decline in, "nominative" first; empty when they do not. */
  cases: readonly string[];
  /** The genders number words agree in; empty when they do not. */
  genders: readonly string[];
  /** `value`, a whole number, in that case and gender (the nominative and the first gender by default). */
  spell(value: string, grammaticalCase?: string, gender?: string): string;
}

const NOMINATIVE = 'nominative';
const GENDER_ORDER = ['masculine', 'feminine', 'neuter', 'plural'];

/**
 * German declines only "ein": CLDR names those rule sets by their ending (`-n` "einen", `-m`
 * "einem", `-r` "einer", `-s` "eines"), so the case and gender are mapped to them here.
 */
const GERMAN: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  nominative: { masculine: 'spellout-cardinal-masculine', feminine: 'spellout-cardinal-feminine', neuter: 'spellout-cardinal-neuter' },
  accusative: { masculine: 'spellout-cardinal-n', feminine: 'spellout-cardinal-feminine', neuter: 'spellout-cardinal-neuter' },
  dative: { masculine: 'spellout-cardinal-m', feminine: 'spellout-cardinal-r', neuter: 'spellout-cardinal-m' },
  genitive: { masculine: 'spellout-cardinal-s', feminine: 'spellout-cardinal-r', neuter: 'spellout-cardinal-s' },
};

const require = createRequire(import.meta.url);
const cache = new Map<string, NumberGrammar | null>();

/** How a language's number words decline, or null when CLDR does not spell the language. */
export function numberGrammar(lang: string): NumberGrammar | null {
  if (!cache.has(lang)) cache.set(lang, load(lang));
  return cache.get(lang)!;
}

function load(lang: string): NumberGrammar | null {
  const locale = new Intl.Locale(lang);
  // CLDR's Arabic rule sets have no case and one set of words for both genders (ar-number-words.ts).
  if (locale.language === 'ar') return ARABIC_GRAMMAR;
  const sources = spelloutSources(locale.baseName) ?? spelloutSources(locale.language);
  if (!sources) return null;
  if (locale.language === 'uk') Object.assign(sources, ukrainianCaseRuleSets());
  const rules = new RuleSets(lang, sources);
  const names = rules.names();
  if (locale.language === 'de') return german(rules);

  const cases = new Set<string>();
  const genders = new Set<string>();
  for (const name of names) {
    const match = /^spellout-cardinal-(masculine|feminine|neuter|plural)(?:-([a-z]+))?$/.exec(name);
    if (!match) continue;
    genders.add(match[1]!);
    if (match[2]) cases.add(match[2]);
  }
  const genderList = GENDER_ORDER.filter((g) => genders.has(g));
  const caseList = cases.size > 0 ? [NOMINATIVE, ...cases] : [];
  return {
    cases: caseList,
    genders: genderList,
    spell(value, grammaticalCase = NOMINATIVE, gender = genderList[0]) {
      const suffix = grammaticalCase === NOMINATIVE ? '' : `-${grammaticalCase}`;
      const name = gender ? `spellout-cardinal-${gender}${suffix}` : 'spellout-cardinal';
      return tidy(lang, rules.format(name, BigInt(value)));
    },
  };
}

function german(rules: RuleSets): NumberGrammar {
  return {
    cases: Object.keys(GERMAN),
    genders: ['masculine', 'feminine', 'neuter'],
    spell(value, grammaticalCase = NOMINATIVE, gender = 'masculine') {
      return rules.format(GERMAN[grammaticalCase]![gender]!, BigInt(value));
    },
  };
}

/**
 * CLDR writes the Ukrainian apostrophe as U+02BC; the words n2words writes, and texts typed on
 * a keyboard, have "'". CLDR writes Russian without ё ("трех", "четырем"), where a text that
 * writes "партнёры" writes "трёх": the number words take the ё the language's spelling has.
 */
function tidy(lang: string, words: string): string {
  const language = new Intl.Locale(lang).language;
  if (language === 'uk') return words.replace(/\u02bc/g, "'");
  if (language === 'ru') return words.replace(/(?<=^|[\s-])(тр|четыр)е(?=[хм](?!я))/gu, '$1ё');
  return words;
}

function spelloutSources(tag: string): Record<string, RuleSetSource> | null {
  try {
    const data = require(`cldr-rbnf/rbnf/${tag}.json`) as { rbnf: { rbnf: { SpelloutRules?: Record<string, RuleSetSource> } } };
    const rules = data.rbnf.rbnf.SpelloutRules;
    return rules ? { ...rules } : null;
  } catch {
    return null;
  }
}
