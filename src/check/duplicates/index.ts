import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { FactSheet } from '../../model/fact-sheet.js';
import { duplicateBlock } from './duplicate-block.js';
import type { DuplicateRule } from './duplicate-rule.js';
import { duplicateItem } from './duplicate-item.js';
import { duplicateSection } from './duplicate-section.js';
import type { Duplicate } from './find-duplicates.js';

export { findDuplicates, type Duplicate, type DuplicateKind, type SheetDuplicates } from './find-duplicates.js';
export type { DuplicateRule } from './duplicate-rule.js';

/** One rule per kind of copy. */
export const DUPLICATE_RULES: readonly DuplicateRule[] = [duplicateSection, duplicateBlock, duplicateItem];

/** Each copy reported at itself, citing the first. */
export function duplicateDiagnostics(sheet: FactSheet, duplicates: readonly Duplicate[]): Diagnostic[] {
  return duplicates.map((duplicate) => {
    const rule = DUPLICATE_RULES.find((r) => r.kind === duplicate.kind)!;
    return diagnostic(rule.severity, rule.id, { file: sheet.file, ...duplicate.copy }, rule.message(duplicate), [
      { location: { file: sheet.file, ...duplicate.first }, message: 'the first copy' },
    ]);
  });
}
