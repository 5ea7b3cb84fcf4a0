import { valueAt, type DatedValue } from '../../figures/dated-values.js';
import type { Figure, Registry } from '../../figures/registry.js';
import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { FactSheet } from '../../model/fact-sheet.js';
import type { SourceFile } from '../../text/source-file.js';
import { describeLiteral, type Literal } from '../literals/index.js';
import { literalsOf, type PlacedLiteral } from './literals.js';
import { sectionUnits } from './review-lock.js';
import { headUnits } from './units.js';

/**
 * Rule `literal-figure` (warning): a value typed in the text, in digits, words or Roman
 * numerals, or as a percentage or month-year date, that equals a registry figure should
 * probably be a reference, or it will not follow when the figure changes. The warning
 * proposes the reference that writes it the same way: `{{id}}` for digits, `{{words id}}`
 * for words, `{{month id}}` for a date. Ordinals, centuries and decades have no reference
 * form and are not compared with figures; nor are years (a year is rarely a count) and Roman
 * numerals (more often part of a name, "Phase II").
 */
export const LITERAL_FIGURE = { id: 'literal-figure', severity: 'warning', description: 'a typed number, percentage or date equal to a registry figure' } as const;

/**
 * The warnings of one version. `agrees` tells the literals of a translation that agree with
 * its original's: those are reported at the original only, once.
 */
export function literalFigureWarnings(sheet: FactSheet, file: SourceFile, registry: Registry, agrees: (literal: PlacedLiteral) => boolean = () => false): Diagnostic[] {
  const units = [...headUnits(sheet, sheet.sections[0]?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } })];
  for (const section of sheet.sections) units.push(...sectionUnits(section));
  const figures = [...registry.figures.values()];
  const diagnostics: Diagnostic[] = [];
  for (const unit of units) {
    for (const literal of literalsOf(unit, sheet.lang, file)) {
      // A figure's value in force at the sheet's date: a sheet of 2013 typing 28 types the count of Allies then.
      const matches = figures.filter((figure) => literalMatches(literal, valueAt(figure.history, sheet.meta.date)));
      if (matches.length === 0 || agrees(literal)) continue;
      const suggestions = matches.map((f) => reference(literal, f));
      diagnostics.push(
        diagnostic(
          LITERAL_FIGURE.severity,
          LITERAL_FIGURE.id,
          literal.location,
          `"${describeLiteral(literal)}" is typed, and it is the value of ${matches.length === 1 ? `figure "${matches[0]!.id}"` : `figures ${matches.map((m) => `"${m.id}"`).join(', ')}`}; write ${suggestions.join(' or ')} so it follows the registry`,
          matches.map((f) => {
            const value = valueAt(f.history, sheet.meta.date);
            return { location: value?.valueLocation ?? value?.location ?? f.location, message: `"${f.id}" is defined here` };
          }),
        ),
      );
    }
  }
  return diagnostics;
}

function literalMatches(literal: Literal, value: DatedValue | null): boolean {
  // "Phase II" is a name more often than a count: Roman numerals are compared across languages only.
  if (literal.written === 'roman' || value === null) return false;
  if (literal.kind === 'number' || literal.kind === 'percent') return value.value !== null && value.value === literal.value;
  if (literal.kind === 'date') return value.asOf !== null && value.asOf.slice(0, 7) === literal.value;
  return false;
}

function reference(literal: Literal, figure: Figure): string {
  if (literal.kind === 'date') return `{{month ${figure.id}}}`;
  const ref = literal.written === 'words' ? `{{words ${figure.id}}}` : `{{${figure.id}}}`;
  return literal.kind === 'percent' ? `${ref}${(literal.unit ?? '').replace(/\s+/g, ' ')}` : ref;
}
