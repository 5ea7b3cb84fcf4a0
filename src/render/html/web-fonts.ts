import { constantDigest } from '../../text/digest.js';
import path from 'node:path';
import { list, number, object, text, type Shape } from '../../model/context-shape.js';
import { FONT_FACES, type FontFace, type Template } from '../../model/template.js';
import { isFontFamilyList } from '../../parse/css-font-family.js';

/** Where the build puts the fonts web pages load, relative to the output folder. */
export const WEB_FONTS_DIR = 'assets/fonts';

/**
 * A font file a web page loads with `@font-face`: the very file the PDF embeds, so the
 * page is set in the same faces as the PDF. Fonts named by a template are under the SIL
 * Open Font License (or must allow the same), which lets them be served with the pages;
 * the licence and copyright travel inside each file (its name table).
 */
export interface WebFont {
  /** The family as a CSS string, quoted: `"Source Sans 3"`. */
  family: string;
  /** The file's path in the output folder: `assets/fonts/<name>-<hash>.<ext>`. */
  file: string;
  weight: 400 | 600;
  style: 'normal' | 'italic';
  bytes: Uint8Array;
}

const FACE_CSS: Record<FontFace, Pick<WebFont, 'weight' | 'style'>> = {
  normal: { weight: 400, style: 'normal' },
  // The bold face is the one headings (600) and strong text (700) are drawn in, as in the PDF.
  bold: { weight: 600, style: 'normal' },
  italics: { weight: 400, style: 'italic' },
  bolditalics: { weight: 600, style: 'italic' },
};

/**
 * The fonts of a template as web pages load them: the main family's four faces, then
 * each script font's (a face the script font lacks is the face the PDF draws instead).
 * A file's name carries the start of its hash, so a changed font is a new file and two
 * templates' files of the same name cannot collide. A family whose name could not be
 * written safely into a style sheet is left out (the page falls back to the CSS stack).
 */
export function webFonts(template: Template): WebFont[] {
  const { style } = template;
  const sets: Array<{ family: string; paths: Record<FontFace, string>; bytes: Record<FontFace, Uint8Array> }> = [
    { family: style.fonts.family, paths: style.fonts.files, bytes: template.fonts },
    ...Object.entries(style.fonts.scripts).flatMap(([script, font]) => {
      const bytes = template.scriptFonts[script];
      return bytes ? [{ family: font.family, paths: font.files, bytes }] : [];
    }),
  ];
  const fonts: WebFont[] = [];
  for (const set of sets) {
    const family = `"${set.family}"`;
    if (!isFontFamilyList(family)) continue;
    for (const face of FONT_FACES) {
      const bytes = set.bytes[face];
      fonts.push({ family, file: `${WEB_FONTS_DIR}/${fileName(set.paths[face], bytes)}`, ...FACE_CSS[face], bytes });
    }
  }
  return fonts;
}

function fileName(original: string, bytes: Uint8Array): string {
  const hash = constantDigest(bytes).slice(0, 10);
  const extension = path.extname(original).toLowerCase();
  const stem = path.basename(original, path.extname(original)).replace(/[^A-Za-z0-9_-]+/g, '-') || 'font';
  return `${stem}-${hash}${extension}`;
}

/** The `@font-face` rules of a page, its fonts' URLs relative to the page (`../` from a language's folder). */
export function fontFaces(fonts: readonly WebFont[], root: string): FontFaceRule[] {
  return fonts.map((font) => ({ family: font.family, src: `${root}${font.file}`, format: FORMATS[path.extname(font.file)] ?? 'truetype', weight: font.weight, style: font.style }));
}

export interface FontFaceRule {
  family: string;
  src: string;
  format: string;
  weight: number;
  style: string;
}

/** The `format()` hint of each kind of font file. */
const FORMATS: Record<string, string> = { '.ttf': 'truetype', '.otf': 'opentype', '.woff': 'woff', '.woff2': 'woff2' };

/** The shape of fontFaces' result in a page context. */
export const FONT_FACES_SHAPE: Shape = list(object({ family: text, src: text, format: text, weight: number, style: text }));
