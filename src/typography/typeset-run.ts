import type { Inline, Text } from '../model/fact-sheet.js';
import { plainText } from '../model/plain-text.js';
import { walkInlines } from '../model/walk-inlines.js';
import { NARROW_NBSP, type LanguageTypography } from './conventions.js';

/**
 * One character of a run as typography sees it. Only characters of text nodes are
 * `editable`; figure texts, superscripts, line breaks, URLs, e-mail addresses and
 * link texts that spell their own target are read as context and never changed.
 */
interface Cell {
  ch: string;
  /** The text node the character belongs to (inserted characters join a neighbour's). */
  node: Text | null;
  editable: boolean;
  /** The last character of a figure's text. */
  figureEnd: boolean;
}

const SPACE = /^[ \u00a0\u202f\u2009\t]$/;
const WORD = /^[\p{L}\p{N}]$/u;
/** Characters after which a straight double quote opens a quotation. */
const OPENING_CONTEXT = /^[\s([{\u2014\u2013/-]$/u;
/** A bare address in running text: left exactly as typed. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"«»“”„]+|[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const FRENCH_PUNCTUATION = /^[;:!?]$/;

/**
 * Applies a language's typography to one run of inlines (a title, heading, paragraph
 * or list item) in place: the text nodes get their new values, every other node is
 * left as it is. The run is read as one text so that a quote or a colon sees the
 * characters around it across markup ("« **mot** »").
 */
export function typesetRun(inlines: readonly Inline[], conventions: LanguageTypography): void {
  // A figure's text is typeset on its own first (the apostrophe of "l'Iraq" in a list of
  // countries); in the run it is then context only, so its text stays whole.
  for (const node of walkInlines(inlines)) if (node.type === 'figure') node.text = typesetAlone(node.text, conventions);
  const cells = cellsOf(inlines);
  let out = straightQuotes(cells, conventions);
  if (conventions.frenchSpacing) out = frenchSpaces(out);
  out = abbreviationStops(out);
  const values = new Map<Text, string>();
  for (const cell of out) if (cell.node) values.set(cell.node, (values.get(cell.node) ?? '') + cell.ch);
  for (const node of walkInlines(inlines)) if (node.type === 'text') node.value = values.get(node) ?? '';
}

function typesetAlone(text: string, conventions: LanguageTypography): string {
  const point = { line: 1, column: 1, offset: 0 };
  const node: Text = { type: 'text', value: text, span: { start: point, end: point } };
  typesetRun([node], conventions);
  return node.value;
}

function cellsOf(inlines: readonly Inline[]): Cell[] {
  // A link whose text is its own address (an autolink) is an address, not prose.
  const addresses = new Set<Inline>();
  for (const node of walkInlines(inlines)) {
    if (node.type !== 'link') continue;
    const text = plainText(node.children);
    if (text === node.url || `mailto:${text}` === node.url) for (const inner of walkInlines(node.children)) addresses.add(inner);
  }
  const cells: Cell[] = [];
  const fixed = (text: string, figureEnd = false) => {
    const chars = [...text];
    chars.forEach((ch, i) => cells.push({ ch, node: null, editable: false, figureEnd: figureEnd && i === chars.length - 1 }));
  };
  for (const node of walkInlines(inlines)) {
    if (node.type === 'text') for (const ch of node.value) cells.push({ ch, node, editable: !addresses.has(node), figureEnd: false });
    else if (node.type === 'figure') fixed(node.text, true);
    else if (node.type === 'superscript') fixed(node.value);
    else if (node.type === 'break') fixed('\n');
  }
  const joined = cells.map((c) => c.ch);
  const text = joined.join('');
  // Map string offsets (UTF-16) back to cells (code points).
  const cellAt: number[] = [];
  joined.forEach((ch, i) => {
    for (let k = 0; k < ch.length; k++) cellAt.push(i);
  });
  for (const match of text.matchAll(ADDRESS)) {
    for (let k = match.index; k < match.index + match[0].length; k++) cells[cellAt[k]!]!.editable = false;
  }
  return cells;
}

interface OpenQuote {
  close: string;
  single: boolean;
}

/**
 * Straight quotes become the language's: a double quote opens after a space, an
 * opening bracket or dash (or at the start) and closes otherwise; a quotation inside
 * a quotation takes the inner pair. A single quote between or after letters is an
 * apostrophe unless it closes a single quotation; before a word it opens one only
 * when a closing single quote follows, or it is an elision ("’90s").
 */
function straightQuotes(cells: Cell[], conventions: LanguageTypography): Cell[] {
  const [outer, inner] = conventions.quotes;
  const stack: OpenQuote[] = [];
  const pairAt = (depth: number) => (depth % 2 === 0 ? outer : inner);
  return cells.map((cell, i) => {
    const prev = cells[i - 1]?.ch;
    const next = cells[i + 1]?.ch;
    if (!cell.editable) return cell;
    if (cell.ch === '"') {
      const openContext = prev === undefined || OPENING_CONTEXT.test(prev) || isOpener(prev, conventions);
      const nextBlank = next === undefined || /^\s$/u.test(next);
      const innermost = findLast(stack, (q) => !q.single);
      if (openContext && !nextBlank) {
        const pair = pairAt(stack.length);
        stack.push({ close: pair[1], single: false });
        return { ...cell, ch: pair[0] };
      }
      if (innermost >= 0) return { ...cell, ch: stack.splice(innermost)[0]!.close };
      return { ...cell, ch: outer[1] };
    }
    if (cell.ch === "'") {
      const wordBefore = prev !== undefined && WORD.test(prev);
      const wordAfter = next !== undefined && WORD.test(next);
      if (wordBefore && wordAfter) return { ...cell, ch: conventions.apostrophe };
      if (!wordAfter && stack.at(-1)?.single) return { ...cell, ch: stack.pop()!.close };
      if (!wordBefore && wordAfter && closesLater(cells, i)) {
        const pair = pairAt(stack.length === 0 ? 1 : stack.length);
        stack.push({ close: pair[1], single: true });
        return { ...cell, ch: pair[0] };
      }
      return { ...cell, ch: conventions.apostrophe };
    }
    // Quotes typed curly take part in the nesting of the straight ones around them.
    if (isOpener(cell.ch, conventions)) stack.push({ close: conventions.quotes.find((q) => q[0] === cell.ch)![1], single: false });
    else if (stack.length > 0 && stack.at(-1)!.close === cell.ch) stack.pop();
    return cell;
  });
}

function isOpener(ch: string, conventions: LanguageTypography): boolean {
  return conventions.quotes.some(([open, close]) => open === ch && open !== close);
}

/** Whether a straight single quote after `from` stands where a quotation closes (after a word, not before one). */
function closesLater(cells: readonly Cell[], from: number): boolean {
  for (let i = from + 1; i < cells.length; i++) {
    if (cells[i]!.ch !== "'" || !cells[i]!.editable) continue;
    const prev = cells[i - 1]!.ch;
    const next = cells[i + 1]?.ch;
    if (!/^\s$/u.test(prev) && (next === undefined || !WORD.test(next))) return true;
  }
  return false;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/**
 * French spacing: a narrow no-break space before ; : ! ? and », and after «, whatever
 * was typed there (a space, a no-break space, nothing). Punctuation glued to what
 * follows is not prose punctuation and is left alone ("14:30", "https://", "?id=3");
 * in a run of them ("?!") only the first takes the space.
 */
function frenchSpaces(cells: readonly Cell[]): Cell[] {
  const out: Cell[] = [];
  /** The space typed after «, dropped once the text after it is known. */
  let afterGuillemet: Cell | null = null;
  const dropSpacesBefore = () => {
    while (out.length > 0 && out.at(-1)!.editable && SPACE.test(out.at(-1)!.ch)) out.pop();
  };
  const space = (owner: Cell): Cell => ({ ch: NARROW_NBSP, node: owner.node, editable: true, figureEnd: false });
  cells.forEach((cell, i) => {
    if (afterGuillemet) {
      if (cell.editable && SPACE.test(cell.ch)) return;
      // An empty « » keeps one space only.
      if (!(cell.editable && cell.ch === '»')) out.push(space(afterGuillemet));
      afterGuillemet = null;
    }
    if (!cell.editable) {
      out.push(cell);
      return;
    }
    const next = cells[i + 1]?.ch;
    const freeStanding = next === undefined || /^\s$/u.test(next) || FRENCH_PUNCTUATION.test(next) || /^[»”)\]]$/.test(next);
    if ((FRENCH_PUNCTUATION.test(cell.ch) && freeStanding) || cell.ch === '»') {
      dropSpacesBefore();
      const prev = out.at(-1)?.ch;
      const glued = prev === undefined || (FRENCH_PUNCTUATION.test(cell.ch) && FRENCH_PUNCTUATION.test(prev)) || /^[(\[«]$/.test(prev) || prev === '\n';
      if (!glued || (cell.ch === '»' && prev === '«')) out.push(space(cell));
      out.push(cell);
      return;
    }
    out.push(cell);
    if (cell.ch === '«' && i < cells.length - 1) afterGuillemet = cell;
  });
  return out;
}

/** A full stop right after a figure whose text ends with one ("1994 г.", "p.") is not doubled. */
function abbreviationStops(cells: readonly Cell[]): Cell[] {
  return cells.filter((cell, i) => {
    if (!cell.editable || cell.ch !== '.') return true;
    const prev = cells[i - 1];
    const next = cells[i + 1];
    // An ellipsis after the figure stays whole.
    return !(prev?.figureEnd && prev.ch === '.' && next?.ch !== '.');
  });
}
