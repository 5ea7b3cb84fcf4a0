import type * as Fontkit from 'fontkit';

/*
 * pdfkit embeds in each document a subset of each font it uses, made by fontkit's
 * TrueType subsetter. Most of that work is the same for every document: it encodes
 * the font's hinting program and control values (fpgm, prep, cvt, several thousand
 * values) one value at a time, and decodes every glyph it copies from the font.
 * Here fontkit still writes the tables that depend on the glyphs chosen (head, hhea,
 * loca, maxp, glyf, hmtx), from glyphs decoded once per process, and the constant
 * tables are encoded once and put back in their place, in fontkit's table order and
 * layout, so the bytes are exactly the ones fontkit would write.
 */

/** The tables fontkit's TrueType subset writes, in its order; the constant ones are marked. */
const TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;
const CONSTANT = new Set<string>(['cvt ', 'prep', 'fpgm']);

/** The subset interface pdfkit uses. */
export interface Subset {
  includeGlyph(glyph: number | { id: number }): number;
  encode(): Uint8Array;
}

type FontInternals = Omit<Fontkit.Font, 'createSubset'> & {
  _glyphs: Record<number, unknown>;
  directory: { tables: Record<string, unknown> };
  createSubset(): Subset;
};

/** What the subsetter reads from a glyph. */
interface GlyphFacts {
  id: number;
  advanceWidth: number;
  _decode(): unknown;
  _getMetrics(): unknown;
}

export class SubsetWriter {
  /** The font as the subsetter sees it: glyphs decoded once, constant tables left out. */
  private readonly source: FontInternals;
  private readonly constant = new Map<string, Uint8Array>();

  /** A writer for fonts it can write exactly as fontkit would, else null (the caller uses fontkit's). */
  static for(font: Fontkit.Font): SubsetWriter | null {
    const tables = (font as unknown as FontInternals).directory.tables;
    const plainTrueType = 'glyf' in tables && !('fvar' in tables) && !('sbix' in tables) && !('COLR' in tables);
    return plainTrueType ? new SubsetWriter(font as unknown as FontInternals) : null;
  }

  private constructor(font: FontInternals) {
    const whole = Object.create(font) as FontInternals;
    whole._glyphs = {};
    const full = tablesOf(whole.createSubset().encode());
    for (const tag of CONSTANT) if (full.has(tag)) this.constant.set(tag, full.get(tag)!);

    const facts = new Map<number, GlyphFacts>();
    const source = Object.create(whole) as FontInternals;
    for (const tag of CONSTANT) Object.defineProperty(source, tag, { value: undefined });
    source.getGlyph = ((id: number) => {
      let glyph = facts.get(id);
      if (!glyph) {
        const real = whole.getGlyph(id) as Fontkit.Glyph & GlyphFacts;
        const decoded = real._decode();
        const metrics = real._getMetrics();
        glyph = { id, advanceWidth: real.advanceWidth, _decode: () => decoded, _getMetrics: () => metrics };
        facts.set(id, glyph);
      }
      return glyph;
    }) as unknown as Fontkit.Font['getGlyph'];
    this.source = source;
  }

  /** A subset for one document; glyphs are numbered in the order it includes them, as fontkit does. */
  createSubset(): Subset {
    const inner = this.source.createSubset();
    return {
      includeGlyph: (glyph) => inner.includeGlyph(glyph),
      encode: () => this.withConstantTables(tablesOf(inner.encode())),
    };
  }

  private withConstantTables(variable: Map<string, Uint8Array>): Uint8Array {
    const tables: [string, Uint8Array][] = [];
    for (const tag of TABLES) {
      const bytes = CONSTANT.has(tag) ? this.constant.get(tag) : variable.get(tag);
      if (bytes) tables.push([tag, bytes]);
    }
    return fontFile(tables);
  }
}

/** The tables of a font file fontkit wrote, by tag. */
function tablesOf(file: Uint8Array): Map<string, Uint8Array> {
  const data = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const tables = new Map<string, Uint8Array>();
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16;
    const offset = data.readUInt32BE(entry + 8);
    tables.set(data.toString('latin1', entry, entry + 4), data.subarray(offset, offset + data.readUInt32BE(entry + 12)));
  }
  return tables;
}

/**
 * A font file laid out as fontkit's directory encoder does: the tag "true", a table
 * record per table with a zero checksum, then the tables in the same order, unpadded.
 */
function fontFile(tables: [string, Uint8Array][]): Uint8Array {
  const count = tables.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const headerLength = 12 + 16 * count;
  const file = Buffer.alloc(headerLength + tables.reduce((sum, [, bytes]) => sum + bytes.length, 0));
  file.write('true', 0, 'latin1');
  file.writeUInt16BE(count, 4);
  file.writeUInt16BE(power * 16, 6);
  file.writeUInt16BE(Math.log2(power), 8);
  file.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = headerLength;
  tables.forEach(([tag, bytes], i) => {
    const entry = 12 + i * 16;
    file.write(tag, entry, 'latin1');
    file.writeUInt32BE(offset, entry + 8);
    file.writeUInt32BE(bytes.length, entry + 12);
    file.set(bytes, offset);
    offset += bytes.length;
  });
  return file;
}
