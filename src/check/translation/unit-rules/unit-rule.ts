import type { Diagnostic, Severity } from '../../../model/diagnostic.js';
import type { Location, Span } from '../../../model/position.js';
import type { Unit } from '../units.js';

/** An aligned pair of units (paragraph, list item, heading, title) and where each stands. */
export interface UnitPair {
  original: Unit;
  translation: Unit;
  /** The original's language, for messages. */
  lang: string;
  /** A span of the original, of the translation, as a location in its file. */
  inOriginal(span: Span): Location;
  inTranslation(span: Span): Location;
  /** How each unit read at the translation's last review, for rules that accept what a review recorded; absent when not known. */
  review?: ReviewContext;
}

/** What the last review of the translation recorded of a pair of units. */
export interface ReviewContext {
  /** The unit of the original, of the translation, as written when reviewed; null when it was not part of the review (or is unknown). */
  originalThen(unit: Unit): string | null;
  translationThen(unit: Unit): string | null;
  /** The command that records a review of this translation. */
  markReviewed: string;
}

/** A rule comparing the markup of two aligned units: its permanent id, severity and what it reports, beside its check. */
export interface UnitRule {
  id: string;
  severity: Severity;
  description: string;
  check(pair: UnitPair): Diagnostic[];
}

export function unitName(unit: Unit): string {
  return unit.kind === 'item' ? 'list item' : unit.kind;
}
