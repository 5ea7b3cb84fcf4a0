import type { Block, Section } from '../../model/fact-sheet.js';
import type { SheetView } from '../view.js';
import { plainText } from '../../model/plain-text.js';
import { allowedLink } from '../../model/link-policy.js';
import { keepLines } from './keep-lines.js';
import { inlineFragments, paragraph, paragraphLines, type Fragment, type Node, type ParagraphStyle } from './paragraph.js';
import { linkTag, tag, type Tag } from './structure.js';

export type { Node } from './paragraph.js';

/**
 * The layout mirrors for right-to-left languages: the band's mark and the kind of
 * document swap sides, list markers stand on the right, and every paragraph is set
 * right-aligned by paragraph.ts.
 */

/**
 * Fragments marked as `element`'s text in the tagged PDF; a linked fragment as the text of a
 * link of its own within it.
 */
function tagged(fragments: readonly Fragment[], element: Tag): Fragment[] {
  return fragments.map((fragment) => ({ ...fragment, tag: fragment.link ? linkTag(element, fragment.text) : element }));
}

/**
 * The coloured band that opens the first page: organisation, kind of document, title, date;
 * in `document`'s structure, the mark as a figure named for the organisation, the title as
 * the first-level heading and the rest as paragraphs.
 */
export function titleBand(view: SheetView, document: Tag): Node {
  const { style, sheet } = view;
  const rtl = view.dir === 'rtl';
  const [, right, , left] = style.page.margins;
  const width = contentWidth(view);
  // Spaced capitals; a right-to-left script here is cursive (Arabic), whose letters spacing would part.
  const [organisationSpacing, kindSpacing] = rtl ? [0, 0] : [0.4, 0.8];
  const figure = tag('Figure', document, { alt: sheet.contact.organisation });
  const organisation = paragraph([{ text: sheet.contact.organisation.toLocaleUpperCase(view.lang), tag: tag('P', document) }], view, { fontSize: style.sizes.organisation, bold: true, width: width - 120, characterSpacing: organisationSpacing });
  const kind = paragraph([{ text: view.labels.kind.toLocaleUpperCase(view.lang), tag: tag('P', document) }], view, { fontSize: style.sizes.kind, width: 200, characterSpacing: kindSpacing });
  const columns = [
    { svg: view.template.mark, width: 22, height: 22, tag: figure },
    { ...organisation, bold: true, fontSize: style.sizes.organisation, characterSpacing: organisationSpacing, margin: rtl ? [0, 5, 8, 0] : [8, 5, 0, 0], width: '*' },
    { ...kind, fontSize: style.sizes.kind, characterSpacing: kindSpacing, alignment: rtl ? 'left' : 'right', margin: [0, 6, 0, 0], width: 'auto' },
  ];
  const stack: Node[] = [
    { columns: rtl ? columns.reverse() : columns },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 2000, y2: 0, lineWidth: 0.5, lineColor: '#ffffff', strokeOpacity: 0.4 }], margin: [0, 10, 0, 14] },
    { ...paragraph(tagged(inlineFragments(sheet.meta.title), tag('H1', document)), view, titleStyle(view)), fontSize: style.sizes.title, bold: true, lineHeight: 0.85 },
  ];
  if (sheet.meta.subtitle) stack.push({ ...paragraph(tagged(inlineFragments(sheet.meta.subtitle), tag('P', document)), view, { fontSize: style.sizes.subtitle, width }), fontSize: style.sizes.subtitle, margin: [0, 6, 0, 0] });
  if (view.date) stack.push({ ...paragraph([{ text: view.date, tag: tag('P', document) }], view, { fontSize: style.sizes.kind, width }), fontSize: style.sizes.kind, margin: [0, 10, 0, 0], opacity: 0.85 });
  return {
    table: { widths: [width + left + right], body: [[{ stack, color: style.colors.inverse, fillColor: style.colors.brand, margin: [left, 22, right, 22] }]] },
    layout: 'noBorders',
    // The band bleeds to the paper's edges.
    margin: [-left, -style.page.margins[0], -right, 16],
  };
}

/** How the title is set: large, bold, across the band, in lines of about equal length. */
function titleStyle(view: SheetView): ParagraphStyle {
  return { fontSize: view.style.sizes.title, bold: true, width: contentWidth(view), balance: true };
}

/**
 * Where the PDF breaks the title's lines, as the ranges of the spaces between them in the
 * title's text (a line break counts one character): the Word document breaks it there
 * too, so that its lines are as balanced. None when the title is one line or set right to left.
 */
export function titleLineGaps(view: SheetView): Array<[number, number]> {
  const lines = paragraphLines(inlineFragments(view.sheet.meta.title), view, titleStyle(view)) ?? [];
  return lines.slice(1).map(([from], index) => [lines[index]![1], from]);
}

