import type { Inline } from './fact-sheet.js';

/**
 * Every inline node of a run in reading order, nested ones included: the one walk
 * over inline trees. It keeps its own stack rather than recursing, so the depth of
 * the input never matters.
 */
export function* walkInlines(inlines: readonly Inline[]): Generator<Inline> {
  const stack: Array<{ nodes: readonly Inline[]; next: number }> = [{ nodes: inlines, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.nodes.length) {
      stack.pop();
      continue;
    }
    const node = top.nodes[top.next++]!;
    yield node;
    if ('children' in node) stack.push({ nodes: node.children, next: 0 });
  }
}
