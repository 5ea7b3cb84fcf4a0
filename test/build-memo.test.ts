import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildReport } from '../src/build/index.js';
import { MEMO_FILE } from '../src/build/build-memo.js';
import { FORMATS } from '../src/render/index.js';
import { editFile } from './helpers/files.js';
import { REPO, makeProject } from './helpers/project.js';

// A rebuild given exactly what the last build was given, into the folder as it left it,
// reports the remembered result. To see which path a build took, the remembered result
// is given a problem no check would find: a build that reports it used the memory; one
// that does not ran in full.

const MARK = 'remembered, not checked';

let root: string;
let out: string;

const build = (options: { strict?: boolean } = {}): Promise<BuildReport> =>
  buildProject({ root, outDir: out, sheets: [], langs: [], formats: [...FORMATS], sourceDateEpoch: null, ...options });

const memoFile = () => path.join(out, '.factsheet', MEMO_FILE);

/** Puts a problem of its own into the remembered result. */
function markMemo(): void {
  const memo = JSON.parse(readFileSync(memoFile(), 'utf8')) as { report: { diagnostics: unknown[] } };
  const start = { line: 1, column: 1, offset: 0 };
  memo.report.diagnostics.push({ severity: 'warning', ruleId: 'test-mark', location: { file: 'factsheet.yaml', start, end: start }, message: MARK });
  writeFileSync(memoFile(), JSON.stringify(memo));
}

const remembered = (report: BuildReport) => report.diagnostics.some((d) => d.message === MARK);

beforeAll(async () => {
  root = makeProject(REPO);
  out = path.join(root, 'out');
  expect((await build()).diagnostics).toEqual([]);
});

describe('a rebuild with nothing changed', () => {
  it('reports the remembered result: every output up to date, nothing rendered or read back', async () => {
    const first = await build();
    markMemo();
    const again = await build();
    expect(remembered(again)).toBe(true);
    expect(again.rendered).toEqual([]);
    expect(again.readBack).toEqual([]);
    expect(again.written).toEqual([]);
    expect([...again.unchanged].sort()).toEqual([...first.written, ...first.unchanged].sort());
  });

  it('runs in full when an option changes, and again when it changes back', async () => {
    markMemo();
    expect(remembered(await build({ strict: true }))).toBe(false);
    expect(remembered(await build())).toBe(false);
  });

  it('runs in full when one byte of a source changes', async () => {
    await build();
    markMemo();
    editFile(root, 'sources/partnerships/fr.md', (text) => `${text}\n`);
    const report = await build();
    expect(remembered(report)).toBe(false);
  });

  it('runs in full, and renders the file again, when an output was changed by hand', async () => {
    await build();
    markMemo();
    const pdf = path.join(out, 'en', 'partnerships.pdf');
    writeFileSync(pdf, Buffer.concat([readFileSync(pdf), Buffer.from('\n')]));
    const report = await build();
    expect(remembered(report)).toBe(false);
    expect(report.rendered).toEqual(['en/partnerships.pdf']);
  });

  it('runs in full when the manifest says other than what the build left', async () => {
    await build();
    markMemo();
    const manifest = path.join(out, '.factsheet', 'manifest.json');
    const data = JSON.parse(readFileSync(manifest, 'utf8')) as { outputs: Record<string, unknown> };
    delete data.outputs['fr/global-partners.docx'];
    writeFileSync(manifest, JSON.stringify(data));
    const report = await build();
    expect(remembered(report)).toBe(false);
    // Without its record the output is not vouched for: it is rendered again, to the same bytes.
    expect(report.rendered).toEqual(['fr/global-partners.docx']);
    expect(report.written).toEqual([]);
  });

  it('runs in full, without a problem, when the remembered result cannot be read', async () => {
    writeFileSync(memoFile(), '{ not json');
    const report = await build();
    expect(report.diagnostics).toEqual([]);
    expect(remembered(report)).toBe(false);
  });
});
