import type { Inline } from '../../model/fact-sheet.js';
import type { FontFace } from '../../model/template.js';
import { allowedLink } from '../../model/link-policy.js';
import { fontOf } from '../../parse/font-file.js';
import { runsOf, type SheetView } from '../view.js';
import { hasRtlLetter, isolateIslands, isRtlLetter, rtlParagraph, visualPieces } from './bidi-line.js';
import { faceBytes, fontRuns, hasGlyph, type FontRun } from './font-runs.js';
import { textAdvance, textWidth, unitsPerEm } from './parsed-fonts.js';
import { scriptOfLanguage } from '../../model/script-fonts.js';
import { lineBreaker } from '../../parse/pdfkit-packages.js';
import type { Marking } from './structure.js';

/** A pdfmake content node; pdfmake's own types do not cover 0.3. */
export type Node = Record<string, unknown> | string;

/** A stretch of a paragraph in one style: the text and the pdfmake properties it is drawn with. */
export interface Fragment {
  text: string;
  bold?: boolean;
  italics?: boolean;
  sup?: boolean;
  link?: string;
  decoration?: string;
  color?: string;
  /** The structure element or artifact the text is marked as in the tagged PDF (structure.ts); every piece of it carries it to pdfmake. */
  tag?: Marking;
}

/** The style a paragraph's fragments inherit, and what laying it out needs to know. */
export interface ParagraphStyle {
  fontSize: number;
  bold?: boolean;
  /** The width the paragraph is set in, in points (its lines are broken here). */
  width: number;
  /** Extra space after each character, in points, as pdfmake's `characterSpacing`. */
  characterSpacing?: number;
  /** Lines of about equal length (a title): as many lines as the width needs, each as short as that allows. */
  balance?: boolean;
}

/** Marked-up text as fragments. */
export function inlineFragments(inlines: readonly Inline[]): Fragment[] {
  return runsOf(inlines).map((run) => {
    if (run.lineBreak) return { text: '\n' };
    const fragment: Fragment = { text: run.text };
    if (run.bold) fragment.bold = true;
    if (run.italic) fragment.italics = true;
    if (run.superscript) fragment.sup = true;
    if (run.link) Object.assign(fragment, { link: allowedLink(run.link), decoration: 'underline' });
    return fragment;
  });
}

/**
 * A paragraph as pdfmake content. Left to right, pdfmake breaks the lines, and each
 * fragment is cut where the font changes (the font of each script, font-runs.ts).
 * Right to left, pdfmake would draw the words left to right: the lines are broken here,
 * with the fonts' own metrics, and each line is handed over already in visual order,
 * right-aligned (bidi-line.ts).
 */
export function paragraph(fragments: readonly Fragment[], view: SheetView, style: ParagraphStyle): Record<string, unknown> {
  if (view.dir === 'rtl') return { stack: bidiLines(fragments, view, style, 'rtl') };
  // Right-to-left words quoted in a left-to-right paragraph need the same treatment.
  if (fragments.some((fragment) => hasRtlLetter(fragment.text))) return { stack: bidiLines(fragments, view, style, 'ltr') };
  const lines = ltrLines(fragments, view, style);
  return lines.length > 0 ? { stack: lines } : { text: fragments.flatMap((fragment) => byFont(fragment, view, style)) };
}

/** A stretch of a left-to-right paragraph in one fragment and one font. */
interface LtrRun {
  text: string;
  start: number;
  fragment: number;
  script: string | null;
  family: string;
  bytes: Uint8Array;
  size: number;
}

/**
 * A left-to-right paragraph's lines, broken here as pdfmake would break them (at the
 * Unicode line-break opportunities, a line as full as its width allows), each handed
 * over as one text per stretch of one style and font. pdfmake would otherwise measure
 * and draw every word as a text of its own: a sheet's PDF had a thousand text objects,
 * and every step after (laying out, drawing, reading back) paid for each.
 */