/** A section's heading (a second-level heading in `document`'s structure), rule and blocks. */
export function sectionNodes(section: Section, view: SheetView, document: Tag): Node[] {
  const { style } = view;
  const nodes: Node[] = [];
  const isLead = section.heading === null;
  if (section.heading) {
    const heading = paragraph(tagged(inlineFragments(section.heading), tag('H2', document)), view, { fontSize: style.sizes.heading, bold: true, width: contentWidth(view) });
    // pdfmake makes a bookmark from a text node: a heading comes as a stack of lines set here,
    // and its first line carries the bookmark and, as `headlineLevel`, the height in points the
    // heading needs below its top to stay with what follows: its lines, its rule and two lines
    // of text (pageBreakBefore in pdf-renderer.ts moves it to the next page when they do not fit).
    const stack = heading.stack as Array<Record<string, unknown>> | undefined;
    const line = (size: number) => style.spacing.line * size;
    const needs = (stack?.length || 1) * line(style.sizes.heading) + 2 + 1.2 + style.spacing.heading_after + 2 * line(style.sizes.body);
    const marks = { outline: true, outlineText: plainText(section.heading), headlineLevel: Math.ceil(needs) };
    if (stack?.[0]) stack[0] = { ...stack[0], ...marks };
    nodes.push({ ...heading, style: 'heading', ...(stack ? {} : marks) });
    nodes.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth(view), y2: 0, lineWidth: 1.2, lineColor: style.colors.accent }], margin: [0, 2, 0, style.spacing.heading_after] });
  }
  for (const block of section.blocks) nodes.push(blockNode(block, view, isLead, document));
  return nodes;
}

/** The width of a list item's marker column, and the gap after it. */
const MARKER_WIDTH = 16;
const MARKER_GAP = 2;

/** A paragraph, or a list (with an item, its label and its body for each item, in `parent`'s structure). */
function blockNode(block: Block, view: SheetView, isLead: boolean, parent: Tag): Node {
  const { style } = view;
  const fontSize = isLead ? style.sizes.lead : style.sizes.body;
  const width = contentWidth(view);
  if (block.type === 'paragraph') {
    return { ...keepLines(paragraph(tagged(inlineFragments(block.children), tag('P', parent)), view, { fontSize, width })), fontSize, margin: [0, 0, 0, style.spacing.paragraph] };
  }
  const rtl = view.dir === 'rtl';
  // pdfmake draws an ordered list's numbers after the item text, so extracted text reads "item 81." for
  // an item ending in the figure 8; numbers laid out as a column of their own come first, as a reader sees them.
  // Bullets too stand in a column of their own (on the right, right to left), drawn as text, so that a
  // copy of the text keeps them; and each item's lines are broken for the width that column leaves.
  const itemWidth = width - MARKER_WIDTH - MARKER_GAP - 4;
  const list = tag('L', parent);
  const stack = block.items.map((item, i) => {
    const markerText = block.ordered ? `${block.start + i}.` : '•';
    const element = tag('LI', list);
    const marker = { text: [{ text: markerText, tag: tag('Lbl', element) }], width: MARKER_WIDTH, color: style.colors.accent, alignment: rtl ? 'left' : 'right', margin: rtl ? [4, 0, 0, 0] : [0, 0, 4, 0] };
    const text = { ...keepLines(paragraph(tagged(inlineFragments(item.children), tag('LBody', element)), view, { fontSize, width: itemWidth })), width: '*' };
    return { columns: rtl ? [text, marker] : [marker, text], columnGap: MARKER_GAP, margin: [0, 0, 0, style.spacing.list_item] };
  });
  return { stack, fontSize, margin: [0, 0, 0, style.spacing.paragraph] };
}

/** Contact details in a tinted panel with a rule on the reading-start side; a section of paragraphs in `document`'s structure. */
export function contactBlock(view: SheetView, document: Tag): Node {
  const { style, sheet, labels } = view;
  const c = sheet.contact;
  const size = style.sizes.contact;
  // The panel's padding, its rule and the table's own cell padding.
  const width = contentWidth(view) - 20 - 3 - 8;
  const section = tag('Sect', document);
  const line = (fragments: Fragment[], bold = false) => paragraph(tagged(fragments, tag('P', section)), view, { fontSize: size, bold, width });
  const stack: Node[] = [
    { ...line([{ text: labels.contact.toLocaleUpperCase(view.lang) }], true), bold: true, color: style.colors.brand, characterSpacing: view.dir === 'rtl' ? 0 : 0.8, margin: [0, 0, 0, 4] },
    { ...line([{ text: `${c.division} – ${c.section}` }], true), bold: true, margin: [0, 0, 0, 2] },
    // A link per number; the text between numbers ("/") plain.
    line([{ text: `${labels.phone} ` }, ...c.phoneParts.map((part) => (part.e164 === null ? { text: part.text } : { text: part.text, link: allowedLink(`tel:${part.e164}`), color: style.colors.accent }))]),
    line([{ text: `${labels.email} ` }, { text: c.email, link: allowedLink(`mailto:${c.email}`), color: style.colors.accent }]),
    { ...line([{ text: c.hashtags.join(' ') }], true), bold: true, color: style.colors.accent, margin: [0, 4, 0, 0] },
  ];
  const ruleOnLeft = view.dir === 'ltr';
  return {
    table: { widths: ['*'], body: [[{ stack, fillColor: style.colors.panel, margin: [10, 8, 10, 8] }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => ((i === 0) === ruleOnLeft ? 3 : 0),
      vLineColor: () => style.colors.brand,
    },
    fontSize: style.sizes.contact,
    margin: [0, 14, 0, 0],
    unbreakable: true,
  };
}

export function contentWidth(view: SheetView): number {
  const [, right, , left] = view.style.page.margins;
  const width = view.style.page.size === 'LETTER' ? 612 : 595.28;
  return width - left - right;
}

