import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInThreads, checkShares, SHEETS_AHEAD_OF_WORKERS, SHEETS_PER_CHECK_THREAD } from '../src/check/check-in-threads.js';
import { checkProject } from '../src/check/check-project.js';
import { readProject } from '../src/sources/read-project.js';
import { glyphAnswers } from '../src/parse/font-facts.js';
import { runBin } from './helpers/cli.js';
import { REPO, makeProject } from './helpers/project.js';

/** The repository's sheets copied until there are enough to share, with problems of their own in some copies. */
function manySheets(): string {
  const root = makeProject(REPO);
  const copies = SHEETS_PER_CHECK_THREAD;
  for (let copy = 1; copy <= copies; copy++) {
    for (const id of ['partnerships', 'global-partners']) cpSync(path.join(root, 'sources', id), path.join(root, 'sources', `${id}-${copy}`), { recursive: true });
  }
  // An unknown figure in one original and in every copy's translation: problems of their own, in every thread's share.
  const original = path.join(root, 'sources', 'partnerships-2', 'en.md');
  writeFileSync(original, readFileSync(original, 'utf8').replace(/\{\{\s*([a-z][a-z0-9_.-]*)/, '{{ $1x'));
  for (let copy = 1; copy <= copies; copy++) {
    const translation = path.join(root, 'sources', `global-partners-${copy}`, 'fr.md');
    writeFileSync(translation, readFileSync(translation, 'utf8').replace('{{', '{{partners.totl}} {{'));
  }
  return root;
}

describe('checking in threads', () => {
  it('gives what one thread finds, diagnostics in the same order, with the sheets a worker checked taken from it', async () => {
    const root = manySheets();
    const sources = await readProject(root);
    const alone = await checkProject(sources, { webPages: false, cache: new Map() });
    const { result, inWorkers } = await checkInThreads(sources, { webPages: false, cache: new Map() }, 2);
    // The worker's share was checked there and taken as it found it.
    expect(inWorkers).toEqual(checkShares([...alone.cache!.keys()], 2)[1]);
    expect(inWorkers.length).toBeGreaterThan(0);
    expect(alone.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(alone.diagnostics.some((d) => d.location.file === 'sources/global-partners-3/fr.md')).toBe(true);
    expect(result.diagnostics).toEqual(alone.diagnostics);
    expect(result.sheets).toEqual(alone.sheets);
    expect(result.parsed).toEqual(alone.parsed);
    expect([...result.failedSheets].sort()).toEqual([...alone.failedSheets].sort());
    expect([...result.failedVersions].sort()).toEqual([...alone.failedVersions].sort());
    expect([...result.cache!]).toEqual([...alone.cache!]);
  });

  it("takes what the workers asked fontkit, as if this thread had asked it, for the build to keep", async () => {
    const root = manySheets();
    const ids = readdirSync(path.join(root, 'sources'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'sources', entry.name, 'fr.md'))).map((entry) => entry.name);
    const sources = await readProject(root);
    // A character in a sheet of the worker's share only.
    const theirs = checkShares([...(await checkProject(sources, { webPages: false, cache: new Map() })).cache!.keys()], 2)[1]!.at(-1)!;
    expect(ids).toContain(theirs);
    const file = path.join(root, 'sources', theirs, 'fr.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\n([^#\n{-][^\n]*?)\.\n/, '\n\n$1 §.\n'));
    const edited = await readProject(root);
    const { result, inWorkers } = await checkInThreads(edited, { webPages: false, cache: new Map() }, 2);
    expect(inWorkers).toContain(theirs);
    expect(result.diagnostics.filter((d) => d.severity === 'error' && d.location.file === `sources/${theirs}/fr.md`)).toEqual([]);
    expect(glyphAnswers(result.templates.get('factsheet')!.fonts.normal).get('§')).toBe(true);
  });

  it('gives the workers the sources as read here: they read no file', async () => {
    const root = manySheets();
    const sources = await readProject(root);
    const alone = await checkProject(sources, { webPages: false, cache: new Map() });
    // Gone from the disk once read: a worker reading the project would find no sheet.
    rmSync(path.join(root, 'sources'), { recursive: true });
    const { result, inWorkers } = await checkInThreads(sources, { webPages: false, cache: new Map() }, 2);
    expect(inWorkers).toEqual(checkShares([...alone.cache!.keys()], 2)[1]);
    expect(result.diagnostics).toEqual(alone.diagnostics);
  });

  it('keeps the first sheets here, what a worker takes to start, and deals out the others in turn', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `s${i}`);
    const [here, there] = checkShares(ids, 2);
    expect(here!.slice(0, SHEETS_AHEAD_OF_WORKERS)).toEqual(ids.slice(0, SHEETS_AHEAD_OF_WORKERS));
    expect(there![0]).toBe(`s${SHEETS_AHEAD_OF_WORKERS + 1}`);
    expect(here!.length - there!.length).toBe(SHEETS_AHEAD_OF_WORKERS);
    expect([...here!, ...there!].sort()).toEqual([...ids].sort());
    // A few sheets to share: no more than half of an even share stays ahead.
    const few = checkShares(ids.slice(0, 24), 2);
    expect(few.map((share) => share.length)).toEqual([15, 9]);
    expect(checkShares(ids.slice(0, 36), 3).map((share) => share.length)).toEqual([16, 10, 10]);
  });

  it('checks here, in one thread, a project with few sheets to check', async () => {
    const sources = await readProject(makeProject(REPO));
    const { result, inWorkers } = await checkInThreads(sources, { webPages: false, cache: new Map() }, 2);
    expect(inWorkers).toEqual([]);
    expect(result.diagnostics).toEqual((await checkProject(sources, { webPages: false })).diagnostics);
  });
});

/** Every file under a folder, by relative path. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return found;
}

describe('a build checking in threads', () => {
  it('reports what `factsheet check` and a build in one thread report, and writes the same bytes', () => {
    const root = manySheets();
    const check = runBin(['check'], root);
    const serial = runBin(['build', '--out', 'serial', '--jobs', '1', '--format', 'html'], root);
    const parallel = runBin(['build', '--out', 'parallel', '--jobs', '2', '--format', 'html'], root);
    expect(serial.code).toBe(1);
    expect(parallel.code).toBe(1);
    const problems = (text: string) => text.split('\n').filter((line) => /: (error|warning): /.test(line) || line.startsWith('  '));
    expect(problems(check.stdout + check.stderr).length).toBeGreaterThan(SHEETS_PER_CHECK_THREAD);
    expect(problems(parallel.stdout + parallel.stderr)).toEqual(problems(check.stdout + check.stderr));
    const lines = (text: string, out: string) => text.replaceAll(`${out}/`, 'OUT/');
    expect(lines(parallel.stdout, 'parallel')).toBe(lines(serial.stdout, 'serial'));
    expect(lines(parallel.stderr, 'parallel')).toBe(lines(serial.stderr, 'serial'));
    const a = files(path.join(root, 'serial'));
    const b = files(path.join(root, 'parallel'));
    const outputs = (names: Iterable<string>) => [...names].filter((name) => !name.startsWith('.factsheet')).sort();
    expect(outputs(b.keys())).toEqual(outputs(a.keys()));
    expect(outputs(a.keys()).length).toBeGreaterThan(2 * SHEETS_PER_CHECK_THREAD);
    expect(outputs(a.keys()).filter((name) => !a.get(name)!.equals(b.get(name)!))).toEqual([]);
  });
});
