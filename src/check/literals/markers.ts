/**
 * The few words and endings around numbers that Intl and n2words do not give: ordinal endings
 * ("21st", "21e"), the word for century, how decades and percentages are written. One entry
 * per language; a language without an entry still gets digits, dates, number words, Roman
 * numerals and "%". Each pattern is a RegExp source, matched case-insensitively.
 */
export interface Markers {
  /** Endings glued to digits that make an ordinal: en "21st", fr "21e", ru "21-й". */
  ordinal?: string;
  /** Endings glued to a Roman numeral that make an ordinal: fr "XXIe" (and "XXI^e^"). */
  romanOrdinal?: string;
  /** An ordinal written as digits and a period (de "21."), read only before a century word. */
  periodOrdinal?: boolean;
  /** The word for century, after the ordinal: "century", "siècle", "Jahrhundert", "век". */
  century?: string;
  /** A decade as a year with an ending: en "1990s"; `(?<short>..)` for "90er Jahre". */
  decadeAfter?: readonly string[];
  /** A decade as a word then a year or a number: fr "années 1990", "années 90", "années quatre-vingt-dix". */
  decadeBefore?: string;
  /** The word for century before its number, where the language puts it first: ar "القرن 21", "القرن الـ21". */
  centuryBefore?: string;
  /** A decade as one word from its tens: ar "تسعينيات" (the 1990s), a RegExp source whose `tens` group is a key of `decadeTens`. */
  decadeWord?: string;
  decadeTens?: Readonly<Record<string, number>>;
  /** Words for "per cent" after a number ("%" is read in every language). */
  percent?: string;
}

export const MARKERS: Readonly<Record<string, Markers>> = {
  en: {
    ordinal: 'st|nd|rd|th',
    century: 'century|centuries',
    decadeAfter: ["(?<full>[12][0-9]{2}0)['\u2019]?s"],
    percent: 'per\\s+cent|percent',
  },
  fr: {
    ordinal: 'ièmes|ième|èmes|ème|iemes|ieme|emes|eme|ères|ère|ers|er|res|re|es|e|è|ᵉʳ|ʳᵉ|ᵉˢ|ᵉ',
    romanOrdinal: 'ème|eme|ère|er|re|e|ᵉʳ|ʳᵉ|ᵉ',
    century: 'siècles?',
    decadeBefore: 'années',
    percent: 'pour\\s+cent|pourcents?',
  },
  de: {
    periodOrdinal: true,
    century: 'Jahrhunderts?|Jahrhunderten?',
    decadeAfter: ['(?<full>[12][0-9]{2}0)er(?:[\\s\\-]+Jahren?)?', '(?<short>[1-9]0)er[\\s\\-]+Jahren?'],
    percent: 'Prozent',
  },
  ru: {
    ordinal: '-(?:й|я|е|го|му|м|х|ми)',
    century: 'век(?:а|е|ов|ам|ами|ах)?',
    decadeAfter: ['(?<full>[12][0-9]{2}0)-(?:е|х|ми)(?:\\s+год\\p{L}*)?', '(?<short>[1-9]0)-(?:е|х|ми)\\s+год\\p{L}*'],
    percent: 'процент(?:а|ов|ам|ами|ах)?',
  },
  uk: {
    ordinal: '-(?:й|а|е|го|му|м|х|ми|ї)',
    century: 'столітт\\p{L}*|сторічч\\p{L}*',
    decadeAfter: ['(?<full>[12][0-9]{2}0)-(?:ті|х|ми)(?:\\s+рок\\p{L}*)?', '(?<short>[1-9]0)-(?:ті|х|ми)\\s+рок\\p{L}*'],
    percent: 'відс(?:о|і)т\\p{L}*',
  },
  ar: {
    centuryBefore: 'القرن',
    decadeWord: '(?:ال)?(?<tens>عشر|ثلاث|أربع|خمس|ست|سبع|ثمان|تسع)(?:ينيات|ينات)',
    decadeTens: { عشر: 20, ثلاث: 30, أربع: 40, خمس: 50, ست: 60, سبع: 70, ثمان: 80, تسع: 90 },
    percent: 'في\\s+المائة|في\\s+المئة|بالمائة|بالمئة',
  },
};

export function markersOf(language: string): Markers {
  return MARKERS[language] ?? {};
}
