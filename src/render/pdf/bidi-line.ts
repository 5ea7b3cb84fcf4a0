import bidiImport, { type Bidi, type EmbeddingLevels } from 'bidi-js';

/*
 * The Unicode bidirectional algorithm (bidi-js) for one right-to-left paragraph, whose
 * lines are broken already: the characters of each line in the order they are seen,
 * left to right, cut into pieces a PDF can draw, each of one direction.
 */

// bidi-js is CommonJS, and its declared default export is its module.exports.
const bidiFactory = ((bidiImport as unknown as { default?: unknown }).default ?? bidiImport) as () => Bidi;
const bidi = bidiFactory();

const ISOLATES = /^[\u2066-\u2069]$/;
const LRI = '\u2066';
const PDI = '\u2069';

/**
 * Stretches that read left to right inside right-to-left text and that the algorithm
 * alone would scatter: a phone number's groups ("+32 (0)2 707 1010"), a hashtag
 * ("#NATO", whose "#" would go to the far side), Latin names, e-mail addresses and
 * numbers. Each is set in a left-to-right isolate, as the HTML and Word versions do.
 */
const ISLAND = /[#@+(]*[\p{Script=Latin}\p{Nd}](?:[\p{Script=Latin}\p{Nd}\p{Zs}\p{Pd}()+.,/:@#'’&_]*[\p{Script=Latin}\p{Nd})])?/gu;

/** A text with its left-to-right islands isolated, and for each of its indices the index in the text (-1 for a control). */
export function isolateIslands(text: string): { text: string; source: number[] } {
  let out = '';
  const source: number[] = [];
  let at = 0;
  const add = (char: string, from: number) => {
    source.push(from);
    out += char;
  };
  const copy = (to: number) => {
    for (; at < to; at++) add(text[at]!, at);
  };
  for (const match of text.matchAll(ISLAND)) {
    const [start, end] = balanced(match[0]);
    if (end <= start) continue;
    copy(match.index + start);
    add(LRI, -1);
    copy(match.index + end);
    add(PDI, -1);
  }
  copy(text.length);
  return { text: out, source };
}

/**
 * The part of an island that keeps its brackets paired: a "(" it does not close or a
 * ")" it does not open belongs to the text around it ("الحلفاء (الـ28)").
 */
function balanced(island: string): [number, number] {
  let start = 0;
  let end = island.length;
  const count = (text: string, char: string) => text.split(char).length - 1;
  while (end > start && island[end - 1] === ')' && count(island.slice(start, end), ')') > count(island.slice(start, end), '(')) end--;
  while (start < end && island[start] === '(' && count(island.slice(start, end), '(') > count(island.slice(start, end), ')')) start++;
  return [start, end];
}

/** A piece of a line in visual order: a range of the text, its direction, and the text to draw. */
export interface VisualPiece {
  /** Indices into the (isolated) text, in logical order. */
  from: number;
  to: number;
  rtl: boolean;
  /**
   * What to hand to the PDF: for a right-to-left piece with right-to-left letters, the
   * characters in logical order (the shaper lays them out right to left, joining Arabic
   * letters); for one of neutral characters alone, reversed; mirrored characters
   * ("(" for ")") swapped in both.
   */
  text: string;
  /** Whether `text` is in logical order (a right-to-left piece of right-to-left letters), else visual. */
  logical: boolean;
}

export interface Paragraph {
  text: string;
  levels: Uint8Array;
  embedding: EmbeddingLevels;
}

/** The bidi levels of a paragraph whose base direction is `dir` (right to left unless said). */
export function rtlParagraph(text: string, dir: 'ltr' | 'rtl' = 'rtl'): Paragraph {
  const embedding = bidi.getEmbeddingLevels(text, dir);
  return { text, levels: embedding.levels, embedding };
}

/** Whether a character is a letter of a right-to-left script (bidi class R or AL). */
export function isRtlLetter(char: string): boolean {
  const type = bidi.getBidiCharTypeName(char);
  return type === 'R' || type === 'AL';
}

export function hasRtlLetter(text: string): boolean {
  for (const char of text) if (isRtlLetter(char)) return true;
  return false;
}

/**
 * The pieces of the line [start, end) of a paragraph, left to right; `cut(i)` says
 * where a piece must end besides changes of direction (a change of font or style).
 */
export function visualPieces(paragraph: Paragraph, start: number, end: number, sameRun: (a: number, b: number) => boolean): VisualPiece[] {
  const { text, levels, embedding } = paragraph;
  if (end <= start) return [];
  const order: number[] = [];
  for (let i = start; i < end; i++) order.push(i);
  for (const [from, to] of bidi.getReorderSegments(text, embedding, start, end - 1)) {
    const a = from! - start;
    const b = to! - start;
    const reversed = order.slice(a, b + 1).reverse();
    order.splice(a, reversed.length, ...reversed);
  }
  // bidi-js reads the levels array here (not the whole result its README shows).
  const mirrored = bidi.getMirroredCharactersMap(text, levels, start, end - 1);
  const pieces: VisualPiece[] = [];
  let piece: { indices: number[]; rtl: boolean } | null = null;
  const flush = () => {
    if (!piece) return;
    const indices = piece.indices;
    const logical = [...indices].sort((x, y) => x - y);
    const chars = (list: number[]) => list.map((i) => mirrored.get(i) ?? text[i]).join('');
    const hasRtlLetters = hasRtlLetter(chars(logical));
    const inLogicalOrder = piece.rtl && hasRtlLetters;
    pieces.push({ from: logical[0]!, to: logical[logical.length - 1]! + 1, rtl: piece.rtl, text: inLogicalOrder ? chars(logical) : chars(indices), logical: inLogicalOrder });
    piece = null;
  };
  for (const i of order) {
    // The isolates are for the algorithm: nothing draws them.
    if (ISOLATES.test(text[i]!)) continue;
    const rtl = (levels[i]! & 1) === 1;
    const last = piece?.indices[piece.indices.length - 1];
    const follows = last !== undefined && piece!.rtl === rtl && (rtl ? i === last - 1 : i === last + 1) && sameRun(Math.min(i, last), Math.max(i, last));
    if (!follows) flush();
    if (!piece) piece = { indices: [], rtl };
    piece.indices.push(i);
  }
  flush();
  return pieces;
}