function ltrLines(fragments: readonly Fragment[], view: SheetView, style: ParagraphStyle): Node[] {
  const layout = ltrLayout(fragments, view, style);
  if (layout === null) return [];
  const { text, runs } = layout;
  const lines: Node[] = [];
  for (const [from, to] of layout.lines) {
    const pieces: Node[] = [];
    for (const run of runs) {
      const start = Math.max(from, run.start);
      const end = Math.min(to, run.start + run.text.length);
      if (end <= start || run.text === '\n') continue;
      const node: Record<string, unknown> = { ...fragments[run.fragment], text: text.slice(start, end) };
      if (run.script !== null) node.font = run.family;
      pieces.push(node);
    }
    lines.push({ text: pieces.length > 0 ? pieces : ' ', noWrap: true });
  }
  return lines;
}

/**
 * Where the PDF breaks a left-to-right paragraph's lines: each line's range in the text
 * of its fragments (a line break counts one character), without the spaces that end it;
 * null for a paragraph the PDF sets right to left, or with nothing to draw. The Word
 * document breaks a title where the PDF balanced it.
 */
export function paragraphLines(fragments: readonly Fragment[], view: SheetView, style: ParagraphStyle): [number, number][] | null {
  if (view.dir === 'rtl' || fragments.some((fragment) => hasRtlLetter(fragment.text))) return null;
  return ltrLayout(fragments, view, style)?.lines ?? null;
}

/** A left-to-right paragraph's text, its runs of one fragment and one font, and its lines. */
function ltrLayout(fragments: readonly Fragment[], view: SheetView, style: ParagraphStyle): { text: string; runs: LtrRun[]; lines: [number, number][] } | null {
  const runs: LtrRun[] = [];
  let text = '';
  for (const [index, fragment] of fragments.entries()) {
    const size = fragment.sup ? style.fontSize * 0.58 : style.fontSize;
    if (fragment.text === '\n') {
      runs.push({ text: '\n', start: text.length, fragment: index, script: null, family: '', bytes: view.template.fonts.normal, size });
      text += '\n';
      continue;
    }
    const face = faceOf(fragment, style);
    for (const run of fontRuns(view.template, fragment.text, view.lang, face)) {
      runs.push({ text: run.text, start: text.length, fragment: index, script: run.script, family: run.family, bytes: faceBytes(view.template, run.script, face), size });
      text += run.text;
    }
  }
  if (text.trim() === '') return null;
  const spacing = style.characterSpacing ?? 0;
  const measures = runs.map((run) => (run.text === '\n' ? null : measureRun(run)));
  // As pdfmake measures a text: pdfkit's width of each run, plus the spacing between its characters.
  const width = (from: number, to: number): number => {
    let total = 0;
    for (const [index, run] of runs.entries()) {
      const start = Math.max(from, run.start);
      const end = Math.min(to, run.start + run.text.length);
      if (end <= start || run.text === '\n') continue;
      total += (measures[index]!(text, start, end) / unitsPerEm(run.bytes)) * run.size + spacing * (end - start - 1);
    }
    return total;
  };
  return { text, runs, lines: linesOf(text, style, width) };
}

/**
 * The advance in font units of any stretch of a run, as `textAdvance` gives it: pdfkit
 * shapes a text in pieces cut after each space, so a stretch is its first piece (perhaps
 * cut short), the whole pieces between, and its last; the whole pieces are summed once
 * here. Breaking a paragraph measures each line once per word it tries to add: without
 * the sums, that shaped every word of the line again for each.
 */
function measureRun(run: LtrRun): (text: string, from: number, to: number) => number {
  const cuts = [run.start];
  const before = [0];
  let units = 0;
  const end = run.start + run.text.length;
  for (let at = run.start; at < end; at++) {
    const char = run.text.charCodeAt(at - run.start);
    if (char !== 0x20 && char !== 0x09) continue;
    units += textAdvance(run.bytes, run.text.slice(cuts[cuts.length - 1]! - run.start, at + 1 - run.start));
    cuts.push(at + 1);
    before.push(units);
  }
  return (text, from, to) => {
    // The first cut at or after `from`, and the last at or before `to`.
    let first = 0;
    while (first < cuts.length && cuts[first]! < from) first++;
    let last = cuts.length - 1;
    while (last >= 0 && cuts[last]! > to) last--;
    if (first > last) return textAdvance(run.bytes, text.slice(from, to));
    let total = before[last]! - before[first]!;
    if (from < cuts[first]!) total += textAdvance(run.bytes, text.slice(from, cuts[first]!));
    if (cuts[last]! < to) total += textAdvance(run.bytes, text.slice(cuts[last]!, to));
    return total;
  };
}

