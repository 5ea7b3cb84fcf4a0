import type { Diagnostic } from '../../model/diagnostic.js';
import type { FactSheet } from '../../model/fact-sheet.js';
import type { Span } from '../../model/position.js';
import { duplicateDiagnostics, findDuplicates, type DuplicateKind, type SheetDuplicates } from '../duplicates/index.js';

type Side = 'original' | 'translation';

/**
 * What the alignment of a translation makes of copies (a section, paragraph, list or
 * item repeated word for word in one file). Copies are aligned like anything else,
 * and what it matches is recorded; once the walk is done:
 * - a missing unit of the original, or an extra one of the translation, that has a
 *   copy on its side is not reported when another copy was matched (the copy is the
 *   problem, reported as a duplicate), and is reported once for all the copies when
 *   none was: "missing" is then true of the text, whichever copy the walk named;
 * - the translation's copies are reported as duplicates unless each stands where the
 *   original has a copy too (the original is what to fix, and is told so once, at the
 *   original, by the check of that file).
 */
export class AlignedCopies {
  private readonly copies: Record<Side, SheetDuplicates>;
  private readonly matched: Record<Side, Set<Span>> = { original: new Set(), translation: new Set() };
  private readonly counterpart = new Map<Span, Span>();
  /** Reports that hold only if no copy of their unit was matched, by the copies' group. */
  private readonly pending = new Map<Diagnostic, { side: Side; group: readonly Span[] }>();

  constructor(
    original: FactSheet,
    private readonly translation: FactSheet,
  ) {
    this.copies = { original: findDuplicates(original), translation: findDuplicates(translation) };
  }

  /** A unit of the original (`o`) and one of the translation (`t`) were aligned. */
  match(o: Span, t: Span): void {
    this.matched.original.add(o);
    this.matched.translation.add(t);
    this.counterpart.set(t, o);
  }

  /** `report` says that the unit at `span` on `side` has no counterpart; kept or not once the walk is done. */
  unmatched(kind: DuplicateKind, side: Side, span: Span, report: Diagnostic): Diagnostic {
    const group = this.copies[side].groups[kind].get(span);
    if (group) this.pending.set(report, { side, group });
    return report;
  }

  /** The reports to keep of those made during the walk, and the translation's own copies. */
  settle(reports: readonly Diagnostic[]): Diagnostic[] {
    const reported = new Set<readonly Span[]>();
    const kept = reports.filter((report) => {
      const pending = this.pending.get(report);
      if (!pending) return true;
      if (reported.has(pending.group) || pending.group.some((span) => this.matched[pending.side].has(span))) return false;
      reported.add(pending.group);
      return true;
    });
    const original = this.copies.original.groups;
    const mirrored = (kind: DuplicateKind, copy: Span) => {
      const counterpart = this.counterpart.get(copy);
      return counterpart !== undefined && original[kind].has(counterpart);
    };
    const own = this.copies.translation.duplicates.filter((d) => !mirrored(d.kind, d.copy));
    return [...kept, ...duplicateDiagnostics(this.translation, own)];
  }
}
