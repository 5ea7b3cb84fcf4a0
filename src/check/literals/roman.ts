import { overlaps, type Literal, type Span } from './literal.js';

/**
 * Roman numerals. Standing alone, only numerals of two letters or more made of I, V and X are
 * read ("II", "XIV", "XXI"): "I" is an English pronoun, and numerals with L, C, D or M are
 * mostly abbreviations or words ("DC", "CD", "MD", "CV", "XL", "MI", "MIX", "CIVIL"). Any
 * numeral is read as an ordinal or a century when an ordinal ending or a century word follows
 * ("XXIe", "Ier siècle", "XXI век"): see ordinals.ts. Upper case only: "vi", "xi" are words.
 */
const CANONICAL = /^(M{0,3})(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const DIGIT_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const STANDALONE = /(?<![\p{L}\p{N}_])[IVX]{2,}(?![\p{L}\p{N}_])/gu;

/** The value of a well-formed upper-case Roman numeral ("XXI" is 21), or null. */
export function romanValue(numeral: string): number | null {
  if (numeral === '' || !CANONICAL.test(numeral)) return null;
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = DIGIT_VALUES[numeral[i]!]!;
    const next = DIGIT_VALUES[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Roman numerals standing alone, outside `blocks`, as numbers ("Phase II" is the 2 of "phase 2"). */
export function findRomanNumbers(text: string, blocks: Span[]): Literal[] {
  const literals: Literal[] = [];
  for (const match of text.matchAll(STANDALONE)) {
    const value = romanValue(match[0]);
    const start = match.index;
    const end = start + match[0].length;
    if (value === null || overlaps(blocks, start, end)) continue;
    literals.push({ kind: 'number', value: String(value), raw: match[0], start, end, written: 'roman' });
    blocks.push([start, end]);
  }
  return literals;
}
