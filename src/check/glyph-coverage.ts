import { parseHandlebars } from '../parse/handlebars-syntax.js';
import type { Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { FactSheet, Inline } from '../model/fact-sheet.js';
import type { FontFace, Template } from '../model/template.js';
import { faceBytes, fontRuns, hasGlyph } from '../render/pdf/font-runs.js';
import { mapEntries, parseYaml, scalarValue, seqItems } from '../parse/yaml.js';
import { sheetView } from '../render/view.js';
import type { SourceFile } from '../text/source-file.js';
import { typesetText } from '../typography/index.js';

/** Where the texts of one sheet version come from. */
export interface GlyphSources {
  sheet: FactSheet;
  sheetFile: SourceFile;
  template: Template;
  /**
   * The template's labels.yaml and style.yaml files, its own first and then its bases'
   * (a template that extends another takes from the base each key it does not set),
   * and the language's boilerplate.
   */
  labelsFiles: readonly SourceFile[];
  styleFiles: readonly SourceFile[];
  boilerplateFile: SourceFile;
  languages: readonly string[];
}

/** A text the PDF draws in one face, and where each of its characters was written. */
interface Piece {
  text: string;
  face: FontFace;
  file: SourceFile;
  /** Offset in `file` of the character at an index of `text`. */
  at: (index: number) => number;
  /** Letters the PDF capitalises (organisation, kind, contact heading). */
  upper?: boolean;
}

const FACE_NAMES: Record<FontFace, string> = { normal: 'regular', bold: 'bold', italics: 'italic', bolditalics: 'bold italic' };

/**
 * Every character the PDF draws for a sheet must have a glyph in the face that
 * draws it, or pdfkit silently draws an empty box. A run of such characters is one
 * problem, at the run, naming its characters; a character already reported in the
 * same file is not reported again.
 */
export function glyphProblems(sources: GlyphSources): Diagnostic[] {
  const { sheet, template } = sources;
  const reported = new Set<string>();
  const problems: Diagnostic[] = [];
  for (const piece of piecesOf(sources)) {
    let run: { from: number; to: number; chars: string[]; script: string | null } | null = null;
    const close = () => {
      const key = (char: string) => `${piece.file.path}\u0000${run!.script}\u0000${char}`;
      const fresh = run?.chars.filter((char, i, all) => all.indexOf(char) === i && !reported.has(key(char))) ?? [];
      if (run && fresh.length > 0) {
        for (const char of fresh) reported.add(key(char));
        problems.push(diagnostic('error', 'glyph-missing', piece.file.location(run.from, run.to), missingMessage(template, run.script, piece.face, fresh)));
      }
      run = null;
    };
    // The font that draws each character is the one the PDF chooses (render/pdf/font-runs.ts).
    for (const fontRun of fontRuns(template, piece.text, sheet.lang, piece.face)) {
      const bytes = faceBytes(template, fontRun.script, piece.face);
      if (run && run.script !== fontRun.script) close();
      let index = fontRun.start;
      for (const char of fontRun.text) {
        const drawn = piece.upper ? char.toLocaleUpperCase(sheet.lang) : char;
        if ([...drawn].some((c) => !hasGlyph(bytes, c))) {
          const from = piece.at(index);
          if (run) [run.to, run.chars] = [Math.max(run.to, from + char.length), [...run.chars, char]];
          else run = { from, to: from + char.length, chars: [char], script: fontRun.script };
        } else if (char.trim() !== '' || !run) {
          close();
        }
        index += char.length;
      }
    }
    close();
  }
  return problems;
}

function missingMessage(template: Template, script: string | null, face: FontFace, chars: string[]): string {
  const named = chars.slice(0, 3).map((char) => `${codePoint(char)} "${char}"`);
  const more = chars.length > 3 ? ` and ${chars.length - 3} more` : '';
  const font = script === null ? template.style.fonts : template.style.fonts.scripts[script]!;
  const file = font.files[face].replace(/^.*[\\/]/, '');
  const remedy = script === null ? 'use a template whose font covers this script' : `name a ${script} font in "fonts.scripts" that has it`;
  return `the ${FACE_NAMES[face]} face of the PDF font "${font.family}" (${file}) has no glyph for ${named.join(', ')}${more}: the PDF would show empty boxes; ${remedy}`;
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The texts of the PDF (pdf-content.ts and the running header and footer) with their faces. */
function piecesOf(sources: GlyphSources): Piece[] {
  const { sheet, sheetFile, template, labelsFiles, styleFiles, boilerplateFile } = sources;
  const view = sheetView(sheet, template, { languages: sources.languages });
  const pieces: Piece[] = [];
  /** Marked-up text takes the faces of its marks; `plain` text (the running header's title) is drawn in `face` alone. */
  const inline = (inlines: readonly Inline[] | null, face: FontFace, plain = false) => {
    if (!inlines) return;
    const marked = inlinePieces(inlines, sheetFile, face === 'bold');
    pieces.push(...(plain ? marked.map((piece) => ({ ...piece, face })) : marked));
  };
  inline(sheet.meta.title, 'bold');
  inline(sheet.meta.subtitle, 'normal');
  for (const section of sheet.sections) {
    inline(section.heading, 'bold');
    for (const block of section.blocks) {
      if (block.type === 'paragraph') inline(block.children, 'normal');
      else {
        for (const [i, item] of block.items.entries()) {
          // An ordered list's numbers and a list's bullets, drawn as text, reported at their item.
          pieces.push({ text: block.ordered ? `${block.start + i}.` : '•', face: 'normal', file: sheetFile, at: () => item.span.start.offset });
          inline(item.children, 'normal');
        }
      }
    }
  }
  const date = dateValue(sheetFile);
  if (view.date && date) pieces.push({ text: view.date, face: 'normal', file: sheetFile, at: () => date });

  // Labels and the contact block are drawn typeset, as the sheet is (a French "Tél. :" draws U+202F).
  const labels = layered(labelsFiles.map((file) => yamlTexts(file, [sheet.lang], sheet.lang)));
  const contact = yamlTexts(boilerplateFile, [], sheet.lang);
  const label = (key: string, face: FontFace, upper = false) => {
    const found = labels.get(key);
    if (found) pieces.push({ ...found, face, upper });
  };
  const field = (key: string, face: FontFace, upper = false) => {
    for (const [name, found] of contact) if (name === key || name.startsWith(`${key}.`)) pieces.push({ ...found, face, upper });
  };
  /** Punctuation the layout adds after a text (": ", " – "), reported at that text. */
  const after = (text: string, face: FontFace, found: Omit<Piece, 'face'> | undefined) => {
    if (found) pieces.push({ text, face, file: found.file, at: () => found.at(0) });
  };
  // Title band, then the contact panel (pdf-content.ts).
  field('organisation', 'bold', true);
  label('kind', 'normal', true);
  label('contact', 'bold', true);
  field('division', 'bold');
  after(' – ', 'bold', contact.get('division'));
  field('section', 'bold');
  label('phone', 'normal');
  field('phone', 'normal');
  label('email', 'normal');
  field('email', 'normal');
  field('hashtags', 'bold');
  // The running header and footer draw their fields in the regular face.
  const style = layered(styleFiles.map((file) => yamlTexts(file, [])));
  for (const key of ['header', 'footer.left', 'footer.right']) {
    const running = style.get(key);
    if (!running) continue;
    for (const part of runningParts(running.text)) {
      if (part.literal !== undefined) pieces.push({ ...running, text: part.literal.replace(/\{pages?\}/g, (marker) => ' '.repeat(marker.length)), face: 'normal', at: (i) => running.at(part.index + i) });
      else if (part.path === 'title') inline(sheet.meta.title, 'normal', true);
      else if (part.path === 'date' && view.date && date) pieces.push({ text: view.date, face: 'normal', file: sheetFile, at: () => date });
      else if (part.path.startsWith('labels.')) label(part.path.slice('labels.'.length), 'normal');
      else if (part.path.startsWith('contact.')) field(part.path.slice('contact.'.length), 'normal');
    }
    // Page numbers.
    if (/\{pages?\}/.test(running.text)) pieces.push({ ...running, text: '0123456789', face: 'normal', at: () => running.at(running.text.search(/\{pages?\}/)) });
  }
  return pieces;
}

function inlinePieces(inlines: readonly Inline[], file: SourceFile, bold: boolean, italic = false): Piece[] {
  const face: FontFace = bold ? (italic ? 'bolditalics' : 'bold') : italic ? 'italics' : 'normal';
  const pieces: Piece[] = [];
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
      case 'superscript':
        pieces.push({ text: node.value, face, file, at: locator(file, node.value, node.span.start.offset, node.span.end.offset) });
        break;
      case 'figure':
        // A figure's text is made by formatting (digits, separators): report it at the reference.
        pieces.push({ text: node.text, face, file, at: () => node.span.start.offset });
        break;
      case 'strong':
        pieces.push(...inlinePieces(node.children, file, true, italic));
        break;
      case 'emphasis':
        pieces.push(...inlinePieces(node.children, file, bold, true));
        break;
      case 'link':
        pieces.push(...inlinePieces(node.children, file, bold, italic));
        break;
    }
  }
  return pieces;
}

