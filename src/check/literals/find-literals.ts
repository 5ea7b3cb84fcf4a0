import { findDates, findNumbers, phoneLikeRuns, rulesFor } from './digits.js';
import { findDecades } from './decades.js';
import { baseLanguage, type Literal } from './literal.js';
import { markersOf } from './markers.js';
import { findOrdinals } from './ordinals.js';
import { asPercent, percentWordSpans } from './percent.js';
import { findRomanNumbers } from './roman.js';
import { findNumberWords } from './words.js';

/**
 * Numbers typed literally in fact sheet text, in every form a language writes them.
 *
 * Registry figures belong in references (`{{partners.total}}`), but authors sometimes type
 * them. To compare the numbers typed in the original and in each translation, and to spot a
 * typed number that equals a registry figure, this finds in plain text of one language:
 * numbers, years and month-year dates in digits (digits.ts), decades (decades.ts), centuries
 * and ordinals (ordinals.ts), Roman numerals (roman.ts), numbers in words (words.ts) and
 * percentages (percent.ts), each with a kind and a normalised value, so that "1990s" and
 * "années quatre-vingt-dix" both read decade 1990, "21st-century" and "XXIe siècle" century
 * 21, "sept" and "seven" number 7. Each module documents the choices it makes on ambiguous text.
 *
 * Readers claim the text they read, most specific first (dates, decades, centuries,
 * ordinals, Roman numerals, digits, words), so no character is read twice. A range
 * ("2010–2012", "de 2010 à 2012", "from 2010 to 2012") is read as its two ends, which compare
 * one by one.
 */
export function findLiterals(text: string, lang: string): Literal[] {
  const rules = rulesFor(lang);
  const markers = markersOf(baseLanguage(lang));
  const blocks = phoneLikeRuns(text);
  const literals = findDates(text, rules, blocks);
  literals.push(...findDecades(text, lang, markers, blocks));
  literals.push(...findOrdinals(text, lang, markers, blocks));
  literals.push(...findRomanNumbers(text, blocks));
  literals.push(...findNumbers(text, rules, blocks));
  blocks.push(...percentWordSpans(text, markers));
  literals.push(...findNumberWords(text, lang, blocks));
  return literals.map((literal) => asPercent(text, literal, markers)).sort((a, b) => a.start - b.start);
}

/**
 * The text a literal is shown as in messages, e.g. `7 000`, `novembre 2010`: what was written,
 * with each whitespace run (no-break, narrow no-break, thin, line break) shown as one plain
 * space, because those are invisible or garbled in terminals and logs.
 */
export function describeLiteral(literal: Literal): string {
  return literal.raw.replace(/\s+/g, ' ');
}
