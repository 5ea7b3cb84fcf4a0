import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type LineBreakerClass from 'linebreak';

/*
 * The packages pdfkit draws with, as pdfkit loads them: their CommonJS entries, resolved
 * from pdfkit's folder. fontkit and linebreak also have ESM entries, which are other
 * copies (each with the Unicode tables it unpacks when loaded, and fontkit with its own
 * list of formats); importing those beside pdfkit's loaded and compiled both copies in
 * every render thread.
 */
const requireFromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'));

export const fontkit = requireFromPdfkit('fontkit') as typeof Fontkit;
export type Font = Fontkit.Font;

export const LineBreaker = requireFromPdfkit('linebreak') as typeof LineBreakerClass;
