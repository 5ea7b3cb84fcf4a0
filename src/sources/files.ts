import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceFile } from '../text/source-file.js';

/** Directory entries sorted by name, so every run sees files in the same order; none when the folder is missing. */
export async function listDir(dir: string) {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** A project file as a SourceFile named by its project-relative path, or null when it does not exist. */
export async function readSource(root: string, relative: string): Promise<SourceFile | null> {
  try {
    return new SourceFile(relative, await readFile(path.join(root, relative), 'utf8'));
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
