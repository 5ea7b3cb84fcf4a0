import type { Severity } from '../../model/diagnostic.js';
import type { Duplicate, DuplicateKind } from './find-duplicates.js';

/** A rule reporting one kind of copy: its permanent id, severity and what it reports, beside its message. */
export interface DuplicateRule {
  id: string;
  severity: Severity;
  description: string;
  kind: DuplicateKind;
  message(duplicate: Duplicate): string;
}
