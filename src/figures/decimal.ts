/**
 * Registry values as exact decimals.
 *
 * A value is kept as the canonical string of its digits ("41", "0.0000001",
 * "9007199254740993"): no leading zeros, no trailing zeros after the point, no point
 * without a fraction, no exponent. JavaScript numbers would round 0.1 + 0.2 and every
 * integer above 2^53; strings do not, and they are what `Intl.NumberFormat` formats
 * exactly and what `n2words` spells. Sums are done on BigInts scaled to the longest
 * fraction, which is all the arithmetic the registry needs (no dependency for that).
 */
export type Decimal = string;

/**
 * Digits a declared value may have before and after the point. Node's Intl.NumberFormat
 * takes at most 20 fraction digits and formats 30 + 20 digits exactly; n2words spells
 * 30-digit integers exactly in most languages (see MAX_WORDS_DIGITS for all of them).
 */
export const MAX_INTEGER_DIGITS = 30;
export const MAX_FRACTION_DIGITS = 20;

/**
 * Whole numbers with at most this many digits are spelled out exactly by every n2words
 * language module; beyond it some go wrong (vi-VN from 10^15, zh from 10^17), so `words`
 * is refused rather than risked.
 */
export const MAX_WORDS_DIGITS = 15;

const WRITTEN = /^(\d+)(?:\.(\d+))?$/;

/** The canonical decimal of digits written `123`, `0.50` or `007`; null unless written so. */
export function parseDecimal(written: string): { value: Decimal; integerDigits: number; fractionDigits: number } | null {
  const match = WRITTEN.exec(written);
  if (!match) return null;
  const integer = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return { value: fraction === '' ? integer : `${integer}.${fraction}`, integerDigits: integer.length, fractionDigits: fraction.length };
}

/** The exact sum of canonical decimals. */
export function addDecimals(values: readonly Decimal[]): Decimal {
  const scale = Math.max(0, ...values.map(fractionDigitsOf));
  let total = 0n;
  for (const value of values) {
    const [integer, fraction = ''] = value.split('.');
    total += BigInt(integer! + fraction.padEnd(scale, '0'));
  }
  const digits = total.toString().padStart(scale + 1, '0');
  const parsed = parseDecimal(scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
  return parsed!.value;
}

/** True when the decimal has no fraction. */
export function isWhole(value: Decimal): boolean {
  return !value.includes('.');
}

function fractionDigitsOf(value: Decimal): number {
  const point = value.indexOf('.');
  return point < 0 ? 0 : value.length - point - 1;
}
