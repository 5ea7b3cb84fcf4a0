import type { Inline } from '../../model/fact-sheet.js';
import { plainText } from '../../model/plain-text.js';
import { comparable } from '../../typography/index.js';

/**
 * How many words two texts in different languages share, 0 to 1 (Dice coefficient):
 * equal words (names, acronyms) and cognates, taken here as words that begin alike
 * once case and accents are set aside ("interopérabilité" and "interoperability",
 * "terrorisme" and "terrorism"). Languages of one family share many of them, so this
 * tells apart short list items that neither figures nor length can.
 */
export function sharedWords(a: readonly Inline[], b: readonly Inline[]): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const matched = (words: readonly string[], others: readonly string[]) => words.filter((w) => others.some((o) => cognates(w, o))).length;
  return (matched(wa, wb) + matched(wb, wa)) / (wa.length + wb.length);
}

/** Words shorter than this are mostly articles and prepositions, which say nothing across languages. */
const MIN_WORD = 3;
/** Cognates share a beginning at least this long. */
const STEM = 5;

function cognates(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < STEM || b.length < STEM) return false;
  return a.slice(0, STEM) === b.slice(0, STEM);
}

const cache = new WeakMap<readonly Inline[], string[]>();

/** Distinct words of a run, lower case without accents; computed once per run, as each is compared with many. */
function wordsOf(inlines: readonly Inline[]): string[] {
  let words = cache.get(inlines);
  if (!words) {
    const folded = comparable(plainText(inlines)).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    words = [...new Set(folded.match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) => w.length >= MIN_WORD);
    cache.set(inlines, words);
  }
  return words;
}
