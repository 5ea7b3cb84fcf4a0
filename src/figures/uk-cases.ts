import type { RuleSetSource } from './rbnf.js';

/**
 * Ukrainian cardinal numbers in the oblique cases, as RBNF rule sets beside CLDR's.
 *
 * CLDR spells Ukrainian numbers in the nominative only (its Russian has every case), and no
 * maintained npm library declines Ukrainian numerals, so the forms are written here, from the
 * declension tables of Ukrainian grammar, in the rule syntax CLDR uses, so that the same reader
 * spells them. Rule set names follow CLDR's Russian ones.
 */

type Case = 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'locative';
type Gender = 'masculine' | 'neuter' | 'feminine';

export const UK_CASES: readonly Case[] = ['genitive', 'dative', 'accusative', 'instrumental', 'locative'];

const w = (list: string): string[] => list.split(' ');

/** 0 to 19, masculine. */
const UNITS: Record<Case, string[]> = {
  genitive: w('нуля одного двох трьох чотирьох пʼяти шести семи восьми девʼяти десяти одинадцяти дванадцяти тринадцяти чотирнадцяти пʼятнадцяти шістнадцяти сімнадцяти вісімнадцяти девʼятнадцяти'),
  dative: w('нулю одному двом трьом чотирьом пʼяти шести семи восьми девʼяти десяти одинадцяти дванадцяти тринадцяти чотирнадцяти пʼятнадцяти шістнадцяти сімнадцяти вісімнадцяти девʼятнадцяти'),
  accusative: w('нуль один два три чотири пʼять шість сім вісім девʼять десять одинадцять дванадцять тринадцять чотирнадцять пʼятнадцять шістнадцять сімнадцять вісімнадцять девʼятнадцять'),
  instrumental: w('нулем одним двома трьома чотирма пʼятьма шістьма сімома вісьмома девʼятьма десятьма одинадцятьма дванадцятьма тринадцятьма чотирнадцятьма пʼятнадцятьма шістнадцятьма сімнадцятьма вісімнадцятьма девʼятнадцятьма'),
  locative: w('нулі одному двох трьох чотирьох пʼяти шести семи восьми девʼяти десяти одинадцяти дванадцяти тринадцяти чотирнадцяти пʼятнадцяти шістнадцяти сімнадцяти вісімнадцяти девʼятнадцяти'),
};

/** "One" and "two" where the gender changes them. */
const GENDERED: Record<Case, Record<Exclude<Gender, 'masculine'>, [one: string, two: string]>> = {
  genitive: { feminine: ['однієї', 'двох'], neuter: ['одного', 'двох'] },
  dative: { feminine: ['одній', 'двом'], neuter: ['одному', 'двом'] },
  accusative: { feminine: ['одну', 'дві'], neuter: ['одне', 'два'] },
  instrumental: { feminine: ['однією', 'двома'], neuter: ['одним', 'двома'] },
  locative: { feminine: ['одній', 'двох'], neuter: ['одному', 'двох'] },
};

/** 20 to 90. */
const TENS: Record<Case, string[]> = {
  genitive: w('двадцяти тридцяти сорока пʼятдесяти шістдесяти сімдесяти вісімдесяти девʼяноста'),
  dative: w('двадцяти тридцяти сорока пʼятдесяти шістдесяти сімдесяти вісімдесяти девʼяноста'),
  accusative: w('двадцять тридцять сорок пʼятдесят шістдесят сімдесят вісімдесят девʼяносто'),
  instrumental: w('двадцятьма тридцятьма сорока пʼятдесятьма шістдесятьма сімдесятьма вісімдесятьма девʼяноста'),
  locative: w('двадцяти тридцяти сорока пʼятдесяти шістдесяти сімдесяти вісімдесяти девʼяноста'),
};

/** 100 to 900. */
const HUNDREDS: Record<Case, string[]> = {
  genitive: w('ста двохсот трьохсот чотирьохсот пʼятисот шестисот семисот восьмисот девʼятисот'),
  dative: w('ста двомстам трьомстам чотирьомстам пʼятистам шестистам семистам восьмистам девʼятистам'),
  accusative: w('сто двісті триста чотириста пʼятсот шістсот сімсот вісімсот девʼятсот'),
  instrumental: w('ста двомастами трьомастами чотирмастами пʼятьмастами шістьмастами сімомастами вісьмомастами девʼятьмастами'),
  locative: w('ста двохстах трьохстах чотирьохстах пʼятистах шестистах семистах восьмистах девʼятистах'),
};

/** Thousand (feminine), million, billion, trillion (masculine): the noun for one and for more, in each case. */
const SCALES: readonly { base: string; gender: Gender; forms: Record<Case, string> }[] = [
  { base: '1000', gender: 'feminine', forms: { genitive: 'one{тисячі}other{тисяч}', dative: 'one{тисячі}other{тисячам}', accusative: 'one{тисячу}few{тисячі}other{тисяч}', instrumental: 'one{тисячею}other{тисячами}', locative: 'one{тисячі}other{тисячах}' } },
  { base: '1000000', gender: 'masculine', forms: { genitive: 'one{мільйона}other{мільйонів}', dative: 'one{мільйону}other{мільйонам}', accusative: 'one{мільйон}few{мільйони}other{мільйонів}', instrumental: 'one{мільйоном}other{мільйонами}', locative: 'one{мільйоні}other{мільйонах}' } },
  { base: '1000000000', gender: 'masculine', forms: { genitive: 'one{мільярда}other{мільярдів}', dative: 'one{мільярду}other{мільярдам}', accusative: 'one{мільярд}few{мільярди}other{мільярдів}', instrumental: 'one{мільярдом}other{мільярдами}', locative: 'one{мільярді}other{мільярдах}' } },
  { base: '1000000000000', gender: 'masculine', forms: { genitive: 'one{трильйона}other{трильйонів}', dative: 'one{трильйону}other{трильйонам}', accusative: 'one{трильйон}few{трильйони}other{трильйонів}', instrumental: 'one{трильйоном}other{трильйонами}', locative: 'one{трильйоні}other{трильйонах}' } },
];

/** The rule sets `spellout-cardinal-<gender>-<case>` for the five oblique cases and three genders. */
export function ukrainianCaseRuleSets(): Record<string, RuleSetSource> {
  const sets: Record<string, RuleSetSource> = {};
  for (const grammaticalCase of UK_CASES) {
    for (const gender of ['masculine', 'neuter', 'feminine'] as const) {
      const name = `spellout-cardinal-${gender}-${grammaticalCase}`;
      const units = [...UNITS[grammaticalCase]];
      if (gender !== 'masculine') [units[1], units[2]] = GENDERED[grammaticalCase][gender];
      const rules: [string, string][] = units.map((word, n) => [String(n), `${word};`]);
      TENS[grammaticalCase].forEach((word, i) => rules.push([String((i + 2) * 10), `${word}[ →%${name}→];`]));
      HUNDREDS[grammaticalCase].forEach((word, i) => rules.push([String((i + 1) * 100), `${word}[ →%${name}→];`]));
      for (const scale of SCALES) {
        rules.push([scale.base, `←%spellout-cardinal-${scale.gender}-${grammaticalCase}← $(cardinal,${scale.forms[grammaticalCase]})$[ →%${name}→];`]);
      }
      sets[name] = rules;
    }
  }
  return sets;
}
