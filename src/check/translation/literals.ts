import type { Figure, Registry } from '../../figures/registry.js';
import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { FactSheet, Text } from '../../model/fact-sheet.js';
import { walkInlines } from '../../model/walk-inlines.js';
import type { Location } from '../../model/position.js';
import type { SourceFile } from '../../text/source-file.js';
import { offsetMap } from '../../parse/offset-map.js';
import { describeLiteral, findLiterals, type Literal } from '../literal-numbers.js';
import { sectionUnits } from './review-lock.js';
import { headUnits, type Unit } from './units.js';

/** A number, year or date typed in the text, with where it stands. */
export interface PlacedLiteral extends Literal {
  location: Location;
}

/** The literals of a unit's text runs (figure references are not literals). */
export function literalsOf(unit: Unit, lang: string, file: SourceFile): PlacedLiteral[] {
  const out: PlacedLiteral[] = [];
  for (const node of walkInlines(unit.inlines)) {
    if (node.type !== 'text') continue;
    for (const literal of findLiterals(node.value, lang)) out.push({ ...literal, location: textLocation(node, literal.start, literal.end, file) });
  }
  return out;
}

/** Maps characters start..end of a text node back to the file (soft line breaks are spaces in the model). */
export function textLocation(node: Text, from: number, to: number, file: SourceFile): Location {
  const start = node.span.start.offset;
  const end = node.span.end.offset;
  const raw = file.text.slice(start, end);
  const offsets = raw.replace(/\n/g, ' ') === node.value ? null : offsetMap(node.value, raw.replace(/\n/g, ' '), 0, raw.length);
  const at = (index: number) => start + (offsets ? offsets[index]! : index);
  return file.location(at(from), at(to));
}

/** Literals of the original and its translation that disagree, between two aligned units. */
export function compareLiterals(original: PlacedLiteral[], translation: PlacedLiteral[], originalLang: string, unitLocation: Location, originalUnit: Location): Diagnostic[] {
  const missing = [...original];
  const extra: PlacedLiteral[] = [];
  for (const literal of translation) {
    const index = missing.findIndex((m) => sameQuantity(m, literal));
    if (index >= 0) missing.splice(index, 1);
    else extra.push(literal);
  }
  const diagnostics: Diagnostic[] = [];
  while (missing.length > 0 && extra.length > 0) {
    const wrong = extra.shift()!;
    const expected = missing.shift()!;
    diagnostics.push(
      diagnostic('error', 'literal-mismatch', wrong.location, `this translation says "${describeLiteral(wrong)}" where the ${originalLang} original says "${describeLiteral(expected)}"`, [
        { location: expected.location, message: `"${describeLiteral(expected)}" in the original` },
      ]),
    );
  }
  for (const literal of missing) {
    diagnostics.push(
      diagnostic('error', 'literal-mismatch', unitLocation, `"${describeLiteral(literal)}" of the ${originalLang} original is missing from this translation`, [
        { location: literal.location, message: `"${describeLiteral(literal)}" in the original` },
      ]),
    );
  }
  for (const literal of extra) {
    diagnostics.push(
      diagnostic('error', 'literal-mismatch', literal.location, `"${describeLiteral(literal)}" is not in the matching text of the ${originalLang} original`, [
        { location: originalUnit, message: 'the matching text of the original' },
      ]),
    );
  }
  return diagnostics;
}

/** A year and a plain number agree when they are equal ("1500 troops" reads as a year in one language, not in another). */
function sameQuantity(a: Literal, b: Literal): boolean {
  return a.value === b.value && (a.kind === 'date') === (b.kind === 'date');
}

/**
 * A typed number equal to a registry figure should probably be a reference, or it
 * will not follow when the figure changes. Dates are compared with as-of months.
 */
export function literalFigureWarnings(sheet: FactSheet, file: SourceFile, registry: Registry): Diagnostic[] {
  const units = [...headUnits(sheet, sheet.sections[0]?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } })];
  for (const section of sheet.sections) units.push(...sectionUnits(section));
  const diagnostics: Diagnostic[] = [];
  for (const unit of units) {
    for (const literal of literalsOf(unit, sheet.lang, file)) {
      const matches = [...registry.figures.values()].filter((figure) => literalMatches(literal, figure));
      if (matches.length === 0) continue;
      const suggestions = matches.map((f) => reference(literal, f));
      diagnostics.push(
        diagnostic(
          'warning',
          'literal-figure',
          literal.location,
          `"${describeLiteral(literal)}" is typed, and it is the value of ${matches.length === 1 ? `figure "${matches[0]!.id}"` : `figures ${matches.map((m) => `"${m.id}"`).join(', ')}`}; write ${suggestions.join(' or ')} so it follows the registry`,
          matches.map((f) => ({ location: f.valueLocation ?? f.location, message: `"${f.id}" is defined here` })),
        ),
      );
    }
  }
  return diagnostics;
}

function literalMatches(literal: Literal, figure: Figure): boolean {
  if (literal.kind === 'number') return figure.value !== null && figure.value === literal.value;
  if (literal.kind === 'date') return figure.asOf !== null && figure.asOf.slice(0, 7) === literal.value;
  return false;
}

function reference(literal: Literal, figure: Figure): string {
  return literal.kind === 'date' ? `{{month ${figure.id}}}` : `{{${figure.id}}}`;
}
