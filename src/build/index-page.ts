import Handlebars from 'handlebars';
import type { Labels } from '../model/template.js';
import { FORMATS, type Format } from '../render/renderer.js';
import { autonym, textDirection } from '../render/view.js';

/** One sheet on the index: its title and the outputs of each language that exist. */
export interface IndexEntry {
  id: string;
  title: string;
  versions: Array<{ lang: string; formats: Format[] }>;
}

/** `out/index.html`: a table of every sheet, with a link per language and format. */
export function renderIndexPage(source: string, entries: IndexEntry[], languages: readonly string[], lang: string, labels: Labels): string {
  const page = Handlebars.compile(source, { strict: true });
  return page({
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
  });
}
