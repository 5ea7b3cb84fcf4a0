import type { FactSheet, FigureForm } from '../model/fact-sheet.js';
import { figureRefsOf } from '../model/figure-refs.js';
import type { Decimal } from './decimal.js';
import { quotedValue } from './dated-values.js';
import type { Registry } from './registry.js';

/** One place a figure is quoted. */
export interface LedgerUse {
  sheet: string;
  lang: string;
  file: string;
  line: number;
  column: number;
  form: FigureForm;
  /** What it renders as there. */
  text: string;
  /** Its rank among the figure occurrences of that sheet version, in reading order. */
  index: number;
  /** The value of the figure's history quoted there (the one in force at the sheet's date) and its date. */
  value: Decimal | null;
  asOf: string | null;
  /** True when every value postdates the sheet, so the earliest is quoted (a `figure-after-sheet` warning). */
  afterSheet: boolean;
}

/** One value of a figure's history. */
export interface LedgerValue {
  value: Decimal | null;
  asOf: string | null;
  derived: boolean;
  /** The countries counted, for a `members:` value. */
  members: string[] | null;
}

/** A figure with its definition and every use, across sheets and languages. */
export interface LedgerEntry {
  id: string;
  /** The exact decimal of the latest value. */
  value: Decimal | null;
  /** True when the value comes from the derivation rather than the registry. */
  derived: boolean;
  asOf: string | null;
  source: string | null;
  derivation: { kind: 'sum'; parts: string[] } | { kind: 'members'; codes: string[] } | null;
  /** Every value, oldest first. */
  history: LedgerValue[];
  definedAt: { file: string; line: number; column: number };
  uses: LedgerUse[];
}

/** The figures ledger: the registry in its order, each figure with its uses in sheet, language and reading order. */
export function figuresLedger(registry: Registry, sheets: readonly FactSheet[]): LedgerEntry[] {
  const ordered = [...sheets].sort((a, b) => (a.id === b.id ? compare(a.lang, b.lang) : compare(a.id, b.id)));
  const uses = new Map<string, LedgerUse[]>();
  for (const sheet of ordered) {
    for (const [index, ref] of figureRefsOf(sheet).entries()) {
      const list = uses.get(ref.id) ?? [];
      // The same choice as the reference's own resolution: the value in force at the sheet's date.
      const figure = registry.figures.get(ref.id);
      const quoted = figure ? quotedValue(figure.history, sheet.meta.date) : null;
      list.push({
        sheet: sheet.id,
        lang: sheet.lang,
        file: sheet.file,
        line: ref.span.start.line,
        column: ref.span.start.column,
        form: ref.form,
        text: ref.text,
        index,
        value: quoted?.entry.value ?? null,
        asOf: quoted?.entry.asOf ?? null,
        afterSheet: quoted?.afterSheet ?? false,
      });
      uses.set(ref.id, list);
    }
  }
  return [...registry.figures.values()].map((figure) => ({
    id: figure.id,
    value: figure.value,
    derived: figure.declared === null && figure.value !== null,
    asOf: figure.asOf,
    source: figure.source,
    derivation:
      figure.derivation?.kind === 'sum'
        ? { kind: 'sum', parts: figure.derivation.parts.map((p) => p.name) }
        : figure.derivation?.kind === 'members'
          ? { kind: 'members', codes: figure.derivation.codes.map((c) => c.name) }
          : null,
    history: figure.history.map((entry) => ({
      value: entry.value,
      asOf: entry.asOf,
      derived: entry.declared === null && entry.value !== null,
      members: entry.members?.codes.map((c) => c.name) ?? null,
    })),
    definedAt: { file: registry.file, line: figure.location.start.line, column: figure.location.start.column },
    uses: uses.get(figure.id) ?? [],
  }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
