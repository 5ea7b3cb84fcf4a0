import type { Block, Section } from '../../model/fact-sheet.js';
import { runsOf, type Run, type SheetView } from '../view.js';
import type { Inline } from '../../model/fact-sheet.js';
import { plainText } from '../../model/plain-text.js';
import { allowedLink } from '../../model/link-policy.js';

/** A pdfmake content node; pdfmake's own types do not cover 0.3. */
export type Node = Record<string, unknown> | string;

/** Inline runs as pdfmake text fragments. */
export function textRuns(inlines: readonly Inline[]): Node[] {
  return runsOf(inlines).map((run: Run) => {
    if (run.lineBreak) return { text: '\n' };
    const node: Record<string, unknown> = { text: run.text };
    if (run.bold) node.bold = true;
    if (run.italic) node.italics = true;
    if (run.superscript) node.sup = true;
    if (run.link) Object.assign(node, { link: allowedLink(run.link), decoration: 'underline' });
    return node;
  });
}

/** The coloured band that opens the first page: organisation, kind of document, title, date. */
export function titleBand(view: SheetView): Node {
  const { style, sheet } = view;
  const [, right, , left] = style.page.margins;
  const stack: Node[] = [
    {
      columns: [
        { svg: view.template.mark, width: 22, height: 22 },
        { text: sheet.contact.organisation.toLocaleUpperCase(view.lang), bold: true, fontSize: style.sizes.organisation, characterSpacing: 0.4, margin: [8, 5, 0, 0], width: '*' },
        { text: view.labels.kind.toLocaleUpperCase(view.lang), fontSize: style.sizes.kind, characterSpacing: 0.8, alignment: 'right', margin: [0, 6, 0, 0], width: 'auto' },
      ],
    },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 2000, y2: 0, lineWidth: 0.5, lineColor: '#ffffff', strokeOpacity: 0.4 }], margin: [0, 10, 0, 14] },
    { text: textRuns(sheet.meta.title), fontSize: style.sizes.title, bold: true, lineHeight: 0.85 },
  ];
  if (sheet.meta.subtitle) stack.push({ text: textRuns(sheet.meta.subtitle), fontSize: style.sizes.subtitle, margin: [0, 6, 0, 0] });
  if (view.date) stack.push({ text: view.date, fontSize: style.sizes.kind, margin: [0, 10, 0, 0], opacity: 0.85 });
  return {
    table: { widths: [contentWidth(view) + left + right], body: [[{ stack, color: style.colors.inverse, fillColor: style.colors.brand, margin: [left, 22, right, 22] }]] },
    layout: 'noBorders',
    // The band bleeds to the paper's edges.
    margin: [-left, -style.page.margins[0], -right, 16],
  };
}

export function sectionNodes(section: Section, view: SheetView): Node[] {
  const { style } = view;
  const nodes: Node[] = [];
  const isLead = section.heading === null;
  if (section.heading) {
    nodes.push({
      text: textRuns(section.heading),
      style: 'heading',
      outline: true,
      outlineText: plainText(section.heading),
      headlineLevel: 1,
    });
    nodes.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth(view), y2: 0, lineWidth: 1.2, lineColor: style.colors.accent }], margin: [0, 2, 0, style.spacing.heading_after] });
  }
  for (const block of section.blocks) nodes.push(blockNode(block, view, isLead));
  return nodes;
}

function blockNode(block: Block, view: SheetView, isLead: boolean): Node {
  const { style } = view;
  const fontSize = isLead ? style.sizes.lead : style.sizes.body;
  if (block.type === 'paragraph') {
    return { text: textRuns(block.children), fontSize, margin: [0, 0, 0, style.spacing.paragraph] };
  }
  if (block.ordered) {
    // pdfmake draws an ordered list's numbers after the item text, so extracted text reads "item 81." for
    // an item ending in the figure 8; numbers laid out as a column of their own come first, as a reader sees them.
    const rtl = view.dir === 'rtl';
    const stack = block.items.map((item, i) => {
      const marker = { text: `${block.start + i}.`, width: 16, color: style.colors.accent, alignment: rtl ? 'left' : 'right', margin: rtl ? [4, 0, 0, 0] : [0, 0, 4, 0] };
      const text = { text: textRuns(item.children), width: '*' };
      return { columns: rtl ? [text, marker] : [marker, text], columnGap: 2, margin: [0, 0, 0, style.spacing.list_item] };
    });
    return { stack, fontSize, margin: [0, 0, 0, style.spacing.paragraph] };
  }
  const items = block.items.map((item) => ({ text: textRuns(item.children), margin: [0, 0, 0, style.spacing.list_item] }));
  return { ul: items, fontSize, markerColor: style.colors.accent, margin: [4, 0, 0, style.spacing.paragraph] };
}

/** Contact details in a tinted panel with a rule on the reading-start side. */
export function contactBlock(view: SheetView): Node {
  const { style, sheet, labels } = view;
  const c = sheet.contact;
  const stack: Node[] = [
    { text: labels.contact.toLocaleUpperCase(view.lang), bold: true, color: style.colors.brand, characterSpacing: 0.8, margin: [0, 0, 0, 4] },
    { text: `${c.division} – ${c.section}`, bold: true, margin: [0, 0, 0, 2] },
    // A link per number; the text between numbers ("/") plain.
    { text: [`${labels.phone} `, ...c.phoneParts.map((part) => (part.e164 === null ? part.text : { text: part.text, link: allowedLink(`tel:${part.e164}`), color: style.colors.accent }))] },
    { text: [`${labels.email} `, { text: c.email, link: allowedLink(`mailto:${c.email}`), color: style.colors.accent }] },
    { text: c.hashtags.join(' '), bold: true, color: style.colors.accent, margin: [0, 4, 0, 0] },
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

