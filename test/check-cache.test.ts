import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serialize, deserialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckResult } from '../src/check/check-project.js';
import { footprintHolds, sheetKeys, type SheetCheck } from '../src/check/sheet-cache.js';
import { resolvedRegistry } from '../src/figures/resolved-registry.js';
import { buildProject } from '../src/build/index.js';
import { BuildSession } from '../src/build/build-session.js';
import { checkCacheFile, entryPayload, readCheckCache } from '../src/build/check-cache-file.js';
import { FORMATS } from '../src/render/index.js';
import { readProject } from '../src/sources/read-project.js';
import { editFile, filesOf } from './helpers/files.js';
import { REPO, makeProject } from './helpers/project.js';

// A check given the entries of an earlier one reuses those whose key is unchanged and
// must find exactly what a check without them finds.

let root: string;
const IDS = ['global-partners', 'partnerships'];

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

  it('checks again, after a figure edit, only the sheets that quote the figure', async () => {
    const before = copied((await check()).cache!);
    editFile(root, 'sources/figures.yaml', (text) => text.replace(/(operations\.troops:\n {2}value: )\d+/, '$17100'));
    const after = await check(before);
    expect([...after.cache!].filter(([id, entry]) => entry !== before.get(id)).map(([id]) => id)).toEqual(['partnerships']);
    expect(outcome(after)).toEqual(outcome(await check()));
  });

  it('checks again a sheet that types the value a figure it does not quote takes, and one that typed the value it had', async () => {
    editFile(root, 'sources/global-partners/en.md', (text) => `${text}\nSome 7200 troops.\n`);
    const before = copied((await check()).cache!);
    editFile(root, 'sources/figures.yaml', (text) => text.replace(/(operations\.troops:\n {2}value: )\d+/, '$17200'));
    const after = await check(before);
    expect([...after.cache!].filter(([id, entry]) => entry !== before.get(id)).map(([id]) => id)).toEqual(['global-partners', 'partnerships']);
    expect(after.diagnostics.some((d) => d.ruleId === 'literal-figure' && d.location.file === 'sources/global-partners/en.md' && d.message.includes('operations.troops'))).toBe(true);
    expect(outcome(after)).toEqual(outcome(await check()));
    // And back: the sheet no longer types a figure's value.
    const warned = copied(after.cache!);
    editFile(root, 'sources/figures.yaml', (text) => text.replace(/(operations\.troops:\n {2}value: )7200/, '$17100'));
    const back = await check(warned);
    expect([...back.cache!].filter(([id, entry]) => entry !== warned.get(id)).map(([id]) => id)).toEqual(['global-partners', 'partnerships']);
    expect(outcome(back)).toEqual(outcome(await check()));
  });

  it('checks again a sheet whose reference names the figure only once Markdown is read (an escaped dot)', async () => {
    editFile(root, 'sources/global-partners/en.md', (text) => `${text}\nTroops: {{operations\\.troops}}.\n`);
    const before = copied((await check()).cache!);
    expect(before.get('global-partners')!.read.some((parsed) => JSON.stringify(parsed.sheet).includes('"id":"operations.troops"'))).toBe(true);
    editFile(root, 'sources/figures.yaml', (text) => text.replace(/(operations\.troops:\n {2}value: )\d+/, '$17400'));
    const after = await check(before);
    expect(after.cache!.get('global-partners')).not.toBe(before.get('global-partners'));
    expect(outcome(after)).toEqual(outcome(await check()));
  });

  it('checks every sheet again when what they share changes (a figure added to the registry)', async () => {
    const before = copied((await check()).cache!);
    editFile(root, 'sources/figures.yaml', (text) => `${text}\nextra.figure:\n  value: 12\n`);
    const after = await check(before);
    for (const [id, entry] of after.cache!) expect(entry, id).not.toBe(before.get(id));
    expect(outcome(after)).toEqual(outcome(await check()));
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
  let out: string;
  const build = (strict = false) => buildProject({ root, outDir: out, sheets: [], langs: [], formats: [...FORMATS], sourceDateEpoch: null, strict });
  /** Inode and modification time of each sheet's entry file: a file written again is a new file. */
  const identities = () => new Map(IDS.map((id) => [id, existsSync(checkCacheFile(out, id)) ? `${statSync(checkCacheFile(out, id)).ino}:${statSync(checkCacheFile(out, id)).mtimeMs}` : null]));
  /** The sheets whose entry a build wrote: those it checked again. */
  const rewritten = (before: Map<string, string | null>) => IDS.filter((id) => identities().get(id) !== before.get(id));

  beforeAll(async () => {
    out = path.join(root, 'out');
    await build();
  });

  it('are written the same whichever way V8 holds their arrays (packed or holey)', async () => {
    // An entry as the check makes it: one read back from the folder went through entryPayload already.
    const [id, entry] = [...(await check()).cache!][0]!;
    // A `map` in optimised code makes a holey array where the interpreter makes a packed one.
    const holey = <T,>(items: readonly T[]): T[] => {
      const array = new Array<T>(items.length);
      items.forEach((item, at) => (array[at] = item));
      return array;
    };
    const packed = <T,>(items: readonly T[]): T[] => Array.from(items);
    const remade = (make: <T>(items: readonly T[]) => T[]) => ({ ...entry, read: make(entry.read.map((version) => ({ ...version, sheet: { ...version.sheet, sections: make(version.sheet.sections) } }))) }) as SheetCheck;
    expect(entryPayload(id, remade(holey)).equals(entryPayload(id, remade(packed)))).toBe(true);
    expect(deserialize(entryPayload(id, remade(packed)))).toEqual({ version: expect.any(Number), id, entry });
  });

  it('are kept by a build, a file per sheet', async () => {
    const kept = await readCheckCache(out);
    expect([...kept.keys()]).toEqual(IDS);
    for (const id of IDS) expect(existsSync(checkCacheFile(out, id)), id).toBe(true);
  });

  it('are written again for exactly the sheet a paragraph edit checks again', async () => {
    const before = identities();
    editFile(root, 'sources/global-partners/fr.md', (text) => text.replace(/\n\n(?=[A-ZÀ-Ý])/, '\n\nTexte révisé. '));
    await build();
    expect(rewritten(before)).toEqual(['global-partners']);
    const again = identities();
    await build();
    expect(rewritten(again)).toEqual([]);
  });

  it('leave out a damaged file, and a file holding another sheet\'s entry, and keep the rest', async () => {
    const [first, second] = IDS as [string, string];
    const bytes = readFileSync(checkCacheFile(out, second));
    writeFileSync(checkCacheFile(out, first), Buffer.from('not what a build wrote'));
    expect([...(await readCheckCache(out)).keys()]).toEqual([second]);
    writeFileSync(checkCacheFile(out, first), bytes);
    expect([...(await readCheckCache(out)).keys()]).toEqual([second]);
    // The next build checks the sheet again and keeps its own entry (--strict, so that it is not the last build's result remembered).
    const before = identities();
    await build(true);
    expect(rewritten(before)).toEqual([first]);
    expect([...(await readCheckCache(out)).keys()]).toEqual(IDS);
  });

  it("remove a deleted sheet's entry, and the single file they were once kept in", async () => {
    const former = path.join(out, '.factsheet', 'check-cache.bin');
    writeFileSync(former, 'entries as once kept');
    rmSync(path.join(root, 'sources/partnerships'), { recursive: true });
    await build();
    expect(existsSync(checkCacheFile(out, 'partnerships'))).toBe(false);
    expect(existsSync(former)).toBe(false);
    expect(readdirSync(path.dirname(checkCacheFile(out, 'global-partners')))).toEqual([path.basename(checkCacheFile(out, 'global-partners'))]);
  });
});

