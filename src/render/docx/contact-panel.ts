import { BorderStyle, ExternalHyperlink, HeadingLevel, LineRuleType, Paragraph, type FileChild } from 'docx';
import { allowedLink } from '../../model/link-policy.js';
import type { SheetView } from '../view.js';
import { plainRun } from './inline-runs.js';
import { STYLE } from './styles.js';
import { panel } from './panel.js';
import { sides, twips, wordColor } from './units.js';

const PADDING = { top: 200, bottom: 200, side: 280 };

/**
 * The contact block that closes the sheet, on the panel colour with a rule in the brand colour along its start:
 * "Contact" as a Heading 2, the division and section, the phone, the e-mail address and the hashtags.
 */
export function contactPanel(view: SheetView): FileChild[] {
  const { style, dir, labels } = view;
  const contact = view.sheet.contact;
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
    new Paragraph({
      style: STYLE.contact,
      ...bidi,
      alignment,
      // A hyperlink per number; the text between numbers ("/") plain.
      children: [
        plainRun(`${labels.phone} `, dir),
        ...contact.phoneParts.map((part) =>
          part.e164 === null ? plainRun(part.text, dir) : new ExternalHyperlink({ link: allowedLink(`tel:${part.e164}`), children: [plainRun(part.text, dir, { style: 'Hyperlink' })] }),
        ),
      ],
    }),
    new Paragraph({
      style: STYLE.contact,
      ...bidi,
      alignment,
      children: [
        plainRun(`${labels.email} `, dir),
        new ExternalHyperlink({ link: allowedLink(`mailto:${contact.email}`), children: [plainRun(contact.email, dir, { style: 'Hyperlink' })] }),
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
    panel(view, style.colors.panel, PADDING, paragraphs, rule),
  ];
}
