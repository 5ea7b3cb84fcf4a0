import type * as Fontkit from 'fontkit';
import { fontkit } from '../../parse/pdfkit-packages.js';
import { SubsetWriter } from './font-subset.js';
import { GlyphMetrics } from './glyph-metrics.js';
import { ShapingCache, type ShapedWord } from './shaping-cache.js';
import { constantDigest, perContent } from '../../text/digest.js';

/*
 * pdfkit hands the bytes of every font to `fontkit.create` once per document, and
 * decoding a font's tables (cmap, metrics, GSUB/GPOS lookups) is about half of what a
 * PDF costs. fontkit's public extension point, `registerFormat`, lets a small token
 * stand for a font parsed once: pdfkit is given the token, and fontkit answers with a
 * view of the parsed font. Fonts given as real bytes are untouched.
 */

/** Four bytes no font format starts with, then the index of a parsed font. */
const MAGIC = 'fsPF';
const TOKEN_LENGTH = 8;

/** A font parsed once, with the words shaped in it so far and its subset writer. */
interface Parsed {
  /** The SHA-256 of the font's file, which names it in shaped words kept or handed over. */
  digest: string;
  font: Fontkit.Font;
  metrics: GlyphMetrics;
  shaping: ShapingCache;
  subsets: SubsetWriter | null;
}

const parsed: Parsed[] = [];
let registered = false;

/**
 * A stand-in for a font's bytes, for pdfkit (through pdfmake's in-memory files): each
 * document opening it gets a fresh view of one parsed font. The same bytes always give
 * the same token, so a font is parsed once per process or worker, and the words shaped
 * in it stay shaped.
 */
export const parsedFontToken = perContent((bytes): Buffer => {
  register();
  const font = fontkit().create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('getGlyph' in font)) throw new Error('a font collection cannot be embedded as one face');
  const token = Buffer.alloc(TOKEN_LENGTH);
  token.write(MAGIC, 0, 'latin1');
  const metrics = new GlyphMetrics(font);
  const digest = constantDigest(bytes);
  const shaping = new ShapingCache(metrics.view());
  shaping.seed(seeds.get(digest) ?? []);
  seeds.delete(digest);
  token.writeUInt32BE(parsed.push({ digest, font, metrics, shaping, subsets: SubsetWriter.for(font) }) - 1, 4);
  return token;
});

/** Shaped words by font, the font named by the SHA-256 of its file: plain data, which crosses threads and is kept between builds. */
export type ShapedWords = Map<string, ShapedWord[]>;

/** Words given for fonts not parsed yet, by font. */
const seeds: ShapedWords = new Map();

/**
 * Words shaped elsewhere (by another thread, or kept from an earlier build): each font
 * takes those shaped in it, now or when it is parsed, and shapes them no more. What a
 * document draws is the same either way.
 */
export function seedShapedWords(words: ShapedWords): void {
  for (const [digest, list] of words) {
    const entry = parsed.find((font) => font.digest === digest);
    if (entry) entry.shaping.seed(list);
    else seeds.set(digest, [...(seeds.get(digest) ?? []), ...list]);
  }
}

/** The words this thread shaped since they were last taken, by font (none: an empty map). */
export function takeShapedWords(): ShapedWords {
  const words: ShapedWords = new Map();
  for (const entry of parsed) {
    const fresh = entry.shaping.takeNew();
    if (fresh.length > 0) words.set(entry.digest, fresh);
  }
  return words;
}

/**
 * The width of `text` at size 1 as pdfkit lays it out in this font (cut after every space
 * and tab, each piece shaped on its own, as pdfkit's EmbeddedFont.layout does), from the
 * same shaped words the documents draw: a line broken with it is drawn as measured, and
 * each word is shaped once for both.
 */
export function textWidth(bytes: Uint8Array, text: string): number {
  return textAdvance(bytes, text) / unitsPerEm(bytes);
}

/**
 * `textWidth` in font units, before the division by the em: the pieces' advances (whole
 * units in the fonts used), so that the advance of a text is exactly the sum of those of
 * its pieces, whichever way they are grouped.
 */
export function textAdvance(bytes: Uint8Array, text: string): number {
  const entry = parsed[parsedFontToken(bytes).readUInt32BE(4)]!;
  let total = 0;
  let last = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char === 0x20 || char === 0x09) {
      total += entry.shaping.advance(text.slice(last, at + 1));
      last = at + 1;
    }
  }
  if (last < text.length) total += entry.shaping.advance(text.slice(last));
  return total;
}

/** The font's units per em. */
export function unitsPerEm(bytes: Uint8Array): number {
  return parsed[parsedFontToken(bytes).readUInt32BE(4)]!.font.unitsPerEm;
}

/**
 * A font of its own for one document, over the tables decoded once. fontkit caches
 * glyphs per font with the characters of their first use, which pdfkit writes into
 * the document's text map; a glyph cache per document (and so a layout engine per
 * document, the cached getter lands on the view) keeps one document's text from
 * showing in another's, so each document comes out as if its font had been parsed
 * for it alone. Its glyphs come with metrics measured once (glyph-metrics.ts), its
 * layouts from the words shaped once for every document (shaping-cache.ts) with
 * glyphs of its own, and its font subset is written with the work every document
 * shares done once (font-subset.ts).
 */
function documentView({ font, metrics, shaping, subsets }: Parsed): Fontkit.Font {
  const view = metrics.view();
  view.layout = function layout(this: Fontkit.Font, text: string, features?: unknown, ...rest: unknown[]): Fontkit.GlyphRun {
    const run = rest.length === 0 && typeof text === 'string' ? shaping.layout(view, text, features) : undefined;
    return (run ?? font.layout.call(view, text, features as string[], ...(rest as []))) as Fontkit.GlyphRun;
  };
  if (subsets) (view as unknown as { createSubset(): unknown }).createSubset = () => subsets.createSubset();
  return view;
}

function register(): void {
  if (registered) return;
  registered = true;
  // fontkit calls `new format(stream)`; a constructor that returns an object gives that object.
  function ParsedFont(this: unknown, stream: { buffer: Uint8Array }): Fontkit.Font {
    const buffer = Buffer.from(stream.buffer.buffer, stream.buffer.byteOffset, stream.buffer.byteLength);
    const font = parsed[buffer.readUInt32BE(4)];
    if (!font) throw new Error('not a font parsed by factsheet');
    return documentView(font);
  }
  ParsedFont.probe = (buffer: Uint8Array): boolean =>
    buffer.length === TOKEN_LENGTH && Buffer.from(buffer.buffer, buffer.byteOffset, 4).toString('latin1') === MAGIC;
  (fontkit() as unknown as { registerFormat(format: unknown): void }).registerFormat(ParsedFont);
}
