import { Packer } from 'docx';
import type { Renderer } from '../renderer.js';
import type { SheetView } from '../view.js';
import { buildDocument } from './build-document.js';
import { embeddedFonts } from './embedded-fonts.js';
import { compiledParts } from './compiled-parts.js';
import { normalizePackage, normalizeParts } from './normalize-package.js';
import { wordFonts } from './word-fonts.js';

/** Word documents, made the same byte for byte from the same sheet whenever and wherever they are made. */
export const docxRenderer: Renderer = {
  format: 'docx',
  async render(view: SheetView) {
    const fonts = wordFonts(view);
    const document = buildDocument(view, fonts, embeddedFonts(fonts.faces));
    const faces = fonts.faces.map((face) => face.bytes);
    const parts = compiledParts(document);
    return { kind: 'binary', bytes: parts ? normalizeParts(parts, view, faces) : normalizePackage(await Packer.pack(document, 'uint8array'), view, faces) };
  },
};
