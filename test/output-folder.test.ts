import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { OutputFolder } from '../src/build/output-folder.js';
import { FORMATS, type Format } from '../src/render/index.js';
import { runCli } from './helpers/cli.js';
import { filesOf } from './helpers/files.js';
import { REPO, makeProject, tempDir } from './helpers/project.js';

const BIN = path.join(REPO, 'bin/factsheet.js');
const options = (root: string, outDir: string, formats: readonly Format[] = FORMATS) => ({ root, outDir, sheets: [], langs: [], formats: [...formats], sourceDateEpoch: null });
/** The formats of the tests that build many times as separate processes: the commit works alike for every format. */
const QUICK: Format[] = ['docx', 'html'];

function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

function expectSame(after: Map<string, Buffer>, before: Map<string, Buffer>): void {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), `${name} changed`).toBe(true);
}

/** A folder of a user's own files, as `--out ~` would find it. */
function userFolder(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'Documents'));
  writeFileSync(path.join(dir, 'Documents', 'budget.pdf'), '%PDF-1.4 a user file');
  writeFileSync(path.join(dir, 'Documents', 'letter.docx'), 'a user file');
  writeFileSync(path.join(dir, 'notes.html'), '<p>a user file</p>');
  mkdirSync(path.join(dir, 'en'));
  writeFileSync(path.join(dir, 'en', 'draft.pdf'), 'a user file');
  return dir;
}

describe('the output folder holds files the build did not write', () => {
  it('is refused, and nothing in it changes', async () => {
    const dir = userFolder();
    const before = filesOf(dir, { state: true });
    const run = await runCli(['build', '--out', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^factsheet: the output folder .* holds files factsheet did not write \(.*Documents\/budget\.pdf.*\); .*--force/m);
    expectNoStackTrace(run.stdout + run.stderr);
    expectSame(filesOf(dir, { state: true }), before);
  });

  it('with --force, is written beside them; deleting a translation then deletes only what the build wrote', async () => {
    const dir = userFolder();
    const root = makeProject(REPO);
    const mine = filesOf(dir);
    expect((await runCli(['build', '--root', root, '--out', dir, '--force'])).code).toBe(0);
    rmSync(path.join(root, 'sources/partnerships/en.md'));
    const run = await runCli(['build', '--root', root, '--out', dir, '--force']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^removed \S*en\/partnerships\.pdf \(its source is gone\)$/m);
    const after = filesOf(dir);
    for (const [name, bytes] of mine) expect(after.get(name)?.equals(bytes), `${name} was touched`).toBe(true);
    expect(after.has('en/partnerships.pdf')).toBe(false);
    expect(after.has('en/global-partners.pdf')).toBe(true);
  });

  it('a build that fails still deletes nothing of the user', async () => {
    const dir = userFolder();
    const root = makeProject(REPO);
    writeFileSync(path.join(root, 'sources/figures.yaml'), 'partners.total: [unclosed');
    const mine = filesOf(dir);
    expect((await runCli(['build', '--root', root, '--out', dir, '--force'])).code).toBe(1);
    const after = filesOf(dir);
    for (const [name, bytes] of mine) expect(after.get(name)?.equals(bytes), `${name} was touched`).toBe(true);
  });

  it('an output changed by hand after the build wrote it is not deleted with its source', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    writeFileSync(path.join(dir, 'en/partnerships.html'), 'edited by hand');
    rmSync(path.join(root, 'sources/partnerships/en.md'));
    const run = await runCli(['build', '--root', root], root);
    expect(run.stdout).toMatch(/^out\/en\/partnerships\.html:1:1: warning: .*changed after factsheet wrote it.* \[output-changed\]$/m);
    expect(readFileSync(path.join(dir, 'en/partnerships.html'), 'utf8')).toBe('edited by hand');
    expect(existsSync(path.join(dir, 'en/partnerships.pdf'))).toBe(false);
  });

  it('an unreadable manifest makes every file unowned: refused without --force', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    writeFileSync(path.join(dir, '.factsheet/manifest.json'), '{"factsheet": 1, "files": {"../../etc/passwd": "x"}}');
    const before = filesOf(dir);
    const run = await runCli(['build', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/manifest\.json, the list of files factsheet wrote into out, cannot be read/);
    expectSame(filesOf(dir), before);
    expect((await runCli(['build', '--root', root, '--force'], root)).code).toBe(0);
  });
});

