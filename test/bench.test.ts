import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureText } from '../src/bench/child-build.js';
import { code, makeCorpus } from '../src/bench/corpus.js';
import { resolvedMarkdown } from '../src/bench/resolved-markdown.js';
import type { BenchResult } from '../src/bench/run-bench.js';
import { ratio } from '../src/bench/table.js';
import { checkProject } from '../src/check/check-project.js';
import { figureRefsOf } from '../src/model/figure-refs.js';
import { readProject } from '../src/sources/read-project.js';
import { REPO, tempDir } from './helpers/project.js';

/** Every scenario `make bench` measures with our builds, whatever the machine has installed. */
const BUILD_SCENARIOS = [
  'cold build',
  'rebuild, nothing changed',
  'rebuild, one figure edited',
  'rebuild, one paragraph edited',
  'watch, one paragraph edited',
  'cold build, pdf alone',
  'cold build, docx alone',
  'cold build, html alone',
];

describe('the benchmark corpus', () => {
  it('varies the repository sheets into a project that checks clean, every version publishable', async () => {
    const root = tempDir('factsheet-corpus-');
    const corpus = await makeCorpus(REPO, root, 3);
    expect(corpus.sheets).toEqual(['global-partners-1', 'partnerships-2', 'global-partners-3']);
    const result = await checkProject(await readProject(root), { webPages: false });
    // Not even a warning: a corpus with unreviewed or stale translations would not measure a press office's build.
    expect(result.diagnostics.map((d) => `${d.location.file}:${d.location.line}: ${d.message} [${d.ruleId}]`)).toEqual([]);
    expect(result.sheets).toHaveLength(3 * corpus.languages.length);
    // Every version's title differs, so every output differs.
    const titles = result.sheets.map((s) => s.meta.title.map((n) => ('value' in n ? n.value : '')).join(''));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('is made in some of the project\'s languages when asked, only their files copied, and checks clean', async () => {
    const root = tempDir('factsheet-corpus-');
    const corpus = await makeCorpus(REPO, root, 2, ['en', 'fr']);
    // In the project's order, whatever the order asked.
    expect(corpus.languages).toEqual(['fr', 'en']);
    const settings = readFileSync(path.join(root, 'factsheet.yaml'), 'utf8');
    expect(settings).toMatch(/^languages: \[ fr, en \]$/m);
    expect(settings).toContain('# The language every sheet is written in first');
    for (const folder of ['boilerplate', 'names', 'partnerships-2']) expect(readdirSync(path.join(root, 'sources', folder)).filter((f) => !f.endsWith('.lock.yaml')).sort()).toEqual(folder === 'partnerships-2' ? ['en.md', 'fr.md'] : ['en.yaml', 'fr.yaml']);
    const result = await checkProject(await readProject(root), { webPages: false });
    expect(result.diagnostics.map((d) => `${d.location.file}:${d.location.line}: ${d.message} [${d.ruleId}]`)).toEqual([]);
    expect(result.sheets).toHaveLength(2 * 2);
  });

  it('refuses a language the project does not have, and languages without the source language', async () => {
    await expect(makeCorpus(REPO, tempDir('factsheet-corpus-'), 1, ['fr', 'xx'])).rejects.toThrow('the project has no language "xx": its languages are fr, en, de, ru, uk, ar');
    await expect(makeCorpus(REPO, tempDir('factsheet-corpus-'), 1, ['en', 'de'])).rejects.toThrow('the languages must include the source language, "fr"');
  });

  it('codes titles with letters no reader takes for a Roman numeral', () => {
    const codes = Array.from({ length: 500 }, (_, k) => code(k));
    expect(new Set(codes).size).toBe(500);
    for (const c of codes) expect(c).toMatch(/^[A-Z]{3,}$/), expect(c).not.toMatch(/[IVXLCDM]/);
  });
});

describe('the ratios of the table', () => {
  it('are cut to two decimals, never rounded up to a goal', () => {
    expect(ratio(48.21 / 24.27)).toBe('1.98x');
    expect(ratio(1.996)).toBe('1.99x');
    expect(ratio(2)).toBe('2.00x');
    expect(ratio(46.05 / 23.025)).toBe('2.00x');
    expect(ratio(3.5)).toBe('3.50x');
    expect(ratio(188.9)).toBe('188.90x');
    expect(ratio(null)).toBe('');
  });
});

describe('a build that fails in the benchmark', () => {
  const problem = (n: number, severity = 'error') => ({ file: `sources/s${n}/fr.md`, line: n, column: 2, endLine: n, endColumn: 9, severity, ruleId: 'figure-unknown', message: `no figure "f${n}"`, related: [] });
  const report = (diagnostics: unknown[]) => JSON.stringify({ written: Array.from({ length: 2000 }, (_, k) => `out/fr/s${k}.pdf`), diagnostics }, null, 2);

  it('is told by its errors at their places, not by the head of its report', () => {
    const text = failureText(report([problem(1), problem(2, 'warning'), problem(3)]), 'build: 0 files written\n');
    expect(text.split('\n')).toEqual(['build: 0 files written', 'sources/s1/fr.md:1:2: error: no figure "f1" [figure-unknown]', 'sources/s3/fr.md:3:2: error: no figure "f3" [figure-unknown]']);
  });

  it('quotes twenty errors and counts the rest', () => {
    const lines = failureText(report(Array.from({ length: 25 }, (_, k) => problem(k + 1))), '').split('\n');
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe('... and 5 more errors');
  });

  it('quotes output that is not a report as it is', () => {
    expect(failureText('Segmentation fault', 'killed\n')).toBe('killed\nSegmentation fault');
  });
});

describe('the Markdown given to Pandoc', () => {
  it('is the source with every figure reference replaced by its text in the language', async () => {
    const sources = await readProject(REPO);
    const result = await checkProject(sources, { webPages: false });
    const sheet = result.sheets.find((s) => s.id === 'partnerships' && s.lang === 'en')!;
    const source = sources.sheets.find((s) => s.id === 'partnerships' && s.lang === 'en')!.file.text;
    const markdown = resolvedMarkdown(sheet, source);
    expect(markdown).not.toContain('{{');
    expect(markdown).toContain('more than 7,000 troops');
    expect(markdown).toContain('one of NATO\'s three core tasks');
    expect(markdown.startsWith('---\ntitle: "Partnerships')).toBe(true);
    // Only the references changed: the rest of the source is there as written.
    const refs = figureRefsOf(sheet);
    expect(refs.length).toBeGreaterThan(5);
    const removed = refs.reduce((n, r) => n + (r.span.end.offset - r.span.start.offset) - r.text.length, 0);
    expect(source.length - markdown.length).toBe(removed);
  });
});

describe('make bench', () => {
  // Seven builds of a small corpus: minutes on a loaded machine, so a generous limit (never a timing assertion).
  it('measures every scenario with numbers and writes them as JSON, leaving no corpus behind', { timeout: 900_000 }, () => {
    const work = tempDir('factsheet-bench-test-');
    const json = path.join(work, 'results', 'bench-results.json');
    // Built from dist/, as `make bench` runs it; without Pandoc and Chromium so the test does not depend on them.
    const run = spawnSync(process.execPath, [path.join(REPO, 'dist', 'bench', 'cli.js'), '--sheets', '2', '--no-compare', '--json', json, '--work', work], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.status).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as BenchResult;
    expect(result.rows.map((r) => r.scenario)).toEqual(BUILD_SCENARIOS);
    for (const row of result.rows) {
      expect(Number.isFinite(row.seconds) && row.seconds > 0, row.scenario).toBe(true);
      expect(row.peakMB, row.scenario).toBeGreaterThan(0);
      expect(row.outputs, row.scenario).toBeTypeOf('number');
    }
    expect(result.corpus).toMatchObject({ sheets: 2, versions: 2 * result.corpus.languages.length, outputs: 6 * result.corpus.languages.length });
    expect(result.rows[0]!.outputs).toBeGreaterThanOrEqual(result.corpus.outputs);
    expect(result.peakMB).toBe(Math.max(...result.rows.map((r) => r.peakMB!)));
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.notes.join('\n')).toContain('--no-compare');
    // The table names every scenario too.
    for (const scenario of BUILD_SCENARIOS) expect(run.stdout).toContain(scenario);
    expect(run.stdout).toContain(`results written to ${json}`);
    // The corpus and its outputs are removed; only the results stay.
    expect(readdirSync(work)).toEqual(['results']);
  });
});
