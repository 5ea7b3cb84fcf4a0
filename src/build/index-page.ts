import Handlebars from 'handlebars';
import { list, object, text, type Shape } from '../model/context-shape.js';
import type { Labels } from '../model/template.js';
import { LABELS_SHAPE } from '../render/html/html-renderer.js';
import { FORMATS, type Format } from '../render/renderer.js';
import { autonym, textDirection } from '../render/view.js';

/** One sheet on the index: its title and the outputs of each language that exist. */
export interface IndexEntry {
  id: string;
  title: string;
  versions: Array<{ lang: string; formats: Format[] }>;
}

/** The shape of indexContext's result, which check holds templates/index.hbs to. */
export const INDEX_CONTEXT_SHAPE: Shape = object({
  lang: text,
  dir: text,
  title: text,
  subtitle: text,
  labels: LABELS_SHAPE,
  languages: list(object({ lang: text, name: text })),
  sheets: list(object({ id: text, title: text, versions: list(object({ lang: text, files: list(object({ href: text, label: text })) })) })),
});

/** `out/index.html`: a table of every sheet, with a link per language and format. */
export function renderIndexPage(source: string, entries: IndexEntry[], languages: readonly string[], lang: string, labels: Labels): string {
  return Handlebars.compile(source, { strict: true })(indexContext(entries, languages, lang, labels));
}

export function indexContext(entries: IndexEntry[], languages: readonly string[], lang: string, labels: Labels) {
  return {
    lang,
    dir: textDirection(lang),
    title: labels.index_title,
    subtitle: languages.map(autonym).join(' · '),
    labels,
    languages: languages.map((l) => ({ lang: l, name: autonym(l) })),
    sheets: entries.map((entry) => ({
      id: entry.id,
      title: entry.title,
      versions: languages.map((l) => ({
        lang: l,
        files: FORMATS.filter((f) => entry.versions.find((v) => v.lang === l)?.formats.includes(f)).map((format) => ({
          href: `${l}/${entry.id}.${format}`,
          label: labels[format],
        })),
      })),
    })),
  };
}
