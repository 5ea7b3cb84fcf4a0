import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildReport } from '../src/build/index.js';
import { FORMATS, type Format } from '../src/render/index.js';
import { runCli } from './helpers/cli.js';
import { filesOf } from './helpers/files.js';
import { REPO, makeProject, tempDir } from './helpers/project.js';

// Each step changes the project or the output folder, rebuilds into the same folder, and
// checks which outputs were rendered (the report, never a clock) and that every byte is
// what a cold build of the same project into a fresh folder gives.

const SHEET_OUTPUTS = ['en', 'fr'].flatMap((lang) => ['global-partners', 'partnerships'].flatMap((id) => FORMATS.map((f) => `${lang}/${id}.${f}`))).sort();
/** The index and ledger pages: the output folder's own, and each language's. */
const PAGES = ['', 'en/', 'fr/'].flatMap((dir) => [`${dir}figures.html`, `${dir}index.html`]).sort();
/** The template's fonts, which the build copies beside the pages. */
const FONT_COUNT = 8;
const isFont = (name: string) => name.startsWith('assets/fonts/');
const isProjectFile = (name: string) => PAGES.includes(name) || isFont(name);

let root: string;
let out: string;

const build = (outDir = out, sourceDateEpoch: number | null = null, formats: Format[] = [...FORMATS]): Promise<BuildReport> =>
  buildProject({ root, outDir, sheets: [], langs: [], formats, sourceDateEpoch });

/** The sheet outputs a build rendered, sorted. */
const renderedOutputs = (report: BuildReport) => report.rendered.filter((name) => !isProjectFile(name)).sort();

async function expectSameAsCold(sourceDateEpoch: number | null = null): Promise<void> {
  const fresh = tempDir();
  expect((await build(fresh, sourceDateEpoch)).diagnostics).toEqual([]);
  const cold = filesOf(fresh);
  const incremental = filesOf(out);
  expect([...incremental.keys()].sort()).toEqual([...cold.keys()].sort());
  for (const [name, bytes] of cold) expect(incremental.get(name)!.equals(bytes), `${name} differs from a cold build`).toBe(true);
}

