import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** A file written beside its destination under a temporary name, not yet in place. */
export interface Staged {
  file: string;
  /** Null when the destination already holds exactly these bytes: nothing to do. */
  temporary: string | null;
}

const TEMPORARY_SUFFIX = '.factsheet-tmp';

export function isTemporary(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMPORARY_SUFFIX);
}

/** Writes and flushes the bytes to a temporary file in the destination's folder. */
export async function stage(file: string, bytes: Uint8Array): Promise<Staged> {
  if (await sameContent(file, bytes)) return { file, temporary: null };
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { file, temporary };
}

/** What a staged file holds, read back from the disk. */
export function readStaged(staged: Staged): Promise<Buffer> {
  return readFile(staged.temporary ?? staged.file);
}

/** Renames the temporary file over the destination: readers see the old file or the new, never a part. */
export async function commit(staged: Staged): Promise<boolean> {
  if (staged.temporary === null) return false;
  await rename(staged.temporary, staged.file);
  return true;
}

export async function discard(staged: Staged): Promise<void> {
  if (staged.temporary !== null) await rm(staged.temporary, { force: true });
}

/**
 * Replaces a file atomically. Returns false, touching nothing, when it already
 * holds exactly these bytes.
 */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<boolean> {
  return commit(await stage(file, bytes));
}

async function sameContent(file: string, bytes: Uint8Array): Promise<boolean> {
  try {
    return Buffer.from(bytes).equals(await readFile(file));
  } catch {
    return false;
  }
}
