import type { FigureRef, Superscript, Text } from '../../model/fact-sheet.js';
import { walkInlines } from '../../model/walk-inlines.js';
import type { Location } from '../../model/position.js';
import type { SourceFile } from '../../text/source-file.js';
import { offsetMap } from '../../parse/offset-map.js';
import { findLiterals, type Literal } from '../literals/index.js';
import { figureKey, figuresOf, type Unit } from './units.js';

/** A number, year or date typed in the text, with where it stands. */
export interface PlacedLiteral extends Literal {
  location: Location;
}

/**
 * The literals of a unit's text (figure references are not literals). Text and the
 * superscripts glued to it are read as one, so "XXI^e^ siècle" reads as "XXIe siècle".
 */
export function literalsOf(unit: Unit, lang: string, file: SourceFile): PlacedLiteral[] {
  const out: PlacedLiteral[] = [];
  for (const run of textRuns(unit)) out.push(...runLiterals(run, lang, file));
  return out;
}

/**
 * A run's literals, read once: the comparison with the original and the warnings about
 * typed figures both read the same text of the same model. Keyed by the run's first
 * node (its text is the nodes that follow it, so the count fixes it) and the language.
 */
const readRuns = new WeakMap<Piece, Map<string, PlacedLiteral[]>>();

function runLiterals(run: readonly Piece[], lang: string, file: SourceFile): PlacedLiteral[] {
  const byRun = readRuns.get(run[0]!) ?? new Map<string, PlacedLiteral[]>();
  readRuns.set(run[0]!, byRun);
  const key = `${run.length}\0${lang}\0${file.path}`;
  let found = byRun.get(key);
  if (!found) {
    const text = run.map((node) => node.value).join('');
    found = findLiterals(text, lang).map((literal) => ({ ...literal, location: runLocation(run, literal.start, literal.end, file) }));
    byRun.set(key, found);
  }
  return found;
}

type Piece = Text | Superscript;

