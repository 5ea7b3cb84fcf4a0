import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const REPO = path.resolve(import.meta.dirname, '../..');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway empty folder in the system temp folder, removed after the test file. */
export function tempDir(prefix = 'factsheet-out-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * A throwaway project: a copy of `base` (a fixture folder or the repository itself)
 * with the files of `overlay` laid over it; a `.remove` file in the overlay lists
 * paths to delete.
 */
export function makeProject(base: string, overlay?: string, options: { allLanguages?: boolean } = {}): string {
  const dir = tempDir('factsheet-');
  for (const part of ['factsheet.yaml', 'sources', 'templates']) {
    // Fixtures share the repository's templates unless they bring their own.
    const from = part === 'templates' && !existsSync(path.join(base, part)) ? path.join(REPO, part) : path.join(base, part);
    if (existsSync(from)) cpSync(from, path.join(dir, part), { recursive: true });
  }
  if (overlay) {
    cpSync(overlay, dir, { recursive: true, filter: (src) => !/(^|\/)(\.remove|RULE|expected\.txt)$/.test(src) });
    const removeList = path.join(overlay, '.remove');
    if (existsSync(removeList)) {
      for (const line of readFileSync(removeList, 'utf8').split('\n').filter(Boolean)) rmSync(path.join(dir, line), { recursive: true, force: true });
    }
  }
  if (base === REPO && !options.allLanguages) keepLanguages(dir, ['fr', 'en']);
  return dir;
}

/**
 * Keeps only some of a project's languages: its settings, sheets, boilerplate, country
 * names and review records. A copy of the repository keeps French and English unless
 * asked for all: the tests of the build, reviews and publication speak of those two (and
 * add a language of their own), at the cost of two languages' outputs, not all of them.
 */
export function keepLanguages(root: string, keep: readonly string[]): void {
  const config = path.join(root, 'factsheet.yaml');
  const text = readFileSync(config, 'utf8');
  const listed = /^languages: \[(.*)\]$/m.exec(text)![1]!.split(',').map((l) => l.trim());
  const drop = listed.filter((lang) => !keep.includes(lang));
  writeFileSync(config, text.replace(/^languages: \[.*\]$/m, `languages: [${keep.join(', ')}]`));
  const sources = path.join(root, 'sources');
  for (const entry of readdirSync(sources, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(sources, entry.name);
    for (const lang of drop) {
      rmSync(path.join(folder, `${lang}.md`), { force: true });
      rmSync(path.join(folder, `${lang}.yaml`), { force: true });
    }
    const lock = path.join(folder, 'translations.lock.yaml');
    if (!existsSync(lock)) continue;
    let records = readFileSync(lock, 'utf8');
    // A record is a top-level key and the indented lines under it.
    for (const lang of drop) records = records.replace(new RegExp(`^${lang}:\\n(?:[ \\t].*\\n|\\n)*`, 'm'), '');
    writeFileSync(lock, records);
  }
}
