import type { FontFace, TemplateStyle } from './template.js';

/**
 * Fonts by script. A template's style.yaml names its main font under `fonts`
 * (family, files, word, css) and, under `fonts.scripts`, a font for each other
 * script it can draw, by Unicode script name:
 *
 *     fonts:
 *       family: Source Sans 3          # the main font: Latin, and every script not listed
 *       files: { normal: ..., bold: ..., italics: ..., bolditalics: ... }
 *       word: Source Sans 3
 *       css: '"Source Sans 3", sans-serif'
 *       scripts:
 *         Arabic:                      # Unicode script name (\p{Script=Arabic})
 *           family: Noto Sans Arabic
 *           files: { normal: ..., bold: ... }   # italics fall back to normal, bold italics to bold
 *           word: Noto Sans Arabic
 *           css: '"Noto Sans Arabic", sans-serif'
 *       languages:
 *         ar: Arabic                   # optional: the script whose font is a language's own
 *
 * A character is drawn in the font of its script; characters every script shares
 * (digits, spaces, punctuation) take the script of the text around them, and failing
 * that the language's own script. A font that lacks a character falls back to the
 * main font. The PDF chooses a font per run of text this way; Word (w:rFonts w:cs)
 * and CSS ask `fontForLanguage` for a language's own font.
 */

/** A font for one script, as style.yaml names it; `files` has every face, the missing ones filled by fallback. */
export interface ScriptFont {
  family: string;
  files: Record<FontFace, string>;
  word: string;
  css: string;
}

/** What a renderer needs to name a font: the PDF family, the Word font name, the CSS stack. */
export interface FontChoice {
  /** The Unicode script whose font this is, or null for the main font. */
  script: string | null;
  family: string;
  word: string;
  css: string;
}

/** The faces a script font may leave out, and the face drawn instead. */
export const FACE_FALLBACK: Record<FontFace, FontFace | null> = { normal: null, bold: 'normal', italics: 'normal', bolditalics: 'bold' };

/** ISO 15924 codes (Intl.Locale's likely script) to Unicode script names, for the scripts templates name. */
const SCRIPT_NAMES: Record<string, string> = {
  Latn: 'Latin', Grek: 'Greek', Cyrl: 'Cyrillic', Arab: 'Arabic', Hebr: 'Hebrew', Armn: 'Armenian', Geor: 'Georgian',
  Deva: 'Devanagari', Thai: 'Thai', Hans: 'Han', Hant: 'Han', Jpan: 'Han', Kore: 'Hangul', Ethi: 'Ethiopic', Syrc: 'Syriac', Thaa: 'Thaana',
};

/** The font of a script: its own when the template names one, else the main font. */
export function fontForScript(style: TemplateStyle, script: string | null): FontChoice {
  const own = script === null ? undefined : style.fonts.scripts[script];
  if (own) return { script, family: own.family, word: own.word, css: own.css };
  return { script: null, family: style.fonts.family, word: style.fonts.word, css: style.fonts.css };
}

const ownScripts = new WeakMap<TemplateStyle, Map<string, string | null>>();

/** A language's own script: the one style.yaml gives it, else its likely script ("ar" → Arabic). */
export function scriptOfLanguage(style: TemplateStyle, lang: string): string | null {
  // Asked for every run of text a renderer sets, and Intl.Locale's maximize() is slow: remembered per style.
  let known = ownScripts.get(style);
  if (!known) ownScripts.set(style, (known = new Map()));
  let script = known.get(lang);
  if (script === undefined) known.set(lang, (script = likelyScript(style, lang)));
  return script;
}

function likelyScript(style: TemplateStyle, lang: string): string | null {
  const named = style.fonts.languages[lang] ?? style.fonts.languages[lang.split('-')[0]!];
  if (named) return named;
  try {
    const code = new Intl.Locale(lang).maximize().script;
    return code ? (SCRIPT_NAMES[code] ?? null) : null;
  } catch {
    return null;
  }
}

/** The font a language's text is set in (Word's complex-script font, the page's CSS stack). */
export function fontForLanguage(style: TemplateStyle, lang: string): FontChoice {
  return fontForScript(style, scriptOfLanguage(style, lang));
}

const scriptTests = new Map<string, RegExp>();

/** Whether a name is a Unicode script JavaScript knows (`\p{Script=...}`). */
export function isScriptName(name: string): boolean {
  return scriptTest(name) !== null;
}

function scriptTest(name: string): RegExp | null {
  let test = scriptTests.get(name);
  if (test === undefined) {
    try {
      test = new RegExp(`^\\p{Script=${name}}$`, 'u');
    } catch {
      return null;
    }
    scriptTests.set(name, test);
  }
  return test;
}

/** A stretch of text drawn in one script's font. */
export interface ScriptRun {
  /** The template script whose font draws it, or null for the main font. */
  script: string | null;
  start: number;
  end: number;
}

/**
 * Splits a text into runs by the template's scripts: a character of a script the
 * template names goes to that script's font, any other letter to the main font, and
 * shared characters (digits, spaces, punctuation, marks) join the run before them, or
 * at the start the run after them, or in a text of shared characters alone the
 * language's own script.
 */
export function scriptRuns(style: TemplateStyle, text: string, lang: string): ScriptRun[] {
  const names = Object.keys(style.fonts.scripts);
  const own = scriptOfLanguage(style, lang);
  const chars: { at: number; script: string | null | undefined }[] = [];
  for (let at = 0; at < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(at)!);
    chars.push({ at, script: scriptOfChar(char, names) });
    at += char.length;
  }
  const firstKnown = chars.find((c) => c.script !== undefined)?.script;
  let current: string | null = firstKnown !== undefined ? firstKnown : own !== null && own in style.fonts.scripts ? own : null;
  const runs: ScriptRun[] = [];
  for (const { at, script } of chars) {
    if (script !== undefined) current = script;
    const last = runs[runs.length - 1];
    if (last && last.script === current) last.end = at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
    else runs.push({ script: current, start: at, end: at + (text.codePointAt(at)! > 0xffff ? 2 : 1) });
  }
  return runs;
}

/** The template script of a character, null for a letter of the main font, undefined for a shared character. */
function scriptOfChar(char: string, names: readonly string[]): string | null | undefined {
  if (SHARED.test(char)) return undefined;
  for (const name of names) if (scriptTest(name)?.test(char)) return name;
  return null;
}

const SHARED = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
