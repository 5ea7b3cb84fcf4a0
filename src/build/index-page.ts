import Handlebars from 'handlebars';
import { list, object, text, type Shape } from '../model/context-shape.js';
import type { Labels, Template } from '../model/template.js';
import { LABELS_SHAPE } from '../render/html/html-renderer.js';
import { FORMATS, type Format } from '../render/renderer.js';
import { autonym, textDirection } from '../render/view.js';
import { PAGE_FRAME_SHAPE, pageFrame, type PagePlace } from './project-page.js';

/** One sheet on the index: its title in each language it has one in, and the outputs of each language that exist. */
export interface IndexEntry {
  id: string;
  /** The sheet's title by language; the source language's is always there (or the id stands for it). */
  titles: Record<string, string>;
  versions: Array<{ lang: string; formats: Format[] }>;
}

/** The shape of indexContext's result, which check holds templates/index.hbs to. */
export const INDEX_CONTEXT_SHAPE: Shape = object({
  ...PAGE_FRAME_SHAPE,
  title: text,
  subtitle: text,
  labels: LABELS_SHAPE,
  /** The ledger page in the same language. */
  ledger: text,
  languages: list(object({ lang: text, name: text })),
  sheets: list(
    object({
      id: text,
      /** The title in the page's language, or the original's where the sheet has no version in it. */
      title: text,
      titleLang: text,
      titleDir: text,
      versions: list(object({ lang: text, files: list(object({ href: text, label: text })) })),
    }),
  ),
});

/** An index page (`index.html`, `<lang>/index.html`): a table of every sheet, with a link per language and format. */
export function renderIndexPage(source: string, context: ReturnType<typeof indexContext>): string {
  return Handlebars.compile(source, { strict: true })(context);
}

/** The context of the index page at `place`, in its language's labels; `sourceLanguage` titles a sheet that has no version in the page's language. */
export function indexContext(entries: IndexEntry[], languages: readonly string[], sourceLanguage: string, place: PagePlace, labels: Labels, template: Template) {
  return {
    ...pageFrame(place, 'index.html', languages, template),
    title: labels.index_title,
    subtitle: languages.map(autonym).join(' · '),
    labels,
    ledger: 'figures.html',
    languages: languages.map((l) => ({ lang: l, name: autonym(l) })),
    sheets: entries.map((entry) => {
      const titleLang = entry.titles[place.lang] !== undefined ? place.lang : sourceLanguage;
      return {
        id: entry.id,
        title: entry.titles[titleLang] ?? entry.id,
        titleLang,
        titleDir: textDirection(titleLang),
        versions: languages.map((l) => ({
          lang: l,
          files: FORMATS.filter((f) => entry.versions.find((v) => v.lang === l)?.formats.includes(f)).map((format) => ({
            href: `${place.root}${l}/${entry.id}.${format}`,
            label: labels[format],
          })),
        })),
      };
    }),
  };
}
