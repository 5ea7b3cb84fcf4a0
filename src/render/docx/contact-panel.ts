import { BorderStyle, ExternalHyperlink, HeadingLevel, LineRuleType, Paragraph, type FileChild } from 'docx';
import { allowedLink } from '../../model/link-policy.js';
import type { SheetView } from '../view.js';
import { ltrRun, plainRuns } from './inline-runs.js';
import { STYLE } from './styles.js';
import { panel } from './panel.js';
import { sides, twips, wordColor } from './units.js';
import type { WordFonts } from './word-fonts.js';

/** The panel's padding, the PDF's: 8 points above and below, 10 at the sides. */
const PADDING = { top: 160, bottom: 160, side: 200 };

/**
 * The contact block that closes the sheet, on the panel colour with a rule in the brand colour along its start:
 * "Contact" as a Heading 2, the division and section, the phone, the e-mail address and the hashtags.
 */
export function contactPanel(view: SheetView, fonts: WordFonts): FileChild[] {
  const { style, dir, labels } = view;
  const contact = view.sheet.contact;
  const bidi = dir === 'rtl' ? { bidirectional: true } : {};
  const alignment = sides(dir).start;

  const paragraphs: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, ...bidi, alignment, children: plainRuns(labels.contact, dir) }),
    new Paragraph({
      style: STYLE.contact,
      ...bidi,
      alignment,
      spacing: { after: twips(2) },
      children: plainRuns(`${contact.division} \u2013 ${contact.section}`, dir, fonts.strong),
    }),
    new Paragraph({
      style: STYLE.contact,
      ...bidi,
      alignment,
      // A hyperlink per number; the text between numbers ("/") plain. The line reads left to right as a whole.
      children: [
        ...plainRuns(`${labels.phone} `, dir),
        ...contact.phoneParts.map((part, index) => {
          const text = isolatedPart(part.text, index, contact.phoneParts.length, dir);
          return part.e164 === null ? ltrRun(text, dir, {}, false) : new ExternalHyperlink({ link: allowedLink(`tel:${part.e164}`), children: [ltrRun(text, dir, { style: 'Hyperlink' }, false)] });
        }),
      ],
    }),
    new Paragraph({
      style: STYLE.contact,
      ...bidi,
      alignment,
      children: [
        ...plainRuns(`${labels.email} `, dir),
        new ExternalHyperlink({ link: allowedLink(`mailto:${contact.email}`), children: [ltrRun(contact.email, dir, { style: 'Hyperlink' })] }),
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
        children: contact.hashtags.flatMap((tag, index) => [
          ...(index > 0 ? plainRuns(' ', dir) : []),
          ltrRun(tag, dir, { ...fonts.strong, color: wordColor(style.colors.accent) }),
        ]),
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

/** The phone line's parts isolated as one: the first opens the isolate, the last closes it. */
function isolatedPart(text: string, index: number, count: number, dir: 'ltr' | 'rtl'): string {
  if (dir === 'ltr') return text;
  return `${index === 0 ? '\u2066' : ''}${text}${index === count - 1 ? '\u2069' : ''}`;
}
