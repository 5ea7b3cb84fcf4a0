import type { Node } from './paragraph.js';

/** The fewest lines of a paragraph that may stand alone at the foot or the head of a page. */
const KEEP = 2;

/**
 * A paragraph whose lines are set here (a stack of line nodes, paragraph.ts), grouped so
 * that pdfmake never leaves its first line alone at the foot of a page (an orphan) nor
 * its last line alone at the head of the next (a widow): the first two and the last two
 * lines are each one unbreakable block, and a paragraph too short to split on both sides
 * moves whole. Anything else (a text pdfmake breaks itself) is returned as it is.
 */
export function keepLines(node: Record<string, unknown>): Record<string, unknown> {
  const lines = node.stack;
  if (!Array.isArray(lines) || lines.length < 2) return node;
  if (lines.length < 2 * KEEP + 1) return { ...node, unbreakable: true };
  const stack: Node[] = [{ stack: lines.slice(0, KEEP), unbreakable: true }, ...(lines.slice(KEEP, -KEEP) as Node[]), { stack: lines.slice(-KEEP), unbreakable: true }];
  return { ...node, stack };
}
