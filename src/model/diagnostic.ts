import type { Location } from './position.js';

export type Severity = 'error' | 'warning';

/** A second place that explains a diagnostic, such as a definition it disagrees with. */
export interface RelatedPlace {
  location: Location;
  message: string;
  /** How the text at this place changed, when the place is a change (of an original since a review). */
  change?: TextChange;
}

/**
 * A text before and after a change, with the words that changed marked.
 * `old` is null when the earlier text is unknown (then `parts` is empty); an
 * empty `old` or `new` means the text was added or removed as a whole.
 */
export interface TextChange {
  old: string | null;
  new: string;
  parts: ChangePart[];
}

/** A run of words of a change: in both texts, only in the new one, or only in the old one. */
export interface ChangePart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

/**
 * One problem found in the sources. `ruleId` is a permanent name; the message never
 * repeats the position, the reporter prints it.
 */
export interface Diagnostic {
  severity: Severity;
  ruleId: string;
  message: string;
  location: Location;
  related: RelatedPlace[];
}

export function diagnostic(
  severity: Severity,
  ruleId: string,
  location: Location,
  message: string,
  related: RelatedPlace[] = [],
): Diagnostic {
  return { severity, ruleId, message, location, related };
}

/** Orders diagnostics by file, line and column so output never depends on discovery order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareStrings(a.location.file, b.location.file) ||
      a.location.start.line - b.location.start.line ||
      a.location.start.column - b.location.start.column ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.message, b.message),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
