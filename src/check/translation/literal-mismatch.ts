import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { Location } from '../../model/position.js';
import { describeLiteral } from '../literals/index.js';
import { kindClass, type PlacedLiteral, type Settled } from './literals.js';

/**
 * Rule `literal-mismatch` (error): a typed number, year, date, ordinal, century, decade or
 * percentage of a translation's paragraph or item that differs from its original's (a
 * reference of the same value counts as the same).
 */
export const LITERAL_MISMATCH = {
  id: 'literal-mismatch',
  severity: 'error',
  description: "a typed number, year, date, ordinal, century, decade or percentage that differs from the original's",
} as const;

/** The differences left once two aligned units' literals and references are settled (see `settle`). */
export function compareLiterals(settled: Settled, originalLang: string, unitLocation: Location, originalUnit: Location): Diagnostic[] {
  const missing = [...settled.missing];
  const extra = [...settled.extra];
  const diagnostics: Diagnostic[] = [];
  const mismatch = (location: Location, message: string, related: { location: Location; message: string }) =>
    diagnostics.push(diagnostic(LITERAL_MISMATCH.severity, LITERAL_MISMATCH.id, location, message, [related]));
  // A value in place of another is one mistake, reported where it stands: the same kind pairs first ("1980s" for "1990s").
  const pairs: Array<[wrong: PlacedLiteral, expected: PlacedLiteral]> = [];
  for (let i = 0; i < extra.length; i++) {
    const index = missing.findIndex((m) => kindClass(m) === kindClass(extra[i]!));
    if (index < 0) continue;
    pairs.push([extra[i]!, missing[index]!]);
    missing.splice(index, 1);
    extra.splice(i--, 1);
  }
  while (missing.length > 0 && extra.length > 0) pairs.push([extra.shift()!, missing.shift()!]);
  for (const [wrong, expected] of pairs.sort((a, b) => a[0].location.start.offset - b[0].location.start.offset)) {
    mismatch(wrong.location, `this translation says "${describeLiteral(wrong)}" where the ${originalLang} original says "${describeLiteral(expected)}"`, {
      location: expected.location,
      message: `"${describeLiteral(expected)}" in the original`,
    });
  }
  for (const literal of missing) {
    mismatch(unitLocation, `"${describeLiteral(literal)}" of the ${originalLang} original is missing from this translation`, {
      location: literal.location,
      message: `"${describeLiteral(literal)}" in the original`,
    });
  }
  for (const literal of extra) {
    mismatch(literal.location, `"${describeLiteral(literal)}" is not in the matching text of the ${originalLang} original`, { location: originalUnit, message: 'the matching text of the original' });
  }
  return diagnostics;
}
