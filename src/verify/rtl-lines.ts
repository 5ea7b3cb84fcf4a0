import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/*
 * A right-to-left PDF draws each line left to right as it is seen: pdf.js gives its text
 * items in that order, each item's own characters already put back in logical order
 * (its bidi pass reverses a run of Arabic or Hebrew glyphs). The items of such a line
 * are put back in reading order here: the line reversed, then each stretch of
 * left-to-right items (a number, a Latin name, a phone number with the spaces inside
 * it) turned back, since such a stretch reads left to right within the line.
 */

/** Whether an item reads left to right and is not only spaces or punctuation. */
function leftToRight(item: TextItem): boolean {
  return item.dir !== 'rtl' && /[\p{L}\p{N}]/u.test(item.str);
}

/** Whether `left` ends where `right` starts (within a point). */
function touches(left: TextItem, right: TextItem): boolean {
  return Math.abs(left.transform[4]! + left.width - right.transform[4]!) < 1;
}

/** A space pdf.js puts for a gap wider than a word space: between columns, not words. The size of the text is the neighbour's height (a space item may have none). */
function wide(item: TextItem, neighbour: TextItem): boolean {
  return item.width > Math.max(item.height, neighbour.height) * 1.5;
}

/** The items of one visual line in reading order, for a right-to-left line. */
export function logicalOrder(line: readonly TextItem[]): TextItem[] {
  const reversed = [...line].reverse();
  const out: TextItem[] = [];
  for (let i = 0; i < reversed.length; ) {
    if (!leftToRight(reversed[i]!)) {
      out.push(reversed[i++]!);
      continue;
    }
    // The stretch: left-to-right items, touching, and the spaces between two of them
    // (a gap between columns, as in a footer, ends it).
    let end = i + 1;
    for (let j = i + 1; j < reversed.length && touches(reversed[j]!, reversed[j - 1]!); j++) {
      if (leftToRight(reversed[j]!)) end = j + 1;
      else if (reversed[j]!.str.trim() !== '' || wide(reversed[j]!, reversed[j - 1]!)) break;
    }
    out.push(...reversed.slice(i, end).reverse());
    i = end;
  }
  return out;
}

/** Whether a line holds right-to-left text. */
export function hasRightToLeft(line: readonly TextItem[]): boolean {
  return line.some((item) => item.dir === 'rtl');
}

/**
 * The items of a left-to-right line holding right-to-left words, in reading order: each
 * stretch of right-to-left items (with the spaces between two of them) turned back.
 */
export function logicalOrderLtr(line: readonly TextItem[]): TextItem[] {
  const out: TextItem[] = [];
  for (let i = 0; i < line.length; ) {
    if (line[i]!.dir !== 'rtl') {
      out.push(line[i++]!);
      continue;
    }
    let end = i + 1;
    for (let j = i + 1; j < line.length && touches(line[j - 1]!, line[j]!); j++) {
      if (line[j]!.dir === 'rtl') end = j + 1;
      else if (line[j]!.str.trim() !== '' || wide(line[j]!, line[j - 1]!)) break;
    }
    out.push(...line.slice(i, end).reverse());
    i = end;
  }
  return out;
}
