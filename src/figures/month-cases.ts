/**
 * Month names in the cases a sentence puts them in: "в декабре 2012 г." (ru, prepositional),
 * "у грудні 1994 р." (uk, locative), "до декабря" (genitive).
 *
 * CLDR, and so Intl, gives a month's name in two forms only: standing alone (the nominative,
 * "декабрь") and inside a full date (the genitive, "декабря"). The other cases are written here
 * for the languages that need them; a language not listed has no cases for months.
 */

const w = (list: string): readonly string[] => list.split(' ');

const RU_PREPOSITIONAL = w('январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре');

const MONTH_CASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  ru: {
    nominative: w('январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь'),
    genitive: w('января февраля марта апреля мая июня июля августа сентября октября ноября декабря'),
    dative: w('январю февралю марту апрелю маю июню июлю августу сентябрю октябрю ноябрю декабрю'),
    accusative: w('январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь'),
    instrumental: w('январём февралём мартом апрелем маем июнем июлем августом сентябрём октябрём ноябрём декабрём'),
    prepositional: RU_PREPOSITIONAL,
    // CLDR's Russian number words name this case both ways; months answer to both names too.
    locative: RU_PREPOSITIONAL,
  },
  uk: {
    nominative: w('січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень'),
    genitive: w('січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня'),
    dative: w('січню лютому березню квітню травню червню липню серпню вересню жовтню листопаду грудню'),
    accusative: w('січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень'),
    instrumental: w('січнем лютим березнем квітнем травнем червнем липнем серпнем вереснем жовтнем листопадом груднем'),
    locative: w('січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні'),
  },
};

/** The cases months decline in, in a language; empty when they do not. */
export function monthCases(lang: string): readonly string[] {
  return Object.keys(MONTH_CASES[new Intl.Locale(lang).language] ?? {});
}

/** The name of month `month` (1 to 12) in a case of `monthCases(lang)`. */
export function monthName(lang: string, grammaticalCase: string, month: number): string | null {
  return MONTH_CASES[new Intl.Locale(lang).language]?.[grammaticalCase]?.[month - 1] ?? null;
}

/** Every declined form of the language's month names, with its month, for reading dates back. */
export function monthForms(lang: string): { name: string; month: number }[] {
  const cases = MONTH_CASES[new Intl.Locale(lang).language] ?? {};
  return Object.values(cases).flatMap((names) => names.map((name, i) => ({ name, month: i + 1 })));
}
