import type { FactSheet, FigureRef, Inline } from './fact-sheet.js';

/** Every figure occurrence of a sheet in reading order: title, subtitle, then the body. */
export function figureRefsOf(sheet: FactSheet): FigureRef[] {
  const refs: FigureRef[] = [];
  const walk = (inlines: readonly Inline[]): void => {
    for (const node of inlines) {
      if (node.type === 'figure') refs.push(node);
      else if ('children' in node) walk(node.children);
    }
  };
  walk(sheet.meta.title);
  if (sheet.meta.subtitle) walk(sheet.meta.subtitle);
  for (const section of sheet.sections) {
    if (section.heading) walk(section.heading);
    for (const block of section.blocks) {
      if (block.type === 'paragraph') walk(block.children);
      else for (const item of block.items) walk(item.children);
    }
  }
  return refs;
}

export function figureIdsOf(sheet: FactSheet): string[] {
  return [...new Set(figureRefsOf(sheet).map((r) => r.id))];
}