/** The lines of a paragraph: greedy, or balanced for a title. */
function linesOf(text: string, style: ParagraphStyle, width: (from: number, to: number) => number): [number, number][] {
  const greedy = breakOpportunityLines(text, style.width, width);
  return style.balance ? balancedLines(text, style.width, width, greedy) : greedy;
}

/**
 * Lines of about equal length: the narrowest width (to a tenth of a point) that breaks the
 * text into no more lines than the full width does, so that a title never leaves one word
 * alone on its last line.
 */
export function balancedLines(text: string, available: number, width: (from: number, to: number) => number, greedy = breakOpportunityLines(text, available, width)): [number, number][] {
  if (greedy.length < 2) return greedy;
  let [low, high] = [0, available];
  let best = greedy;
  while (high - low > 0.1) {
    const middle = (low + high) / 2;
    const lines = breakOpportunityLines(text, middle, width);
    // A piece wider than the width gets a line of its own: that is not a fit.
    const fits = lines.length <= greedy.length && lines.every(([from, to]) => width(from, to) <= middle);
    if (fits) [high, best] = [middle, lines];
    else low = middle;
  }
  return best;
}

/**
 * Greedy line breaking at the Unicode line-break opportunities (UAX #14, the `linebreak`
 * package pdfmake breaks with: at spaces, after the hyphen of a compound, at line
 * breaks): the ranges of the lines, without the spaces that end them. A line is as long
 * as fits in `available`, its ending spaces not counted; a piece wider than the line
 * gets a line of its own.
 */
export function breakOpportunityLines(text: string, available: number, width: (from: number, to: number) => number): [number, number][] {
  const lines: [number, number][] = [];
  const trimmed = (from: number, to: number): number => {
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    return to;
  };
  const breaker = new (lineBreaker())(text);
  let lineStart = 0;
  let lineEnd = -1;
  let last = 0;
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const end = trimmed(last, brk.position);
    if (lineEnd >= 0 && end > lineStart && width(lineStart, end) > available) {
      lines.push([lineStart, lineEnd]);
      lineStart = last;
    }
    lineEnd = end;
    last = brk.position;
    if (brk.required) {
      lines.push([lineStart, trimmed(lineStart, lineEnd)]);
      lineStart = last;
      lineEnd = -1;
    }
  }
  if (lineEnd >= 0 && lineEnd > lineStart) lines.push([lineStart, lineEnd]);
  return lines;
}

function faceOf(fragment: Fragment, style: ParagraphStyle): FontFace {
  const bold = fragment.bold ?? style.bold ?? false;
  return bold ? (fragment.italics ? 'bolditalics' : 'bold') : fragment.italics ? 'italics' : 'normal';
}

function byFont(fragment: Fragment, view: SheetView, style: ParagraphStyle): Node[] {
  if (fragment.text === '\n') return [{ text: '\n' }];
  return fontRuns(view.template, fragment.text, view.lang, faceOf(fragment, style)).map((run) => {
    const node: Record<string, unknown> = { ...fragment, text: run.text };
    if (run.script !== null) node.font = run.family;
    return node;
  });
}

/** What each character of a paragraph is drawn with. */
interface Char {
  fragment: number;
  script: string | null;
  family: string;
}

