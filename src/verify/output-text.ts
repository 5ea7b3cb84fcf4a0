import type { Format } from '../render/renderer.js';
import { docxText } from './docx-text.js';
import { htmlText } from './html-text.js';
import { pdfText } from './pdf-text.js';

/**
 * The text of an output in reading order, as a reader (or a converter) would get it:
 * - PDF: the text of each page as pdf.js extracts it, a newline at each line end and
 *   between pages, lines broken after a compound's hyphen joined back ("Nouvelle-Zélande").
 *   Spaces are what the PDF draws: pdfmake draws U+202F and U+00A0 as plain spaces.
 *   `rtl` says the document is right to left, whose lines are read back in reading order.
 * - DOCX: the paragraphs of word/document.xml, one per line, characters exactly as stored.
 * - HTML: the text content of the body (without scripts, styles and templates).
 * Rejects when the bytes are not a readable file of that format.
 */
export async function outputText(format: Format, bytes: Uint8Array, options: { rtl?: boolean } = {}): Promise<string> {
  switch (format) {
    case 'pdf':
      return pdfText(bytes, options);
    case 'docx':
      return docxText(bytes);
    case 'html':
      return htmlText(bytes);
  }
}
