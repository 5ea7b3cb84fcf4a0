import pdfmake from 'pdfmake';
import { FONT_FACES, type FontFace } from '../../model/template.js';
import type { Output, Renderer } from '../renderer.js';
import { footerParts, type SheetView } from '../view.js';
import { naturalLineHeight } from './font-metrics.js';
import { pointOutline, type HeadingPlace } from './outline-places.js';
import { escapeXmpInfo } from './xmp-info.js';
import { parsedFontToken } from './parsed-fonts.js';
import { contactBlock, contentWidth, sectionNodes, titleBand, type Node } from './pdf-content.js';
import { paragraph } from './paragraph.js';
import { scriptOfLanguage } from '../../model/script-fonts.js';
import { PAGINATION, tag, type Tag } from './structure.js';
import { startMark, structureWriter } from './structure-writer.js';

/**
 * The print version: pdfmake with the template's embedded fonts, given as bytes; it reads no
 * URL and no file. A tagged PDF: its structure tree is made while pdfmake draws (structure-writer.ts).
 */
export const pdfRenderer: Renderer = {
  format: 'pdf',
  async render(view: SheetView): Promise<Output> {
    pdfmake.setFonts(pdfFonts(view));
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    const headings: HeadingPlace[] = [];
    const document = documentTag(view);
    const definition = documentDefinition(view, headings, document);
    // pdfmake takes the callback into the document it starts making now.
    pdfmake.setProgressCallback(structureWriter(document));
    const output = pdfmake.createPdf(definition);
    // Laid out and drawn, not yet ended: the bookmarks can still be pointed at their headings.
    const pdfkitDocument = await output.getStream();
    pointOutline(pdfkitDocument, headings);
    escapeXmpInfo(pdfkitDocument);
    const bytes = await output.getBuffer();
    return { kind: 'binary', bytes: new Uint8Array(bytes) };
  },
};

/** The main font and each script's font, under their family names (the names paragraph.ts gives runs). */
function pdfFonts(view: SheetView): Record<string, Record<FontFace, string>> {
  const fonts: Record<string, Record<FontFace, string>> = {};
  const add = (family: string, bytes: Record<FontFace, Uint8Array>) => {
    const faces = {} as Record<FontFace, string>;
    for (const face of FONT_FACES) faces[face] = inMemory(bytes[face]);
    fonts[family] = faces;
  };
  add(view.style.fonts.family, view.template.fonts);
  for (const [script, font] of Object.entries(view.style.fonts.scripts)) add(font.family, view.template.scriptFonts[script]!);
  return fonts;
}

/** The root of a sheet's structure tree, in the sheet's language. */
export function documentTag(view: SheetView): Tag {
  return tag('Document', null, { lang: view.lang });
}

/**
 * The document for pdfmake; `headings` receives where each heading is set, in order, as
 * pdfmake lays them out, and `document` the structure of its content (structure.ts).
 */
