/**
 * Maps each index of a parsed string back to an offset in the file it came from.
 * A parser's value drops characters of the raw text (backslash escapes, quotes,
 * indentation of continuation lines), so characters are matched in order; a
 * character with no raw counterpart (a decoded entity) takes the current offset.
 * The extra last entry is the end of the raw text.
 */
export function offsetMap(value: string, fileText: string, start: number, end: number): number[] {
  const raw = fileText.slice(start, end);
  if (raw === value) return Array.from({ length: value.length + 1 }, (_, i) => start + i);
  const map: number[] = new Array<number>(value.length + 1);
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const found = raw.indexOf(value[i]!, j);
    if (found === -1) {
      map[i] = start + j;
    } else {
      map[i] = start + found;
      j = found + 1;
    }
  }
  map[value.length] = end;
  return map;
}
