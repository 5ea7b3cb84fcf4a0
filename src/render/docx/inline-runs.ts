import { ExternalHyperlink, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Inline } from '../../model/fact-sheet.js';
import { allowedLink } from '../../model/link-policy.js';
import { runsOf, type Run } from '../view.js';

/** Run properties every run of a paragraph shares, such as the colour of text on the title band. */
export type RunBase = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/**
 * Inline markup as Word runs: bold, italics, superscripts, line breaks, and links to the web. Figures are plain
 * runs holding the text the model gives them, character for character.
 */
export function inlineRuns(inlines: readonly Inline[], dir: 'ltr' | 'rtl', base: RunBase = {}): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  const runs = runsOf(inlines);
  for (let i = 0; i < runs.length; ) {
    const run = runs[i]!;
    if (run.link === null) {
      children.push(textRun(run, dir, base));
      i += 1;
      continue;
    }
    // Consecutive runs of the same link make one hyperlink.
    const link = run.link;
    const linked: TextRun[] = [];
    while (i < runs.length && runs[i]!.link === link) {
      linked.push(textRun(runs[i]!, dir, { ...base, style: 'Hyperlink' }));
      i += 1;
    }
    children.push(new ExternalHyperlink({ link: allowedLink(link), children: linked }));
  }
  return children;
}

function textRun(run: Run, dir: 'ltr' | 'rtl', base: RunBase): TextRun {
  const options: IRunOptions = {
    ...base,
    ...(run.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(run.italic ? { italics: true, italicsComplexScript: true } : {}),
    ...(run.superscript ? { superScript: true } : {}),
    ...(dir === 'rtl' ? { rightToLeft: true } : {}),
  };
  return run.lineBreak ? new TextRun({ ...options, break: 1 }) : new TextRun({ ...options, text: run.text });
}

/** A plain run of text, for the words the template adds (labels, contact details). */
export function plainRun(text: string, dir: 'ltr' | 'rtl', base: RunBase = {}): TextRun {
  return new TextRun({ ...base, ...(dir === 'rtl' ? { rightToLeft: true } : {}), text });
}
