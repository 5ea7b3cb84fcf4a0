import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FACES } from '../src/model/template.js';
import { GlyphMetrics } from '../src/render/pdf/glyph-metrics.js';
import { projectViews } from './helpers/views.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

type Measured = Fontkit.Glyph & { _getMetrics(): unknown };

describe('glyph metrics measured once per font', () => {
  it('are the metrics fontkit gives a glyph of its own, and each view keeps the characters of its first use', async () => {
    const [view] = await projectViews();
    for (const face of FONT_FACES) {
      const bytes = Buffer.from(view!.template.fonts[face]);
      const reference = fontkit.create(bytes) as Fontkit.Font;
      const metrics = new GlyphMetrics(fontkit.create(bytes) as Fontkit.Font);
      const first = metrics.view();
      const second = metrics.view();
      for (let id = 0; id < reference.numGlyphs; id += 7) {
        const glyph = first.getGlyph(id, [id]) as Measured;
        expect(glyph._getMetrics(), `${face} glyph ${id}`).toEqual((reference.getGlyph(id) as Measured)._getMetrics());
        expect(glyph.advanceWidth).toBe(reference.getGlyph(id).advanceWidth);
        expect(second.getGlyph(id, [id + 1]).codePoints).toEqual([id + 1]);
        expect(first.getGlyph(id, [id + 2]).codePoints).toEqual([id]);
      }
    }
  });
});
