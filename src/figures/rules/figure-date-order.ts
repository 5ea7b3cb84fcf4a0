import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import { dateKey, type DatedValue } from '../dated-values.js';
import type { RuleMeta } from './registry-rule.js';

export const figureDateOrder: RuleMeta & { check(id: string, previous: DatedValue, entry: DatedValue): Diagnostic | null } = {
  id: 'figure-date-order',
  severity: 'error',
  description: 'a value of `values:` dated before the value above it: values are listed oldest first',
  check(id, previous, entry) {
    if (previous.asOf === null || entry.asOf === null || dateKey(entry.asOf) >= dateKey(previous.asOf)) return null;
    return diagnostic(
      this.severity,
      this.id,
      entry.dateLocation ?? entry.location,
      `the values of "${id}" must be listed oldest first, and this one, as of ${entry.asOf}, comes after one as of ${previous.asOf}`,
      [{ location: previous.dateLocation ?? previous.location, message: `the value as of ${previous.asOf}` }],
    );
  },
};
