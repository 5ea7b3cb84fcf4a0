import type * as Fontkit from 'fontkit';

/*
 * A glyph's advance is read from the font's metrics, but fontkit also works out its
 * vertical metrics on first use, which decodes the glyph's outline. Glyph objects
 * are made per document (and per word shaped), so that decoding was redone for every
 * document; the metrics of a glyph depend on the font and the glyph id alone, so
 * they are measured once here and handed to each new glyph object.
 */

/** A font view with a glyph cache of its own (fontkit's `_glyphs`). */
export type FontView = Fontkit.Font & { _glyphs: Record<number, Fontkit.Glyph | undefined> };

type MeasuredGlyph = Fontkit.Glyph & { _metrics?: unknown; _getMetrics(): unknown };

export class GlyphMetrics {
  private readonly measured: FontView;
  private readonly metrics = new Map<number, unknown>();

  constructor(private readonly font: Fontkit.Font) {
    this.measured = Object.create(font) as FontView;
    this.measured._glyphs = {};
  }

  /** A new view of the font, with an empty glyph cache, whose glyphs come measured. */
  view(): FontView {
    const view = Object.create(this.font) as FontView;
    view._glyphs = {};
    const getGlyph = this.font.getGlyph;
    view.getGlyph = (id: number, codePoints?: number[]): Fontkit.Glyph => {
      const known = view._glyphs[id];
      if (known) return known;
      const glyph = getGlyph.call(view, id, codePoints) as MeasuredGlyph | null;
      if (glyph && glyph._metrics === undefined) glyph._metrics = this.of(id);
      return glyph as Fontkit.Glyph;
    };
    return view;
  }

  private of(id: number): unknown {
    let metrics = this.metrics.get(id);
    if (metrics === undefined) {
      metrics = (this.measured.getGlyph(id) as MeasuredGlyph)._getMetrics();
      this.metrics.set(id, metrics);
    }
    return metrics;
  }
}