describe('a project that cannot be read', () => {
  it('--root of a missing folder is a usage error and touches nothing', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    const before = filesOf(dir, { state: true });
    const run = await runCli(['build', '--root', path.join(root, 'nonexistent'), '--out', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--root .*nonexistent is not a folder/);
    expectSame(filesOf(dir, { state: true }), before);
  });

  it('a folder without factsheet.yaml unpublishes nothing and says so', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    const before = filesOf(dir, { state: true });
    const empty = tempDir('factsheet-');
    const run = await runCli(['build', '--root', empty, '--out', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\[config-missing\]/);
    expect(run.stderr).toMatch(/the project could not be read; nothing in \S+ was touched/);
    expect(run.stderr).not.toMatch(/no sheet failed/);
    expectSame(filesOf(dir, { state: true }), before);
  });
});

describe('disk errors', () => {
  it('an output path that is a folder is reported with its path; the sheet keeps all its old outputs, the others build', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    rmSync(path.join(dir, 'fr/partnerships.html'));
    mkdirSync(path.join(dir, 'fr/partnerships.html'));
    const edit = (file: string) => writeFileSync(path.join(root, file), readFileSync(path.join(root, file), 'utf8').replace(/^tags: \[/m, 'tags: [edited, '));
    edit('sources/partnerships/fr.md');
    edit('sources/global-partners/fr.md');
    const before = filesOf(dir);
    const run = await runCli(['build', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^out\/fr\/partnerships\.html:1:1: error: cannot write out\/fr\/partnerships\.html: the path is a folder, not a file \(EISDIR\) \[output-write-failed\]$/m);
    expect(run.stdout).not.toMatch(/render-failed/);
    expect(run.stderr).toMatch(/failed partnerships/);
    expectNoStackTrace(run.stdout + run.stderr);
    const after = filesOf(dir);
    for (const name of ['fr/partnerships.pdf', 'fr/partnerships.docx', 'en/partnerships.pdf']) expect(after.get(name)!.equals(before.get(name)!), `${name} changed`).toBe(true);
    expect(after.get('fr/global-partners.html')!.equals(before.get('fr/global-partners.html')!)).toBe(false);
  });
});

describe('commits between two saves of the manifest', () => {
  it('are finished from their journals when the build dies before saving it: the files are the build\'s, not foreign', async () => {
    const dir = tempDir();
    const folder = await OutputFolder.open(dir, { force: false, display: 'out' });
    const bytes = (text: string) => new TextEncoder().encode(text);
    try {
      // The first save comes a second after opening: these commits are in the journal only.
      for (const name of ['fr/a.html', 'en/a.html']) await folder.commit([await folder.stage(name, bytes(`<p>${name}</p>`))]);
      expect(readdirSync(path.join(dir, '.factsheet/journal'))).toHaveLength(2);
      // The folder as a build killed now leaves it, without its lock.
      const killed = tempDir();
      cpSync(dir, killed, { recursive: true });
      rmSync(path.join(killed, '.factsheet/lock'), { force: true });
      const saved = path.join(killed, '.factsheet/manifest.json');
      expect(existsSync(saved) ? readFileSync(saved, 'utf8') : '').not.toContain('fr/a.html');
      const next = await OutputFolder.open(killed, { force: false, display: 'out' });
      expect(next.owns('fr/a.html') && next.owns('en/a.html')).toBe(true);
      await next.close();
      expect(readdirSync(path.join(killed, '.factsheet/journal'))).toEqual([]);
    } finally {
      await folder.close();
    }
    // Closing saves the manifest and drops the journals.
    expect(readdirSync(path.join(dir, '.factsheet/journal'))).toEqual([]);
    expect(readFileSync(path.join(dir, '.factsheet/manifest.json'), 'utf8')).toContain('en/a.html');
  });
});

describe('an output kept from the last build', () => {
  it('is hashed until its times have settled, then taken by its size, inode and times; a rewrite that keeps its size and modification time is still found', async () => {
    const dir = tempDir();
    const key = 'a'.repeat(64);
    const file = path.join(dir, 'en/a.html');
    let now = BigInt(Date.now()) * 1_000_000n;
    const open = () => OutputFolder.open(dir, { force: false, display: 'out', nowNs: () => now });
    const seen = (folder: OutputFolder) => folder.manifest.outputs.get('en/a.html')?.seen;
    let folder = await open();
    try {
      await folder.commit([{ ...(await folder.stage('en/a.html', new TextEncoder().encode('<p>first</p>'))), record: { key, misses: [] } }]);
      // A whole second, which a rewrite below can give the file again to the nanosecond.
      utimesSync(file, 1_600_000_000, 1_600_000_000);
      // Its change time is now: another write in the same tick could leave the times as they are.
      expect(await folder.upToDate('en/a.html', key)).not.toBeNull();
      expect(seen(folder)).toBeUndefined();
      now += 10_000_000_000n;
      expect(await folder.upToDate('en/a.html', key)).not.toBeNull();
      expect(seen(folder)).toMatch(/^12:\d+:1600000000000000000:\d+$/);
      expect(await folder.upToDate('en/a.html', 'b'.repeat(64))).toBeNull();
    } finally {
      await folder.close();
    }
    expect(readFileSync(path.join(dir, '.factsheet/manifest.json'), 'utf8')).toContain('"seen": "12:');

    folder = await open();
    try {
      expect(seen(folder)).toMatch(/^12:/);
      expect(await folder.upToDate('en/a.html', key)).not.toBeNull();
      // Rewritten in place with as many bytes, its modification time put back: only its change time differs.
      writeFileSync(file, '<p>other</p>');
      utimesSync(file, 1_600_000_000, 1_600_000_000);
      now += 10_000_000_000n;
      expect(await folder.upToDate('en/a.html', key)).toBeNull();
    } finally {
      await folder.close();
    }
  });
});

describe('an output committed by a build', () => {
  it('has its times recorded by that build once they have settled, its bytes hashed first; one changed since is left to the next build', async () => {
    const dir = tempDir();
    let now = BigInt(Date.now()) * 1_000_000n;
    const folder = await OutputFolder.open(dir, { force: false, display: 'out', nowNs: () => now });
    const seen = (relative: string) => folder.manifest.outputs.get(relative)?.seen;
    try {
      const stage = async (relative: string) => ({ ...(await folder.stage(relative, new TextEncoder().encode(`<p>${relative}</p>`))), record: { key: 'a'.repeat(64), misses: [] } });
      await folder.commit([await stage('en/a.html'), await stage('en/b.html')]);
      // Changed by hand after the commit, as many bytes.
      writeFileSync(path.join(dir, 'en/b.html'), '<p>en/x.html</p>');
      folder.settleCommitted();
      expect(seen('en/a.html')).toBeUndefined();
      now += 10_000_000_000n;
      // Another commit settles those committed long enough before.
      await folder.commit([await stage('en/c.html')]);
      expect(seen('en/a.html')).toMatch(/^16:\d+:\d+:\d+$/);
      expect(seen('en/b.html')).toBeUndefined();
      expect(seen('en/c.html')).toBeUndefined();
      expect(await folder.upToDate('en/b.html', 'a'.repeat(64))).toBeNull();
      now += 10_000_000_000n;
      folder.settleCommitted();
      expect(seen('en/c.html')).toMatch(/^16:/);
    } finally {
      await folder.close();
    }
  });
});

describe('a build killed while it commits a sheet', () => {
  it('leaves a journal that the next build finishes first: every version all new', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    await buildProject(options(root, dir));
    const old = filesOf(dir);
    for (const lang of ['fr', 'en']) {
      const file = path.join(root, `sources/partnerships/${lang}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^tags: \[/m, 'tags: [edited, '));
    }
    const crash = new Error('killed');
    await expect(
      buildProject({
        ...options(root, dir),
        commitHooks: {
          afterRename: (done, total) => {
            if (total > 1 && done === 2) throw crash;
          },
        },
      }),
    ).rejects.toBe(crash);
    const torn = filesOf(dir);
    const changed = [...old.keys()].filter((name) => name.includes('partnerships') && !torn.get(name)!.equals(old.get(name)!));
    expect(changed).toHaveLength(2);
    expect(readdirSync(path.join(dir, '.factsheet/journal'))).toHaveLength(1);

    // What the next build does before anything else.
    await (await OutputFolder.open(dir, { force: false, display: 'out' })).close();
    const fresh = tempDir();
    await buildProject(options(root, fresh));
    const recovered = filesOf(dir);
    const expected = filesOf(fresh);
    for (const name of [...old.keys()].filter((n) => n.includes('/partnerships.'))) expect(recovered.get(name)!.equals(expected.get(name)!), `${name} is not the new one`).toBe(true);
    expect(readdirSync(path.join(dir, '.factsheet/journal'))).toEqual([]);
    expect(existsSync(path.join(dir, '.factsheet/staging'))).toBe(false);
  });
});

/**
 * Builds the project as a separate process and kills it with SIGKILL: after `delay` ms,
 * or, with `inCommit`, as soon as a commit's journal appears (the moment files are being
 * renamed into place) plus up to a few milliseconds. Resolves when it has ended.
 */
function buildKilled(root: string, delay: number, inCommit: boolean): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'build', '--root', root, '--format', QUICK.join(',')], { cwd: root, stdio: 'ignore' });
    const kill = () => child.kill('SIGKILL');
    const timer = setTimeout(kill, delay);
    const journal = path.join(root, 'out/.factsheet/journal');
    const watcher = inCommit && existsSync(journal) ? watch(journal, () => setTimeout(kill, Math.floor(Math.random() * 4))) : null;
    child.on('exit', () => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    });
  });
}

describe('kill -9 at random moments', () => {
  it('leaves every version all old or all new, once the next build has begun (half the kills land while files are renamed)', async () => {
    const root = makeProject(REPO);
    const versions = ['fr', 'en'].flatMap((lang) => ['partnerships', 'global-partners'].map((id) => `${lang}/${id}`));
    // Two states of the sources, each built once for reference.
    const texts = new Map<string, [string, string]>();
    for (const version of versions) {
      const [lang, id] = version.split('/');
      const file = path.join(root, `sources/${id}/${lang}.md`);
      const a = readFileSync(file, 'utf8');
      texts.set(file, [a, a.replace(/^tags: \[/m, 'tags: [edited, ')]);
    }
    const use = (state: 0 | 1) => {
      for (const [file, pair] of texts) writeFileSync(file, pair[state]);
    };
    const reference: Array<Map<string, Buffer>> = [];
    for (const state of [0, 1] as const) {
      use(state);
      const dir = tempDir();
      await buildProject(options(root, dir, QUICK));
      reference.push(filesOf(dir));
    }
    const dir = path.join(root, 'out');
    use(0);
    const started = Date.now();
    expect(spawnSync(process.execPath, [BIN, 'build', '--root', root, '--format', QUICK.join(',')], { cwd: root }).status).toBe(0);
    const duration = Date.now() - started;

    const stateOf = (files: Map<string, Buffer>, version: string): string => {
      const names = QUICK.map((format) => `${version}.${format}`);
      if (names.every((n) => files.get(n)?.equals(reference[0]!.get(n)!))) return 'A';
      if (names.every((n) => files.get(n)?.equals(reference[1]!.get(n)!))) return 'B';
      return `mixed: ${names.map((n) => (files.get(n)?.equals(reference[0]!.get(n)!) ? 'A' : files.get(n)?.equals(reference[1]!.get(n)!) ? 'B' : '?')).join('')}`;
    };
    for (let round = 0; round < 20; round++) {
      use(((round + 1) % 2) as 0 | 1);
      await buildKilled(root, Math.floor(Math.random() * duration), round % 2 === 1);
      const journals = existsSync(path.join(dir, '.factsheet/journal')) ? readdirSync(path.join(dir, '.factsheet/journal')) : [];
      // The next build's first step: finish what a killed commit began.
      await (await OutputFolder.open(dir, { force: false, display: 'out' })).close();
      const files = filesOf(dir);
      for (const version of versions) expect(stateOf(files, version), `${version} after kill ${round} (journals: ${journals.length})`).toMatch(/^[AB]$/);
    }
    use(1);
    const run = await runCli(['build', '--root', root, '--format', QUICK.join(',')], root);
    expect(run.code).toBe(0);
    const files = filesOf(dir);
    for (const version of versions) expect(stateOf(files, version)).toBe('B');
    expect(readdirSync(path.join(dir, '.factsheet')).sort()).toEqual(['check', 'font-facts.bin', 'journal', 'last-build.json', 'manifest.json']);
  });
});

describe('two builds into the same folder', () => {
  it('the second waits for the first holding the folder, then succeeds', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    // This process holds the folder as a build does, so the build started meanwhile must wait for it, whatever the timing.
    const held = await OutputFolder.open(dir, { force: false, display: 'out' });
    const child = spawn(process.execPath, [BIN, 'build', '--root', root, '--format', QUICK.join(',')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    while (!/waiting for another build/.test(stderr) && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stderr).toMatch(new RegExp(`waiting for another build \\(process ${process.pid}\\) writing into out to finish`));
    await held.close();
    expect(await exited, stderr).toBe(0);
    const fresh = tempDir();
    await buildProject(options(root, fresh, QUICK));
    expectSame(filesOf(dir), filesOf(fresh));
  });

  it('drafts of a lock and of the manifest left by killed builds are removed by the next one', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    const dead = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
    mkdirSync(path.join(dir, '.factsheet'), { recursive: true });
    writeFileSync(path.join(dir, `.factsheet/lock.draft-${dead}-0123abcd`), '{}');
    writeFileSync(path.join(dir, '.factsheet/.manifest.json.0123456789ab.tmp'), '{');
    await (await OutputFolder.open(dir, { force: false, display: 'out' })).close();
    expect(readdirSync(path.join(dir, '.factsheet'))).toEqual([]);
  });

  it('a lock left by a killed build is taken over', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    mkdirSync(path.join(dir, '.factsheet'), { recursive: true });
    const { hostname } = await import('node:os');
    writeFileSync(path.join(dir, '.factsheet/lock'), JSON.stringify({ pid: Number(dead.stdout.trim()), host: hostname(), token: 'dead' }));
    const run = await runCli(['build', '--root', root], root);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, '.factsheet/lock'))).toBe(false);
  });
});
