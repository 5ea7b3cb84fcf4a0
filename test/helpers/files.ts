import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The files of an output folder by relative path (`/`-separated), without the build's
 * own state folder `.factsheet/` unless asked for.
 */
export function filesOf(dir: string, options: { state?: boolean } = {}): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = sub ? `${sub}/${entry.name}` : entry.name;
      if (!options.state && relative === '.factsheet') continue;
      if (entry.isDirectory()) walk(relative);
      else files.set(relative, readFileSync(path.join(dir, relative)));
    }
  };
  walk('');
  return files;
}

/** Rewrites a file of a project; an edit that changes nothing is a mistake of the test, not a pass. */
export function editFile(root: string, file: string, change: (text: string) => string): void {
  const target = path.join(root, file);
  const before = readFileSync(target, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(target, after);
}

/** For each of a version's three outputs (`lang/id`), whether it is byte for byte as in `before`. */
export function sameOutputs(after: Map<string, Buffer>, before: Map<string, Buffer>, version: string): boolean[] {
  return ['pdf', 'docx', 'html'].map((f) => after.get(`${version}.${f}`)?.equals(before.get(`${version}.${f}`)!) ?? false);
}
