import { docxRenderer } from './docx/index.js';
import { htmlRenderer } from './html/index.js';
import { pdfRenderer } from './pdf/index.js';
import type { Format, Renderer } from './renderer.js';

/** Every output format and the renderer that writes it. */
export const renderers: Record<Format, Renderer> = {
  pdf: pdfRenderer,
  docx: docxRenderer,
  html: htmlRenderer,
};
