import type { Node } from 'yaml';
import { FACE_FALLBACK, isScriptName, type ScriptFont } from '../model/script-fonts.js';
import { FONT_FACES, type FontFace, type Template } from '../model/template.js';
import { isFontFamilyList } from './css-font-family.js';
import { loadFont } from './font-file.js';
import type { FontSource } from '../sources/read-fonts.js';
import { mapEntries, scalarValue } from './yaml.js';

/** What this module needs of the style reader in template.ts. */
export interface FontsReader {
  child(node: Node | null, key: string): Node | null;
  text(node: Node | null, path: string, key: string): string | null;
  invalid(node: Node | null, message: string, ruleId?: string): void;
}

/**
 * Reads the optional `fonts.scripts` and `fonts.languages` of a style file (the shape is
 * documented in model/script-fonts.ts): each script font needs a family, a Word name, a
 * CSS stack and at least its regular face; faces it leaves out are filled from the ones
 * it has, so every renderer finds four.
 */
export function parseScriptFonts(
  reader: FontsReader,
  fonts: Node | null,
  lookupFont: (spec: string) => FontSource | undefined,
  fontData: Template['scriptFonts'],
  base: { scripts: Record<string, ScriptFont>; languages: Record<string, string>; fontData: Template['scriptFonts'] } | null = null,
): { scripts: Record<string, ScriptFont>; languages: Record<string, string> } {
  const scripts: Record<string, ScriptFont> = { ...base?.scripts };
  Object.assign(fontData, base?.fontData);
  const scriptsNode = reader.child(fonts, 'scripts');
  if (scriptsNode !== null && !mapEntries(scriptsNode)) reader.invalid(scriptsNode, '"fonts.scripts" must be a mapping of Unicode script names to fonts');
  for (const { key: script, value, keyNode } of mapEntries(scriptsNode) ?? []) {
    const path = `fonts.scripts.${script}`;
    if (!isScriptName(script)) {
      reader.invalid(keyNode, `"${script}" is not a Unicode script name (such as Latin, Greek, Cyrillic, Arabic, Hebrew)`);
      continue;
    }
    if (!mapEntries(value)) {
      reader.invalid(value, `"${path}" must be a mapping with family, files, word and css`);
      continue;
    }
    const files = reader.child(value, 'files');
    if (!mapEntries(files)) {
      reader.invalid(files ?? value, `"${path}.files" must map faces (normal, bold, italics, bolditalics) to font files`);
      continue;
    }
    const paths = {} as Partial<Record<FontFace, string>>;
    const bytes = {} as Partial<Record<FontFace, Uint8Array>>;
    for (const { key: face, value: specNode } of mapEntries(files) ?? []) {
      if (!(FONT_FACES as readonly string[]).includes(face)) {
        reader.invalid(specNode, `"${path}.files.${face}" is not a face; the faces are ${FONT_FACES.join(', ')}`);
        continue;
      }
      const spec = scalarValue(specNode);
      if (typeof spec !== 'string') {
        reader.invalid(specNode, `"${path}.files.${face}" must name a font file`);
        continue;
      }
      const font = loadFont(lookupFont(spec), spec);
      if ('bytes' in font) [paths[face as FontFace], bytes[face as FontFace]] = [font.path, font.bytes];
      else reader.invalid(specNode, font.message, font.ruleId);
    }
    if (!bytes.normal) {
      if (reader.child(files, 'normal') === null) reader.invalid(files, `missing "${path}.files.normal"`);
      continue;
    }
    for (const face of FONT_FACES) {
      const fallback = FACE_FALLBACK[face];
      if (!bytes[face] && fallback) [paths[face], bytes[face]] = [paths[fallback] ?? paths.normal, bytes[fallback] ?? bytes.normal];
    }
    const css = reader.text(value, path, 'css');
    if (css !== null && !isFontFamilyList(css)) reader.invalid(reader.child(value, 'css'), `"${path}.css" must be a CSS font-family list, found "${css}"`);
    scripts[script] = { family: reader.text(value, path, 'family') ?? '', files: paths as Record<FontFace, string>, word: reader.text(value, path, 'word') ?? '', css: css ?? '' };
    fontData[script] = bytes as Record<FontFace, Uint8Array>;
  }
  const languages: Record<string, string> = { ...base?.languages };
  const languagesNode = reader.child(fonts, 'languages');
  if (languagesNode !== null && !mapEntries(languagesNode)) reader.invalid(languagesNode, '"fonts.languages" must map language tags to script names');
  for (const { key: lang, value } of mapEntries(languagesNode) ?? []) {
    const script = scalarValue(value);
    if (typeof script !== 'string' || !(script in scripts)) {
      reader.invalid(value, `"fonts.languages.${lang}" must name a script of "fonts.scripts" (${Object.keys(scripts).join(', ') || 'none'})`);
      continue;
    }
    languages[lang] = script;
  }
  return { scripts, languages };
}