/** Runs of text and superscript nodes that follow each other in the source with nothing between. */
function textRuns(unit: Unit): Piece[][] {
  const runs: Piece[][] = [];
  let run: Piece[] = [];
  for (const node of walkInlines(unit.inlines)) {
    const previous = run[run.length - 1];
    if ((node.type === 'text' || node.type === 'superscript') && (!previous || previous.span.end.offset === node.span.start.offset)) {
      run.push(node);
      continue;
    }
    if (run.length > 0) runs.push(run);
    run = node.type === 'text' || node.type === 'superscript' ? [node] : [];
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Maps characters from..to of a run's joined text back to the file; a superscript maps as a whole. */
function runLocation(run: readonly Piece[], from: number, to: number, file: SourceFile): Location {
  const point = (index: number, end: boolean): Location['start'] => {
    let offset = 0;
    for (const [i, piece] of run.entries()) {
      const last = i === run.length - 1;
      const inPiece = end ? index <= offset + piece.value.length : index < offset + piece.value.length;
      if (inPiece || last) {
        if (piece.type === 'superscript') return end ? piece.span.end : piece.span.start;
        const at = Math.min(index - offset, piece.value.length);
        const location = textLocation(piece, at, at, file);
        return location.start;
      }
      offset += piece.value.length;
    }
    return run[0]!.span.start;
  };
  return { file: file.path, start: point(from, false), end: point(to, true) };
}

/** Maps characters start..end of a text node back to the file (soft line breaks are spaces in the model). */
export function textLocation(node: Text, from: number, to: number, file: SourceFile): Location {
  const start = node.span.start.offset;
  const end = node.span.end.offset;
  const raw = file.text.slice(start, end);
  const offsets = raw.replace(/\n/g, ' ') === node.value ? null : offsetMap(node.value, raw.replace(/\n/g, ' '), 0, raw.length);
  const at = (index: number) => start + (offsets ? offsets[index]! : index);
  return file.location(at(from), at(to));
}

/** How the typed values and references of two aligned units match up. */
export interface Settled {
  /** Literals of the original that the translation does not state, typed or as a reference. */
  missing: PlacedLiteral[];
  /** Literals of the translation that the original does not state. */
  extra: PlacedLiteral[];
  /** Literals of the translation that agree with a literal of the original: a problem of the original, reported there. */
  agreeing: PlacedLiteral[];
  /** References of each version that the other types as a literal of the same value: not a figure missing or added. */
  typedFor: { original: Set<FigureRef>; translation: Set<FigureRef> };
}

/**
 * Pairs the typed values of an original's unit with its translation's: a literal with an equal
 * literal first, then a literal with a reference (of the other version, that this one has no
 * reference for) whose value it equals. The translation that writes `{{allies.count}}` where
 * the original typed "28" agrees with it: the typed figure is reported once, at the original.
 */
export function settle(original: { literals: PlacedLiteral[]; unit: Unit }, translation: { literals: PlacedLiteral[]; unit: Unit }): Settled {
  const missing = [...original.literals];
  const extra: PlacedLiteral[] = [];
  const agreeing: PlacedLiteral[] = [];
  for (const literal of translation.literals) {
    const index = missing.findIndex((m) => sameQuantity(m, literal));
    if (index >= 0) {
      missing.splice(index, 1);
      agreeing.push(literal);
    } else extra.push(literal);
  }
  const [originalOnly, translationOnly] = unsharedRefs(figuresOf(original.unit.inlines), figuresOf(translation.unit.inlines));
  const typedFor = { original: new Set<FigureRef>(), translation: new Set<FigureRef>() };
  const standIn = (literals: PlacedLiteral[], refs: FigureRef[], used: Set<FigureRef>) => {
    for (let i = 0; i < literals.length; i++) {
      const ref = refs.find((r) => !used.has(r) && statesRef(literals[i]!, r));
      if (!ref) continue;
      used.add(ref);
      literals.splice(i--, 1);
    }
  };
  standIn(missing, translationOnly, typedFor.translation);
  standIn(extra, originalOnly, typedFor.original);
  return { missing, extra, agreeing, typedFor };
}

/** The references of each run that the other has no reference of the same figure and form for. */
function unsharedRefs(original: FigureRef[], translation: FigureRef[]): [FigureRef[], FigureRef[]] {
  const left = [...original];
  const extra: FigureRef[] = [];
  for (const ref of translation) {
    const index = left.findIndex((o) => figureKey(o) === figureKey(ref));
    if (index >= 0) left.splice(index, 1);
    else extra.push(ref);
  }
  return [left, extra];
}

/** `settle` for the aligned units of two versions, computed once per pair: figures and literals are compared apart. */
export function settler(original: { lang: string; file: SourceFile }, translation: { lang: string; file: SourceFile }): (o: Unit, t: Unit) => Settled {
  const done = new WeakMap<Unit, WeakMap<Unit, Settled>>();
  return (o, t) => {
    let row = done.get(o);
    if (!row) done.set(o, (row = new WeakMap()));
    let settled = row.get(t);
    if (!settled) {
      settled = settle({ literals: literalsOf(o, original.lang, original.file), unit: o }, { literals: literalsOf(t, translation.lang, translation.file), unit: t });
      row.set(t, settled);
    }
    return settled;
  };
}

/** A year and a plain number agree when they are equal ("1500 troops" reads as a year in one language, not in another). */
export function sameQuantity(a: Literal, b: Literal): boolean {
  return a.value === b.value && kindClass(a) === kindClass(b);
}

/** Kinds that compare with each other. */
export function kindClass(literal: Literal): string {
  return literal.kind === 'year' ? 'number' : literal.kind;
}

/** Whether a typed literal states what a reference renders. */
export function statesRef(literal: Literal, ref: FigureRef): boolean {
  switch (ref.form) {
    case 'number':
    case 'words':
      return (literal.kind === 'number' || literal.kind === 'year' || literal.kind === 'percent') && literal.value === ref.value;
    case 'month':
      return literal.kind === 'date' && literal.value === ref.value.slice(0, 7);
    case 'year':
      return (literal.kind === 'year' || literal.kind === 'number') && literal.value === ref.value.slice(0, 4);
    default:
      return false;
  }
}
