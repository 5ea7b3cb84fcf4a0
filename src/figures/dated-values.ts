import type { Location } from '../model/position.js';
import type { Decimal } from './decimal.js';
import type { Derivation } from './registry.js';
import { parseIsoDate } from './iso-date.js';

/** One value of a figure's history: what it was as of one date. */
export interface DatedValue {
  /** `YYYY-MM` or `YYYY-MM-DD`; null for a value that holds at any date (a figure with one undated value). */
  asOf: string | null;
  /** The value as declared in the registry, if any. */
  declared: Decimal | null;
  /** The value the text states: the declared one, or the derived one. */
  value: Decimal | null;
  /** The countries counted, when this value is a `members:` list. */
  members: Extract<Derivation, { kind: 'members' }> | null;
  /** The entry in the registry (a figure's key, or one item of its `values`). */
  location: Location;
  valueLocation: Location | null;
  dateLocation: Location | null;
}

/**
 * A sortable key of an ISO date: a month-only date counts from the first of its month,
 * so `2013-02` is in force for a sheet dated 2013-02-21 and equal to `2013-02-01`.
 */
export function dateKey(iso: string): number {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not an ISO date: ${iso}`);
  return date.year * 10_000 + date.month * 100 + (date.day ?? 1);
}

/**
 * The value in force at `date` among `history` (in date order): the one with the latest
 * as_of on or before it; an undated value is always in force. With no date, the latest
 * value. Null when every value postdates the date.
 */
export function valueAt<T extends { asOf: string | null }>(history: readonly T[], date: string | null): T | null {
  if (date === null) return history[history.length - 1] ?? null;
  const key = dateKey(date);
  let found: T | null = null;
  for (const entry of history) {
    if (entry.asOf === null || dateKey(entry.asOf) <= key) found = entry;
    else break;
  }
  return found;
}

/** What a sheet of `date` quotes of a figure: the value in force, or the earliest when every value postdates it. */
export function quotedValue<T extends { asOf: string | null }>(history: readonly T[], date: string | null): { entry: T; afterSheet: boolean } | null {
  const entry = valueAt(history, date);
  if (entry) return { entry, afterSheet: false };
  const first = history[0];
  return first ? { entry: first, afterSheet: true } : null;
}
