import type { Inline } from '../../model/fact-sheet.js';
import type { FontFace } from '../../model/template.js';
import { allowedLink } from '../../model/link-policy.js';
import { fontOf } from '../../parse/font-file.js';
import { runsOf, type SheetView } from '../view.js';
import { hasRtlLetter, isolateIslands, isRtlLetter, rtlParagraph, visualPieces } from './bidi-line.js';
import { faceBytes, fontRuns, hasGlyph, type FontRun } from './font-runs.js';
import { scriptOfLanguage } from '../../model/script-fonts.js';

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
}

/** The style a paragraph's fragments inherit, and what laying it out needs to know. */
export interface ParagraphStyle {
  fontSize: number;
  bold?: boolean;
  /** The width the paragraph is set in, in points (right-to-left paragraphs break their own lines). */
  width: number;
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
  return { text: fragments.flatMap((fragment) => byFont(fragment, view, style)) };
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
      const font = fontOf(faceBytes(view.template, chars[at]!.script, faceOf(fragment, style)));
      const size = fragment.sup ? style.fontSize * 0.58 : style.fontSize;
      total += (font.layout(text.slice(at, end)).advanceWidth / font.unitsPerEm) * size;
      at = end;
    }
    return total;
  };
  const sameRun = (a: number, b: number): boolean => {
    const [x, y] = [chars[isolated.source[a]!], chars[isolated.source[b]!]];
    return !!x && !!y && x.fragment === y.fragment && x.script === y.script;
  };
  const lines: Node[] = [];
  for (const [from, to] of breakLines(text, style.width, width)) {
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

/**
 * Greedy line breaking at spaces and line breaks: the ranges of the lines, without
 * the spaces that end or start them. A word wider than the line gets a line of its own.
 */
export function breakLines(text: string, available: number, width: (from: number, to: number) => number): [number, number][] {
  const lines: [number, number][] = [];
  for (const hard of text.matchAll(/[^\n]+/g)) {
    const words = [...hard[0].matchAll(/\S+/g)].map((word) => [hard.index + word.index, hard.index + word.index + word[0].length] as const);
    let line: [number, number] | null = null;
    for (const [from, to] of words) {
      if (line && width(line[0], to) <= available) line[1] = to;
      else {
        if (line) lines.push(line);
        line = [from, to];
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}
