import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { Location } from '../../model/position.js';
import type { DatedValue } from '../dated-values.js';
import type { Figure } from '../registry.js';
import type { RuleMeta } from './registry-rule.js';

/**
 * A sheet quotes the value in force at its date. When the figure has no value yet at that
 * date, the sheet quotes its earliest value, the nearest the registry knows, and is
 * warned: most often the sheet's date or the registry's history is what is wrong, and
 * `--strict` (in CI) keeps such a sheet from being published.
 */
export const figureAfterSheet: RuleMeta & { check(figure: Figure, quoted: DatedValue, sheetDate: string, at: Location): Diagnostic } = {
  id: 'figure-after-sheet',
  severity: 'warning',
  description: 'a reference to a figure whose every value is dated after the sheet: the earliest value is quoted',
  check(figure, quoted, sheetDate, at) {
    const only = figure.history.length === 1 ? 'the only value' : 'the earliest value';
    return diagnostic(
      this.severity,
      this.id,
      at,
      `"${figure.id}" has no value yet at the sheet's date, ${sheetDate}: ${only} is as of ${quoted.asOf}, and is the one quoted; give the figure a value as of ${sheetDate} or earlier, or check the sheet's date`,
      [{ location: quoted.dateLocation ?? quoted.location, message: `${only} of "${figure.id}"` }],
    );
  },
};
