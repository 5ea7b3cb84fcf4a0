import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakOpportunityLines } from '../src/render/pdf/paragraph.js';
import { renderers } from '../src/render/registry.js';
import { outputBytes } from '../src/render/renderer.js';
import { pdfTextItems } from '../src/verify/pdf-text.js';
import { pdfText } from './helpers/read-back.js';
import { projectViews } from './helpers/views.js';

const views = await projectViews();
let dir: string;
const files = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'factsheet-pdf-lines-'));
  for (const lang of ['en', 'de', 'ru']) {
    const view = views.find((v) => v.sheet.id === 'partnerships' && v.sheet.lang === lang)!;
    const file = path.join(dir, `${lang}.pdf`);
    writeFileSync(file, outputBytes(await renderers.pdf.render(view)));
    files.set(lang, file);
  }
  const onePage = views.find((v) => v.sheet.id === 'global-partners' && v.sheet.lang === 'en')!;
  files.set('one-page', path.join(dir, 'one-page.pdf'));
  writeFileSync(files.get('one-page')!, outputBytes(await renderers.pdf.render(onePage)));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text-showing operators of a PDF's page content, as qpdf uncompresses them. */
function textOperators(file: string): number {
  const run = spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`qpdf failed: ${run.stderr}`);
  return (run.stdout.toString('latin1').match(/(?:TJ|Tj)\s*$/gm) ?? []).length;
}

describe('left-to-right lines in the PDF', () => {
  it.each(['en', 'de', 'ru'])('%s: each line is drawn as one text per stretch of one style, not word by word', (lang) => {
    const file = files.get(lang)!;
    const lines = pdfText(file).split('\n').length;
    // A line holds a few stretches at most (bold names, links, superscripts); word by word it was ten or more.
    expect(textOperators(file)).toBeLessThan(lines * 3);
  });

  it.each(['en', 'de', 'ru'])('%s: no line runs past the right margin', async (lang) => {
    const view = views.find((v) => v.sheet.id === 'partnerships' && v.sheet.lang === lang)!;
    const [, right] = view.style.page.margins;
    const pages = await pdfTextItems(new Uint8Array(readFileSync(files.get(lang)!)));
    for (const items of pages) {
      for (const item of items) {
        if (item.str.trim() === '') continue;
        expect(item.transform[4] + item.width, item.str).toBeLessThanOrEqual(595.28 - right + 0.5);
      }
    }
  });

  it('keeps list bullets as text a copy reads', () => {
    expect(pdfText(files.get('en')!)).toMatch(/^• play complementary and mutually reinforcing roles/m);
  });
});

describe('breaking lines', () => {
  const width = (text: string) => (from: number, to: number) => to - from;
  it('breaks at spaces and after the hyphen of a compound, never inside a word', () => {
    const text = 'la Nouvelle-Zélande et';
    const lines = breakOpportunityLines(text, 12, width(text)).map(([from, to]) => text.slice(from, to));
    expect(lines).toEqual(['la Nouvelle-', 'Zélande et']);
  });

  it('does not count the spaces that end a line, and gives a word wider than the line a line of its own', () => {
    const text = 'aa bb   cc dddddddddd e';
    expect(breakOpportunityLines(text, 5, width(text)).map(([from, to]) => text.slice(from, to))).toEqual(['aa bb', 'cc', 'dddddddddd', 'e']);
  });

  it('ends a line at a line break', () => {
    const text = 'aa\nbb cc';
    expect(breakOpportunityLines(text, 50, width(text)).map(([from, to]) => text.slice(from, to))).toEqual(['aa', 'bb cc']);
  });
});

describe('page numbers', () => {
  it('number the pages of a sheet of several pages, and are left out of a one-page sheet', () => {
    const pages = (file: string) => spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout.match(/^Pages:\s+(\d+)/m)![1];
    expect(pages(files.get('en')!)).toBe('2');
    expect(pdfText(files.get('en')!)).toMatch(/\b1\s*\/\s*2$/m);
    expect(pages(files.get('one-page')!)).toBe('1');
    expect(pdfText(files.get('one-page')!)).not.toMatch(/\b1\s*\/\s*1\b/);
  });
});
