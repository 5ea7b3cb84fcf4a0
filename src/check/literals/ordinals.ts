import { overlaps, pattern, type Literal, type LiteralWriting, type Span } from './literal.js';
import type { Markers } from './markers.js';
import { romanValue } from './roman.js';
import { wordKey, wordTable, wordsOf } from './words.js';

/**
 * Ordinals and centuries.
 * - An ordinal is digits with the language's ordinal ending ("21st", "21e", "1er", "21ᵉ",
 *   ru "21-й") or a Roman numeral of two letters or more with one (fr "XXIe", "XXI^e^": a
 *   superscript is read as the letters it raises). Its value is the number ("21").
 * - A century is an ordinal, a Roman numeral of any length with or without ending, de digits
 *   with a period ("21. Jahrhundert"), or ordinal words ("twenty-first", "vingt et unième"),
 *   then the word for century, after spaces or a hyphen ("21st-century", "XXI^e^ siècle",
 *   "XXI век"). Its value is the number of the century, at most 30: so "ce siècle" and
 *   "le siècle" (C, L and an ordinal ending) are not the 100th and 50th centuries.
 * Residual: ordinal words alone ("the twenty-first summit") and inflected ordinal words of
 * languages n2words writes in one case only (ru "двадцать первом веке") are not read.
 */
const BEFORE = '(?<![\\p{L}\\p{N}_.,])';
const AFTER = '(?![\\p{L}\\p{N}_])';
const MAX_CENTURY = 30;
const LOOK_BEHIND = 80;
const SEPARATOR = /[\s\u00A0\u202F\-\u2010\u2011]+$/u;

export function findOrdinals(text: string, lang: string, markers: Markers, blocks: Span[]): Literal[] {
  const literals = findCenturies(text, lang, markers, blocks);
  const add = (start: number, end: number, value: number | null, written: LiteralWriting) => {
    if (value === null || value === 0 || overlaps(blocks, start, end)) return;
    literals.push({ kind: 'ordinal', value: String(value), raw: text.slice(start, end), start, end, written });
    blocks.push([start, end]);
  };
  if (markers.ordinal) {
    for (const m of text.matchAll(pattern(`${BEFORE}([0-9]{1,4})(?:${markers.ordinal})${AFTER}`, 'gu'))) add(m.index, m.index + m[0].length, Number(m[1]), 'digits');
  }
  if (markers.romanOrdinal) {
    for (const m of text.matchAll(pattern(`${BEFORE}([MDCLXVI]{2,})(?:${markers.romanOrdinal})${AFTER}`, 'gu'))) add(m.index, m.index + m[0].length, romanValue(m[1]!), 'roman');
  }
  return literals;
}

function findCenturies(text: string, lang: string, markers: Markers, blocks: Span[]): Literal[] {
  if (markers.centuryBefore) return centuriesWordFirst(text, markers.centuryBefore, blocks);
  if (!markers.century) return [];
  const forms = [
    markers.ordinal ? `(?<digits>[0-9]{1,2})(?:${markers.ordinal})` : null,
    markers.periodOrdinal ? '(?<digits2>[0-9]{1,2})\\.' : null,
    `(?<roman>[MDCLXVI]+)(?:${markers.romanOrdinal ?? '(?!)'})?`,
  ].filter((form) => form !== null);
  const ordinalAtEnd = pattern(`${BEFORE}(?:${forms.join('|')})$`, 'u');
  const literals: Literal[] = [];
  for (const m of text.matchAll(pattern(`(?<![\\p{L}\\p{N}_])(?:${markers.century})${AFTER}`, 'giu'))) {
    const end = m.index + m[0].length;
    const separator = SEPARATOR.exec(text.slice(Math.max(0, m.index - 8), m.index));
    if (!separator) continue;
    const ordinalEnd = m.index - separator[0].length;
    // What may hold the ordinal: a few words before the separator (not the whole text before, read again at each match).
    const from = Math.max(0, ordinalEnd - LOOK_BEHIND);
    const before = text.slice(from, ordinalEnd);
    let found: { start: number; value: number | null; written: LiteralWriting } | null = null;
    const typed = ordinalAtEnd.exec(before);
    if (typed) {
      const { digits, digits2, roman } = typed.groups ?? {};
      const start = ordinalEnd - typed[0].length;
      found = roman !== undefined ? { start, value: romanValue(roman), written: 'roman' } : { start, value: Number(digits ?? digits2), written: 'digits' };
    } else {
      const cut = from > 0 && /[\p{L}\p{M}]/u.test(text[from - 1]!);
      const words = ordinalWordsBefore(before, lang, cut);
      found = words && { ...words, start: from + words.start };
    }
    if (!found || found.value === null || found.value === 0 || found.value > MAX_CENTURY || overlaps(blocks, found.start, end)) continue;
    literals.push({ kind: 'century', value: String(found.value), raw: text.slice(found.start, end), start: found.start, end, written: found.written });
    blocks.push([found.start, end]);
  }
  return literals;
}

/** The word for century, then its number in digits, bare or after the article ("القرن 21", "القرن الـ21"). */
function centuriesWordFirst(text: string, word: string, blocks: Span[]): Literal[] {
  const literals: Literal[] = [];
  for (const m of text.matchAll(pattern(`(?<![\\p{L}\\p{N}_])(?:${word})[\\s\\u00A0]+(?:ال\\u0640?)?(?<digits>[0-9]{1,2})${AFTER}`, 'gu'))) {
    const value = Number(m.groups!.digits);
    const end = m.index + m[0].length;
    if (value === 0 || value > MAX_CENTURY || overlaps(blocks, m.index, end)) continue;
    literals.push({ kind: 'century', value: String(value), raw: m[0], start: m.index, end, written: 'digits' });
    blocks.push([m.index, end]);
  }
  return literals;
}

/** Ordinal words ending the text ("twenty-first", "vingt et unième"), as where they start and their value. */
function ordinalWordsBefore(text: string, lang: string, cut: boolean): { start: number; value: number; written: LiteralWriting } | null {
  const table = wordTable(lang);
  if (!table) return null;
  const words = wordsOf(text);
  const last = words[words.length - 1];
  if (!last || last.end !== text.length) return null;
  // A first word cut by the look-behind window is not tried.
  for (let count = Math.min(table.maxWords, words.length - (cut ? 1 : 0)); count >= 1; count--) {
    const first = words[words.length - count]!;
    const tail = text.slice(first.start);
    const value = table.ordinals.get(wordKey(tail));
    if (value !== undefined && /^[\p{L}\p{M}'\u2019\u02bc\s\-\u2010\u2011]*$/u.test(tail)) return { start: first.start, value, written: 'words' };
  }
  return null;
}
