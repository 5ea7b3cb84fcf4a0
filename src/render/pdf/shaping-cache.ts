import type * as Fontkit from 'fontkit';
import type { FontView } from './glyph-metrics.js';

/*
 * Shaping a word (GSUB substitutions, GPOS kerning) is most of what laying out a PDF
 * costs, and a press office's documents share most of their words. fontkit's answer
 * for a string depends on the string, the features and the font, and on one thing
 * more: the characters each glyph of the font was first asked for, which it keeps
 * on the glyph and which pdfkit writes into the document's text map. So a word is
 * shaped here on a font view of its own whose glyph cache starts empty for every
 * word, which makes the result a function of the word alone, and each document is
 * then given its own glyphs for the ids shaped, asked for in the order it meets
 * them, so what its text map says depends on that document alone.
 */

/** A word shaped once: glyph ids with the characters each stands for, and unscaled positions. */
export interface Shaped {
  readonly ids: readonly number[];
  readonly codePoints: readonly (readonly number[])[];
  /** xAdvance, yAdvance, xOffset, yOffset for each glyph in turn. */
  readonly positions: Float64Array;
}

/** The part of a fontkit glyph run that pdfkit reads. */
export interface Run {
  glyphs: Fontkit.Glyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  readonly advanceWidth: number;
}

/**
 * Words kept per font, each well under a kilobyte, so that a worker's caches stay
 * within a few megabytes; past this the oldest go (shaped again, to the same result).
 */
const LIMIT = 5_000;

/** How many times its limit of words a cache notes as shaped until they are taken. */
const FRESH_LIMIT_FACTOR = 8;

/** A shaped word under its key (the features and the text): plain data, which crosses threads and is kept between builds. */
export type ShapedWord = [key: string, shaped: Shaped];

export class ShapingCache {
  private readonly shaped = new Map<string, Shaped>();
  /** Words shaped here since they were last taken (takeNew), oldest first (no more than FRESH_LIMIT_FACTOR times `limit`). */
  private fresh: ShapedWord[] = [];

  /** `shaper` is a view of the font for this cache alone: its glyph cache is emptied for every word. */
  constructor(
    private readonly shaper: FontView,
    private readonly limit = LIMIT,
  ) {}

  /**
   * The layout of `text` for the document whose font view is `view`: the glyphs are
   * the view's own. Features other than a list of names are not keyed here and
   * give undefined, for the caller to shape them itself.
   */
  layout(view: Fontkit.Font, text: string, features: unknown): Run | undefined {
    const key = keyOf(text, features);
    if (key === undefined) return undefined;
    return runOf(view, this.shapedOf(key, text, (features ?? undefined) as string[] | undefined));
  }

  /** The advance of `text` shaped with the font's default features, in font units: what pdfkit's layout of it adds up to. */
  advance(text: string): number {
    const shaped = this.shapedOf(keyOf(text, undefined)!, text, undefined);
    let width = 0;
    for (let i = 0; i < shaped.ids.length; i++) width += shaped.positions[i * 4]!;
    return width;
  }

  /**
   * Takes words shaped in this font elsewhere (another thread, an earlier build) as if
   * shaped here: a word's shape is a function of the word, its features and the font.
   * Words it already has, and words past its limit, are left out.
   */
  seed(words: Iterable<ShapedWord>): void {
    for (const [key, shaped] of words) {
      if (this.shaped.size >= this.limit) return;
      if (!this.shaped.has(key)) this.shaped.set(key, shaped);
    }
  }

  /** The words shaped here since the last call, in the order shaped. */
  takeNew(): ShapedWord[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }

  private shapedOf(key: string, text: string, features: string[] | undefined): Shaped {
    let shaped = this.shaped.get(key);
    if (!shaped) {
      shaped = this.shape(text, features);
      if (this.shaped.size >= this.limit) this.shaped.delete(this.shaped.keys().next().value!);
      this.shaped.set(key, shaped);
      // Taken after every document (the documents of a thread are laid out together, so a take may hold
      // every word of a build); a thread nobody takes them from keeps a bounded number.
      if (this.fresh.length < FRESH_LIMIT_FACTOR * this.limit) this.fresh.push([key, shaped]);
    }
    return shaped;
  }

  private shape(text: string, features: string[] | undefined): Shaped {
    this.shaper._glyphs = {};
    const run = this.shaper.layout(text, features);
    const positions = new Float64Array(run.positions.length * 4);
    run.positions.forEach((p, i) => positions.set([p.xAdvance, p.yAdvance, p.xOffset, p.yOffset], i * 4));
    return {
      ids: run.glyphs.map((glyph) => glyph.id),
      // A right-to-left run comes out in visual order; a ligature's characters (Arabic
      // lam-alef) are stored reversed too, so that a reader reversing the run back to
      // logical order (pdf.js, copy and paste) gets them in the order they were typed.
      codePoints: run.glyphs.map((glyph) => (run.direction === 'rtl' ? [...glyph.codePoints].reverse() : [...glyph.codePoints])),
      positions,
    };
  }
}

function keyOf(text: string, features: unknown): string | undefined {
  if (features === undefined || features === null) return `\u0000${text}`;
  if (Array.isArray(features) && features.every((f) => typeof f === 'string')) return `${features.join(',')}\u0000${text}`;
  return undefined;
}

/** A fresh run (pdfkit scales positions in place) whose glyphs come from the document's view. */
function runOf(view: Fontkit.Font, shaped: Shaped): Run {
  const glyphs: Fontkit.Glyph[] = [];
  const positions: Run['positions'] = [];
  const p = shaped.positions;
  for (let i = 0; i < shaped.ids.length; i++) {
    glyphs.push(view.getGlyph(shaped.ids[i]!, shaped.codePoints[i] as number[]));
    positions.push({ xAdvance: p[i * 4]!, yAdvance: p[i * 4 + 1]!, xOffset: p[i * 4 + 2]!, yOffset: p[i * 4 + 3]! });
  }
  return {
    glyphs,
    positions,
    get advanceWidth() {
      let width = 0;
      for (const position of this.positions) width += position.xAdvance;
      return width;
    },
  };
}
