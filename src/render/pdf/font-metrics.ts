const cache = new WeakMap<Uint8Array, number>();

/**
 * The natural line height of a TrueType font as a multiple of its size, from its
 * `hhea` and `head` tables. pdfmake's lineHeight multiplies this natural height,
 * while the style's line spacing (like CSS) multiplies the font size; dividing one
 * by the other makes the PDF space lines as the web page does.
 */
export function naturalLineHeight(font: Uint8Array): number {
  let ratio = cache.get(font);
  if (ratio === undefined) {
    ratio = readRatio(Buffer.from(font.buffer, font.byteOffset, font.byteLength));
    cache.set(font, ratio);
  }
  return ratio;
}

function readRatio(font: Buffer): number {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  const hhea = tables.get('hhea');
  const head = tables.get('head');
  if (hhea === undefined || head === undefined) return 1.2;
  const ascender = font.readInt16BE(hhea + 4);
  const descender = font.readInt16BE(hhea + 6);
  const lineGap = font.readInt16BE(hhea + 8);
  const unitsPerEm = font.readUInt16BE(head + 18);
  return (ascender - descender + lineGap) / unitsPerEm;
}
