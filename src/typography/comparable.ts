/**
 * Text folded so that typography makes no difference when two texts are compared:
 * the spaces French puts before ; : ! ? and inside « » are dropped, every space is
 * one space, and every quote and apostrophe, straight or curly, in any language's
 * style, is a straight one. Both sides of a comparison are folded the same way:
 * a translation typed with "straight" quotes reads as one typed with “curly” ones,
 * and an output reads as the model it was rendered from.
 */
export function comparable(text: string): string {
  return foldQuotes(text)
    .replace(/\s+(?=[;:!?])/gu, '')
    .replace(/(?<=")\s+|\s+(?=")/gu, '')
    .replace(/\s+/gu, ' ');
}

/** Quotes and apostrophes of every style to straight ones, one character for one (offsets stay valid). */
export function foldQuotes(text: string): string {
  return text.replace(/[«»“”„‟‹›]/gu, '"').replace(/[‘’‚‛ʼ]/gu, "'");
}
