/**
 * Characters a terminal or an annotation viewer would act on rather than show:
 * C0 and C1 controls (ESC starts colour and cursor sequences), DEL, and the bidi
 * marks, embeddings, overrides and isolates that reorder the rest of the line.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from sources (messages quote it, paths name it) made safe to print: each such character as `\u{1b}`. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
