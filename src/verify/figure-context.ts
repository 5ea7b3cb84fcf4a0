import type { FactSheet, FigureRef, Inline } from '../model/fact-sheet.js';
import { textRunsOf } from '../model/figure-refs.js';

/** What the model has right before and after one figure occurrence, within its block. */
export interface FigureContext {
  /** The character before the figure's text, or null at the start of a title, heading, paragraph or list item. */
  before: string | null;
  /** The character after it, or null at the end. */
  after: string | null;
}

/**
 * The neighbouring characters of every figure occurrence of a sheet, by occurrence. Each
 * title, subtitle, heading, paragraph and list item is read on its own, as its text is
 * (a line break reads as a newline, a superscript as its letters).
 */
export function figureContexts(sheet: FactSheet): Map<FigureRef, FigureContext> {
  const contexts = new Map<FigureRef, FigureContext>();
  const block = (inlines: readonly Inline[]): void => {
    const pieces: (string | FigureRef)[] = [];
    flatten(inlines, pieces);
    pieces.forEach((piece, i) => {
      if (typeof piece === 'string') return;
      contexts.set(piece, { before: lastChar(pieces, i), after: firstChar(pieces, i) });
    });
  };
  for (const run of textRunsOf(sheet)) block(run);
  return contexts;
}

function flatten(inlines: readonly Inline[], pieces: (string | FigureRef)[]): void {
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
      case 'superscript':
        pieces.push(node.value);
        break;
      case 'break':
        pieces.push('\n');
        break;
      case 'figure':
        pieces.push(node);
        break;
      default:
        flatten(node.children, pieces);
    }
  }
}

function lastChar(pieces: readonly (string | FigureRef)[], at: number): string | null {
  for (let i = at - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    const text = typeof piece === 'string' ? piece : piece.text;
    if (text) return [...text].at(-1)!;
  }
  return null;
}

function firstChar(pieces: readonly (string | FigureRef)[], at: number): string | null {
  for (let i = at + 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const text = typeof piece === 'string' ? piece : piece.text;
    if (text) return String.fromCodePoint(text.codePointAt(0)!);
  }
  return null;
}
