import type { SheetView } from './view.js';

export const FORMATS = ['pdf', 'docx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** The file extension of each format; known without loading its renderer. */
export const EXTENSIONS: Readonly<Record<Format, string>> = { pdf: '.pdf', docx: '.docx', html: '.html' };

/** What a renderer produces, like Pandoc's TextWriter and ByteStringWriter. */
export type Output = { kind: 'text'; text: string } | { kind: 'binary'; bytes: Uint8Array };

/** Turns the view of one validated sheet into one document format; it reads nothing else. */
export interface Renderer {
  format: Format;
  render(view: SheetView): Promise<Output>;
}

export function outputBytes(output: Output): Uint8Array {
  return output.kind === 'text' ? new TextEncoder().encode(output.text) : output.bytes;
}
