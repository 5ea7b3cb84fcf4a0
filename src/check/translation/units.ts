import type { FactSheet, FigureRef, Inline, Section } from '../../model/fact-sheet.js';
import { figuresIn } from '../../model/figure-refs.js';
import { plainText } from '../../model/plain-text.js';
import { comparable } from '../../typography/index.js';
import type { Span } from '../../model/position.js';

/** A piece of text compared across languages: a title, a heading, a paragraph or a list item. */
export interface Unit {
  kind: 'title' | 'subtitle' | 'heading' | 'paragraph' | 'item';
  inlines: readonly Inline[];
  span: Span;
}

/** A block as aligned: a paragraph is one unit, a list is one unit per item. */
export interface AlignedBlock {
  type: 'paragraph' | 'list';
  units: Unit[];
  span: Span;
}

export function blocksOf(section: Section): AlignedBlock[] {
  return section.blocks.map((block) =>
    block.type === 'paragraph'
      ? { type: 'paragraph', units: [{ kind: 'paragraph', inlines: block.children, span: block.span }], span: block.span }
      : { type: 'list', units: block.items.map((item) => ({ kind: 'item' as const, inlines: item.children, span: item.span })), span: block.span },
  );
}

/** The stretch a run of inlines covers, or the fallback when it is empty. */
export function inlineSpan(inlines: readonly Inline[], fallback: Span): Span {
  const first = inlines[0];
  const last = inlines[inlines.length - 1];
  return first && last ? { start: first.span.start, end: last.span.end } : fallback;
}

export function headUnits(sheet: FactSheet, span: Span): Unit[] {
  const units: Unit[] = [{ kind: 'title', inlines: sheet.meta.title, span: inlineSpan(sheet.meta.title, span) }];
  if (sheet.meta.subtitle) units.push({ kind: 'subtitle', inlines: sheet.meta.subtitle, span: inlineSpan(sheet.meta.subtitle, span) });
  return units;
}

/** Every figure reference of a unit's inlines, in reading order. */
export function figuresOf(inlines: readonly Inline[]): FigureRef[] {
  return figuresIn(inlines);
}

/** Two references state the same thing when they name the same figure as a number (digits or words), as a date (month or year) or as its list of countries. */
export function figureKey(ref: FigureRef): string {
  return `${ref.id}/${ref.form === 'month' || ref.form === 'year' ? 'date' : ref.form === 'names' ? 'names' : 'value'}`;
}

export function describeRef(ref: FigureRef): string {
  return ref.form === 'number' ? `{{${ref.id}}}` : `{{${ref.form} ${ref.id}}}`;
}

/** Shared figure references of two runs of inlines, counted as multisets. */
export function sharedFigures(a: readonly Inline[], b: readonly Inline[]): number {
  return sharedCounts(figureCounts(a), figureCounts(b));
}

function figureCounts(inlines: readonly Inline[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ref of figuresOf(inlines)) counts.set(figureKey(ref), (counts.get(figureKey(ref)) ?? 0) + 1);
  return counts;
}

/** The size of the intersection of two multisets. */
export function sharedCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let shared = 0;
  for (const [key, count] of a) shared += Math.min(count, b.get(key) ?? 0);
  return shared;
}

/**
 * How alike two texts are in length, 0 to 1, once the translation's usual length
 * ratio to its original is taken out: the one signal two languages share when
 * neither figures nor numbers tell two paragraphs apart.
 */
export function lengthSimilarity(original: readonly Inline[], translation: readonly Inline[], ratio: number): number {
  return lengthSimilarityOf(textLength(original), textLength(translation), ratio);
}

export function lengthSimilarityOf(original: number, translation: number, ratio: number): number {
  const a = original + 1;
  const b = translation / ratio + 1;
  return Math.max(0, 1 - Math.abs(Math.log(b / a)));
}

/** Total text length of translation over original, the scale for lengthSimilarity. */
export function lengthRatio(original: readonly (readonly Inline[])[], translation: readonly (readonly Inline[])[]): number {
  const total = (runs: readonly (readonly Inline[])[]) => runs.reduce((sum, run) => sum + textLength(run), 0) + 1;
  return total(translation) / total(original);
}

/** The length of a run's text, typography set aside: French spaces and quote styles do not make a paragraph longer. */
export function textLength(inlines: readonly Inline[]): number {
  return comparable(plainText(inlines)).length;
}

/** A short quotation of a text for messages. */
export function excerpt(inlines: readonly Inline[], max = 60): string {
  const text = plainText(inlines).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
