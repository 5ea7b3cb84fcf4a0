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

/*
 * Each is required when first asked for: a rebuild's main thread often needs neither
 * (what it asks fontkit of the fonts is kept from the last build, font-facts.ts), and
 * loading fontkit, which unpacks its Unicode tables, costs about a tenth of a second.
 */
let fontkitPackage: typeof Fontkit | undefined;
let lineBreakerClass: typeof LineBreakerClass | undefined;

export function fontkit(): typeof Fontkit {
  return (fontkitPackage ??= requireFromPdfkit('fontkit') as typeof Fontkit);
}

export type Font = Fontkit.Font;

export function lineBreaker(): typeof LineBreakerClass {
  return (lineBreakerClass ??= requireFromPdfkit('linebreak') as typeof LineBreakerClass);
}
