import pdfmake from 'pdfmake';
import { FONT_FACES, type FontFace } from '../../model/template.js';
import type { Output, Renderer } from '../renderer.js';
import { footerParts, type SheetView } from '../view.js';
import { naturalLineHeight } from './font-metrics.js';
import { parsedFontToken } from './parsed-fonts.js';
import { contactBlock, contentWidth, sectionNodes, titleBand, type Node } from './pdf-content.js';

/** The print version: pdfmake with the template's embedded fonts, given as bytes; it reads no URL and no file. */
export const pdfRenderer: Renderer = {
  format: 'pdf',
  async render(view: SheetView): Promise<Output> {
    const faces = {} as Record<FontFace, string>;
    for (const face of FONT_FACES) faces[face] = inMemory(view.template.fonts[face]);
    pdfmake.setFonts({ [view.style.fonts.family]: faces });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    const bytes = await pdfmake.createPdf(documentDefinition(view)).getBuffer();
    return { kind: 'binary', bytes: new Uint8Array(bytes) };
  },
};

export function documentDefinition(view: SheetView): Record<string, unknown> {
  const { style, sheet } = view;
  const [top, right, bottom, left] = style.page.margins;
  const align = view.dir === 'rtl' ? 'right' : 'left';
  const content: Node[] = [titleBand(view)];
  for (const section of sheet.sections) content.push(...sectionNodes(section, view));
  content.push(contactBlock(view));
  return {
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
    content,
    defaultStyle: {
      font: style.fonts.family,
      fontSize: style.sizes.body,
      lineHeight: style.spacing.line / naturalLineHeight(view.template.fonts.normal),
      color: style.colors.text,
      alignment: align,
    },
    styles: {
      heading: { fontSize: style.sizes.heading, bold: true, color: style.colors.brand, margin: [0, style.spacing.heading_before, 0, 0] },
    },
    header: (page: number) =>
      page === 1 ? null : { text: view.header, fontSize: style.sizes.footer, color: style.colors.muted, margin: [left, top / 2 - 4, right, 0], alignment: align },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: fill(view.footer.left, page, pages), width: '*' },
        { text: fill(view.footer.right, page, pages), width: 'auto', alignment: 'right' },
      ],
      fontSize: style.sizes.footer,
      color: style.colors.muted,
      margin: [left, bottom / 2 - 6, right, 0],
    }),
    // Keep a heading with the text under it.
    pageBreakBefore: (node: { headlineLevel?: number }, nodes: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length < 3,
    width: contentWidth(view),
  };
}

function fill(text: string, page: number, pages: number): string {
  return footerParts(text)
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