function edit(relative: string, from: string | RegExp, to: string): void {
  const file = path.join(root, relative);
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${relative} holds ${String(from)}`).not.toBe(text);
  writeFileSync(file, changed);
}

/** Inode and modification time of every file of the output folder, the manifest included. */
function identities(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const name of filesOf(out, { state: true }).keys()) {
    if (name.startsWith('.factsheet/') && name !== '.factsheet/manifest.json') continue;
    const stat = statSync(path.join(out, name));
    ids.set(name, `${stat.ino}:${stat.mtimeMs}`);
  }
  return ids;
}

beforeAll(async () => {
  root = makeProject(REPO);
  out = path.join(root, 'out');
  const first = await build();
  expect(first.diagnostics).toEqual([]);
  expect(renderedOutputs(first)).toEqual(SHEET_OUTPUTS);
});

describe('an incremental build', () => {
  it('renders nothing when nothing changed, and leaves every file (the pages and the manifest too) untouched', async () => {
    const before = identities();
    const report = await build();
    expect(report.diagnostics).toEqual([]);
    expect(report.rendered).toEqual([]);
    expect(report.readBack).toEqual([]);
    expect(report.written).toEqual([]);
    expect([...report.unchanged].filter((name) => !isFont(name)).sort()).toEqual([...SHEET_OUTPUTS, ...PAGES].sort());
    expect(report.unchanged.filter(isFont)).toHaveLength(FONT_COUNT);
    expect(identities()).toEqual(before);
  });

  it('takes what the outputs left out by --format state from the manifest, and reads back only one changed since', async () => {
    const ledger = readFileSync(path.join(out, 'figures.html'));
    const pdfOnly = await build(out, null, ['pdf']);
    expect(pdfOnly.diagnostics).toEqual([]);
    expect(pdfOnly.readBack).toEqual([]);
    expect(readFileSync(path.join(out, 'figures.html')).equals(ledger)).toBe(true);

    // A Word document that no longer states its figures: read back, and the ledger says so.
    writeFileSync(path.join(out, 'en/global-partners.docx'), 'not what factsheet wrote');
    const altered = await build(out, null, ['pdf']);
    expect(altered.readBack).toEqual(['en/global-partners.docx']);
    expect(readFileSync(path.join(out, 'figures.html')).equals(ledger)).toBe(false);

    const repaired = await build();
    expect(renderedOutputs(repaired)).toEqual(['en/global-partners.docx']);
    expect(readFileSync(path.join(out, 'figures.html')).equals(ledger)).toBe(true);
  });

  it('after a figure edit, renders exactly the versions that quote it, and updates the ledger', async () => {
    const ledger = readFileSync(path.join(out, 'figures.html'), 'utf8');
    edit('sources/figures.yaml', /(operations\.troops:\n {2}value: )7000/, '$17300');
    const report = await build();
    expect(report.diagnostics).toEqual([]);
    expect(renderedOutputs(report)).toEqual(SHEET_OUTPUTS.filter((name) => name.includes('/partnerships.')));
    expect([...report.readBack].sort()).toEqual(renderedOutputs(report));
    expect(report.written).toContain('figures.html');
    // The index links the same files under the same titles.
    expect(report.rendered).not.toContain('index.html');
    expect(readFileSync(path.join(out, 'figures.html'), 'utf8')).not.toBe(ledger);
    await expectSameAsCold();
  });

  it('renders again an output altered by hand and one deleted, and nothing else', async () => {
    writeFileSync(path.join(out, 'en/partnerships.pdf'), 'not what factsheet wrote');
    rmSync(path.join(out, 'fr/global-partners.docx'));
    const report = await build();
    expect(report.diagnostics).toEqual([]);
    expect(renderedOutputs(report)).toEqual(['en/partnerships.pdf', 'fr/global-partners.docx']);
    await expectSameAsCold();
  });

  it("renders all of a template's outputs again when one of its labels changes", async () => {
    edit('templates/factsheet/labels.yaml', 'kind: Fact sheet', 'kind: Fact file');
    const report = await build();
    expect(report.diagnostics).toEqual([]);
    expect(renderedOutputs(report)).toEqual(SHEET_OUTPUTS);
    // Of the project pages, only the English ones speak English.
    expect(report.rendered.filter((name) => PAGES.includes(name)).sort()).toEqual(['en/figures.html', 'en/index.html']);
    edit('templates/figures.hbs', '<html', '<!-- edited -->\n<html');
    expect((await build()).rendered.sort()).toEqual(['en/figures.html', 'figures.html', 'fr/figures.html']);
    await expectSameAsCold();
  });

  it("renders all of a template's outputs again when the bytes of one of its fonts change, under the same name", async () => {
    const fonts = path.join(path.dirname(createRequire(import.meta.url).resolve('source-sans/package.json')), 'TTF');
    mkdirSync(path.join(root, 'templates/factsheet/fonts'));
    copyFileSync(path.join(fonts, 'SourceSans3-Regular.ttf'), path.join(root, 'templates/factsheet/fonts/normal.ttf'));
    edit('templates/factsheet/style.yaml', 'normal: source-sans/TTF/SourceSans3-Regular.ttf', 'normal: ./fonts/normal.ttf');
    expect((await build()).diagnostics).toEqual([]);
    expect(renderedOutputs(await build())).toEqual([]);
    copyFileSync(path.join(fonts, 'SourceSans3-Semibold.ttf'), path.join(root, 'templates/factsheet/fonts/normal.ttf'));
    const report = await build();
    expect(report.diagnostics).toEqual([]);
    expect(renderedOutputs(report)).toEqual(SHEET_OUTPUTS);
    await expectSameAsCold();
  });

  it('renders everything once, without a problem, from a manifest that records no keys', async () => {
    const manifest = path.join(out, '.factsheet/manifest.json');
    const data = JSON.parse(readFileSync(manifest, 'utf8')) as { outputs?: unknown };
    expect(data.outputs).toBeDefined();
    delete data.outputs;
    writeFileSync(manifest, JSON.stringify(data));
    const report = await build();
    expect(report.diagnostics).toEqual([]);
    expect(renderedOutputs(report)).toEqual(SHEET_OUTPUTS);
    expect(report.written.filter((name) => !isProjectFile(name))).toEqual([]);
    expect(renderedOutputs(await build())).toEqual([]);
  });

  it('says in the summary how many outputs were rendered and how many were up to date', async () => {
    writeFileSync(path.join(out, 'fr/partnerships.html'), 'not what factsheet wrote');
    const run = await runCli(['build', '--root', root]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stderr).toMatch(/^build: 1 file written; 25 unchanged; 1 rendered, 25 up to date; no sheet failed/m);
  });

  it('renders everything again when SOURCE_DATE_EPOCH changes', async () => {
    const report = await build(out, 1_700_000_000);
    expect(report.diagnostics).toEqual([]);
    expect(renderedOutputs(report)).toEqual(SHEET_OUTPUTS);
    await expectSameAsCold(1_700_000_000);
  });

  it('keeps the fonts the pages load while their template cannot be read, and deletes one no template names any more', async () => {
    const fonts = () => [...filesOf(out).keys()].filter(isFont).sort();
    const before = fonts();
    expect(before).toHaveLength(FONT_COUNT);
    const style = path.join(root, 'templates/factsheet/style.yaml');
    const text = readFileSync(style, 'utf8');
    // A style that cannot be read: the template's sheets keep their pages, which load these fonts.
    writeFileSync(style, text.replace(/^colors:$/m, 'colors: 3\nunused:'));
    expect((await build()).diagnostics.map((d) => d.ruleId)).toContain('template-style-invalid');
    expect(fonts()).toEqual(before);
    // Hebrew no longer named: its two faces go, the others stay.
    writeFileSync(style, text.replace(/^ {4}Hebrew:\n(?: {6}.*\n)+/m, ''));
    expect((await build()).diagnostics).toEqual([]);
    expect(fonts()).toEqual(before.filter((name) => !name.includes('NotoSansHebrew')));
    writeFileSync(style, text);
  });

  it('with render workers, renders the versions quoting an edited figure while the check runs, as a cold build does', async () => {
    expect((await build()).diagnostics).toEqual([]);
    edit('sources/figures.yaml', /(operations\.troops:\n {2}value: )\d+/, '$17400');
    const report = await buildProject({ root, outDir: out, sheets: [], langs: [], formats: [...FORMATS], sourceDateEpoch: null, jobs: 2 });
    expect(report.diagnostics).toEqual([]);
    expect(report.inWorkers).toBe(true);
    const quoting = SHEET_OUTPUTS.filter((name) => name.includes('/partnerships.'));
    expect(renderedOutputs(report)).toEqual(quoting);
    // Every output rendered was started as soon as its version was typeset.
    expect(report.renderedEarly).toBe(quoting.length);
    await expectSameAsCold();
    // A build of one language: its pages link the other language, which its folder holds; no output of other jobs is taken.
    edit('sources/figures.yaml', /(operations\.troops:\n {2}value: )\d+/, '$17500');
    const french = await buildProject({ root, outDir: out, sheets: [], langs: ['fr'], formats: [...FORMATS], sourceDateEpoch: null, jobs: 2 });
    expect(french.diagnostics).toEqual([]);
    expect(renderedOutputs(french)).toEqual(quoting.filter((name) => name.startsWith('fr/')));
    expect(french.renderedEarly).toBe(0);
  });
});
