import { fontOf } from '../../parse/font-file.js';
import type { IFontAttributesProperties } from 'docx';
import { runsOf } from '../view.js';
import type { SheetView } from '../view.js';
import type { FontFace } from '../../model/template.js';
import { fontForLanguage } from '../../model/script-fonts.js';
import type { Inline } from '../../model/fact-sheet.js';
import type { RunBase } from './inline-runs.js';

/** A face as Word knows it: the family name the font file gives itself (name ID 1) and its style within that family. */
export interface WordFace {
  family: string;
  bold: boolean;
  italic: boolean;
  bytes: Uint8Array;
}

/**
 * The fonts of one document as Word names them, from the faces the PDF embeds.
 *
 * Word, like Windows, knows a font by the family name in its file and at most four styles
 * per family: a semibold face (Source Sans 3 Semibold) is a family of its own, in its
 * regular style, and asking for "Source Sans 3" in bold gets the bold face, or the
 * regular one thickened. So text the PDF sets in the template's bold face names that
 * face's family, and is bold (w:b) only when the face is the bold style of its family.
 */
export interface WordFonts {
  /** w:rFonts of text in the regular face: the template's Word name, and the script font for complex scripts. */
  regular: string | IFontAttributesProperties;
  /** Run properties of text the PDF sets in the bold face, with w:b and w:bCs as the faces need. */
  strong: RunBase;
  /** The faces the document uses, to embed. */
  faces: WordFace[];
}

export function wordFonts(view: SheetView): WordFonts {
  const { style, template } = view;
  const own = fontForLanguage(style, view.lang);
  const script = own.script === null ? null : template.scriptFonts[own.script] ?? null;
  // The family of a font's regular face goes by the Word name the template gives it.
  const named = (faces: Record<FontFace, Uint8Array>, word: string) => (face: FontFace): WordFace => {
    const described = wordFace(faces[face]);
    return described.family === wordFace(faces.normal).family ? { ...described, family: word } : described;
  };
  const main = named(template.fonts, style.fonts.word);
  const complexFace = script === null ? null : named(script, own.word);
  const complex = (face: FontFace): WordFace | null => (complexFace === null ? null : complexFace(face));

  const bold = main('bold');
  const boldCs = complex('bold') ?? bold;
  const regularCs = complex('normal')?.family ?? null;
  const regular = regularCs === null ? style.fonts.word : { ascii: style.fonts.word, hAnsi: style.fonts.word, eastAsia: style.fonts.word, cs: regularCs };
  const strong: RunBase = {
    font: { ascii: bold.family, hAnsi: bold.family, eastAsia: bold.family, cs: boldCs.family },
    bold: bold.bold,
    boldComplexScript: boldCs.bold,
  };

  const used = facesUsed(view);
  const faces: WordFace[] = [];
  for (const face of used) faces.push(main(face));
  if (script !== null) for (const face of ['normal', 'bold'] as const) faces.push(complex(face)!);
  return { regular, strong, faces: unique(faces) };
}

/**
 * The faces of the main font the sheet's text is set in: the regular and bold ones always (body text, title),
 * italics for emphasis in running text, bold italics for emphasis in strong text, the title or a heading.
 */
function facesUsed(view: SheetView): FontFace[] {
  const used = new Set<FontFace>(['normal', 'bold']);
  const { sheet } = view;
  const note = (inlines: readonly Inline[], strong: boolean): void => {
    for (const run of runsOf(inlines)) if (run.italic) used.add(strong || run.bold ? 'bolditalics' : 'italics');
  };
  note(sheet.meta.title, true);
  if (sheet.meta.subtitle) note(sheet.meta.subtitle, false);
  for (const section of sheet.sections) {
    if (section.heading !== null) note(section.heading, true);
    for (const block of section.blocks) {
      if (block.type === 'paragraph') note(block.children, false);
      else for (const item of block.items) note(item.children, false);
    }
  }
  return (['normal', 'bold', 'italics', 'bolditalics'] as const).filter((face) => used.has(face));
}

/** The same bytes twice (a script font's italics that fall back to its regular face) are embedded once. */
function unique(faces: WordFace[]): WordFace[] {
  const out: WordFace[] = [];
  for (const face of faces) {
    if (out.some((f) => f.bytes === face.bytes || (f.family === face.family && f.bold === face.bold && f.italic === face.italic))) continue;
    out.push(face);
  }
  return out;
}

/** A face's family and style, as its file gives them (the font parsed once, fontOf). */
function wordFace(bytes: Uint8Array): WordFace {
  const font = fontOf(bytes);
  const selection = font['OS/2'].fsSelection;
  return { family: font.familyName, bold: selection.bold, italic: selection.italic, bytes };
}
