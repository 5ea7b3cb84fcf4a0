// The live preview as a person uses it: `factsheet serve` on a copy of a project, the
// sheet open in Chromium (Debian's, driven by playwright-core), the source edited on disk.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, makeProject } from './helpers/project.js';
import { startBin, stopBin, type Running } from './helpers/watch-process.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** Generous: a rebuild on a loaded machine can take many seconds. */
const PATIENCE = { timeout: 180_000 };

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`"${from}" is not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

/** Marks the document open in `page`: a reload replaces it, and the mark is gone. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { mark: boolean }).mark = true));
const marked = (page: Page) => page.evaluate(() => (window as unknown as { mark?: boolean }).mark === true);

describe('factsheet serve in Chromium', () => {
  const project = makeProject(path.join(FIXTURES, 'base'));
  const source = path.join(project, 'sources/sample/fr.md');
  const output = path.join(project, 'out/fr/sample.html');
  let server: Running;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: "make test-deps" installs Debian's chromium`);
    server = startBin(['serve', '--port', '0'], project);
    url = (await server.waitFor(/serving out at (http:\/\/127\.0\.0\.1:\d+\/)/, 'the server listened'))[1]!;
    await server.waitFor(/watch: build 1 \(.*no sheet failed/, 'the first build');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stopBin(server);
  });

  it('reloads the open page with the new text when its source is saved', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}fr/sample.html`);
    await page.waitForSelector('html[data-factsheet-live="on"]', PATIENCE);
    expect(await page.textContent('body')).toContain('L’OTAN coopère avec');
    await mark(page);
    edit(source, 'coopère avec', 'coopère étroitement avec');
    await page.waitForFunction(() => document.body.textContent!.includes('coopère étroitement avec'), null, PATIENCE);
    expect(await marked(page)).toBe(false);
    await page.close();
  });

  it('keeps the last good output on a source error, prints the diagnostic and shows it on the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}fr/sample.html`);
    await page.waitForSelector('html[data-factsheet-live="on"]', PATIENCE);
    await mark(page);
    const before = readFileSync(output);
    edit(source, '{{allies.count}}', '{{allies.cnt}}');
    await server.waitFor(/sources\/sample\/fr\.md:\d+:\d+: error: figure "allies\.cnt" is not in the registry.*\[figure-unknown\]/, 'the diagnostic');
    await server.waitFor(/watch: build \d+ \(sources\/sample\/fr\.md changed.*failed sample \(outputs left as they were\)/, 'the summary of the failed build');
    const notice = await page.waitForSelector('#__factsheet-problems', PATIENCE);
    expect(await notice.textContent()).toContain('[figure-unknown]');
    expect(await marked(page)).toBe(true);
    expect(readFileSync(output).equals(before)).toBe(true);

    edit(source, '{{allies.cnt}}', '{{allies.count}}');
    edit(source, 'pays, dont', 'pays, parmi lesquels');
    await page.waitForFunction(() => document.body.textContent!.includes('pays, parmi lesquels'), null, PATIENCE);
    // The translation is stale now, a warning; the error is gone from the notice.
    await page.waitForFunction(() => document.getElementById('__factsheet-problems')?.textContent?.includes('[translation-stale]'), null, PATIENCE);
    expect(await page.textContent('#__factsheet-problems')).not.toContain('[figure-unknown]');
    await page.close();
  });

  it('previews the page and the PDF side by side, linked from the index, and reloads both', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.click('a[href="/__preview/fr/sample"]');
    await page.waitForSelector('html[data-factsheet-live="on"]', PATIENCE);
    expect(page.url()).toBe(`${url}__preview/fr/sample`);
    const pdf = await page.request.get(`${url}fr/sample.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.getAttribute('iframe[data-path="fr/sample.pdf"]', 'src')).toBe('/fr/sample.pdf');

    edit(source, '## Opérations', '## Opérations récentes');
    await page.waitForFunction(
      () => (document.querySelector('iframe[data-path="fr/sample.html"]') as HTMLIFrameElement).contentDocument?.body?.textContent?.includes('Opérations récentes'),
      null,
      PATIENCE,
    );
    expect(await page.getAttribute('iframe[data-path="fr/sample.pdf"]', 'src')).toMatch(/^\/fr\/sample\.pdf\?v=\d+$/);
    await page.close();
  });

  it('ends cleanly on Ctrl-C, releasing the output folder', async () => {
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain('watch: stopped');
    expect(existsSync(path.join(project, 'out/.factsheet/lock'))).toBe(false);
  });
});

describe('factsheet watch', () => {
  const project = makeProject(path.join(FIXTURES, 'base'));
  let watcher: Running | undefined;
  afterAll(() => stopBin(watcher));

  it('rebuilds when a template or the settings change, and names what changed', async () => {
    watcher = startBin(['watch', '--format', 'html'], project);
    await watcher.waitFor(/watch: build 1 \(.*no sheet failed/, 'the first build');
    edit(path.join(project, 'templates/index.hbs'), '</body>', '<p>Edited index</p></body>');
    await watcher.waitFor(/watch: build 2 \(templates\/index\.hbs changed, [\d.]+ s\): 3 files written; 13 unchanged; no sheet failed/, 'the rebuild');
    // The folder's index and each language's (fr, en).
    for (const index of ['index.html', 'fr/index.html', 'en/index.html']) expect(readFileSync(path.join(project, 'out', index), 'utf8')).toContain('<p>Edited index</p>');
    edit(path.join(project, 'factsheet.yaml'), 'languages: [fr, en]', 'languages: [fr]');
    await watcher.waitFor(/watch: build 3 \(factsheet\.yaml changed.*\n/, 'the rebuild after the settings changed');
    watcher.child.kill('SIGINT');
    expect(await watcher.exited).toBe(0);
  });

  it('lets the build in progress finish on Ctrl-C, so its lock is released', async () => {
    watcher = startBin(['watch', '--out', 'out2'], project);
    await watcher.waitFor(/watch: watching /, 'watching');
    watcher.child.kill('SIGINT');
    expect(await watcher.exited).toBe(0);
    expect(watcher.stderr()).toContain('watch: stopping once the build in progress has finished');
    expect(watcher.stderr()).toMatch(/watch: build 1 .*\nwatch: stopped\n$/);
    expect(existsSync(path.join(project, 'out2/.factsheet/lock'))).toBe(false);
    expect(existsSync(path.join(project, 'out2/fr/sample.pdf'))).toBe(true);
  });
});
