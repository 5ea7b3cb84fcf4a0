import type { TextChange } from '../model/diagnostic.js';
import { visibleText } from './visible-text.js';

/**
 * A change as two lines, the old text with what was removed in [-…-] and the new
 * text with what was added in {+…+}, the marks of `git diff --word-diff`.
 */
export function changeLines(change: TextChange): string[] {
  if (change.old === null) return [`new: ${visibleText(change.new)}`];
  const marked = (kind: 'added' | 'removed', open: string, close: string) =>
    change.parts
      .filter((p) => p.change !== (kind === 'added' ? 'removed' : 'added'))
      .map((p) => (p.change === kind ? `${open}${p.text}${close}` : p.text))
      .join('');
  const lines: string[] = [];
  if (change.old !== '') lines.push(`old: ${visibleText(marked('removed', '[-', '-]'))}`);
  if (change.new !== '') lines.push(`new: ${visibleText(marked('added', '{+', '+}'))}`);
  return lines;
}