describe('the entries a watch keeps from one build to the next', () => {
  it('are taken instead of the output folder\'s, left as they were by the build, and give what a build without them gives', async () => {
    const project = makeProject(REPO);
    const out = path.join(project, 'out');
    const session = new BuildSession();
    const build = (outDir: string, keep: BuildSession | undefined) => buildProject({ root: project, outDir, sheets: [], langs: [], formats: [...FORMATS], sourceDateEpoch: null, ...(keep ? { session: keep } : {}) });
    expect((await build(out, session)).diagnostics).toEqual([]);
    const kept = session.checks(out)!;
    expect([...kept.keys()]).toEqual(IDS);
    const untouched = serialize(kept.get('partnerships'));
    expect(session.checks(path.join(project, 'elsewhere'))).toBeNull();

    // The folder's entries gone, the next build checks again only the sheet edited, and writes its entry alone.
    rmSync(path.join(out, '.factsheet', 'check'), { recursive: true });
    editFile(project, 'sources/global-partners/fr.md', (text) => text.replace(/\n\n(?=[A-ZÀ-Ý])/, '\n\nTexte révisé. '));
    const report = await build(out, session);
    expect(readdirSync(path.join(out, '.factsheet', 'check'))).toEqual([path.basename(checkCacheFile(out, 'global-partners'))]);
    expect(session.checks(out)!.get('partnerships')).toBe(kept.get('partnerships'));
    // Rendered in this thread from the entry, which the next build takes again: nothing of it changed.
    expect(serialize(session.checks(out)!.get('partnerships')).equals(untouched)).toBe(true);

    const fresh = path.join(project, 'fresh');
    const cold = await build(fresh, undefined);
    expect(report.diagnostics).toEqual(cold.diagnostics);
    const a = filesOf(out);
    const b = filesOf(fresh);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of b) expect(a.get(name)!.equals(bytes), name).toBe(true);
  });
});

