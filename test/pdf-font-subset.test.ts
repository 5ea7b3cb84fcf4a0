import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FACES } from '../src/model/template.js';
import { SubsetWriter } from '../src/render/pdf/font-subset.js';
import { projectViews } from './helpers/views.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

type Glyph = Fontkit.Glyph & { _decode(): { numberOfContours: number } | null };

/** A fixed sequence of glyph ids, the same on every run. */
function glyphIds(count: number, numGlyphs: number, seed: number): number[] {
  const ids: number[] = [];
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    ids.push(state % numGlyphs);
  }
  return ids;
}

describe('font subsets written with the shared work done once', () => {
  it('are byte for byte the files fontkit writes, for every face of the template', async () => {
    const [view] = await projectViews();
    let composites = 0;
    for (const face of FONT_FACES) {
      const font = fontkit.create(Buffer.from(view!.template.fonts[face])) as Fontkit.Font;
      const writer = SubsetWriter.for(font);
      expect(writer, face).not.toBeNull();
      // A word, glyphs in any order (repeats included), and a subset of the missing glyph alone.
      const word = font.glyphsForString('Coopération, 2024 — « Ölçüm » ﬁn').map((glyph) => glyph.id);
      for (const ids of [word, glyphIds(300, font.numGlyphs, 7 + face.length), []]) {
        const theirs = font.createSubset();
        const ours = writer!.createSubset();
        for (const id of ids) {
          expect(ours.includeGlyph(id)).toBe(theirs.includeGlyph(id as unknown as Fontkit.Glyph));
          if (((font.getGlyph(id) as Glyph)._decode()?.numberOfContours ?? 0) < 0) composites++;
        }
        expect(Buffer.from(ours.encode()).equals(Buffer.from(theirs.encode())), `${face}: ${ids.length} glyphs`).toBe(true);
      }
    }
    // Composite glyphs have their components renumbered in the subset: the comparison covers them.
    expect(composites).toBeGreaterThan(0);
  });
});
