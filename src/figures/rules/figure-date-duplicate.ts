import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import { dateKey, type DatedValue } from '../dated-values.js';
import type { RuleMeta } from './registry-rule.js';

export const figureDateDuplicate: RuleMeta & { check(id: string, previous: DatedValue, entry: DatedValue): Diagnostic | null } = {
  id: 'figure-date-duplicate',
  severity: 'error',
  description: 'two values of one figure as of the same date (`2013-02` and `2013-02-01` are the same date)',
  check(id, previous, entry) {
    if (previous.asOf === null || entry.asOf === null || dateKey(entry.asOf) !== dateKey(previous.asOf)) return null;
    const same = previous.asOf === entry.asOf ? '' : ` (${previous.asOf} and ${entry.asOf} are the same date: a month counts from its first day)`;
    return diagnostic(this.severity, this.id, entry.dateLocation ?? entry.location, `"${id}" has two values as of ${entry.asOf}${same}; a figure holds one value at each date`, [
      { location: previous.dateLocation ?? previous.location, message: `the other value as of ${previous.asOf}` },
    ]);
  },
};
