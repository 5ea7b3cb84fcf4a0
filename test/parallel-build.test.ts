import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, makeProject } from './helpers/project.js';
import { runBin } from './helpers/cli.js';

/** Every file under a folder, by relative path. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    found.set(path.relative(dir, full), readFileSync(full));
  }
  return found;
}

/**
 * A file as two builds into two folders should give it alike: the manifest without the
 * sizes, inodes and times it records of each file, and the remembered build without the
 * manifest's hash.
 */
function alike(name: string, bytes: Buffer): string {
  if (name === '.factsheet/manifest.json') return bytes.toString().replace(/,\n\s*"seen": "[0-9:]+"/g, '');
  if (name === '.factsheet/last-build.json') return bytes.toString().replace(/"manifest":"[0-9a-f]{64}"/, '');
  return bytes.toString('base64');
}

describe('parallel builds', () => {
  it('give the same bytes, the same lines and the same summary with --jobs 1 and --jobs 3', () => {
    // Six sheets in two languages: 36 outputs, enough for three workers.
    const root = makeProject(REPO);
    for (const copy of ['1', '2']) {
      for (const id of ['partnerships', 'global-partners']) cpSync(path.join(root, 'sources', id), path.join(root, 'sources', `${id}-${copy}`), { recursive: true });
    }
    const serial = runBin(['build', '--out', 'serial', '--jobs', '1', '--verbose'], root);
    const parallel = runBin(['build', '--out', 'parallel', '--jobs', '3', '--verbose'], root);
    expect(serial.code).toBe(0);
    expect(parallel.code).toBe(0);
    expect(serial.stderr).toContain('build: rendered in the main thread\n');
    expect(parallel.stderr).toContain('build: rendered in 3 worker threads\n');
    const lines = (text: string, out: string) => text.replaceAll(`${out}/`, 'OUT/').replace(/^build: rendered in .*\n/m, '');
    expect(lines(parallel.stdout, 'parallel')).toBe(lines(serial.stdout, 'serial'));
    expect(lines(parallel.stderr, 'parallel')).toBe(lines(serial.stderr, 'serial'));
    expect(serial.stdout).toContain('wrote OUT/en/partnerships-2.pdf'.replace('OUT', 'serial'));

    const a = files(path.join(root, 'serial'));
    const b = files(path.join(root, 'parallel'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect(a.size).toBeGreaterThan(36);
    const differ = [...a].filter(([name, bytes]) => alike(name, bytes) !== alike(name, b.get(name)!)).map(([name]) => name);
    expect(differ).toEqual([]);

    // A rebuild checks one sheet in the main thread while a worker gets ready, and renders its outputs there.
    const source = path.join(root, 'sources', 'partnerships-1', 'fr.md');
    const text = readFileSync(source, 'utf8');
    const edited = text.replace(/\n\n([^#\n{][^\n]*?)\.\n/, '\n\n$1. Texte ajouté.\n');
    expect(edited).not.toBe(text);
    writeFileSync(source, edited);
    const serialAgain = runBin(['build', '--out', 'serial', '--jobs', '1', '--verbose'], root);
    const parallelAgain = runBin(['build', '--out', 'parallel', '--jobs', '3', '--verbose'], root);
    expect(serialAgain.stderr).toContain('build: rendered in the main thread\n');
    // Its three outputs, all started as soon as the check had typeset the edited version.
    expect(parallelAgain.stderr).toContain('build: rendered in 1 worker thread (3 outputs started while checking)\n');
    expect(lines(parallelAgain.stdout, 'parallel')).toBe(lines(serialAgain.stdout, 'serial'));
    expect(parallelAgain.stdout).toContain('wrote parallel/fr/partnerships-1.pdf');
    const c = files(path.join(root, 'serial'));
    const d = files(path.join(root, 'parallel'));
    expect([...c].filter(([name, bytes]) => alike(name, bytes) !== alike(name, d.get(name)!)).map(([name]) => name)).toEqual([]);
    expect(c.get('fr/partnerships-1.html')!.toString()).toContain('Texte ajouté.');
  });
});
