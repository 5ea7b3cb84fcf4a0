/**
 * Characters that no output can carry: C0 controls other than tab and line feed
 * (carriage returns are normalized away before this runs), DEL, the C1 controls,
 * and the Unicode noncharacters (U+FDD0-U+FDEF and the last two code points of
 * every plane). XML 1.0 forbids most of them, so a Word document or an XHTML
 * reader breaks on them, and PDF text shows them as boxes.
 */
const UNPUBLISHABLE = new RegExp(
  `[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${Array.from({ length: 16 }, (_, i) => {
    const plane = (i + 1).toString(16).toUpperCase();
    return `\\u{${plane}FFFE}\\u{${plane}FFFF}`;
  }).join('')}]`,
  'gu',
);

/** Offsets (in UTF-16 code units) and code points of every such character in a text. */
export function unpublishableCharacters(text: string): Array<{ offset: number; codePoint: number }> {
  return [...text.matchAll(UNPUBLISHABLE)].map((match) => ({ offset: match.index, codePoint: match[0].codePointAt(0)! }));
}

/** "U+0000 (NUL)", "U+FFFE": how a message names a character. */
export function describeCodePoint(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  if (codePoint === 0) return `${hex} (NUL)`;
  return hex;
}

export function isNoncharacter(codePoint: number): boolean {
  return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
}
