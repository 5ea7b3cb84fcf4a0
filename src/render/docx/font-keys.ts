import { createHash } from 'node:crypto';
import { constantDigest, perContent } from '../../text/digest.js';
import { deflated, type StoredEntry } from './zip.js';

/*
 * Word obfuscates the fonts a document embeds (ECMA-376 Part 1, 17.8.1): the first 32 bytes
 * of each file are XORed with the GUID that fontTable.xml gives as its `w:fontKey`. docx
 * draws a random GUID for every face, so the same sheet would give different bytes each
 * time; here each face's key is made from a hash of the font file instead.
 *
 * A face is the same file in every document, so its obfuscated, compressed part is made
 * once per process: docx is given a small stand-in for each face (`standIn`), which it
 * packs in a moment, and the stand-in's part is replaced here by the face's. Compressing
 * half a megabyte of fonts for every document would cost ten times what the rest of the
 * document does.
 */

/** The bytes of a stand-in, after the 32 that obfuscation changes: this marker, then the face's digest. */
const MARKER = 'factsheet embedded face ';


/** What docx embeds in place of a face: 32 bytes to obfuscate, the marker and the face's digest. */
export function standIn(face: Uint8Array): Buffer {
  return Buffer.concat([Buffer.alloc(32), Buffer.from(MARKER + constantDigest(face), 'latin1')]);
}

/** A face's key and its part: the file obfuscated with the key, deflated. Made once per process. */
const facePart = perContent((face): { key: string; entry: StoredEntry } => {
  const key = keyOf(constantDigest(face));
  return { key, entry: deflated(obfuscated(face, key)) };
});

/** Makes the parts of these faces now, ahead of the first document that embeds them. */
export function prepareFaceParts(faces: Iterable<Uint8Array>): void {
  for (const face of faces) facePart(face);
}

/**
 * Gives each face fontTable.xml embeds its stable key and its part: the face's own when
 * the part is the stand-in of one of `faces`, else the part's font obfuscated again.
 * `part` reads a part of the package by name. Returns the new fontTable.xml and the new
 * parts, by name.
 */
export function stableFontKeys(
  fontTable: string,
  rels: string,
  part: (name: string) => Uint8Array | null,
  faces: readonly Uint8Array[],
): { fontTable: string; parts: Map<string, Uint8Array | StoredEntry> } {
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1]!, `word/${m[2]!}`]));
  const byDigest = new Map(faces.map((face) => [constantDigest(face), face]));
  const out = new Map<string, Uint8Array | StoredEntry>();
  const table = fontTable.replace(/(<w:embed(?:Regular|Bold|Italic|BoldItalic)\b[^>]*\br:id=")([^"]+)("[^>]*\bw:fontKey="\{)([0-9A-Fa-f-]{36})(\}")/g, (whole, before: string, id: string, middle: string, key: string, after: string) => {
    const name = targets.get(id);
    const data = name === undefined ? null : part(name);
    if (name === undefined || data === null) return whole;
    const marked = Buffer.from(data.subarray(32)).toString('latin1');
    const face = marked.startsWith(MARKER) ? byDigest.get(marked.slice(MARKER.length)) : undefined;
    if (face !== undefined) {
      const { key: stable, entry } = facePart(face);
      out.set(name, entry);
      return `${before}${id}${middle}${stable}${after}`;
    }
    const font = obfuscated(data, key);
    const stable = keyOf(createHash('sha256').update(font).digest('hex'));
    out.set(name, obfuscated(font, stable));
    return `${before}${id}${middle}${stable}${after}`;
  });
  return { fontTable: table, parts: out };
}

/** XORs the first 32 bytes with the key's 16 bytes, last first: obfuscates a font, or undoes it. */
export function obfuscated(data: Uint8Array, key: string): Uint8Array {
  const guid = Buffer.from(key.replace(/-/g, ''), 'hex').reverse();
  const out = new Uint8Array(data);
  for (let i = 0; i < Math.min(32, out.length); i++) out[i] = out[i]! ^ guid[i % 16]!;
  return out;
}

/** A GUID from a SHA-256 in hexadecimal: `8-4-4-4-12` digits in capitals, as Word writes them. */
function keyOf(digest: string): string {
  const hex = digest.slice(0, 32).toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
