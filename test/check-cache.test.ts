import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serialize, deserialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckResult } from '../src/check/check-project.js';
import type { SheetCheck } from '../src/check/sheet-cache.js';
import { buildProject } from '../src/build/index.js';
import { CHECK_CACHE_FILE, readCheckCache } from '../src/build/check-cache-file.js';
import { FORMATS } from '../src/render/index.js';
import { readProject } from '../src/sources/read-project.js';
import { editFile } from './helpers/files.js';
import { REPO, makeProject } from './helpers/project.js';

// A check given the entries of an earlier one reuses those whose key is unchanged and
// must find exactly what a check without them finds.

let root: string;

const check = async (cache?: ReadonlyMap<string, SheetCheck>): Promise<CheckResult> => checkProject(await readProject(root), { webPages: false, cache: cache ?? new Map() });

/** What a check found, as data: the parts a build and the reports use. */
const outcome = (result: CheckResult) => ({
  diagnostics: result.diagnostics,
  sheets: result.sheets.map((s) => `${s.lang}/${s.id}`),
  parsed: result.parsed,
  failedSheets: [...result.failedSheets].sort(),
  failedVersions: [...result.failedVersions].sort(),
  unreviewed: [...result.unreviewed].sort(),
  edited: [...result.edited].sort(),
  reviewUnknown: [...result.reviewUnknown].sort(),
});

/** An entry as if written to disk and read back. */
const copied = (cache: ReadonlyMap<string, SheetCheck>) => deserialize(serialize(cache)) as Map<string, SheetCheck>;

beforeAll(() => {
  root = makeProject(REPO);
  // Problems of several kinds, so that reusing an entry has something to get wrong: an edited translation, a typed figure, a glyph the font lacks.
  editFile(root, 'sources/partnerships/en.md', (text) => text.replace(/\n\n(?=[A-Z])/, '\n\nAbout 28 allies. '));
  editFile(root, 'sources/global-partners/fr.md', (text) => text.replace(/\n\n(?=[A-ZÀ-Ý])/, '\n\nUn signe \u{1F600} ici. '));
});

describe('a check with the entries of an earlier check', () => {
  it('finds exactly what a check without them finds, and reuses every entry when nothing changed', async () => {
    const first = await check();
    expect(first.diagnostics.length).toBeGreaterThan(0);
    const again = await check(copied(first.cache!));
    expect(outcome(again)).toEqual(outcome(first));
    for (const [id, entry] of again.cache!) expect(entry.key).toBe(first.cache!.get(id)!.key);
  });

  it('checks again only the sheet whose file changed', async () => {
    const before = copied((await check()).cache!);
    editFile(root, 'sources/global-partners/en.md', (text) => `${text}\nOne more paragraph.\n`);
    const after = await check(before);
    expect(after.cache!.get('partnerships')).toBe(before.get('partnerships'));
    expect(after.cache!.get('global-partners')).not.toBe(before.get('global-partners'));
    expect(outcome(after)).toEqual(outcome(await check()));
  });

  it('checks every sheet again when what they share changes (the registry)', async () => {
    const before = copied((await check()).cache!);
    editFile(root, 'sources/figures.yaml', (text) => `${text}\n`);
    const after = await check(before);
    for (const [id, entry] of after.cache!) expect(entry, id).not.toBe(before.get(id));
  });

  it('takes what an entry says under its key, and nothing under another key', async () => {
    const cache = copied((await check()).cache!);
    const entry = cache.get('partnerships')!;
    const start = { line: 1, column: 1, offset: 0 };
    entry.diagnostics.push({ severity: 'warning', ruleId: 'test-mark', location: { file: 'sources/partnerships/fr.md', start, end: start }, message: 'from the cache' });
    expect((await check(cache)).diagnostics.some((d) => d.message === 'from the cache')).toBe(true);
    entry.key = entry.key.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect((await check(cache)).diagnostics.some((d) => d.message === 'from the cache')).toBe(false);
  });
});

describe('the entries kept in the output folder', () => {
  it('are kept by a build and ignored whole when their file is damaged', async () => {
    const out = path.join(root, 'out');
    await buildProject({ root, outDir: out, sheets: [], langs: [], formats: [...FORMATS], sourceDateEpoch: null });
    const kept = await readCheckCache(out);
    expect([...kept.keys()].sort()).toEqual(['global-partners', 'partnerships']);
    writeFileSync(path.join(out, '.factsheet', CHECK_CACHE_FILE), Buffer.from('not what a build wrote'));
    expect((await readCheckCache(out)).size).toBe(0);
  });
});
