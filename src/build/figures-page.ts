import Handlebars from 'handlebars';
import type { LedgerEntry } from '../figures/ledger.js';
import { boolean, list, nullable, object, text, type Shape } from '../model/context-shape.js';
import type { Labels, Template } from '../model/template.js';
import { LABELS_SHAPE } from '../render/html/html-renderer.js';
import { FORMATS, type Format } from '../render/renderer.js';
import { PAGE_FRAME_SHAPE, pageFrame, type PagePlace } from './project-page.js';

/** Which formats were read back and found to state each use, keyed by `sheet/lang/index`. */
export type VerifiedUses = Map<string, Set<Format>>;

export function useKey(sheet: string, lang: string, index: number): string {
  return `${sheet}/${lang}/${index}`;
}

/** The shape of figuresContext's result, which check holds templates/figures.hbs to. */
export const FIGURES_CONTEXT_SHAPE: Shape = object({
  ...PAGE_FRAME_SHAPE,
  labels: LABELS_SHAPE,
  /** The index page in the same language. */
  index: text,
  formats: list(object({ label: text })),
  figures: list(
    object({
      id: text,
      value: nullable(text),
      derived: boolean,
      asOf: nullable(text),
      source: nullable(text),
      derivation: nullable(text),
      /** True when the figure has more than one value: its history is shown, and which value each use quotes. */
      dated: boolean,
      values: list(object({ value: nullable(text), derived: boolean, asOf: nullable(text) })),
      uses: list(
        object({
          sheet: text,
          lang: text,
          where: text,
          text,
          /** The date of the value quoted, shown for a figure with a history or a value after the sheet's date. */
          quotedAsOf: nullable(text),
          afterSheet: boolean,
          formats: list(object({ verified: boolean })),
        }),
      ),
    }),
  ),
});

/** A ledger page (`figures.html`, `<lang>/figures.html`): each use with the formats whose outputs were verified to state it. */
export function renderFiguresPage(source: string, context: ReturnType<typeof figuresContext>): string {
  return Handlebars.compile(source, { strict: true })(context);
}

/** The context of the ledger page at `place`, in its language's labels. */
export function figuresContext(ledger: LedgerEntry[], verified: VerifiedUses, languages: readonly string[], place: PagePlace, labels: Labels, template: Template) {
  return {
    ...pageFrame(place, 'figures.html', languages, template),
    labels,
    index: 'index.html',
    formats: FORMATS.map((format) => ({ label: labels[format] })),
    figures: ledger.map((entry) => ({
      id: entry.id,
      value: entry.value,
      derived: entry.derived,
      asOf: entry.asOf,
      source: entry.source,
      derivation: entry.derivation?.kind === 'sum' ? `= ${entry.derivation.parts.join(' + ')}` : entry.derivation ? entry.derivation.codes.join(' ') : null,
      dated: entry.history.length > 1,
      values: entry.history.map((value) => ({ value: value.value, derived: value.derived, asOf: value.asOf })),
      uses: entry.uses.map((use) => {
        const formats = verified.get(useKey(use.sheet, use.lang, use.index)) ?? new Set<Format>();
        return {
          sheet: use.sheet,
          lang: use.lang,
          where: `${use.file}:${use.line}:${use.column}`,
          text: use.text,
          quotedAsOf: entry.history.length > 1 || use.afterSheet ? use.asOf : null,
          afterSheet: use.afterSheet,
          formats: FORMATS.map((format) => ({ verified: formats.has(format) })),
        };
      }),
    })),
  };
}
