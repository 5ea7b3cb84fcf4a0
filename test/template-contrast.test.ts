import { readFileSync } from 'node:fs';
import path from 'node:path';
import Color from 'color';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/project.js';

// The template's colours as its three layouts set text in them (templates/factsheet/page.hbs
// and its style partial, src/render/pdf/pdf-content.ts, src/render/docx/): each pair is a
// text colour and the background it is read on. WCAG 2.1 AA asks 4.5:1 for text of normal
// size; the small print of the footer and the contact panel is normal size.
const TEXT_ON_BACKGROUND: ReadonlyArray<[text: string, background: string, where: string]> = [
  ['text', 'page', 'body text'],
  ['muted', 'page', 'dates, footer, the language bar'],
  ['brand', 'page', 'headings'],
  ['accent', 'page', 'links, list markers'],
  ['inverse', 'brand', 'the title band'],
  ['text', 'panel', 'the contact panel'],
  ['brand', 'panel', 'the contact panel’s heading'],
  ['accent', 'panel', 'hashtags and links on the contact panel'],
];

const MINIMUM = 4.5;

function colours(): Record<string, string> {
  const style = parse(readFileSync(path.join(REPO, 'templates/factsheet/style.yaml'), 'utf8')) as { colors: Record<string, string> };
  // Pages are printed and shown on white.
  return { ...style.colors, page: '#ffffff' };
}

describe('the template’s text colours', () => {
  it.each(TEXT_ON_BACKGROUND)('%s on %s (%s) reads at 4.5:1 or more', (text, background) => {
    const colors = colours();
    expect(colors[text], text).toMatch(/^#[0-9a-f]{6}$/i);
    expect(colors[background], background).toMatch(/^#[0-9a-f]{6}$/i);
    const ratio = Color(colors[text]).contrast(Color(colors[background]));
    expect(ratio, `${text} ${colors[text]} on ${background} ${colors[background]}`).toBeGreaterThanOrEqual(MINIMUM);
  });

  it('the ratio is WCAG’s: the old accent on white was 4.46:1, under the mark', () => {
    expect(Color('#2f7bbf').contrast(Color('#ffffff'))).toBeCloseTo(4.46, 2);
    expect(Color('#000000').contrast(Color('#ffffff'))).toBe(21);
  });
});
