import type { Format, Renderer } from './renderer.js';

/**
 * Each format's renderer, loaded the first time a thread renders that format: a thread
 * that writes only Word and web documents does not load pdfmake, pdfkit and fontkit,
 * and one that writes only PDFs does not load docx.
 */
const load: Record<Format, () => Promise<Renderer>> = {
  pdf: async () => (await import('./pdf/index.js')).pdfRenderer,
  docx: async () => (await import('./docx/index.js')).docxRenderer,
  html: async () => (await import('./html/index.js')).htmlRenderer,
};

const loaded = new Map<Format, Promise<Renderer>>();

export function rendererOf(format: Format): Promise<Renderer> {
  let renderer = loaded.get(format);
  if (!renderer) loaded.set(format, (renderer = load[format]()));
  return renderer;
}
