import type { NumberGrammar } from './spellout.js';

/**
 * Arabic number words in the gender of the counted noun and in the case the sentence needs.
 *
 * CLDR's Arabic rule sets give the same words in both genders ("ثلاثة" for a feminine noun,
 * where Arabic writes "ثلاث مهام"), write "إثنان" with a hamza the language does not write on
 * it, and have no case; no npm library spells Arabic in its cases. The rules are short, so
 * they are written here:
 * - `gender=` names the noun's gender, as in every other language: 3 to 10, and the units of
 *   13 to 19 and of 23 to 99, take the other gender's ending (polarity): "ثلاثة بلدان",
 *   "ثلاث مهام".
 * - `case=`: `nominative` ("اثنان", "عشرون"), `accusative` and `genitive` (one oblique form:
 *   "اثنين", "عشرين"); Arabic shows case in the words for 2, 12 and the tens, and in 200 and
 *   2000. Other words are written without vowel marks, as press texts write them, so they do
 *   not change.
 * Whole numbers up to 999,999,999,999,999 are spelled; thousands and millions count with the
 * masculine words ("ثلاثة آلاف", "خمسة وعشرون ألفًا").
 */

const CASES = ['nominative', 'accusative', 'genitive'] as const;
const GENDERS = ['masculine', 'feminine'] as const;

type Gender = (typeof GENDERS)[number];

/**
 * 1 to 10 as they go with a masculine and with a feminine noun (the nominative; 2 takes its
 * case in `dual`). From 3 the masculine noun takes the word ending in "ة" (polarity).
 */
const UNITS: Readonly<Record<Gender, readonly string[]>> = {
  masculine: ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة'],
  feminine: ['', 'واحدة', 'اثنتان', 'ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثماني', 'تسع', 'عشر'],
};

const TENS_STEMS = ['', '', 'عشر', 'ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع'];
const HUNDREDS = ['', 'مائة', 'مائتان', 'ثلاثمائة', 'أربعمائة', 'خمسمائة', 'ستمائة', 'سبعمائة', 'ثمانمائة', 'تسعمائة'];

/** The scales past a thousand: singular, dual, plural (3 to 10), and the singular after 11 and more. */
const SCALES = [
  { value: 10n ** 12n, one: 'تريليون', two: 'تريليونان', plural: 'تريليونات' },
  { value: 10n ** 9n, one: 'مليار', two: 'ملياران', plural: 'مليارات' },
  { value: 10n ** 6n, one: 'مليون', two: 'مليونان', plural: 'ملايين' },
  { value: 1000n, one: 'ألف', two: 'ألفان', plural: 'آلاف' },
] as const;

const oblique = (grammaticalCase: string): boolean => grammaticalCase !== 'nominative';

/** The dual ending in the oblique cases: "اثنان" -> "اثنين", "مائتان" -> "مائتين". */
function dual(word: string, grammaticalCase: string): string {
  return oblique(grammaticalCase) ? word.replace(/ان$/, 'ين') : word;
}

function belowHundred(n: number, gender: Gender, grammaticalCase: string): string {
  if (n === 0) return '';
  if (n === 1) return UNITS[gender][1]!;
  if (n === 2) return dual(UNITS[gender][2]!, grammaticalCase);
  if (n <= 10) return UNITS[gender][n]!;
  if (n === 11) return gender === 'masculine' ? 'أحد عشر' : 'إحدى عشرة';
  if (n === 12) return gender === 'masculine' ? (oblique(grammaticalCase) ? 'اثني عشر' : 'اثنا عشر') : oblique(grammaticalCase) ? 'اثنتي عشرة' : 'اثنتا عشرة';
  if (n < 20) return `${UNITS[gender][n - 10]} ${gender === 'masculine' ? 'عشر' : 'عشرة'}`;
  const tens = `${TENS_STEMS[Math.floor(n / 10)]}${oblique(grammaticalCase) ? 'ين' : 'ون'}`;
  const unit = n % 10;
  if (unit === 0) return tens;
  const unitWord = unit === 1 ? (gender === 'masculine' ? 'واحد' : 'إحدى') : unit === 2 ? dual(UNITS[gender][2]!, grammaticalCase) : UNITS[gender][unit]!;
  return `${unitWord} و${tens}`;
}

function belowThousand(n: number, gender: Gender, grammaticalCase: string): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words = [hundreds === 2 ? dual(HUNDREDS[2]!, grammaticalCase) : HUNDREDS[hundreds]!, belowHundred(rest, gender, grammaticalCase)].filter((w) => w !== '');
  return words.join(' و');
}

/**
 * 11 to 999 thousands (millions, ...): the noun agrees with the last two digits of the count.
 * After 11 to 99 it is singular and accusative ("خمسة وعشرون ألفًا"); after 3 to 10, plural
 * ("مائة وخمسة آلاف"); after a round hundred, singular and genitive, the hundred in the
 * construct state ("مائتا ألف", "ثلاثمائة ألف"); a last 1 or 2 is said as the scale's own
 * singular or dual after the hundreds ("مائة ألف وألف").
 */
function manyOf(count: number, scale: (typeof SCALES)[number], grammaticalCase: string): string {
  const hundreds = count - (count % 100);
  const last = count % 100;
  const hundredsWords = (construct: boolean): string => {
    const words = belowThousand(hundreds, 'masculine', grammaticalCase);
    // A dual before its noun drops its "ن": "مائتان" -> "مائتا", "مائتين" -> "مائتي".
    return construct ? words.replace(/^(مائت)(ان|ين)$/, (_, stem: string, ending: string) => stem + (ending === 'ان' ? 'ا' : 'ي')) : words;
  };
  if (last === 0) return `${hundredsWords(true)} ${scale.one}`;
  if (last <= 2) return hundreds === 0 ? belowThousand(count, 'masculine', grammaticalCase) : `${hundredsWords(true)} ${scale.one} و${last === 1 ? scale.one : dual(scale.two, grammaticalCase)}`;
  const words = belowThousand(count, 'masculine', last <= 10 ? 'genitive' : grammaticalCase);
  return last <= 10 ? `${words} ${scale.plural}` : `${words} ${scale.one}\u064b\u0627`;
}

/** `value` (a whole number, 0 to 10^15 - 1) in Arabic words. */
export function arabicWords(value: bigint, gender: Gender = 'masculine', grammaticalCase = 'nominative'): string {
  if (value < 0n || value >= 10n ** 15n) throw new RangeError(`cannot spell ${value} in Arabic`);
  if (value === 0n) return 'صفر';
  const parts: string[] = [];
  let rest = value;
  for (const scale of SCALES) {
    const count = rest / scale.value;
    rest %= scale.value;
    if (count === 0n) continue;
    if (count === 1n) parts.push(scale.one);
    else if (count === 2n) parts.push(dual(scale.two, grammaticalCase));
    else if (count <= 10n) parts.push(`${belowHundred(Number(count), 'masculine', 'genitive')} ${scale.plural}`);
    else parts.push(manyOf(Number(count), scale, grammaticalCase));
  }
  if (rest > 0n) parts.push(belowThousand(Number(rest), gender, grammaticalCase));
  return parts.join(' و');
}

/** Arabic number words as the figures' `{{words id case=... gender=...}}` spell them. */
export const ARABIC_GRAMMAR: NumberGrammar = {
  cases: CASES,
  genders: GENDERS,
  spell(value, grammaticalCase = 'nominative', gender = 'masculine') {
    return arabicWords(BigInt(value), gender as Gender, grammaticalCase);
  },
};
