import { scriptOfLanguage, scriptRuns } from '../../model/script-fonts.js';
import type { FontFace, Template } from '../../model/template.js';
import { fontOf } from '../../parse/font-file.js';
import { glyphAnswers, noteGlyphFound } from '../../parse/font-facts.js';

/** A stretch of text drawn in one font: the main font (script null) or a script's. */
export interface FontRun {
  text: string;
  /** Offset of the run in the text it was cut from. */
  start: number;
  script: string | null;
  /** The pdfmake family name (the style's family name of that font). */
  family: string;
}

/**
 * The runs of a text by the font that draws them in the PDF: each script's font
 * (model/script-fonts.ts), except that a character the script's font lacks but the
 * main font has is drawn in the main font. `check` (glyph-coverage.ts) asks the same
 * function which font draws a character, so what it checks is what the PDF draws.
 */
export function fontRuns(template: Template, text: string, lang: string, face: FontFace): FontRun[] {
  const { style } = template;
  const runs: FontRun[] = [];
  const push = (script: string | null, start: number, end: number) => {
    const last = runs[runs.length - 1];
    if (last && last.script === script && last.start + last.text.length === start) last.text += text.slice(start, end);
    else runs.push({ text: text.slice(start, end), start, script, family: script === null ? style.fonts.family : style.fonts.scripts[script]!.family });
  };
  // A character of no script of its own (punctuation, digits) that the main font lacks,
  // such as the Arabic comma after a Latin name, is drawn by a script font that has it:
  // the language's own first.
  const own = scriptOfLanguage(style, lang);
  const others = Object.keys(style.fonts.scripts).sort((a, b) => Number(b === own) - Number(a === own));
  for (const run of scriptRuns(style, text, lang)) {
    if (run.script === null) {
      for (let at = run.start; at < run.end; ) {
        const char = String.fromCodePoint(text.codePointAt(at)!);
        const instead = hasGlyph(template.fonts[face], char) ? undefined : others.find((script) => hasGlyph(template.scriptFonts[script]![face], char));
        push(instead ?? null, at, at + char.length);
        at += char.length;
      }
      continue;
    }
    const drawing = template.scriptFonts[run.script]![face];
    for (let at = run.start; at < run.end; ) {
      const char = String.fromCodePoint(text.codePointAt(at)!);
      const fallsBack = !hasGlyph(drawing, char) && hasGlyph(template.fonts[face], char);
      push(fallsBack ? null : run.script, at, at + char.length);
      at += char.length;
    }
  }
  return runs;
}

/** The bytes of the face that draws a run. */
export function faceBytes(template: Template, script: string | null, face: FontFace): Uint8Array {
  return script === null ? template.fonts[face] : template.scriptFonts[script]![face];
}

/** Each font's answers (font-facts.ts), by bytes object: asked for every character a PDF draws. */
const coverage = new WeakMap<Uint8Array, Map<string, boolean>>();

/**
 * Whether pdfkit draws `char` with a real glyph of a font rather than .notdef.
 * fontkit's layout is what pdfkit encodes text with: it already turns
 * default-ignorable characters (soft hyphen, joiners) into an invisible space, so
 * only real gaps count. Line breaks and other control characters are layout.
 */
export function hasGlyph(bytes: Uint8Array, char: string): boolean {
  if (char.codePointAt(0)! < 0x20) return true;
  let known = coverage.get(bytes);
  if (!known) coverage.set(bytes, (known = glyphAnswers(bytes)));
  let has = known.get(char);
  if (has === undefined) {
    const font = fontOf(bytes);
    // The character map answers for almost every character; layout only for those it lacks.
    has = font.hasGlyphForCodePoint(char.codePointAt(0)!) || !font.layout(char).glyphs.some((glyph) => glyph.id === 0);
    known.set(char, has);
    noteGlyphFound();
  }
  return has;
}
