import Handlebars from 'handlebars';
import type { Block, Section } from '../../model/fact-sheet.js';
import { boolean, html, list, literal, nullable, number, object, record, text, union, type Shape } from '../../model/context-shape.js';
import { COLOR_ROLES, FONT_FACES, LABEL_KEYS, SIZE_ROLES, SPACING_ROLES, type Template } from '../../model/template.js';
import type { Output, Renderer } from '../renderer.js';
import type { SheetView } from '../view.js';
import { allowedLink } from '../../model/link-policy.js';
import { inlineHtml } from './inline-html.js';
import { scriptFont } from '../script-font.js';
import { FONT_FACES_SHAPE, fontFaces, webFonts } from './web-fonts.js';

const compiled = new WeakMap<Template, Handlebars.TemplateDelegate>();

/** The page template of a template folder, compiled once, with its partials registered on its own Handlebars. */
function pageOf(template: Template): Handlebars.TemplateDelegate {
  let page = compiled.get(template);
  if (!page) {
    const hbs = Handlebars.create();
    for (const [name, source] of Object.entries(template.html.partials)) hbs.registerPartial(name, source);
    page = hbs.compile(template.html.page, { strict: true, explicitPartialContext: false });
    compiled.set(template, page);
  }
  return page;
}

/** The web page of a sheet: one self-contained file, styles inline. */
export const htmlRenderer: Renderer = {
  format: 'html',
  async render(view: SheetView): Promise<Output> {
    return { kind: 'text', text: pageOf(view.template)(htmlContext(view)) };
  },
};

export const LABELS_SHAPE = record(LABEL_KEYS, text);

/** What `style` holds in a page context: the template's style.yaml, validated. */
const STYLE_SHAPE = object({
  page: object({ size: text, margins: list(number) }),
  fonts: object({ family: text, files: record(FONT_FACES, text), word: text, css: text }),
  colors: record(COLOR_ROLES, text),
  sizes: record(SIZE_ROLES, number),
  spacing: record(SPACING_ROLES, number),
  header: text,
  footer: object({ left: text, right: text }),
});

/** The shape of htmlContext's result, which check holds page.hbs and its partials to. */
export const HTML_CONTEXT_SHAPE: Shape = object({
  lang: text,
  dir: text,
  scriptFont: nullable(text),
  title: html,
  titleText: text,
  subtitle: nullable(html),
  date: nullable(text),
  isoDate: nullable(text),
  description: text,
  keywords: text,
  labels: LABELS_SHAPE,
  contact: object({
    organisation: text,
    division: text,
    section: text,
    phone: text,
    phoneParts: list(object({ text, e164: nullable(text) })),
    email: text,
    hashtags: list(text),
    digits: nullable(text),
  }),
  phone: list(object({ text, href: nullable(text) })),
  emailHref: text,
  style: STYLE_SHAPE,
  fonts: FONT_FACES_SHAPE,
  mark: html,
  self: text,
  index: text,
  documents: list(object({ href: text, type: text, label: text })),
  translations: list(object({ lang: text, name: text, href: text })),
  sections: list(
    object({
      slug: text,
      heading: nullable(html),
      blocks: list(
        union(
          object({ type: literal('paragraph'), html }),
          object({ type: literal('list'), ordered: boolean, start: nullable(number), items: list(html) }),
        ),
      ),
    }),
  ),
});

/** The fully formatted context the page template lays out; inline HTML is built and escaped here. Its shape is HTML_CONTEXT_SHAPE. */
export function htmlContext(view: SheetView) {
  const { sheet } = view;
  const safe = (html: string) => new Handlebars.SafeString(html);
  return {
    lang: view.lang,
    dir: view.dir,
    // The face of the language's script, first in the page's font stack (script-font.ts).
    scriptFont: scriptFont(view.style, view.lang)?.family ?? null,
    title: safe(inlineHtml(sheet.meta.title, view.dir)),
    titleText: view.titleText,
    subtitle: sheet.meta.subtitle ? safe(inlineHtml(sheet.meta.subtitle, view.dir)) : null,
    date: view.date,
    isoDate: sheet.meta.date,
    description: view.summary,
    keywords: sheet.meta.tags.join(', '),
    labels: view.labels,
    contact: sheet.contact,
    // The phone line in parts, a tel: link per number; the separators between them plain.
    phone: sheet.contact.phoneParts.map((part) => ({ text: part.text, href: part.e164 === null ? null : allowedLink(`tel:${part.e164}`) })),
    emailHref: allowedLink(`mailto:${sheet.contact.email}`),
    // Script fonts are keyed by script name, which a page's shape cannot describe; code asks fontForLanguage.
    style: { ...view.style, fonts: { family: view.style.fonts.family, files: view.style.fonts.files, word: view.style.fonts.word, css: view.style.fonts.css } },
    // The template's fonts, served from the output folder's assets (the build writes them there).
    fonts: fontFaces(webFonts(view.template), '../'),
    mark: safe(view.template.mark),
    self: `${sheet.id}.html`,
    // The language's index, and the sheet's own PDF and Word documents beside the page.
    index: 'index.html',
    documents: [
      { href: `${sheet.id}.pdf`, type: 'application/pdf', label: view.labels.pdf },
      { href: `${sheet.id}.docx`, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: view.labels.docx },
    ],
    translations: view.alternates.map((a) => ({ lang: a.lang, name: a.name, href: `../${a.lang}/${sheet.id}.html` })),
    sections: sheet.sections.map((section) => sectionContext(section, view.dir, safe)),
  };
}

function sectionContext(section: Section, dir: 'ltr' | 'rtl', safe: (html: string) => Handlebars.SafeString) {
  return {
    slug: section.slug,
    heading: section.heading ? safe(inlineHtml(section.heading, dir)) : null,
    blocks: section.blocks.map((block) => blockContext(block, dir, safe)),
  };
}

function blockContext(block: Block, dir: 'ltr' | 'rtl', safe: (html: string) => Handlebars.SafeString) {
  if (block.type === 'paragraph') return { type: 'paragraph', html: safe(inlineHtml(block.children, dir)) };
  return {
    type: 'list',
    ordered: block.ordered,
    start: block.ordered && block.start !== 1 ? block.start : null,
    items: block.items.map((item) => safe(inlineHtml(item.children, dir))),
  };
}