describe('what a check works out about the sheets, made once', () => {
  // A build decides which sheets to check again (check-in-threads.ts) and then checks: the
  // registry, each sheet's key and whether each kept entry still holds are the same both times.
  it('takes the registry of a file, the sheets\' keys and whether an entry holds once per sources and registry, and again for others', async () => {
    // A project of its own: the tests above delete a sheet.
    const own = makeProject(REPO);
    const sources = await readProject(own);
    const { registry } = resolvedRegistry(sources.figures!);
    expect(resolvedRegistry(sources.figures!).registry).toBe(registry);
    const keyOf = sheetKeys(sources, registry, { pdf: true });
    expect(sheetKeys(sources, registry, { pdf: true })).toBe(keyOf);
    expect(sheetKeys(sources, registry, { pdf: false })).not.toBe(keyOf);
    const group = sources.sheets.filter((s) => s.id === 'partnerships');
    expect(group.map((s) => s.lang).sort()).toEqual(['en', 'fr']);
    const key = keyOf('partnerships', group);
    expect(keyOf('partnerships', [...group])).toBe(key);
    // Another group of the same sheet (the check leaves out a file it cannot take) has a key of its own.
    expect(keyOf('partnerships', group.slice(0, 1))).not.toBe(key);
    expect(keyOf('partnerships', group)).toBe(key);

    const entry = (await checkProject(sources, { webPages: false, cache: new Map() })).cache!.get('partnerships')!;
    expect(footprintHolds(entry, registry)).toBe(true);
    editFile(own, 'sources/figures.yaml', (text) => text.replace(/(operations\.troops:\n {2}value: )\d+/, '$17300'));
    const edited = await readProject(own);
    const after = resolvedRegistry(edited.figures!).registry;
    expect(after).not.toBe(registry);
    expect(footprintHolds(entry, after)).toBe(false);
    expect(footprintHolds(entry, registry)).toBe(true);
    // Sources read again give the same keys, worked out again: the registry's ids and the sheet's files are unchanged.
    expect(sheetKeys(edited, after, { pdf: true })('partnerships', edited.sheets.filter((s) => s.id === 'partnerships'))).toBe(key);
  });
});
