import type { FactSheet } from '../model/fact-sheet.js';
import { figureRefsOf } from '../model/figure-refs.js';

/**
 * A sheet's Markdown as another tool would be given it: the source text, frontmatter
 * and all (Pandoc reads its title and date), with every figure reference replaced by
 * the text the model resolved it to in the sheet's language. The model keeps the
 * source span of each reference, so no Markdown is written here, only substituted.
 */
export function resolvedMarkdown(sheet: FactSheet, text: string): string {
  const refs = figureRefsOf(sheet).sort((a, b) => a.span.start.offset - b.span.start.offset);
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += text.slice(at, ref.span.start.offset) + ref.text;
    at = ref.span.end.offset;
  }
  return out + text.slice(at);
}
