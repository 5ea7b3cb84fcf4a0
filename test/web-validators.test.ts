import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { filesOf } from './helpers/files.js';
import { REPO, tempDir } from './helpers/project.js';

// Every web page the repository publishes, checked by the Nu Html Checker (vnu.jar, run by
// the machine's Java): what a validator says, not what our own parser accepts.

const VNU = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

let out: string;
let pages: string[];

beforeAll(async () => {
  out = tempDir();
  await buildProject({ root: REPO, outDir: out, sheets: [], langs: [], formats: ['html'], sourceDateEpoch: null });
  pages = [...filesOf(out).keys()].filter((name) => name.endsWith('.html')).map((name) => path.join(out, name));
});

/** One run of the checker over all the files: its errors and warnings, each as "page:line: message". */
function vnu(files: readonly string[]): string[] {
  // Without performance data, which Java writes under /tmp/hsperfdata_<user> whatever TMPDIR says, and leaves there.
  const run = spawnSync('java', ['-XX:-UsePerfData', '-jar', VNU, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`vnu did not run: ${run.error ?? run.stderr}`);
  const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
  return messages
    .filter((m) => m.type === 'error' || (m.type === 'info' && m.subType === 'warning') || m.type === 'non-document-error')
    .map((m) => `${path.relative(out, decodeURIComponent((m.url ?? '').replace(/^file:/, '')))}:${m.lastLine ?? 0}: ${m.message}`);
}

describe('the Nu Html Checker', () => {
  it('finds no error and no warning in any page of the build', () => {
    // Every sheet in every language, the folder's index and ledger, and each language's.
    expect(pages.length).toBe(26);
    expect(vnu(pages)).toEqual([]);
  });

  it('is heard: a page with an error is reported at its line', () => {
    const page = path.join(tempDir(), 'broken.html');
    writeFileSync(page, '<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head>\n<body><main><main></main></main></body></html>\n');
    expect(vnu([page]).join('\n')).toMatch(/broken\.html:3: .*main/);
  });
});

describe('the pages on a phone', () => {
  it('fit a screen 320 and 390 pixels wide without sideways scrolling; sheets in body text of at least 16 pixels', async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true });
    try {
      const isSheet = (page: string) => !/[/\\](index|figures)\.html$/.test(page);
      expect(pages.filter(isSheet).length).toBe(12);
      const problems: string[] = [];
      for (const width of [320, 390]) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        for (const file of pages) {
          await page.goto(`file://${file}`);
          const { scroll, text } = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            text: parseFloat(getComputedStyle(document.querySelector('main p') ?? document.body).fontSize),
          }));
          if (scroll > width) problems.push(`${path.relative(out, file)} at ${width} px: ${scroll} px wide`);
          if (isSheet(file) && text < 16) problems.push(`${path.relative(out, file)} at ${width} px: body text ${text} px`);
        }
        await page.close();
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
