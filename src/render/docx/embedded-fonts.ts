import { standIn } from './font-keys.js';
import type { WordFace } from './word-fonts.js';

/** One font as the document embeds it: its Word name and the files of its styles (docx's `fonts` option). */
export interface EmbeddedFont {
  name: string;
  data: Buffer;
  bold?: Buffer;
  italic?: Buffer;
  boldItalic?: Buffer;
}

/**
 * The faces a document uses, grouped into Word's families of up to four styles. A reader
 * without the template's fonts (most of them, and LibreOffice on a server) then sets the
 * text in the faces the PDF is set in, and breaks lines and pages where the PDF does.
 *
 * The faces are embedded whole, not cut down to the characters a document shows: a
 * reader keeps the first file it loads under a font's name for as long as it runs
 * (LibreOffice does, converting several documents at once or with several open), so a
 * subset made for an English sheet would leave a Russian one opened next without its
 * letters. A face is the same file in every document, whichever is opened first.
 */
export function embeddedFonts(faces: readonly WordFace[]): EmbeddedFont[] {
  const families = new Map<string, Partial<Record<'data' | 'bold' | 'italic' | 'boldItalic', Buffer>>>();
  for (const face of faces) {
    const styles = families.get(face.family) ?? {};
    // docx packs a stand-in; the package gets the face itself (font-keys.ts).
    styles[face.bold ? (face.italic ? 'boldItalic' : 'bold') : face.italic ? 'italic' : 'data'] = standIn(face.bytes);
    families.set(face.family, styles);
  }
  return [...families].map(([name, styles]) => {
    // docx embeds a family's regular style first; a family used only in another style embeds that one as its regular.
    const data = styles.data ?? styles.bold ?? styles.italic ?? styles.boldItalic!;
    return { name, ...styles, data };
  });
}
