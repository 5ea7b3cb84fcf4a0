import { pattern, type Literal, type Span } from './literal.js';
import type { Markers } from './markers.js';

/**
 * Percentages: a number followed by "%" (or the Arabic "٪"), with or without a space, or by
 * the language's words ("per cent", "pour cent", "Prozent", "процентов"). The value is the
 * number; the sign or words are kept as the literal's unit.
 */
const SIGN = /^[\s\u00A0\u202F\u2009]*[%\u066A]/u;

function wordsAfter(markers: Markers): RegExp | null {
  return markers.percent ? pattern(`^[\\s\\u00A0\\u202F]+(?:${markers.percent})(?![\\p{L}\\p{N}_])`, 'iu') : null;
}

/** Where the percent words stand: never numbers ("cent" of "pour cent" is not 100). */
export function percentWordSpans(text: string, markers: Markers): Span[] {
  if (!markers.percent) return [];
  return [...text.matchAll(pattern(`(?<![\\p{L}\\p{N}_])(?:${markers.percent})(?![\\p{L}\\p{N}_])`, 'giu'))].map((m) => [m.index, m.index + m[0].length] as const);
}

/** The literal as a percentage when a percent sign or words follow it; the literal itself otherwise. */
export function asPercent(text: string, literal: Literal, markers: Markers): Literal {
  if (literal.kind !== 'number') return literal;
  const rest = text.slice(literal.end);
  const unit = SIGN.exec(rest)?.[0] ?? wordsAfter(markers)?.exec(rest)?.[0];
  if (unit === undefined) return literal;
  const end = literal.end + unit.length;
  return { ...literal, kind: 'percent', raw: text.slice(literal.start, end), end, unit };
}
