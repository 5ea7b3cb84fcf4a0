import { Document, LineRuleType, Paragraph, type FileChild } from 'docx';
import type { SheetView } from '../view.js';
import { bodyContent } from './body.js';
import { contactPanel } from './contact-panel.js';
import { documentNumbering } from './numbering.js';
import { pageFooters, pageHeaders } from './page-furniture.js';
import { documentStyles } from './styles.js';
import { titleBand } from './title-band.js';
import { PAGE_SIZES, twips } from './units.js';
import type { EmbeddedFont } from './embedded-fonts.js';
import type { WordFonts } from './word-fonts.js';

/** Who the document says made it: the organisation and its division. */
export function creatorOf(view: SheetView): string {
  return `${view.sheet.contact.organisation} \u2013 ${view.sheet.contact.division}`;
}

/** The docx document of one sheet, before it is packed: `fonts` name the faces, `embedded` are their files. */
export function buildDocument(view: SheetView, fonts: WordFonts, embedded: readonly EmbeddedFont[]): Document {
  const { style } = view;
  // The template's margins are top, right, bottom, left; a right-to-left sheet mirrors them.
  const [top, styleRight, bottom, styleLeft] = style.page.margins;
  const [left, right] = view.dir === 'rtl' ? [styleRight, styleLeft] : [styleLeft, styleRight];
  const creator = creatorOf(view);
  const bidi = view.dir === 'rtl' ? { bidirectional: true } : {};
  const children: FileChild[] = [
    titleBand(view, fonts),
    // Space between the band and the lead.
    new Paragraph({ ...bidi, spacing: { before: 0, after: 0, line: twips(style.spacing.heading_before), lineRule: LineRuleType.EXACT } }),
    ...bodyContent(view, fonts),
    ...contactPanel(view, fonts),
  ];
  return new Document({
    title: view.titleText,
    subject: view.subtitleText ?? view.labels.kind,
    creator,
    lastModifiedBy: creator,
    keywords: view.sheet.meta.tags.join(', '),
    description: view.summary,
    revision: 1,
    styles: documentStyles(view, fonts),
    fonts: embedded,
    numbering: documentNumbering(view),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { ...PAGE_SIZES[style.page.size] },
            margin: {
              top: twips(top),
              right: twips(right),
              bottom: twips(bottom),
              left: twips(left),
              header: twips(Math.min(top / 2, 28)),
              footer: twips(Math.min(bottom / 2, 28)),
              gutter: 0,
            },
          },
        },
        headers: pageHeaders(view),
        footers: pageFooters(view),
        children,
      },
    ],
  });
}
