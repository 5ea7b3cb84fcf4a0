import { Resvg } from '@resvg/resvg-js';
import { ImageRun } from 'docx';
import type { SheetView } from '../view.js';

/** The picture Word shows where it draws no SVG (Word 2013 and earlier): this many pixels across, sharp when printed. */
const FALLBACK_PIXELS = 176;

const fallbacks = new Map<string, Buffer>();

/**
 * The PNG drawn from the template's mark, once per process. resvg is given no fonts
 * (the mark holds no text), so the picture depends on the SVG alone.
 */
export function markPng(svg: string): Buffer {
  let png = fallbacks.get(svg);
  if (!png) {
    png = new Resvg(svg, { fitTo: { mode: 'width', value: FALLBACK_PIXELS }, font: { loadSystemFonts: false } }).render().asPng();
    fallbacks.set(svg, png);
  }
  return png;
}

/**
 * The template's mark, `size` points square, as the PDF and the web page draw it at the
 * start of the title band: the SVG, with a PNG for readers that draw no SVG. Its
 * alternative text is the organisation it stands for.
 */
export function markRun(view: SheetView, size: number): ImageRun {
  const pixels = Math.round((size * 96) / 72);
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(view.template.mark, 'utf8'),
    fallback: { type: 'png', data: markPng(view.template.mark) },
    transformation: { width: pixels, height: pixels },
    // docx numbers drawings with a counter shared by every document it makes: the only drawing of a document is 1.
    altText: { id: '1', name: 'mark', description: view.sheet.contact.organisation, title: view.sheet.contact.organisation },
  });
}
