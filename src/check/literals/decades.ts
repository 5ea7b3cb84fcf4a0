import { overlaps, pattern, type Literal, type Span } from './literal.js';
import type { Markers } from './markers.js';
import { numberAt, wordTable, wordsOf, type Word } from './words.js';

/**
 * Decades: en "1990s", "1990's"; fr "années 1990", "années 90", "années quatre-vingt-dix";
 * de "1990er", "90er Jahre"; ru "1990-е", "90-е годы"; uk "1990-ті". The value is the first
 * year ("1990"). A decade written with two digits or in words is taken to be of the
 * twentieth century ("années 20" is the 1920s): the 2020s are written in full.
 * Residual: en "the nineties", "the '90s" are not read.
 */
const SPACES = '[\\s\\u00A0\\u202F]+';

export function findDecades(text: string, lang: string, markers: Markers, blocks: Span[]): Literal[] {
  const literals: Literal[] = [];
  const add = (start: number, end: number, year: number, written: 'digits' | 'words' = 'digits') => {
    if (overlaps(blocks, start, end)) return;
    literals.push({ kind: 'decade', value: String(year), raw: text.slice(start, end), start, end, written });
    blocks.push([start, end]);
  };
  for (const source of markers.decadeAfter ?? []) {
    for (const match of text.matchAll(pattern(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'giu'))) {
      const { full, short } = match.groups ?? {};
      add(match.index, match.index + match[0].length, full !== undefined ? Number(full) : 1900 + Number(short));
    }
  }
  if (markers.decadeWord && markers.decadeTens) {
    // A decade written as one word from its tens (ar "تسعينيات"): of the twentieth century, as two-digit decades are.
    for (const match of text.matchAll(pattern(`(?<![\\p{L}\\p{N}_])(?:${markers.decadeWord})(?![\\p{L}\\p{N}_])`, 'gu'))) {
      const tens = markers.decadeTens[match.groups?.tens ?? ''];
      if (tens !== undefined) add(match.index, match.index + match[0].length, 1900 + tens, 'words');
    }
  }
  if (markers.decadeBefore) {
    const table = wordTable(lang);
    let words: Word[] | undefined;
    let wordAt: Map<number, number> | undefined;
    for (const match of text.matchAll(pattern(`(?<![\\p{L}\\p{N}_])(?:${markers.decadeBefore})${SPACES}`, 'giu'))) {
      const at = match.index + match[0].length;
      const digits = /^(?:(?<full>[12][0-9]{2}0)|(?<short>[1-9]0))(?![\p{L}\p{N}_])/u.exec(text.slice(at));
      if (digits) {
        const { full, short } = digits.groups ?? {};
        add(match.index, at + digits[0].length, full !== undefined ? Number(full) : 1900 + Number(short));
        continue;
      }
      words ??= wordsOf(text);
      wordAt ??= new Map(words.map((word, index) => [word.start, index]));
      const first = wordAt.get(at) ?? -1;
      const found = table && first >= 0 ? numberAt(text, words, first, table.cardinals, table.maxWords) : null;
      if (found && found[0] % 10 === 0 && found[0] >= 10 && found[0] <= 90) add(match.index, words[first + found[1] - 1]!.end, 1900 + found[0], 'words');
    }
  }
  return literals;
}
