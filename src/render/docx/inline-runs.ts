import { ExternalHyperlink, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Inline } from '../../model/fact-sheet.js';
import { allowedLink } from '../../model/link-policy.js';
import { runsOf, type Run } from '../view.js';
import { ltrIslands } from '../ltr-islands.js';

/** Run properties every run of a paragraph shares, such as the colour of text on the title band. */
export type RunBase = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/**
 * Inline markup as Word runs: bold, italics, superscripts, line breaks, and links to the web. Figures are plain
 * runs holding the text the model gives them, character for character.
 */
export function inlineRuns(inlines: readonly Inline[], dir: 'ltr' | 'rtl', strong: RunBase, base: RunBase = {}, gaps: ReadonlyArray<readonly [number, number]> = []): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  const runs = gaps.length > 0 ? brokenAt(runsOf(inlines), gaps) : runsOf(inlines);
  for (let i = 0; i < runs.length; ) {
    const run = runs[i]!;
    if (run.link === null) {
      children.push(...textRuns(run, dir, strong, base));
      i += 1;
      continue;
    }
    // Consecutive runs of the same link make one hyperlink.
    const link = run.link;
    const linked: TextRun[] = [];
    while (i < runs.length && runs[i]!.link === link) {
      linked.push(...textRuns(runs[i]!, dir, strong, { ...base, style: 'Hyperlink' }));
      i += 1;
    }
    children.push(new ExternalHyperlink({ link: allowedLink(link), children: linked }));
  }
  return children;
}

/**
 * The runs with a line break in place of each gap (a range of their text, a line break
 * counting one character, as the PDF's paragraphs count it): the spaces where the PDF
 * ends a line give way to a break, so that Word breaks the line there too.
 */
export function brokenAt(runs: readonly Run[], gaps: ReadonlyArray<readonly [number, number]>): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const run of runs) {
    if (run.lineBreak) {
      out.push(run);
      at += 1;
      continue;
    }
    const end = at + run.text.length;
    let cursor = at;
    for (const [from, to] of gaps) {
      if (from < at && to <= at) continue;
      if (from >= end) break;
      if (from > cursor) out.push({ ...run, text: run.text.slice(cursor - at, from - at) });
      if (from >= at) out.push({ ...run, text: '', figure: null, lineBreak: true });
      cursor = Math.max(cursor, Math.min(to, end));
    }
    if (cursor < end) out.push({ ...run, text: run.text.slice(cursor - at) });
    at = end;
  }
  return out;
}

/**
 * A run, or in a right-to-left paragraph one run per left-to-right island and per stretch between them. Bold text
 * takes `strong`, the properties of the face the PDF sets it in (word-fonts.ts).
 */
function textRuns(run: Run, dir: 'ltr' | 'rtl', strong: RunBase, base: RunBase): TextRun[] {
  const options: IRunOptions = {
    ...base,
    ...(run.bold ? strong : {}),
    ...(run.italic ? { italics: true, italicsComplexScript: true } : {}),
    ...(run.superscript ? { superScript: true } : {}),
  };
  if (run.lineBreak) return [new TextRun({ ...options, ...direction(dir, false), break: 1 })];
  return directedRuns(run.text, dir, options);
}

/** A plain run of text, for the words the template adds (labels, contact details); cut at its islands as sheet text is. */
export function plainRuns(text: string, dir: 'ltr' | 'rtl', base: RunBase = {}): TextRun[] {
  return directedRuns(text, dir, base);
}

/** Text that reads left to right whatever the paragraph (a phone number, an address, a hashtag): one left-to-right run. */
export function ltrRun(text: string, dir: 'ltr' | 'rtl', base: RunBase = {}, isolate = true): TextRun {
  return new TextRun({ ...base, ...direction(dir, true), text: isolate ? isolated(text, dir) : text });
}

function directedRuns(text: string, dir: 'ltr' | 'rtl', options: IRunOptions): TextRun[] {
  if (dir === 'ltr') return [new TextRun({ ...options, text })];
  return ltrIslands(text).map((segment) => new TextRun({ ...options, ...direction(dir, segment.ltr), text: segment.ltr ? isolated(segment.text, dir) : segment.text }));
}

/**
 * A run's direction in a right-to-left document: `w:rtl` on its own text, and an explicit
 * `w:rtl w:val="false"` on an island, since the paragraph styles of such a document set it.
 */
function direction(dir: 'ltr' | 'rtl', island: boolean): IRunOptions {
  return dir === 'rtl' ? { rightToLeft: !island } : {};
}

/**
 * An island between LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE: Word takes a run without
 * `w:rtl` as left to right, but LibreOffice and other readers lay out the paragraph with the
 * Unicode bidirectional algorithm alone, which reorders "+32(0)2 707 1010/1002" unless isolated.
 * The marks are invisible; reading the document back drops them (verify/docx-text.ts).
 */
function isolated(text: string, dir: 'ltr' | 'rtl'): string {
  return dir === 'rtl' ? `\u2066${text}\u2069` : text;
}
