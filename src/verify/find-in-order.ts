import type { FigureContext } from './figure-context.js';

/** Letters and digits: a figure text must not be found glued into a longer word or number. */
const WORD = /[\p{L}\p{N}]/u;

/** Folds every run of whitespace (spaces, U+00A0, U+202F, newlines, tabs…) to one space. */
export function foldSpaces(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * Where `needle` next occurs in `haystack` at or after `from`, or -1. When the model has
 * no letter or digit on a side of the figure (a space, punctuation, the start or end of a
 * paragraph) while the figure's text starts (ends) with one, an occurrence with a letter
 * or digit on that side is skipped: "41" is not found in "141" or "1410", "sept" not in
 * "septembre". Where the model glues the figure to a word (a superscript, "41e"), so may
 * the output.
 */
export function findFrom(haystack: string, needle: string, from: number, context?: FigureContext): number {
  if (!needle) return -1;
  const guardBefore = WORD.test(firstCodePoint(needle)) && !isWord(context?.before ?? null);
  const guardAfter = WORD.test(lastCodePoint(needle)) && !isWord(context?.after ?? null);
  for (let at = haystack.indexOf(needle, from); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (guardBefore && at > 0 && WORD.test(lastCodePoint(haystack.slice(Math.max(0, at - 2), at)))) continue;
    const end = at + needle.length;
    if (guardAfter && end < haystack.length && WORD.test(firstCodePoint(haystack.slice(end, end + 2)))) continue;
    return at;
  }
  return -1;
}

function isWord(char: string | null): boolean {
  return char !== null && WORD.test(char);
}

function firstCodePoint(text: string): string {
  return text ? String.fromCodePoint(text.codePointAt(0)!) : '';
}

function lastCodePoint(text: string): string {
  return [...text].at(-1) ?? '';
}
