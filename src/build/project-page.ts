import { list, object, record, text, boolean, type Shape } from '../model/context-shape.js';
import { COLOR_ROLES, type Template } from '../model/template.js';
import { isFontFamilyList } from '../parse/css-font-family.js';
import { FONT_FACES_SHAPE, fontFaces, webFonts, type FontFaceRule } from '../render/html/web-fonts.js';
import { scriptFont } from '../render/script-font.js';
import { autonym, textDirection } from '../render/view.js';

/**
 * Where a project page (an index, a ledger) stands and in which language it speaks.
 * Each language has its own pages in its folder, beside its sheets
 * (`out/<lang>/index.html`, `out/<lang>/figures.html`); the output folder's own
 * `index.html` and `figures.html` are the source language's, for whoever opens the folder.
 */
export interface PagePlace {
  lang: string;
  /** The way from the page to the output folder: '' at its root, '../' in a language's folder. */
  root: string;
}

/** The places of every project page: the root's, in the source language, then each language's folder. */
export function pagePlaces(sourceLanguage: string, languages: readonly string[]): Array<PagePlace & { dir: string }> {
  return [{ lang: sourceLanguage, root: '', dir: '' }, ...languages.map((lang) => ({ lang, root: '../', dir: `${lang}/` }))];
}

/** What every project page shares: its language, the template's colours and fonts, links to the same page in the other languages. */
export const PAGE_FRAME_SHAPE = {
  lang: text,
  dir: text,
  colors: record(COLOR_ROLES, text),
  fonts: FONT_FACES_SHAPE,
  /** The CSS font-family stack of the page's language: its script's face first, where the template has one. */
  fontFamily: text,
  /** The same page in each language, the page's own marked current. */
  pages: list(object({ lang: text, name: text, href: text, current: boolean })),
} satisfies Record<string, Shape>;

export interface PageFrame {
  lang: string;
  dir: string;
  colors: Record<string, string>;
  fonts: FontFaceRule[];
  fontFamily: string;
  pages: Array<{ lang: string; name: string; href: string; current: boolean }>;
}

/**
 * The frame of the page `file` (index.html, figures.html) at `place`, in the look of
 * `template` (the project pages take the first template's, as they take its labels).
 */
export function pageFrame(place: PagePlace, file: string, languages: readonly string[], template: Template): PageFrame {
  return {
    lang: place.lang,
    dir: textDirection(place.lang),
    colors: { ...template.style.colors },
    fonts: fontFaces(webFonts(template), place.root),
    fontFamily: fontStack(template, place.lang),
    pages: languages.map((lang) => ({ lang, name: autonym(lang), href: `${place.root}${lang}/${file}`, current: lang === place.lang })),
  };
}

/** The template's CSS stack (validated when the style was read), its script face for the language first, as the sheet pages set it. */
function fontStack(template: Template, lang: string): string {
  const script = scriptFont(template.style, lang)?.family;
  const own = script === undefined ? null : `"${script}"`;
  return own !== null && isFontFamilyList(own) ? `${own}, ${template.style.fonts.css}` : template.style.fonts.css;
}
