import type { Severity } from '../../model/diagnostic.js';

/** A rule of the registry's dates: its permanent id, severity and what it reports, beside its check. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
}
