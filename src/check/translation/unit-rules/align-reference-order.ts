import { diagnostic } from '../../../model/diagnostic.js';
import type { FigureRef } from '../../../model/fact-sheet.js';
import { parseExpressions } from '../../../parse/expressions.js';
import { describeRef, figureKey, figuresOf } from '../units.js';
import { unitName, type UnitRule } from './unit-rule.js';

/**
 * The same references as the original's paragraph or item, in another order: "five,
 * then two" read as "two, then five" swaps what each number says. An error, since it
 * publishes a wrong statement with every figure right; but languages may reorder on
 * purpose, so an order the last review recorded (in both the original and the
 * translation as reviewed) is accepted, and mark-reviewed is not refused for it.
 */
export const alignReferenceOrder: UnitRule = {
  id: 'align-reference-order',
  severity: 'error',
  description: "a paragraph or item with the original's references in another order, unless its last review recorded that order",
  check(pair) {
    const original = figuresOf(pair.original.inlines);
    const translation = figuresOf(pair.translation.inlines);
    const keys = { original: original.map(figureKey), translation: translation.map(figureKey) };
    if (sameSequence(keys.original, keys.translation) || !sameSequence([...keys.original].sort(), [...keys.translation].sort())) return [];
    const review = pair.review;
    if (review && sameSequence(keysThen(review.originalThen(pair.original)), keys.original) && sameSequence(keysThen(review.translationThen(pair.translation)), keys.translation)) return [];
    const first = translation[keys.translation.findIndex((key, i) => key !== keys.original[i])]!;
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

function orderOf(refs: FigureRef[]): string {
  return refs.map(describeRef).join(', ');
}

/** The references of a unit as it was written when reviewed, by what they state; null (not reviewed) matches no order. */
function keysThen(text: string | null): string[] | null {
  if (text === null) return null;
  return parseExpressions(text).flatMap((segment) => (segment.kind === 'reference' ? [figureKey({ type: 'figure', id: segment.id, form: segment.form, value: '', text: '', span: NOWHERE })] : []));
}

const NOWHERE = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

function sameSequence(a: readonly string[] | null, b: readonly string[]): boolean {
  return a !== null && a.length === b.length && a.every((key, i) => key === b[i]);
}
