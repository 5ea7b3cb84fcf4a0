import { createHash } from 'node:crypto';

/**
 * Word obfuscates the fonts a document embeds (ECMA-376 Part 1, 17.8.1): the first 32 bytes
 * of each file are XORed with the GUID that fontTable.xml gives as its `w:fontKey`. docx
 * draws a random GUID for every face, so the same sheet would give different bytes each
 * time; here each face's key is made from a hash of the font file instead, and the file
 * obfuscated again with it.
 *
 * `part` reads a part of the package by name. Returns the new fontTable.xml and the new
 * font parts, by name; nothing when the document embeds no font.
 */
export function stableFontKeys(fontTable: string, rels: string, part: (name: string) => Uint8Array | null): { fontTable: string; parts: Map<string, Uint8Array> } {
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1]!, `word/${m[2]!}`]));
  const parts = new Map<string, Uint8Array>();
  const table = fontTable.replace(/(<w:embed(?:Regular|Bold|Italic|BoldItalic)\b[^>]*\br:id=")([^"]+)("[^>]*\bw:fontKey="\{)([0-9A-Fa-f-]{36})(\}")/g, (whole, before: string, id: string, middle: string, key: string, after: string) => {
    const name = targets.get(id);
    const data = name === undefined ? null : part(name);
    if (name === undefined || data === null) return whole;
    const font = obfuscated(data, key);
    const stable = keyOf(font);
    parts.set(name, obfuscated(font, stable));
    return `${before}${id}${middle}${stable}${after}`;
  });
  return { fontTable: table, parts };
}

/** XORs the first 32 bytes with the key's 16 bytes, last first: obfuscates a font, or undoes it. */
export function obfuscated(data: Uint8Array, key: string): Uint8Array {
  const guid = Buffer.from(key.replace(/-/g, ''), 'hex').reverse();
  const out = new Uint8Array(data);
  for (let i = 0; i < Math.min(32, out.length); i++) out[i] = out[i]! ^ guid[i % 16]!;
  return out;
}

/** A GUID from the SHA-256 of the font file: `8-4-4-4-12` hexadecimal digits in capitals, as Word writes them. */
function keyOf(font: Uint8Array): string {
  const hex = createHash('sha256').update(font).digest('hex').slice(0, 32).toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
