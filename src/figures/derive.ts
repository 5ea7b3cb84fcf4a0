import { diagnostic, type Diagnostic, type RelatedPlace } from '../model/diagnostic.js';
import type { Location } from '../model/position.js';
import { countryCodeStatus, type CountryCodeStatus } from './country-codes.js';
import { addDecimals } from './decimal.js';
import { formatPlain } from './format.js';
import type { Derivation, Figure, PartRef, Registry } from './registry.js';
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
    if (figure.derivation?.kind === 'members') checkMembers(figure, figure.derivation);
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

  const checkSum = (figure: Figure, sum: Sum, parts: Figure[]): void => {
    if (parts.length !== sum.parts.length) {
      figure.broken = true;
      return;
    }
    const computed = addDecimals(parts.map((p) => p.value!));
    if (figure.declared === null) {
      figure.value = computed;
      return;
    }
    if (figure.declared === computed) return;
    for (const id of [figure.id, ...parts.map((p) => p.id)]) registry.disputed.add(id);
    const related: RelatedPlace[] = [
      { location: sum.location, message: `the sum of ${parts.map((p) => `"${p.id}"`).join(', ')}` },
      ...parts.map((p) => ({
        location: p.valueLocation ?? p.derivation?.location ?? p.location,
        message: `"${p.id}" is ${formatPlain(p.value!)}${p.declared === null ? ' (derived)' : ''}`,
      })),
    ];
    diagnostics.push(
      diagnostic(
        'error',
        'figure-sum-mismatch',
        figure.valueLocation ?? figure.location,
        `"${figure.id}" is declared as ${formatPlain(figure.declared)} but its parts add up to ${formatPlain(computed)} (${parts.map((p) => formatPlain(p.value!)).join(' + ')})`,
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

  const checkMembers = (figure: Figure, members: Members): void => {
    const first = new Map<string, PartRef>();
    for (const code of members.codes) {
      const status = countryCodeStatus(code.name);
      if (status.state !== 'assigned') {
        diagnostics.push(
          status.state === 'withdrawn'
            ? diagnostic('error', 'figure-member-withdrawn', code.location, `"${code.name}" was withdrawn from ISO 3166-1: ${describeWithdrawal(status.history)}`)
            : diagnostic('error', 'figure-member-invalid', code.location, `"${code.name}" is not an ISO 3166-1 alpha-2 country code`),
        );
        figure.broken = true;
        continue;
      }
      const earlier = first.get(code.name);
      if (earlier) {
        diagnostics.push(
          diagnostic('error', 'figure-member-duplicate', code.location, `"${figure.id}" lists "${code.name}" twice`, [
            { location: earlier.location, message: `"${code.name}" is first listed here` },
          ]),
        );
        figure.broken = true;
        continue;
      }
      first.set(code.name, code);
    }
    if (figure.broken) return;
    const count = first.size;
    const computed = String(count);
    if (figure.declared === null) {
      figure.value = computed;
      return;
    }
    if (figure.declared === computed) return;
    registry.disputed.add(figure.id);
    diagnostics.push(
      diagnostic(
        'error',
        'figure-members-mismatch',
        figure.valueLocation ?? figure.location,
        `"${figure.id}" is declared as ${formatPlain(figure.declared)} but lists ${count} member ${count === 1 ? 'country' : 'countries'}`,
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
  const suggestion = suggestionFor(registry, name);
  const message = `figure "${name}" is not in the registry${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
  const related = suggestion ? [{ location: registry.figures.get(suggestion)!.location, message: `"${suggestion}" is defined here` }] : [];
  return diagnostic('error', 'figure-unknown', location, message, related);
}

// A name mistyped in many places is looked up once; keyed by the figures map, which is
// complete by the time references are checked.
const suggestions = new WeakMap<Map<string, Figure>, Map<string, string | null>>();

function suggestionFor(registry: Registry, name: string): string | null {
  let known = suggestions.get(registry.figures);
  if (!known) suggestions.set(registry.figures, (known = new Map()));
  let suggestion = known.get(name);
  if (suggestion === undefined) known.set(name, (suggestion = closest(name, registry.figures.keys())));
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
