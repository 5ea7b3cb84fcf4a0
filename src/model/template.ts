import type { ScriptFont } from './script-fonts.js';

/** The look of a template, from its `style.yaml`: what every renderer reads. Sizes in points. */
export interface TemplateStyle {
  page: {
    size: 'A4' | 'LETTER';
    /** Top, right, bottom, left. */
    margins: [number, number, number, number];
  };
  fonts: {
    family: string;
    /** Absolute paths of the four faces the PDF embeds (their bytes are in Template.fonts). */
    files: Record<FontFace, string>;
    /** The font name a Word document asks for. */
    word: string;
    /** The CSS font-family stack of the web page. */
    css: string;
    /** Fonts of other scripts, by Unicode script name (see script-fonts.ts). */
    scripts: Record<string, ScriptFont>;
    /** A language's own script where its likely script is not the one wanted ("ar": "Arabic"). */
    languages: Record<string, string>;
  };
  colors: Record<ColorRole, string>;
  sizes: Record<SizeRole, number>;
  spacing: Record<SpacingRole, number>;
  /** Running header of pages after the first, a Handlebars template over the sheet view. */
  header: string;
  /** Footer parts; `{page}` and `{pages}` stand for the page number and count. */
  footer: { left: string; right: string };
}

export const FONT_FACES = ['normal', 'bold', 'italics', 'bolditalics'] as const;
export type FontFace = (typeof FONT_FACES)[number];
export const COLOR_ROLES = ['brand', 'accent', 'text', 'muted', 'inverse', 'panel', 'rule'] as const;
export type ColorRole = (typeof COLOR_ROLES)[number];
export const SIZE_ROLES = ['organisation', 'kind', 'title', 'subtitle', 'lead', 'heading', 'body', 'contact', 'footer'] as const;
export type SizeRole = (typeof SIZE_ROLES)[number];
export const SPACING_ROLES = ['line', 'paragraph', 'heading_before', 'heading_after', 'list_item'] as const;
export type SpacingRole = (typeof SPACING_ROLES)[number];

/** The template's own words in one language. */
export const LABEL_KEYS = ['kind', 'contact', 'phone', 'email', 'translations', 'download', 'contents', 'index_title', 'sheet', 'pdf', 'docx', 'html', 'ledger', 'derived', 'as_of', 'language', 'location', 'text', 'not_used'] as const;
export type Labels = Record<(typeof LABEL_KEYS)[number], string>;

/** A validated template: its style, its labels per language and its HTML sources. */
export interface Template {
  name: string;
  /** Absolute path of the template folder; renderers may read nothing outside it and the fonts. */
  dir: string;
  style: TemplateStyle;
  labels: Map<string, Labels>;
  /** Handlebars sources of the HTML page and its partials, by partial name. */
  html: { page: string; partials: Record<string, string> };
  /** The template's mark, an SVG drawing. */
  mark: string;
  /** The bytes of the four faces the PDF embeds, read by the sources stage: renderers open no file. */
  fonts: Record<FontFace, Uint8Array>;
  /** The bytes of each script font's faces, by script name, every face filled (FACE_FALLBACK). */
  scriptFonts: Record<string, Record<FontFace, Uint8Array>>;
}

/** The bytes of every face a template's PDF may draw with: its four faces and its script fonts' (the same bytes may come twice). */
export function templateFaces(template: Template): Uint8Array[] {
  return [...Object.values(template.fonts), ...Object.values(template.scriptFonts).flatMap((faces) => Object.values(faces))];
}
