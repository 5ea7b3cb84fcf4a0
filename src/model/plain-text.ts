import type { Inline } from './fact-sheet.js';
import { walkInlines } from './walk-inlines.js';

/** The text a run of inlines reads as, without markup. */
export function plainText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of walkInlines(inlines)) {
    switch (node.type) {
      case 'text':
      case 'superscript':
        out += node.value;
        break;
      case 'figure':
        out += node.text;
        break;
      case 'break':
        out += '\n';
        break;
    }
  }
  return out;
}
