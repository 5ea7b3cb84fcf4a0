import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../src/model/index.js';
import { balancedLines, breakOpportunityLines } from '../src/render/pdf/paragraph.js';
import { renderers } from '../src/render/registry.js';
import { outputBytes } from '../src/render/renderer.js';
import type { SheetView } from '../src/render/view.js';
import { pdfTextItems } from '../src/verify/pdf-text.js';
import { blocksOf, fold, lettersOnly } from './helpers/read-back.js';
import { projectViews } from './helpers/views.js';

// Page breaks as a reader sees them, read back with poppler page by page: no heading alone
// at the foot of a page, no paragraph leaving a single line on either side of a break.

const views = (await projectViews()).filter((view) => view.sheet.id === 'partnerships');
let dir: string;
const files = new Map<SheetView, string>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'factsheet-pdf-pages-'));
  for (const view of views) {
    const file = path.join(dir, `${view.sheet.lang}.pdf`);
    writeFileSync(file, outputBytes(await renderers.pdf.render(view)));
    files.set(view, file);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The body lines of each page: without the running header (every page but the first) and the footer (the last line). */
function bodyPages(file: string): string[][] {
  const count = Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)![1]);
  const pages: string[][] = [];
  for (let page = 1; page <= count; page++) {
    const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
    const lines = run.stdout.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    pages.push(lines.slice(page === 1 ? 0 : 1, -1));
  }
  return pages;
}

/** A line as the text of its block reads: without a list's bullet or number. */
const bare = (line: string) => fold(line.replace(/^(?:•|\d+\.)\s+/, ''));

describe('page breaks', () => {
  it.each(views.map((view) => [view.sheet.lang, view] as const))('%s: no heading is the last line of a page', (_, view) => {
    const headings = new Set(view.sheet.sections.flatMap((section) => (section.heading ? [lettersOnly(plainText(section.heading))] : [])));
    const pages = bodyPages(files.get(view)!);
    expect(pages.length).toBeGreaterThan(1);
    for (const lines of pages.slice(0, -1)) expect(headings.has(lettersOnly(lines[lines.length - 1]!)), lines[lines.length - 1]).toBe(false);
  });

  it.each(views.filter((view) => view.dir === 'ltr').map((view) => [view.sheet.lang, view] as const))('%s: a paragraph broken by a page keeps two lines on each side', (_, view) => {
    const blocks = blocksOf(view.sheet).map(fold);
    const within = (text: string) => blocks.some((block) => block.includes(text));
    const pages = bodyPages(files.get(view)!);
    for (let k = 0; k + 1 < pages.length; k++) {
      const before = pages[k]!.map(bare);
      const after = pages[k + 1]!.map(bare);
      const join = (a: string, b: string) => (a.endsWith('-') ? a + b : `${a} ${b}`);
      // One paragraph runs on from this page to the next: two of its lines must stand on each side.
      if (!within(join(before[before.length - 1]!, after[0]!))) continue;
      expect(within(join(before[before.length - 2]!, before[before.length - 1]!)), `one line before the break on page ${k + 1}: ${before[before.length - 1]}`).toBe(true);
      expect(within(join(after[0]!, after[1]!)), `one line after the break on page ${k + 2}: ${after[0]}`).toBe(true);
    }
  });
});

describe('titles', () => {
  it.each(views.filter((view) => view.dir === 'ltr').map((view) => [view.sheet.lang, view] as const))('%s: a title of several lines has no line of one word', (_, view) => {
    const title = fold(plainText(view.sheet.meta.title));
    const lines = bodyPages(files.get(view)!)[0]!.map(fold);
    const start = lines.findIndex((line) => title.startsWith(line) && line !== title);
    expect(start, 'the title is set on several lines').toBeGreaterThanOrEqual(0);
    const taken: string[] = [];
    for (let at = start; taken.join(' ') !== title && at < lines.length; at++) taken.push(lines[at]!);
    expect(taken.join(' ')).toBe(title);
    for (const line of taken) expect(line.split(' ').length, line).toBeGreaterThan(1);
  });
});

describe('balancing lines', () => {
  it('gives the lines about equal lengths, never more lines than the width needs', () => {
    const text = 'aaaa bbbb cccc dd';
    const width = (from: number, to: number) => to - from;
    const cut = (lines: [number, number][]) => lines.map(([from, to]) => text.slice(from, to));
    expect(cut(breakOpportunityLines(text, 14, width))).toEqual(['aaaa bbbb cccc', 'dd']);
    expect(cut(balancedLines(text, 14, width))).toEqual(['aaaa bbbb', 'cccc dd']);
  });
});

describe('bookmarks', () => {
  it.each(views.map((view) => [view.sheet.lang, view] as const))('%s: each opens at its heading, on its page, at its top and left', async (_, view) => {
    const file = files.get(view)!;
    const run = spawnSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' });
    const outlines = (JSON.parse(run.stdout) as { outlines: Array<{ title: string; dest: unknown[]; destpageposfrom1: number }> }).outlines;
    const headings = view.sheet.sections.flatMap((section) => (section.heading ? [plainText(section.heading)] : []));
    expect(outlines.map((o) => o.title)).toEqual(headings);
    const pages = await pdfTextItems(new Uint8Array(readFileSync(file)));
    for (const outline of outlines) {
      const [, kind, left, top] = outline.dest as [string, string, number, number];
      expect(kind).toBe('/XYZ');
      expect(left, outline.title).toBe(view.style.page.margins[view.dir === 'rtl' ? 1 : 3]);
      // The heading's first line stands just under the destination's top, on that page.
      const items = pages[outline.destpageposfrom1 - 1]!.filter((item) => item.str.trim() !== '');
      const below = items.filter((item) => item.transform[5] < top && top - item.transform[5] < 2 * view.style.sizes.heading);
      expect(below.length, `no text just under the bookmark "${outline.title}"`).toBeGreaterThan(0);
      if (view.dir === 'ltr') expect(fold(below.map((item) => item.str).join(' ')), outline.title).toContain(fold(outline.title).split(' ')[0]!);
    }
  });
});