/**
 * Maps an index of a value to its offset in the source it was read from: the n-th
 * occurrence of the same character in the source stretch (escapes and quotes make
 * the two differ). A character typography wrote (a narrow space before ";", a curly
 * quote) maps to the next character that is in the source, the punctuation it goes
 * with; failing that, to the start of the stretch.
 */
function locator(file: SourceFile, value: string, start: number, end: number): (index: number) => number {
  const source = file.text.slice(start, end);
  const find = (index: number): number | null => {
    const char = String.fromCodePoint(value.codePointAt(index)!);
    const nth = value.slice(0, index).split(char).length - 1;
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = source.indexOf(char, at + 1);
      if (at < 0) return null;
    }
    return start + at;
  };
  return (index) => {
    for (let i = index; i < value.length; i += value.codePointAt(i)! > 0xffff ? 2 : 1) {
      const at = find(i);
      if (at !== null) return at;
    }
    return start;
  };
}

/** Texts of a YAML file under a path of keys, by dotted key (lists as `key.0`), with their source places. */
/** Labels, boilerplate and style are shared by every sheet of a language: each is read once per check and language. */
const yamlTextsRead = new WeakMap<SourceFile, Map<string, Map<string, Omit<Piece, 'face'>>>>();

/** Texts by key from files laid over one another: the first file that sets a key gives its text. */
function layered(layers: readonly Map<string, Omit<Piece, 'face'>>[]): Map<string, Omit<Piece, 'face'>> {
  if (layers.length === 1) return layers[0]!;
  const texts = new Map<string, Omit<Piece, 'face'>>();
  for (const layer of layers) for (const [key, text] of layer) if (!texts.has(key)) texts.set(key, text);
  return texts;
}

