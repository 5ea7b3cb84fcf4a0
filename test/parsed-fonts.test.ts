import { describe, expect, it } from 'vitest';
import type { SheetView } from '../src/render/index.js';
import { pdfRenderer } from '../src/render/pdf/pdf-renderer.js';
import { pdfText } from '../src/verify/pdf-text.js';
import { projectViews } from './helpers/views.js';
import { parsedFontToken } from '../src/render/pdf/parsed-fonts.js';
import { fontOf } from '../src/parse/font-file.js';

/** The view with font bytes of its own, as a build that reads the templates again has them. */
function withOwnFonts(view: SheetView): SheetView {
  const fonts = Object.fromEntries(Object.entries(view.template.fonts).map(([face, bytes]) => [face, new Uint8Array(bytes)]));
  return { ...view, template: { ...view.template, fonts: fonts as SheetView['template']['fonts'] } };
}

async function pdf(view: SheetView): Promise<Uint8Array> {
  const output = await pdfRenderer.render(view);
  if (output.kind !== 'binary') throw new Error('the PDF renderer gave text');
  return output.bytes;
}

describe('fonts parsed once per process', () => {
  it('a PDF is the same whatever documents were rendered before it with the same parsed fonts', async () => {
    // A French sheet: its hyphens are drawn in the main font.
    const view = (await projectViews()).find((v) => v.lang === 'fr');
    // The font draws "-" and the non-breaking hyphen U+2011 with one glyph; a document that
    // uses U+2011 first must not make the next one's text say U+2011 where it says "-".
    const sheet = JSON.parse(JSON.stringify(view!.sheet).replaceAll('-', '\\u2011')) as SheetView['sheet'];
    const hyphens = withOwnFonts({ ...view!, sheet });
    const alone = await pdf(withOwnFonts(view!));
    expect(await pdfText(await pdf(hyphens))).toContain('\u2011');
    const after = await pdf({ ...view!, template: hyphens.template });
    expect(await pdfText(after)).not.toContain('\u2011');
    expect(Buffer.from(after).equals(Buffer.from(alone))).toBe(true);
  });

  it('bytes read again find the font parsed: each build of a watch reads the templates again', async () => {
    const [view] = await projectViews();
    for (const bytes of Object.values(view!.template.fonts)) {
      const again = new Uint8Array(bytes);
      expect(again).not.toBe(bytes);
      expect(parsedFontToken(again).equals(parsedFontToken(bytes))).toBe(true);
      expect(fontOf(again)).toBe(fontOf(bytes));
    }
  });

  it('the same document rendered twice with the same fonts gives the same bytes', async () => {
    const [view] = await projectViews();
    const once = await pdf(view!);
    const twice = await pdf(view!);
    expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
  });
});
