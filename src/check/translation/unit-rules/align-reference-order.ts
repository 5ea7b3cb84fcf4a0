import { diagnostic } from '../../../model/diagnostic.js';
import type { FigureRef } from '../../../model/fact-sheet.js';
import { parseExpressions } from '../../../parse/expressions.js';
import { describeRef, figureKey, figuresOf } from '../units.js';
import { unitName, type UnitRule } from './unit-rule.js';

/**
 * The same references as the original's paragraph or item, in another order: "five,
 * then two" read as "two, then five" swaps what each number says. Only references of
 * one kind (numbers, dates, lists of names) are compared with each other: a month
 * moved before a count cannot be read as the count. An error, since it publishes a
 * wrong statement with every figure right; but languages may reorder on purpose, so
 * an order the last review recorded (the units of the original and of the translation
 * in this order as reviewed) is accepted, and mark-reviewed is not refused for it.
 */
export const alignReferenceOrder: UnitRule = {
  id: 'align-reference-order',
  severity: 'error',
  description: "a paragraph or item with the original's references in another order, unless its last review recorded that order",
  check(pair) {
    const original = figuresOf(pair.original.inlines);
    const translation = figuresOf(pair.translation.inlines);
    const keys = { original: original.map(figureKey), translation: translation.map(figureKey) };
    if (sameOrder(keys.original, keys.translation) || !sameSequence([...keys.original].sort(), [...keys.translation].sort())) return [];
    const review = pair.review;
    if (review && sameOrder(keysThen(review.originalThen(pair.original)), keys.original) && sameOrder(keysThen(review.translationThen(pair.translation)), keys.translation)) return [];
    const first = translation[firstOutOfOrder(keys.original, keys.translation)]!;
    const accept = review ? `; if this order is intended, review it and run "${review.markReviewed}"` : '';
    return [
      diagnostic(
        this.severity,
        this.id,
        pair.inTranslation(first.span),
        `references in another order than the ${pair.lang} original: ${orderOf(translation)} here, ${orderOf(original)} there${accept}`,
        [{ location: pair.inOriginal(pair.original.span), message: `the matching ${unitName(pair.original)} of the original` }],
      ),
    ];
  },
};

/** What a reference states: a number, a date or a list of names (the end of its figureKey). */
function kindOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** The references of each kind in reading order, kinds apart: two orders are the same when these are. */
function byKind(keys: readonly string[]): string[] {
  return [...keys].map((key, i) => ({ key, i })).sort((a, b) => (kindOf(a.key) < kindOf(b.key) ? -1 : kindOf(a.key) > kindOf(b.key) ? 1 : a.i - b.i)).map((k) => k.key);
}

function sameOrder(a: readonly string[] | null, b: readonly string[]): boolean {
  return a !== null && sameSequence(byKind(a), byKind(b));
}

/** The index, in the translation, of the first reference that stands where its kind's sequence in the original has another. */
function firstOutOfOrder(original: readonly string[], translation: readonly string[]): number {
  const seen = new Map<string, number>();
  const ofKind = (keys: readonly string[], kind: string) => keys.filter((key) => kindOf(key) === kind);
  return translation.findIndex((key) => {
    const kind = kindOf(key);
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    return ofKind(original, kind)[n] !== key;
  });
}

function orderOf(refs: FigureRef[]): string {
  return refs.map(describeRef).join(', ');
}

/** The references of a unit as it was written when reviewed, by what they state; null (not reviewed) matches no order. */
function keysThen(text: string | null): string[] | null {
  if (text === null) return null;
  return parseExpressions(text).flatMap((segment) => (segment.kind === 'reference' ? [figureKey({ type: 'figure', id: segment.id, form: segment.form, value: '', text: '', span: NOWHERE })] : []));
}

const NOWHERE = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
