import { walkInlines } from './walk-inlines.js';
import type { FactSheet, FigureRef, Inline } from './fact-sheet.js';

/** Every run of text of a sheet in reading order: title, subtitle, then each heading, paragraph and list item. */
export function textRunsOf(sheet: FactSheet): Array<readonly Inline[]> {
  const runs: Array<readonly Inline[]> = [sheet.meta.title];
  if (sheet.meta.subtitle) runs.push(sheet.meta.subtitle);
  for (const section of sheet.sections) {
    if (section.heading) runs.push(section.heading);
    for (const block of section.blocks) {
      if (block.type === 'paragraph') runs.push(block.children);
      else for (const item of block.items) runs.push(item.children);
    }
  }
  return runs;
}

/** The occurrences of each sheet met, found once: a build asks for them for every output of every version. */
const refsOf = new WeakMap<FactSheet, readonly FigureRef[]>();

/** Every figure occurrence of a sheet in reading order (a new array at each call; the sheet is not changed once made). */
export function figureRefsOf(sheet: FactSheet): FigureRef[] {
  let refs = refsOf.get(sheet);
  if (!refs) refsOf.set(sheet, (refs = textRunsOf(sheet).flatMap(figuresIn)));
  return [...refs];
}

/** Every figure occurrence of a run of inlines in reading order. */
export function figuresIn(inlines: readonly Inline[]): FigureRef[] {
  const refs: FigureRef[] = [];
  for (const node of walkInlines(inlines)) if (node.type === 'figure') refs.push(node);
  return refs;
}

export function figureIdsOf(sheet: FactSheet): string[] {
  return [...new Set(figureRefsOf(sheet).map((r) => r.id))];
}
