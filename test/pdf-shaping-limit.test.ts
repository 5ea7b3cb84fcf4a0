import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { GlyphMetrics } from '../src/render/pdf/glyph-metrics.js';
import { ShapingCache, type Run } from '../src/render/pdf/shaping-cache.js';
import { projectViews } from './helpers/views.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

/** What pdfkit reads of a run: glyph ids with their characters, positions and width. */
function summary(run: Run | Fontkit.GlyphRun) {
  return {
    glyphs: run.glyphs.map((glyph) => [glyph.id, ...glyph.codePoints]),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
    advanceWidth: run.advanceWidth,
  };
}

describe('the cache of shaped words', () => {
  it('gives what fontkit gives a document shaping for itself, when words are evicted and shaped again too', async () => {
    const [view] = await projectViews();
    const font = fontkit.create(Buffer.from(view!.template.fonts.normal)) as Fontkit.Font;
    const metrics = new GlyphMetrics(font);
    const cache = new ShapingCache(metrics.view(), 2);
    // Kerned pairs, a ligature, a non-breaking hyphen drawn like "-", and words seen again after eviction.
    const words = ['AVANT ', 'ﬁnal ', 'Coopération ', 'well-known ', 'office ', 'AVANT ', 'well\u2011known ', 'Coopération '];
    const document = metrics.view();
    const alone = fontkit.create(Buffer.from(view!.template.fonts.normal)) as Fontkit.Font;
    for (const [i, word] of words.entries()) {
      expect(summary(cache.layout(document, word, undefined)!), `${i}: ${word}`).toEqual(summary(alone.layout(word)));
    }
    expect(cache.layout(document, 'x', { liga: false })).toBeUndefined();
  });
});
