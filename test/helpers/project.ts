import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
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
export function makeProject(base: string, overlay?: string): string {
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
  return dir;
}
