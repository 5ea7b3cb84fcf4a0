import type { FactSheet, FigureForm } from '../model/fact-sheet.js';
import { figureRefsOf } from '../model/figure-refs.js';
import type { Decimal } from './decimal.js';
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
}

/** A figure with its definition and every use, across sheets and languages. */
export interface LedgerEntry {
  id: string;
  /** The exact decimal. */
  value: Decimal | null;
  /** True when the value comes from the derivation rather than the registry. */
  derived: boolean;
  asOf: string | null;
  source: string | null;
  derivation: { kind: 'sum'; parts: string[] } | { kind: 'members'; codes: string[] } | null;
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
      list.push({ sheet: sheet.id, lang: sheet.lang, file: sheet.file, line: ref.span.start.line, column: ref.span.start.column, form: ref.form, text: ref.text, index });
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
    definedAt: { file: registry.file, line: figure.location.start.line, column: figure.location.start.column },
    uses: uses.get(figure.id) ?? [],
  }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
