import type { FactSheet } from '../model/fact-sheet.js';
import type { Span } from '../model/position.js';
import { textRunsOf } from '../model/figure-refs.js';
import { plainText } from '../model/plain-text.js';
import { foldSpaces } from './find-in-order.js';
import { comparable } from '../typography/index.js';

/**
 * The first text block of the sheet (title, headings, paragraphs, list items, in reading
 * order) that the output text does not hold after the previous one, with where the source
 * has it, or null when it holds them all: a page whose template dropped, repeated out of
 * order or mangled a block does not say what the model says, even when every figure is
 * there. Typography is folded on both sides (quotes, French spaces), so only words and
 * their order count.
 */
export function firstMissingBlock(sheet: FactSheet, outputText: string): { text: string; span: Span } | null {
  const text = foldSpaces(comparable(outputText));
  let from = 0;
  for (const run of textRunsOf(sheet)) {
    const block = foldSpaces(comparable(plainText(run))).trim();
    if (block === '') continue;
    const at = text.indexOf(block, from);
    // Where the source has the block: from its first inline to its last.
    if (at < 0) return { text: block, span: { start: run[0]!.span.start, end: run[run.length - 1]!.span.end } };
    from = at + block.length;
  }
  return null;
}
