import { diagnostic, type Diagnostic, type RelatedPlace } from '../model/diagnostic.js';
import type { Location } from '../model/position.js';
import { countryCodeStatus, type CountryCodeStatus } from './country-codes.js';
import { addDecimals } from './decimal.js';
import { formatPlain } from './format.js';
import { dateKey, valueAt, type DatedValue } from './dated-values.js';
import { settleLatest, type Derivation, type Figure, type PartRef, type Registry } from './registry.js';
import { closest } from './suggest.js';

type Sum = Extract<Derivation, { kind: 'sum' }>;
type Members = Extract<Derivation, { kind: 'members' }>;

/**
 * Checks every derivation against its parts and gives derived figures their value.
 * A figure whose parts cannot all be resolved (unknown, broken, cyclic) is marked
 * broken and left unchecked, so one mistake is reported once, where it is.
 */
export function resolveDerivations(registry: Registry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const state = new Map<string, 'visiting' | 'done'>();

  /**
   * Sums are settled depth first with an explicit stack rather than recursion, so a chain
   * of thousands of sums (a1 = a2, a2 = a3, ...) cannot overflow the call stack. Each frame
   * walks its parts in order; `waiting` is the part whose own sum is being settled above it.
   */
  interface Frame {
    figure: Figure;
    sum: Sum;
    next: number;
    parts: Figure[];
    waiting: { part: PartRef; target: Figure } | null;
  }
  const stack: Frame[] = [];

  /** Starts settling `figure`; a sum goes on the stack, anything else is settled at once. */
  const enter = (figure: Figure): void => {
    state.set(figure.id, 'visiting');
    if (figure.derivation?.kind === 'sum') {
      stack.push({ figure, sum: figure.derivation, next: 0, parts: [], waiting: null });
      return;
    }
    checkMembers(figure);
    state.set(figure.id, 'done');
  };

  const visit = (figure: Figure): void => {
    if (state.has(figure.id)) return;
    enter(figure);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.waiting) {
        const { part, target } = frame.waiting;
        frame.waiting = null;
        if (settledPart(frame.figure, part, target)) frame.parts.push(target);
        continue;
      }
      const part = frame.sum.parts[frame.next++];
      if (part === undefined) {
        stack.pop();
        checkSum(frame.figure, frame.sum, frame.parts);
        state.set(frame.figure.id, 'done');
        continue;
      }
      const target = startPart(frame.figure, part);
      if (!target) continue;
      if (!state.has(target.id)) {
        enter(target);
        if (state.get(target.id) === 'visiting') {
          frame.waiting = { part, target };
          continue;
        }
      }
      if (settledPart(frame.figure, part, target)) frame.parts.push(target);
    }
  };

  /**
   * A sum holds at every date where the figure or one of its parts changes: each declared
   * value is checked against the parts in force at each such date, and a figure without a
   * declared value takes the sum at each of them, as of that date.
   */
  const checkSum = (figure: Figure, sum: Sum, parts: Figure[]): void => {
    if (parts.length !== sum.parts.length) {
      figure.broken = true;
      return;
    }
    const own = figure.history;
    const declared = own.some((entry) => entry.declared !== null);
    const derived: DatedValue[] = [];
    const missingReported = new Set<Figure>();
    for (const date of changeDates(own, parts)) {
      const entry = valueAt(own, date);
      const values = parts.map((part) => valueAt(part.history, date));
      const missing = parts.findIndex((_, i) => values[i]?.value == null);
      if (missing >= 0) {
        // Before a part's first value a declared total cannot hold; a derived one starts later.
        const part = parts[missing]!;
        if (declared && !missingReported.has(part)) {
          missingReported.add(part);
          diagnostics.push(
            diagnostic('error', 'figure-value-missing', entry?.valueLocation ?? sum.location, `as of ${date}, "${figure.id}" adds up "${part.id}", which has no value yet (its first is as of ${part.history[0]?.asOf})`, [
              { location: sum.parts[missing]!.location, message: `"${part.id}" is a part here` },
            ]),
          );
          registry.disputed.add(figure.id);
        }
        continue;
      }
      const computed = addDecimals(values.map((value) => value!.value!));
      if (entry && entry.declared !== null) {
        if (entry.declared !== computed) reportSum(figure, sum, parts, values as DatedValue[], entry, date, computed);
        continue;
      }
      derived.push({ asOf: date, declared: null, value: computed, members: null, location: entry?.location ?? sum.location, valueLocation: null, dateLocation: entry?.dateLocation ?? null });
    }
    if (!declared) figure.history = derived;
    settleLatest(figure);
  };

  const reportSum = (figure: Figure, sum: Sum, parts: Figure[], values: DatedValue[], entry: DatedValue, date: string | null, computed: string): void => {
    for (const id of [figure.id, ...parts.map((p) => p.id)]) registry.disputed.add(id);
    // A value that holds since an earlier date says so, as does a derived one.
    const since = (value: DatedValue): string => (value.asOf === date ? '' : value.asOf === null ? 'undated' : `as of ${value.asOf}`);
    const notes = (value: DatedValue): string => {
      const list = [value.declared === null ? 'derived' : '', since(value)].filter(Boolean);
      return list.length > 0 ? ` (${list.join(', ')})` : '';
    };
    const related: RelatedPlace[] = [
      { location: sum.location, message: `the sum of ${parts.map((p) => `"${p.id}"`).join(', ')}` },
      ...parts.map((p, i) => ({
        location: values[i]!.valueLocation ?? values[i]!.members?.location ?? p.derivation?.location ?? p.location,
        message: `"${p.id}" is ${formatPlain(values[i]!.value!)}${notes(values[i]!)}`,
      })),
    ];
    diagnostics.push(
      diagnostic(
        'error',
        'figure-sum-mismatch',
        entry.valueLocation ?? figure.location,
        `${date === null ? '' : `as of ${date}, `}"${figure.id}" is declared as ${formatPlain(entry.declared!)}${notes(entry)} but its parts add up to ${formatPlain(computed)} (${values.map((v) => formatPlain(v.value!)).join(' + ')})`,
        related,
      ),
    );
  };

  /** The part's figure, or null when it is unknown or part of a cycle (reported here). */
  const startPart = (figure: Figure, part: PartRef): Figure | null => {
    const target = registry.figures.get(part.name);
    if (!target) {
      const problem = unknownFigure(registry, part.name, part.location);
      if (problem) diagnostics.push(problem);
      return null;
    }
    if (state.get(target.id) === 'visiting') {
      const message =
        target === figure
          ? `"${figure.id}" cannot be derived from itself`
          : `"${figure.id}" cannot be derived from "${target.id}", which is itself derived from "${figure.id}"`;
      diagnostics.push(diagnostic('error', 'figure-derivation-cycle', part.location, message));
      return null;
    }
    return target;
  };

  /** Whether a part, its own derivation settled, can be added up (reported here when not). */
  const settledPart = (figure: Figure, part: PartRef, target: Figure): boolean => {
    if (target.broken) return false;
    if (target.value === null) {
      diagnostics.push(
        diagnostic('error', 'figure-value-missing', part.location, `"${figure.id}" adds up "${part.name}", which has no value`, [
          { location: target.location, message: `"${part.name}" is defined here` },
        ]),
      );
      return false;
    }
    return true;
  };

  /** Each `members:` list of the figure's history, checked and counted. */
  const checkMembers = (figure: Figure): void => {
    for (const entry of figure.history) if (entry.members) checkMembersAt(figure, entry, entry.members);
    settleLatest(figure);
  };

  const checkMembersAt = (figure: Figure, entry: DatedValue, members: Members): void => {
    const first = new Map<string, PartRef>();
    let broken = false;
    for (const code of members.codes) {
      const status = countryCodeStatus(code.name);
      if (status.state !== 'assigned') {
        diagnostics.push(
          status.state === 'withdrawn'
            ? diagnostic('error', 'figure-member-withdrawn', code.location, `"${code.name}" was withdrawn from ISO 3166-1: ${describeWithdrawal(status.history)}`)
            : diagnostic('error', 'figure-member-invalid', code.location, `"${code.name}" is not an ISO 3166-1 alpha-2 country code`),
        );
        broken = true;
        continue;
      }
      const earlier = first.get(code.name);
      if (earlier) {
        diagnostics.push(
          diagnostic('error', 'figure-member-duplicate', code.location, `"${figure.id}" lists "${code.name}" twice`, [
            { location: earlier.location, message: `"${code.name}" is first listed here` },
          ]),
        );
        broken = true;
        continue;
      }
      first.set(code.name, code);
    }
    if (broken) {
      figure.broken = true;
      return;
    }
    const count = first.size;
    const computed = String(count);
    if (entry.declared === null) {
      entry.value = computed;
      return;
    }
    if (entry.declared === computed) return;
    registry.disputed.add(figure.id);
    diagnostics.push(
      diagnostic(
        'error',
        'figure-members-mismatch',
        entry.valueLocation ?? figure.location,
        `${entry.asOf === null ? '' : `as of ${entry.asOf}, `}"${figure.id}" is declared as ${formatPlain(entry.declared)} but lists ${count} member ${count === 1 ? 'country' : 'countries'}`,
        [{ location: members.location, message: `the members of "${figure.id}": ${[...first.keys()].join(', ')}` }],
      ),
    );
  };

  if (!registry.complete) {
    // With part of the file unreadable, any derivation may be missing a part; check none of them.
    for (const figure of registry.figures.values()) if (figure.derivation) figure.broken = true;
    return diagnostics;
  }
  for (const figure of registry.figures.values()) visit(figure);
  return diagnostics;
}

