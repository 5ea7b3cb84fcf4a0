import { BorderStyle, ExternalHyperlink, HeadingLevel, LineRuleType, Paragraph, ShadingType, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType, type FileChild } from 'docx';
import type { SheetView } from '../view.js';
import { plainRun } from './inline-runs.js';
import { STYLE } from './styles.js';
import { sides, textWidth, twips, wordColor } from './units.js';
import { NO_CELL_BORDERS } from './title-band.js';

const PADDING = { top: 200, bottom: 200, side: 280 };

/**
 * The contact block that closes the sheet, on the panel colour with a rule in the brand colour along its start:
 * "Contact" as a Heading 2, the division and section, the phone, the e-mail address and the hashtags.
 */
export function contactPanel(view: SheetView): FileChild[] {
  const { style, dir, labels } = view;
  const contact = view.sheet.contact;
  const width = textWidth(style);
  const bidi = dir === 'rtl' ? { bidirectional: true } : {};
  const alignment = sides(dir).start;

  const paragraphs: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, ...bidi, alignment, children: [plainRun(labels.contact, dir)] }),
    new Paragraph({
      style: STYLE.contact,
      ...bidi,
      alignment,
      children: [plainRun(`${contact.division} \u2013 ${contact.section}`, dir, { bold: true, boldComplexScript: true })],
    }),
    new Paragraph({ style: STYLE.contact, ...bidi, alignment, children: [plainRun(`${labels.phone}: ${contact.phone}`, dir)] }),
    new Paragraph({
      style: STYLE.contact,
      ...bidi,
      alignment,
      children: [
        plainRun(`${labels.email}: `, dir),
        new ExternalHyperlink({ link: `mailto:${contact.email}`, children: [plainRun(contact.email, dir, { style: 'Hyperlink' })] }),
      ],
    }),
  ];
  if (contact.hashtags.length > 0) {
    paragraphs.push(
      new Paragraph({
        style: STYLE.contact,
        ...bidi,
        alignment,
        spacing: { before: twips(4), after: 0 },
        children: [plainRun(contact.hashtags.join(' '), dir, { bold: true, boldComplexScript: true, color: wordColor(style.colors.accent) })],
      }),
    );
  }
  const rule = { style: BorderStyle.SINGLE, size: 24, space: 0, color: wordColor(style.colors.brand) };
  return [
    // Space above the panel, exactly the template's space above a heading.
    new Paragraph({ ...bidi, spacing: { before: 0, after: 0, line: twips(style.spacing.heading_before), lineRule: LineRuleType.EXACT }, keepNext: true }),
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [width],
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      ...(dir === 'rtl' ? { visuallyRightToLeft: true } : {}),
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: wordColor(style.colors.panel) },
              // In a right-to-left (bidiVisual) table, a cell's left border is drawn on its starting, right side.
              borders: { ...NO_CELL_BORDERS, left: rule },
              margins: { top: PADDING.top, bottom: PADDING.bottom, left: PADDING.side, right: PADDING.side, marginUnitType: WidthType.DXA },
              children: paragraphs,
            }),
          ],
        }),
      ],
    }),
    // Word ends a document with a paragraph; this one takes no room after the panel.
    new Paragraph({ ...bidi, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT } }),
  ];
}
