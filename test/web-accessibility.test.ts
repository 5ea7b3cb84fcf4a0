import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { filesOf } from './helpers/files.js';
import { REPO, tempDir } from './helpers/project.js';

// Every web page of the repository's build, read by axe-core in Chromium (Debian's, driven
// by playwright-core), one browser for all pages: what an accessibility checker finds in
// the page as a browser lays it out (contrast is measured on the colours drawn), not what
// our own code meant to write.

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.1 levels A and AA, and the best practices (landmarks, regions, headings) a page should follow too. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}

let out: string;
let pages: string[];
let browser: Browser;

beforeAll(async () => {
  out = tempDir();
  await buildProject({ root: REPO, outDir: out, sheets: [], langs: [], formats: ['html'], sourceDateEpoch: null });
  pages = [...filesOf(out).keys()].filter((name) => name.endsWith('.html')).sort();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
});

afterAll(async () => {
  await browser?.close();
});

/** axe's violations in the page at `file`, each as "page: rule (help) at selector". */
async function violations(page: Page, file: string): Promise<string[]> {
  await page.goto(`file://${file}`);
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate((tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), TAGS)) as AxeResult;
  return result.violations.flatMap((v) => v.nodes.map((node) => `${path.relative(out, file)}: ${v.id} (${v.help}) at ${JSON.stringify(node.target)}`));
}

describe('axe-core in Chromium', () => {
  it('finds no WCAG 2.1 A or AA violation, nor a best-practice one, in any page of the build', async () => {
    // 12 sheet pages, the folder's index and ledger, and each of the 6 languages' index and ledger.
    expect(pages.length).toBe(26);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const found: string[] = [];
    for (const name of pages) found.push(...(await violations(page, path.join(out, name))));
    await page.close();
    expect(found).toEqual([]);
  });

  it('finds none either on a phone, 390 pixels wide, in a left-to-right and a right-to-left language', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const found: string[] = [];
    // The phone's style sheet changes sizes and spacing, not colours: a page of each kind in French and Arabic.
    for (const name of pages.filter((name) => /^(fr|ar)\//.test(name))) found.push(...(await violations(page, path.join(out, name))));
    await page.close();
    expect(found).toEqual([]);
  });

  it('is heard: a link too pale to read and a region outside the landmarks are reported', async () => {
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1><a href="#" style="color:#9ab">pale</a></main><p>outside</p></body></html>');
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate((tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS)) as AxeResult;
    await page.close();
    expect(result.violations.map((v) => v.id).sort()).toEqual(['color-contrast', 'region']);
  });
});

// The same browser, for what a page looks like: the faces it is set in, and the page printed.
describe('the pages in Chromium', () => {
  it('are set in the template’s own fonts, loaded from the output folder', async () => {
    const page = await browser.newPage();
    const loaded = async (name: string) => {
      await page.goto(`file://${path.join(out, name)}`);
      return page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => `${font.family.replace(/"/g, '')} ${font.weight} ${font.style}`);
      });
    };
    expect(await loaded('fr/partnerships.html')).toEqual(expect.arrayContaining(['Source Sans 3 400 normal', 'Source Sans 3 600 normal']));
    expect(await loaded('ar/partnerships.html')).toEqual(expect.arrayContaining(['Noto Naskh Arabic 400 normal', 'Noto Naskh Arabic 600 normal']));
    expect(await loaded('ar/index.html')).toEqual(expect.arrayContaining(['Noto Naskh Arabic 400 normal']));
    await page.close();
  });

  it('print on A4, numbered "1 / 2" in the footer, the contact block whole on the last page', async () => {
    const page = await browser.newPage();
    const printed: Record<string, string> = {};
    for (const name of ['fr/partnerships.html', 'ar/partnerships.html', 'fr/figures.html']) {
      await page.goto(`file://${path.join(out, name)}`);
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(out, `${name}.pdf`);
      // The page's own @page size and margins, as a browser's print dialog takes them.
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
      expect(info, name).toMatch(/Page size: .* pts \(A4\)/);
      printed[name] = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    }
    const french = printed['fr/partnerships.html']!.split('\f').filter((p) => p.trim() !== '');
    expect(french.length).toBe(2);
    expect(french.map((p) => /(\d) ?\/ ?(\d)\s*$/.exec(p)?.slice(1).join('/'))).toEqual(['1/2', '2/2']);
    // The contact block is not split: its heading and its last line on the same page.
    expect(french[1]).toMatch(/CONTACT[\s\S]*#NATO/);
    // pdftotext may drop the spaces around the slash.
    expect(printed['ar/partnerships.html']).toMatch(/1 ?\/ ?2/);
    expect(printed['fr/figures.html']).toMatch(/1 ?\/ ?\d/);
    await page.close();
  });
});