export function documentDefinition(view: SheetView, headings: HeadingPlace[] = [], document: Tag = documentTag(view)): Record<string, unknown> {
  const { style, sheet } = view;
  const [top, right, bottom, left] = style.page.margins;
  const rtl = view.dir === 'rtl';
  const align = rtl ? 'right' : 'left';
  // Lines are spaced from the natural height of the font the language is mostly set in.
  const own = scriptOfLanguage(style, view.lang);
  const ownFont = own !== null && view.template.scriptFonts[own] ? view.template.scriptFonts[own].normal : view.template.fonts.normal;
  // Running texts are artifacts of pagination: a reader of the structure skips them.
  const running = (text: string, width: number) => paragraph([{ text, tag: PAGINATION }], view, { fontSize: style.sizes.footer, width });
  const content: Node[] = [titleBand(view, document)];
  for (const section of sheet.sections) content.push(...sectionNodes(section, view, document));
  content.push(contactBlock(view, document));
  return {
    // Tagged PDF needs 1.4 or later; PDF/UA-1 is made on PDF 1.7.
    version: '1.7',
    tagged: true,
    pageSize: style.page.size,
    pageMargins: [left, top, right, bottom],
    language: view.lang,
    info: {
      title: view.titleText,
      author: `${sheet.contact.organisation} – ${sheet.contact.division}`,
      subject: view.subtitleText ?? view.labels.kind,
      keywords: sheet.meta.tags.join(', '),
      creator: 'factsheet',
      producer: 'factsheet',
      creationDate: view.timestamp,
      modDate: view.timestamp,
    },
    displayTitle: true,
    background: (page: number) => (page === 1 ? startMark() : null),
    content,
    defaultStyle: {
      font: style.fonts.family,
      fontSize: style.sizes.body,
      lineHeight: style.spacing.line / naturalLineHeight(ownFont),
      color: style.colors.text,
      alignment: align,
    },
    styles: {
      heading: { fontSize: style.sizes.heading, bold: true, color: style.colors.brand, margin: [0, style.spacing.heading_before, 0, 0] },
    },
    header: (page: number) =>
      page === 1 ? null : { ...running(view.header, contentWidth(view)), fontSize: style.sizes.footer, color: style.colors.muted, margin: [left, top / 2 - 4, right, 0], alignment: align },
    footer: (page: number, pages: number) => {
      // The sheet's part starts on the reading side, the page number on the other.
      const columns = [
        { ...running(fill(view.footer.left, page, pages), contentWidth(view) - 60), width: '*' },
        { ...running(fill(view.footer.right, page, pages), 60), width: 'auto', alignment: rtl ? 'left' : 'right' },
      ];
      return { columns: rtl ? columns.reverse() : columns, fontSize: style.sizes.footer, color: style.colors.muted, margin: [left, bottom / 2 - 6, right, 0] };
    },
    // A heading goes to the next page unless it, its rule and two lines of what follows fit
    // below its top (that height is its `headlineLevel`, pdf-content.ts). Asked of positions,
    // not of the nodes after it: a block kept whole leaves traces of its first try on the page.
    // pdfmake asks of each node once, in order, laying the document out again after a break it is
    // told of: where each heading ends up is recorded here for its bookmark (outline-places.ts).
    pageBreakBefore: (node: { headlineLevel?: number; startPosition?: { pageNumber: number; top: number; left: number; pageInnerHeight: number } }) => {
      const at = node.startPosition;
      if (node.headlineLevel === undefined || at === undefined) return false;
      const moves = top + at.pageInnerHeight - at.top < node.headlineLevel;
      headings.push(moves ? { page: at.pageNumber + 1, top, left: at.left } : { page: at.pageNumber, top: at.top, left: at.left });
      return moves;
    },
    width: contentWidth(view),
  };
}

/** A running text with its fields filled; one that numbers pages is left out of a one-page document ("1 / 1" says nothing). */
function fill(text: string, page: number, pages: number): string {
  const parts = footerParts(text);
  if (pages === 1 && parts.some((part) => 'field' in part)) return '';
  return parts
    .map((part) => ('field' in part ? String(part.field === 'page' ? page : pages) : part.text))
    .join('');
}

const names = new WeakMap<Uint8Array, string>();

/**
 * The name under which a font sits in pdfmake's in-memory files. pdfmake 0.3's
 * setFonts takes names, not Buffers (its URL pass turns a Buffer into undefined),
 * but reads a name from its virtual file system before it would touch the disk.
 * What is stored is the token of the font parsed once, not its bytes.
 */
function inMemory(bytes: Uint8Array): string {
  let name = names.get(bytes);
  if (!name) {
    name = `factsheet-font-${counter++}`;
    pdfmake.virtualfs.writeFileSync(name, parsedFontToken(bytes));
    names.set(bytes, name);
  }
  return name;
}
let counter = 0;
