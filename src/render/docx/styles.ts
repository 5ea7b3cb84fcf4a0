import { BorderStyle, UnderlineType, LineRuleType, type IStylesOptions } from 'docx';
import type { SheetView } from '../view.js';
import { halfPoints, lineSpacing, twips, wordColor } from './units.js';
import type { WordFonts } from './word-fonts.js';

/** The title's line height, as a multiple of its size. */
const TITLE_LINE = 1.07;

/** Paragraph styles of our own, besides Word's built-in Title, Heading 1 and Heading 2. */
export const STYLE = {
  subtitle: 'Subtitle',
  lead: 'Lead',
  band: 'BandText',
  contact: 'ContactText',
  header: 'Header',
  footer: 'Footer',
} as const;

/** The document's styles, all from the template: Word users see and reuse them by name. */
export function documentStyles(view: SheetView, fonts: WordFonts): IStylesOptions {
  const { style } = view;
  // Text of a script the template font lacks (Arabic) is drawn with the complex-script font, w:rFonts w:cs.
  const font = fonts.regular;
  const color = (role: keyof typeof style.colors): string => wordColor(style.colors[role]);
  const rtl = view.dir === 'rtl';
  const bidi = rtl ? { rightToLeft: true } : {};
  return {
    default: {
      document: {
        run: {
          font,
          size: halfPoints(style.sizes.body),
          sizeComplexScript: halfPoints(style.sizes.body),
          color: color('text'),
          language: rtl ? { value: view.lang, bidirectional: view.lang } : { value: view.lang },
        },
        paragraph: {
          // Exact spacing: the template's line height is a multiple of the font size (as in CSS),
          // while Word's "auto" multiplies the font's own, much taller, line.
          spacing: { before: 0, after: twips(style.spacing.paragraph), line: twips(style.sizes.body * style.spacing.line), lineRule: LineRuleType.EXACT },
        },
      },
      title: {
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: halfPoints(style.sizes.title), sizeComplexScript: halfPoints(style.sizes.title), ...fonts.strong, color: color('inverse'), ...bidi },
        // Lines of the title as close as the PDF sets them (0.85 of the face's own line, 1.07 times the size).
        paragraph: { spacing: { before: twips(4), after: twips(4), line: twips(style.sizes.title * TITLE_LINE), lineRule: LineRuleType.EXACT }, keepNext: true, keepLines: true },
      },
      heading1: {
        name: 'Heading 1',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: halfPoints(style.sizes.heading), sizeComplexScript: halfPoints(style.sizes.heading), ...fonts.strong, color: color('brand'), ...bidi },
        paragraph: {
          // Lines spaced as the template spaces every line, as in the PDF.
          spacing: { before: twips(style.spacing.heading_before), after: twips(style.spacing.heading_after), line: twips(style.sizes.heading * style.spacing.line), lineRule: LineRuleType.EXACT },
          border: { bottom: { style: BorderStyle.SINGLE, size: 8, space: 3, color: color('accent') } },
          keepNext: true,
          keepLines: true,
          outlineLevel: 0,
        },
      },
      heading2: {
        name: 'Heading 2',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        // The contact block's heading, as the PDF sets it: spaced capitals of the contact size.
        run: { size: halfPoints(style.sizes.contact), sizeComplexScript: halfPoints(style.sizes.contact), ...fonts.strong, allCaps: true, ...(rtl ? {} : { characterSpacing: 16 }), color: color('brand'), ...bidi },
        paragraph: { spacing: { before: 0, after: twips(4), line: twips(style.sizes.contact * style.spacing.line), lineRule: LineRuleType.EXACT }, keepNext: true, keepLines: true, outlineLevel: 1 },
      },
      hyperlink: {
        name: 'Hyperlink',
        run: { color: color('accent'), underline: { type: UnderlineType.SINGLE, color: color('accent') } },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: halfPoints(style.sizes.subtitle), sizeComplexScript: halfPoints(style.sizes.subtitle), color: color('inverse'), ...bidi },
        paragraph: { spacing: { before: 0, after: twips(4), line: lineSpacing(1.15), lineRule: LineRuleType.AUTO }, keepNext: true },
      },
      {
        id: STYLE.band,
        name: 'Title Band',
        basedOn: 'Normal',
        run: { size: halfPoints(style.sizes.kind), sizeComplexScript: halfPoints(style.sizes.kind), color: color('inverse'), ...bidi },
        paragraph: { spacing: { before: 0, after: 0, line: lineSpacing(1.15), lineRule: LineRuleType.AUTO }, keepNext: true },
      },
      {
        id: STYLE.lead,
        name: 'Lead',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: halfPoints(style.sizes.lead), sizeComplexScript: halfPoints(style.sizes.lead), ...bidi },
        paragraph: { spacing: { line: twips(style.sizes.lead * style.spacing.line), lineRule: LineRuleType.EXACT } },
      },
      {
        id: STYLE.contact,
        name: 'Contact Text',
        basedOn: 'Normal',
        run: { size: halfPoints(style.sizes.contact), sizeComplexScript: halfPoints(style.sizes.contact), ...bidi },
        // Lines spaced as the template spaces every line, one after the other, as in the PDF's contact block.
        paragraph: { spacing: { before: 0, after: 0, line: twips(style.sizes.contact * style.spacing.line), lineRule: LineRuleType.EXACT }, keepNext: true, keepLines: true },
      },
      {
        id: STYLE.header,
        name: 'Header',
        basedOn: 'Normal',
        run: { size: halfPoints(style.sizes.footer), sizeComplexScript: halfPoints(style.sizes.footer), color: color('muted'), ...bidi },
        paragraph: { spacing: { before: 0, after: 0, line: lineSpacing(1), lineRule: LineRuleType.AUTO }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, space: 4, color: color('rule') } } },
      },
      {
        id: STYLE.footer,
        name: 'Footer',
        basedOn: 'Normal',
        run: { size: halfPoints(style.sizes.footer), sizeComplexScript: halfPoints(style.sizes.footer), color: color('muted'), ...bidi },
        paragraph: { spacing: { before: 0, after: 0, line: lineSpacing(1), lineRule: LineRuleType.AUTO }, border: { top: { style: BorderStyle.SINGLE, size: 4, space: 4, color: color('rule') } } },
      },
    ],
  };
}
