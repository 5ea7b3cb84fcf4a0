import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { FactSheet } from '../../model/fact-sheet.js';
import type { Fingerprint } from './review-lock.js';
import type { ReviewedUnits } from './reviewed-units.js';

/**
 * `translation-edited` (warning): the translation's text differs from the text its
 * last review recorded (whitespace aside; references compared as written, so a
 * figure's new value is no edit). What was reviewed is not what would be published,
 * so the build treats it as it treats a translation never reviewed.
 */
export const translationEdited = {
  id: 'translation-edited',
  severity: 'warning' as const,
  description: 'a translation edited since its review; shows each unit as reviewed and as it now reads',
};

/** One warning at the first unit of the translation edited since its review, citing every edited unit with its change. */
export function editedDiagnostic(translation: FactSheet, reviewed: Fingerprint, units: ReviewedUnits, sheetId: string): Diagnostic | null {
  const first = units.changes[0];
  if (!first) return null;
  const start = first.location.start;
  return diagnostic(
    translationEdited.severity,
    translationEdited.id,
    { file: translation.file, start, end: start },
    `this translation was edited after ${reviewName(reviewed)}; once the edit is reviewed, run "factsheet mark-reviewed ${sheetId} ${translation.lang}"`,
    units.changes,
  );
}

/** "its review on 2026-11-23 by A. Translator", with what the record says. */
export function reviewName(reviewed: Pick<Fingerprint, 'by' | 'on'>): string {
  return `its review${reviewed.on ? ` on ${reviewed.on}` : ''}${reviewed.by ? ` by ${reviewed.by}` : ''}`;
}