/**
 * The report for an id the registry lacks, with the closest id as a suggestion;
 * null when the registry could not be read whole, since the id may be in the unread part.
 */
export function unknownFigure(registry: Registry, name: string, location: Location): Diagnostic | null {
  if (!registry.complete) return null;
  const found = suggestionFor(registry, name);
  const suggestion = found?.id ?? null;
  const why = found?.dated ? ` Ids carry no date: a figure's values are dated, and the sheet's date picks the one quoted` : '';
  const message = `figure "${name}" is not in the registry${suggestion ? `; did you mean "${suggestion}"?${why}` : ''}`;
  const related = suggestion ? [{ location: registry.figures.get(suggestion)!.location, message: `"${suggestion}" is defined here` }] : [];
  return diagnostic('error', 'figure-unknown', location, message, related);
}

/**
 * An id with a date in it (`allies.count-2024`, `allies.count2024-03`) asks for a figure at
 * a date; ids carry no dates, so the figure is looked up without it.
 */
const DATE_SUFFIX = /^(.+?)[-_.]?(?:1[89]|2\d)\d\d(?:[-_.]?\d\d){0,2}$/;

// A name mistyped in many places is looked up once; keyed by the figures map, which is
// complete by the time references are checked.
const suggestions = new WeakMap<Map<string, Figure>, Map<string, { id: string; dated: boolean } | null>>();

