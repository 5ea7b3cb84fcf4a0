import { escapeUTF8 } from 'entities';

/** The part of a pdfkit document whose metadata is written when it ends. */
interface MetadataDocument {
  info: Record<string, unknown>;
  _addInfo(): void;
}

/** The document information pdfkit copies into the XMP metadata as it is. */
const COPIED = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const;

/**
 * Makes pdfkit's XMP metadata (written from PDF 1.4 on, so in every tagged PDF) well-formed
 * whatever the sheet's title, author and keywords hold: pdfkit pastes them into the XML
 * as they are, so a title with "&" or "<" broke the metadata. They are escaped for the
 * time of writing it; the document information dictionary keeps them as written.
 */
export function escapeXmpInfo(doc: unknown): void {
  const target = doc as MetadataDocument;
  const addInfo = target._addInfo;
  target._addInfo = function (this: MetadataDocument) {
    const written = { ...this.info };
    for (const key of COPIED) if (typeof this.info[key] === 'string') this.info[key] = escapeUTF8(this.info[key]);
    try {
      addInfo.call(this);
    } finally {
      Object.assign(this.info, written);
    }
  };
}
