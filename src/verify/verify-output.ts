import type { FactSheet, FigureRef } from '../model/fact-sheet.js';
import { figureRefsOf } from '../model/figure-refs.js';
import type { Format } from '../render/renderer.js';
import { textDirection } from '../render/view.js';
import { figureContexts } from './figure-context.js';
import { findFrom, foldSpaces } from './find-in-order.js';
import { htmlFigures, type HtmlFigure } from './html-text.js';
import { outputText } from './output-text.js';
import { comparable, foldQuotes } from '../typography/index.js';

/** A figure occurrence missing from an output: which one and what text was expected. */
export interface Miss {
  ref: FigureRef;
  /**
   * Position of `ref` in `figureRefsOf(sheet)` order; -1 only for an extra `<data>` element
   * in the HTML of a sheet without figures (`ref` then stands for that element).
   */
  index: number;
  reason: string;
}

/**
 * Checks every figure occurrence of `sheet` against the output bytes and returns the
 * misses, in figure order (empty: the output says what the model says).
 *
 * - HTML: the page's `<data>` elements must be the figure occurrences one to one, in
 *   order: `value` = ref.value, text content = ref.text (and `data-figure` =
 *   ref.id when present). Missing, extra and different elements are misses.
 * - PDF and DOCX: each occurrence's text is searched in the output text, starting after
 *   the previous one found, both sides folded alike (src/typography/comparable.ts): every
 *   quote straight; in the PDF also the spaces of French punctuation dropped and all
 *   whitespace, U+00A0 and U+202F as one space, while DOCX keeps its spaces exact. A text not glued to a word in the model must not
 *   be found glued to one ("41" is not found in "1410", "sept" not in "septembre").
 *
 * Limits of the PDF and DOCX check: it proves each figure's text is present in order, not
 * that this occurrence is the figure: a short, common text ("8", "2010", "huit") can be
 * found in other words of the sheet between the previous figure and its own place, so a
 * figure dropped from the output can go unnoticed when the same text follows it later.
 * Searching in order, from the previous match, keeps that rare. The PDF check also misses
 * a figure whose text a page break splits (the page furniture comes between its parts),
 * and reads a PDF with its page headers and footers in the text.
 *
 * Rejects when the bytes are not a readable file of that format.
 */
export async function verifyOutput(sheet: FactSheet, format: Format, bytes: Uint8Array): Promise<Miss[]> {
  const refs = figureRefsOf(sheet);
  if (format === 'html') return compareHtmlFigures(refs, htmlFigures(bytes));
  // Quotes folded on both sides: a quote drawn in another style is no missing figure. The PDF's
  // text loses its kinds of spaces, so French spaces are folded too; a Word document keeps them.
  const fold = format === 'pdf' ? (text: string) => foldSpaces(comparable(text)) : foldQuotes;
  const text = fold(await outputText(format, bytes, { rtl: textDirection(sheet.lang) === 'rtl' }));
  const contexts = figureContexts(sheet);
  const misses: Miss[] = [];
  let from = 0;
  let previous: FigureRef | null = null;
  refs.forEach((ref, index) => {
    const at = findFrom(text, fold(ref.text), from, contexts.get(ref));
    if (at === -1) {
      const where = previous ? `after ${quote(previous.text)} (${previous.id})` : 'in the document';
      misses.push({ ref, index, reason: `${quote(ref.text)} not found ${where}` });
      return;
    }
    from = at + fold(ref.text).length;
    previous = ref;
  });
  return misses;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/** How a figure is (or should be) marked up in HTML, for messages. */
function dataElement(value: string | null, text: string): string {
  return `<data${value === null ? '' : ` value="${value}"`}>${text}</data>`;
}

function expected(ref: FigureRef): string {
  return dataElement(ref.value, ref.text);
}

function found(figure: HtmlFigure): string {
  return dataElement(figure.value, figure.text);
}

function sameFigure(ref: FigureRef, figure: HtmlFigure): boolean {
  return figure.value === ref.value && figure.text === ref.text && (figure.figure === null || figure.figure === ref.id);
}

/**
 * The `<data>` elements against the figure occurrences, aligned (longest common
 * subsequence) so that one missing or extra element is reported once, not as a shift of
 * every later one. Between two matched figures, unmatched occurrences and elements pair up
 * in order as "expected …, found …"; an occurrence left over is "not found"; an element
 * left over is reported on the occurrence before it (or after it, at the start).
 */
export function compareHtmlFigures(refs: readonly FigureRef[], figures: readonly HtmlFigure[]): Miss[] {
  const n = refs.length;
  const m = figures.length;
  // lcs[i][j]: length of the longest common subsequence of refs[i..] and figures[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = sameFigure(refs[i]!, figures[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const misses: Miss[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sameFigure(refs[i]!, figures[j]!) && lcs[i]![j] === lcs[i + 1]![j + 1]! + 1) {
      i++;
      j++;
      continue;
    }
    // A gap: the occurrences and elements up to the next matched pair.
    let gi = i;
    let gj = j;
    while (gi < n || gj < m) {
      if (gi < n && gj < m && sameFigure(refs[gi]!, figures[gj]!) && lcs[gi]![gj] === lcs[gi + 1]![gj + 1]! + 1) break;
      if (gj < m && (gi >= n || lcs[gi]![gj + 1] === lcs[gi]![gj])) gj++;
      else gi++;
    }
    misses.push(...gapMisses(refs, figures, i, gi, j, gj));
    i = gi;
    j = gj;
  }
  return misses;
}

function gapMisses(refs: readonly FigureRef[], figures: readonly HtmlFigure[], i0: number, i1: number, j0: number, j1: number): Miss[] {
  const misses: Miss[] = [];
  const paired = Math.min(i1 - i0, j1 - j0);
  for (let k = 0; k < paired; k++) {
    const ref = refs[i0 + k]!;
    const figure = figures[j0 + k]!;
    const id = figure.figure !== null && figure.figure !== ref.id ? ` (data-figure="${figure.figure}", not "${ref.id}")` : '';
    misses.push({ ref, index: i0 + k, reason: `expected ${expected(ref)}, found ${found(figure)}${id}` });
  }
  for (let k = i0 + paired; k < i1; k++) {
    misses.push({ ref: refs[k]!, index: k, reason: `expected ${expected(refs[k]!)}, not found` });
  }
  for (let k = j0 + paired; k < j1; k++) {
    const figure = figures[k]!;
    const extra = `extra figure ${found(figure)}${figure.figure === null ? '' : ` (data-figure="${figure.figure}")`}`;
    if (i0 > 0) misses.push({ ref: refs[i0 - 1]!, index: i0 - 1, reason: `${extra} after it` });
    else if (i1 < refs.length) misses.push({ ref: refs[i1]!, index: i1, reason: `${extra} before it` });
    else misses.push({ ref: strayRef(figure), index: -1, reason: `${extra}: the sheet has no figures` });
  }
  return misses;
}

/** A stand-in occurrence for a `<data>` element of a sheet that has no figure at all. */
function strayRef(figure: HtmlFigure): FigureRef {
  const start = { line: 1, column: 1, offset: 0 };
  return { type: 'figure', id: figure.figure ?? '', form: 'number', value: figure.value ?? '', text: figure.text, span: { start, end: start } };
}