function suggestionFor(registry: Registry, name: string): { id: string; dated: boolean } | null {
  let known = suggestions.get(registry.figures);
  if (!known) suggestions.set(registry.figures, (known = new Map()));
  let suggestion = known.get(name);
  if (suggestion === undefined) {
    const undated = DATE_SUFFIX.exec(name)?.[1];
    const withoutDate = undated ? (registry.figures.has(undated) ? undated : closest(undated, registry.figures.keys())) : null;
    const id = withoutDate ?? closest(name, registry.figures.keys());
    known.set(name, (suggestion = id === null ? null : { id, dated: withoutDate !== null }));
  }
  return suggestion;
}

/** "it was Yugoslavia, replaced by CS (Serbia and Montenegro, itself withdrawn since)", each use of the code in turn. */
function describeWithdrawal(history: Extract<CountryCodeStatus, { state: 'withdrawn' }>['history']): string {
  return history
    .map(({ name, successors }) => {
      const names = successors.map((s) => `${s.code} (${s.name}${s.withdrawn ? ', itself withdrawn since' : ''})`);
      const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      return `${name}, replaced by ${list}`;
    })
    .map((text, index) => (index === 0 ? `it was ${text}` : `then ${text}`))
    .join('; ');
}

/**
 * The dates at which a sum is settled: every date of the figure's own values and of its
 * parts' values, from the figure's first dated value on (before it, the figure says
 * nothing); a single undated point when no value has a date.
 */
function changeDates(own: readonly DatedValue[], parts: readonly Figure[]): Array<string | null> {
  const byKey = new Map<number, string>();
  for (const entry of [...own, ...parts.flatMap((part) => part.history)]) {
    if (entry.asOf !== null && !byKey.has(dateKey(entry.asOf))) byKey.set(dateKey(entry.asOf), entry.asOf);
  }
  const first = own[0]?.asOf;
  const start = first ? dateKey(first) : -Infinity;
  const dates = [...byKey.entries()].filter(([key]) => key >= start).sort(([a], [b]) => a - b).map(([, date]) => date);
  return dates.length > 0 ? dates : [null];
}