/** `typesetIn` names the language whose typography the texts are drawn in, or null for texts drawn as typed. */
function yamlTexts(file: SourceFile, under: string[], typesetIn: string | null = null): Map<string, Omit<Piece, 'face'>> {
  const byPath = yamlTextsRead.get(file) ?? new Map<string, Map<string, Omit<Piece, 'face'>>>();
  yamlTextsRead.set(file, byPath);
  const key = `${under.join('\0')}\u0001${typesetIn ?? ''}`;
  let texts = byPath.get(key);
  if (!texts) byPath.set(key, (texts = readYamlTexts(file, under, typesetIn === null ? (text) => text : (text) => typesetText(text, typesetIn))));
  return texts;
}

function readYamlTexts(file: SourceFile, under: string[], transform: (text: string) => string): Map<string, Omit<Piece, 'face'>> {
  const { yaml } = parseYaml(file, file.text);
  let node = yaml.doc.contents as Node | null;
  for (const key of under) node = mapEntries(node)?.find((e) => e.key === key)?.value ?? null;
  const texts = new Map<string, Omit<Piece, 'face'>>();
  const visit = (value: Node | null, key: string) => {
    const entries = mapEntries(value);
    const items = seqItems(value);
    if (entries) for (const entry of entries) visit(entry.value, key ? `${key}.${entry.key}` : entry.key);
    else if (items) items.forEach((item, i) => visit(item, `${key}.${i}`));
    else {
      const scalar = scalarValue(value);
      const text = typeof scalar === 'string' ? transform(scalar) : scalar;
      if (typeof text === 'string' && value?.range) texts.set(key, { text, file, at: locator(file, text, value.range[0], value.range[1]) });
    }
  };
  visit(node, '');
  return texts;
}

/** The offset of a sheet's `date:` value in its frontmatter. */
function dateValue(file: SourceFile): number | null {
  const at = /^date:[ \t]*["']?/m.exec(file.text);
  return at ? at.index + at[0].length : null;
}

/** A running text's literal stretches (with their index) and the fields it fills in. */
function runningParts(text: string): Array<{ literal: string; index: number; path?: undefined } | { path: string; literal?: undefined }> {
  const parts: Array<{ literal: string; index: number } | { path: string }> = [];
  let program: hbs.AST.Program;
  try {
    program = parseHandlebars(text);
  } catch {
    return [];
  }
  let index = 0;
  for (const statement of program.body) {
    if (statement.type === 'ContentStatement') {
      const value = (statement as hbs.AST.ContentStatement).value;
      const found = text.indexOf(value, index);
      parts.push({ literal: value, index: found < 0 ? 0 : found });
      if (found >= 0) index = found + value.length;
    } else if (statement.type === 'MustacheStatement') {
      const path = (statement as hbs.AST.MustacheStatement).path;
      if (path.type === 'PathExpression') parts.push({ path: (path as hbs.AST.PathExpression).original });
    }
  }
  return parts as ReturnType<typeof runningParts>;
}
