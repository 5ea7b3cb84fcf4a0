import { HeadingLevel, Paragraph, type FileChild } from 'docx';
import type { Block, List, Section } from '../../model/fact-sheet.js';
import type { SheetView } from '../view.js';
import { inlineRuns } from './inline-runs.js';
import { listReference } from './numbering.js';
import { STYLE } from './styles.js';
import { sides, twips } from './units.js';
import type { WordFonts } from './word-fonts.js';

/** The sheet's sections: the lead in the larger lead size, then each section under its Heading 1. */
export function bodyContent(view: SheetView, fonts: WordFonts): FileChild[] {
  const children: FileChild[] = [];
  const lists = { count: 0 };
  for (const section of view.sheet.sections) children.push(...sectionContent(view, fonts, section, lists));
  return children;
}

function sectionContent(view: SheetView, fonts: WordFonts, section: Section, lists: { count: number }): Paragraph[] {
  const bidi = view.dir === 'rtl' ? { bidirectional: true } : {};
  const out: Paragraph[] = [];
  if (section.heading !== null) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, ...bidi, alignment: sides(view.dir).start, children: inlineRuns(section.heading, view.dir, fonts.strong) }));
  }
  const lead = section.heading === null;
  for (const block of section.blocks) out.push(...blockContent(view, fonts, block, lead, lists));
  return out;
}

/**
 * No paragraph or list item leaves its first line alone at a page's foot or its last at a page's head, as in the
 * PDF (w:widowControl: Word's own default, which a document must still state for other readers).
 */
const KEEP = { widowControl: true } as const;

function blockContent(view: SheetView, fonts: WordFonts, block: Block, lead: boolean, lists: { count: number }): Paragraph[] {
  const bidi = view.dir === 'rtl' ? { bidirectional: true } : {};
  const style = lead ? { style: STYLE.lead } : {};
  const alignment = sides(view.dir).start;
  if (block.type === 'paragraph') return [new Paragraph({ ...style, ...bidi, ...KEEP, alignment, children: inlineRuns(block.children, view.dir, fonts.strong) })];
  return listContent(view, fonts, block, lead, lists.count++);
}

/** One paragraph per item, numbered by Word; each list is a numbering instance of its own, so it starts again. */
function listContent(view: SheetView, fonts: WordFonts, list: List, lead: boolean, instance: number): Paragraph[] {
  const bidi = view.dir === 'rtl' ? { bidirectional: true } : {};
  const style = lead ? { style: STYLE.lead } : {};
  const { spacing } = view.style;
  return list.items.map(
    (item, index) =>
      new Paragraph({
        ...style,
        ...bidi,
        ...KEEP,
        alignment: sides(view.dir).start,
        numbering: { reference: listReference(list), level: 0, instance },
        spacing: { after: twips(index === list.items.length - 1 ? spacing.paragraph : spacing.list_item) },
        children: inlineRuns(item.children, view.dir, fonts.strong),
      }),
  );
}
