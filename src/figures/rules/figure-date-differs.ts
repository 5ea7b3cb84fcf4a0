import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { FactSheet } from '../../model/fact-sheet.js';
import { figureRefsOf } from '../../model/figure-refs.js';
import { quotedValue, type DatedValue } from '../dated-values.js';
import type { Registry } from '../registry.js';
import type { RuleMeta } from './registry-rule.js';

/**
 * Each version quotes figures at its own date, so a translation dated otherwise than its
 * original may state another value than the original does: the error is at each such
 * reference of the translation, which is the version to bring in line.
 */
export const figureDateDiffers: RuleMeta & { check(original: FactSheet, translation: FactSheet, registry: Registry): Diagnostic[] } = {
  id: 'figure-date-differs',
  severity: 'error',
  description: "a translation quoting another value of a figure than its original does, the two being dated differently",
  check(original, translation, registry) {
    if (original.meta.date === translation.meta.date) return [];
    const inOriginal = figureRefsOf(original);
    const problems: Diagnostic[] = [];
    for (const ref of figureRefsOf(translation)) {
      const figure = registry.figures.get(ref.id);
      if (!figure) continue;
      const here = quotedValue(figure.history, translation.meta.date)?.entry;
      const there = quotedValue(figure.history, original.meta.date)?.entry;
      if (!here || !there || here === there) continue;
      const match = inOriginal.find((r) => r.id === ref.id);
      problems.push(
        diagnostic(
          this.severity,
          this.id,
          { file: translation.file, ...ref.span },
          `"${ref.id}" is ${describe(here)} at this translation's date, ${translation.meta.date ?? 'none (the latest value)'}, but ${describe(there)} at the date of the ${original.lang} original, ${original.meta.date ?? 'none (the latest value)'}: give the translation its original's date`,
          match ? [{ location: { file: original.file, ...match.span }, message: `the ${original.lang} original quotes ${describe(there)}` }] : [],
        ),
      );
    }
    return problems;
  },
};

function describe(value: DatedValue): string {
  return `${value.value ?? 'no value'}${value.asOf ? ` as of ${value.asOf}` : ''}`;
}
