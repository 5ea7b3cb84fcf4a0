import { Packer } from 'docx';
import type { Renderer } from '../renderer.js';
import type { SheetView } from '../view.js';
import { buildDocument } from './build-document.js';
import { embeddedFonts } from './embedded-fonts.js';
import { normalizePackage } from './normalize-package.js';
import { wordFonts } from './word-fonts.js';

/** Word documents, made the same byte for byte from the same sheet whenever and wherever they are made. */
export const docxRenderer: Renderer = {
  format: 'docx',
  async render(view: SheetView) {
    const fonts = wordFonts(view);
    const packed = await Packer.pack(buildDocument(view, fonts, embeddedFonts(fonts.faces)), 'uint8array');
    return { kind: 'binary', bytes: normalizePackage(packed, view, fonts.faces.map((face) => face.bytes)) };
  },
};
