/**
 * Left-to-right islands of a right-to-left text: Latin words, numbers, phone numbers, e-mail
 * addresses and hashtags. Laid out inside a right-to-left paragraph without isolation, the
 * Unicode bidirectional algorithm gives the neutral characters between their digits and
 * letters (`+`, `(`, `/`, `#`, spaces) the paragraph's direction, so "+32(0)2 707 1010/1002"
 * reads "1010/1002 707 2(0)32+" and "#NATO" reads "NATO#". The web page and the Word document
 * set each island apart as left to right (`<bdi dir="ltr">`, a run without `w:rtl`), so the
 * island keeps its order while the sentence around it flows right to left.
 */

export interface Segment {
  text: string;
  /** A left-to-right island. */
  ltr: boolean;
}

/**
 * An island starts at a Latin letter or an ASCII digit (or a `+`, `#`, `@` or `(` just before
 * one) and runs over Latin letters, digits, the punctuation of numbers, addresses and
 * abbreviations and the spaces between them, ending at a letter, a digit, `%` or `)`.
 */
const ISLAND = /[+#@(]*[\p{Script=Latin}0-9](?:[\p{Script=Latin}\p{M}0-9@#+.,:/()_%'\u2019\-\u2010\u2011\u2013 \u00a0\u202f]*[\p{Script=Latin}\p{M}0-9)%])?/gu;

/** `text` cut into its left-to-right islands and the right-to-left text between them, in order. */
export function ltrIslands(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(ISLAND)) {
    let start = match.index;
    let end = start + match[0].length;
    // A bracket the island does not close (or open) belongs to the sentence around it: "(EAPC" of "(EAPC)".
    while (end > start && text[end - 1] === ')' && count(text, start, end, '(') < count(text, start, end, ')')) end--;
    while (start < end && text[start] === '(' && count(text, start, end, '(') > count(text, start, end, ')')) start++;
    if (start === end || !/[\p{Script=Latin}0-9]/u.test(text.slice(start, end))) continue;
    // Digits glued to the word before them ("الـ21") stay in it: an island there would let a line break part them.
    if (start > 0 && /[\p{L}\p{M}\u0640]/u.test(text[start - 1]!) && /^[0-9]/.test(text.slice(start, end))) continue;
    if (start > at) segments.push({ text: text.slice(at, start), ltr: false });
    segments.push({ text: text.slice(start, end), ltr: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), ltr: false });
  return segments;
}

function count(text: string, start: number, end: number, bracket: string): number {
  let n = 0;
  for (let i = start; i < end; i++) if (text[i] === bracket) n++;
  return n;
}