function bidiLines(fragments: readonly Fragment[], view: SheetView, style: ParagraphStyle, dir: 'ltr' | 'rtl'): Node[] {
  let text = '';
  const runs: Array<{ index: number; face: FontFace; run: FontRun }> = [];
  for (const [index, fragment] of fragments.entries()) {
    const face = faceOf(fragment, style);
    for (const run of fontRuns(view.template, fragment.text, view.lang, face)) {
      runs.push({ index, face, run });
      text += run.text;
    }
  }
  // Left-to-right islands need isolating in right-to-left text only.
  const isolated = dir === 'rtl' ? isolateIslands(text) : { text, source: Array.from({ length: text.length }, (_, i) => i) };
  const indexIn: number[] = [];
  isolated.source.forEach((source, at) => {
    if (source >= 0) indexIn[source] = at;
  });
  const bidi = rtlParagraph(isolated.text, dir);
  const own = dir === 'rtl' ? scriptOfLanguage(view.style, view.lang) : null;
  const chars: Char[] = [];
  let at = 0;
  for (const { index, face, run } of runs) {
    for (const char of run.text) {
      const rightToLeft = (bidi.levels[indexIn[at]!]! & 1) === 1;
      let drawn: Char = { fragment: index, script: run.script, family: run.family };
      if (!isRtlLetter(char)) {
        if (rightToLeft && own !== null && own in view.template.scriptFonts && hasGlyph(view.template.scriptFonts[own]![face], char)) {
          // Punctuation and spaces that read right to left are set in the language's own
          // font, so they never join the left-to-right stretch beside them as one piece of
          // text: read back, "2011." must not come out as ".2011".
          drawn = { fragment: index, script: own, family: view.style.fonts.scripts[own]!.family };
        } else if (run.script !== null && hasGlyph(view.template.fonts[face], char)) {
          // What reads left to right (digits, and the spaces and signs inside an island) is
          // set in the main font where it can be: the stretch stays one piece in one font.
          drawn = { fragment: index, script: null, family: view.style.fonts.family };
        }
      }
      for (let i = 0; i < char.length; i++) chars.push(drawn);
      at += char.length;
    }
  }
  const width = (from: number, to: number): number => {
    let total = 0;
    for (let at = from; at < to; ) {
      let end = at + 1;
      while (end < to && chars[end]!.fragment === chars[at]!.fragment && chars[end]!.script === chars[at]!.script) end++;
      const fragment = fragments[chars[at]!.fragment]!;
      const size = fragment.sup ? style.fontSize * 0.58 : style.fontSize;
      total += textWidth(faceBytes(view.template, chars[at]!.script, faceOf(fragment, style)), text.slice(at, end)) * size;
      at = end;
    }
    return total;
  };
  const sameRun = (a: number, b: number): boolean => {
    const [x, y] = [chars[isolated.source[a]!], chars[isolated.source[b]!]];
    return !!x && !!y && x.fragment === y.fragment && x.script === y.script;
  };
  const lines: Node[] = [];
  for (const [from, to] of linesOf(text, style, width)) {
    const pieces = visualPieces(bidi, indexIn[from]!, indexIn[to - 1]! + 1, sameRun).flatMap((piece) => {
      const char = chars[isolated.source[piece.from]!]!;
      const face = faceOf(fragments[char.fragment]!, style);
      // pdfkit shapes a text word by word and sets the words left to right: a right-to-left
      // piece goes over word by word, the words (and the spaces between them) in visual order.
      const words = piece.logical ? (piece.text.match(/\s+|\S+/g) ?? []).reverse() : [piece.text];
      return words.map((word) => {
        const node: Record<string, unknown> = { ...fragments[char.fragment], text: word, noWrap: true };
        if (char.script === null) return node;
        node.font = char.family;
        // A left-to-right piece in a right-to-left script's font (Arabic-Indic digits): its
        // shaper would reverse it, so it goes over reversed.
        if (!piece.logical && fontOf(faceBytes(view.template, char.script, face)).layout(word).direction === 'rtl') node.text = [...word].reverse().join('');
        return node;
      });
    });
    lines.push({ text: pieces.length > 0 ? pieces : ' ', alignment: dir === 'rtl' ? 'right' : 'left', noWrap: true });
  }
  return lines;
}
