import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { isolateIslands, rtlParagraph, visualPieces } from '../src/render/pdf/bidi-line.js';
import type { RenderJob } from '../src/render/pool/render-job.js';
import { readProject } from '../src/sources/index.js';
import { outputText } from '../src/verify/index.js';
import { renderAndVerify } from '../src/verify/render-and-verify.js';
import { pdfTextItems } from '../src/verify/pdf-text.js';
import { FIXTURES, makeProject } from './helpers/project.js';

/** The right-to-left fixture: an Arabic sheet mixing a figure, a Latin name, a phone number, an e-mail and a hashtag. */
async function arabicProject() {
  const root = makeProject(path.join(FIXTURES, 'rtl'));
  const labels = path.join(root, 'templates/factsheet/labels.yaml');
  // The template's Arabic labels, unless the template has its own by now.
  if (!/^ar:/m.test(readFileSync(labels, 'utf8'))) appendFileSync(labels, readFileSync(path.join(FIXTURES, 'rtl/labels-ar.yaml'), 'utf8'));
  const result = await checkProject(await readProject(root));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result;
}

const result = await arabicProject();
const sheet = (lang: string) => result.sheets.find((s) => s.lang === lang)!;
const job = (lang: string): RenderJob => ({ sheet: sheet(lang), template: sheet(lang).meta.template, format: 'pdf', languages: ['fr', 'ar'], sourceDateEpoch: 1_700_000_000 });

/** The pieces of a right-to-left line, left to right as drawn: L or R, and the text handed to the PDF. */
function visualLine(text: string): string[] {
  const isolated = isolateIslands(text);
  const paragraph = rtlParagraph(isolated.text);
  return visualPieces(paragraph, 0, isolated.text.length, () => true).map((piece) => `${piece.rtl ? 'R' : 'L'} ${piece.text}`);
}

describe('right-to-left lines in visual order', () => {
  it('keeps a phone number, an e-mail, a hashtag and a Latin name each in one piece, read left to right, the Arabic between them right to left', () => {
    expect(visualLine('يجيب Jens Stoltenberg على +32 (0)2 707 1010 وعلى press@hq.nato.int مع #NATO.')).toEqual([
      'R .',
      'L #NATO',
      'R  مع ',
      'L press@hq.nato.int',
      'R  وعلى ',
      'L +32 (0)2 707 1010',
      'R  على ',
      'L Jens Stoltenberg',
      // Arabic goes over in logical order: the shaper joins the letters and lays them out right to left.
      'R يجيب ',
    ]);
  });

  it('mirrors brackets inside right-to-left text and keeps a figure with the Arabic word it ends', () => {
    expect(visualLine('الحلفاء (الـ28)')).toEqual(['R (', 'L 28', 'R الحلفاء )الـ']);
  });
});

describe('an Arabic PDF', () => {
  it('reads back with every paragraph in logical order, and its figures verified', async () => {
    const verified = await renderAndVerify(job('ar'), result.templates);
    expect(verified.diagnostics).toEqual([]);
    expect(verified.missed).toEqual([]);
    const lines = (await outputText('pdf', verified.bytes, { rtl: true })).split('\n');
    expect(lines).toContain('يتعاون حلف الناتو مع 11 دولة، منها ثلاثة شركاء عالميون.');
    expect(lines).toContain('يجيب Jens Stoltenberg على الرقم +32 (0)2 707 1010 وعلى press@hq.nato.int باسم الحلفاء الـ28، مع #NATO.');
    expect(lines).toContain('الهاتف: +32 (0)2 707 1010');
    expect(lines).toContain('#NATO #OTAN');
    expect(lines).toContain('منظمة حلف شمال الأطلسي صحيفة وقائع');
  });

  it('sets Arabic words quoted in a French paragraph right to left, and reads them back in logical order', async () => {
    const verified = await renderAndVerify(job('fr'), result.templates);
    expect(verified.missed).toEqual([]);
    const text = await outputText('pdf', verified.bytes);
    expect(text).toContain('(en arabe : شركاء الناتو)');
    // As drawn: the first Arabic word stands to the right of the second.
    const [page] = await pdfTextItems(verified.bytes);
    const x = (word: string) => page!.find((item) => item.str.includes(word))!.transform[4]!;
    expect(x('شركاء')).toBeGreaterThan(x('الناتو'));
    expect(x('الناتو')).toBeGreaterThan(x('arabe'));
  });

  it('draws Arabic in the Arabic font of the template and Latin in its main font, in Arabic and French PDFs alike', async () => {
    const fonts = async (lang: string) => baseFonts((await renderAndVerify(job(lang), result.templates)).bytes);
    expect(await fonts('ar')).toEqual(['NotoNaskhArabic', 'NotoNaskhArabic-Bold', 'SourceSans3-Regular', 'SourceSans3-Semibold']);
    // The French sheet quotes two Arabic words, in the regular face.
    expect(await fonts('fr')).toEqual(['NotoNaskhArabic', 'SourceSans3-Regular', 'SourceSans3-Semibold']);
  });
});

/** The fonts a PDF embeds, by PostScript name without the subset tag, from its font dictionaries. */
function baseFonts(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  return [...new Set([...text.matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]!))].sort();
}
