import { fontkit, type Font } from './pdfkit-packages.js';
import type { FontSource } from '../sources/read-fonts.js';
import { perContent } from '../text/digest.js';
import { fontReading, type FontReading } from './font-facts.js';

/** Fonts by their bytes, parsed once by fontkit (a collection too: loadFont refuses it). */
const parsed = perContent((bytes) => fontkit().create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));

/** How fontkit reads the bytes, asked of fontkit only when no earlier answer is known (font-facts.ts). */
function readingOf(bytes: Uint8Array): FontReading {
  return fontReading(bytes, () => {
    try {
      return 'fonts' in parsed(bytes) ? { kind: 'collection' } : { kind: 'font' };
    } catch (error) {
      return { kind: 'invalid', message: (error as Error).message };
    }
  });
}

/** A font file the PDF can embed: where it was found, and its bytes. */
export interface FontFile {
  path: string;
  bytes: Uint8Array;
}

/** Why a font named in a style file cannot be embedded, with the rule that says so. */
export interface FontProblem {
  ruleId: 'template-font-missing' | 'template-font-outside' | 'template-font-invalid';
  message: string;
}

/**
 * Checks that a font named in a style file was found where a template may take
 * fonts from and that fontkit, the engine pdfkit draws with, reads it as one font:
 * a text file renamed .ttf, or a collection, would otherwise fail only in the build.
 */
export function loadFont(source: FontSource | undefined, spec: string): FontFile | FontProblem {
  if (!source || source.status === 'missing') return { ruleId: 'template-font-missing', message: `font file "${spec}" does not exist` };
  if (source.status === 'outside') return { ruleId: 'template-font-outside', message: `font file "${spec}" is ${source.reason}` };
  const reading = readingOf(source.bytes);
  if (reading.kind === 'invalid') return { ruleId: 'template-font-invalid', message: `"${spec}" is not a font file the PDF can embed (${reading.message})` };
  if (reading.kind === 'collection') return { ruleId: 'template-font-invalid', message: `"${spec}" is a font collection; name one TrueType or OpenType font file` };
  return { path: source.path, bytes: source.bytes };
}

/** The fontkit font of bytes that loadFont accepted, parsed once. */
export function fontOf(bytes: Uint8Array): Font {
  return parsed(bytes) as Font;
}
