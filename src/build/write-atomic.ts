import { readFile } from 'node:fs/promises';
import { replaceFile } from './durable-write.js';

/**
 * Replaces a file atomically (a flushed temporary file beside it, then one rename).
 * Returns false, touching nothing, when it already holds exactly these bytes.
 */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<boolean> {
  if (await sameContent(file, bytes)) return false;
  await replaceFile(file, bytes);
  return true;
}

async function sameContent(file: string, bytes: Uint8Array): Promise<boolean> {
  try {
    return Buffer.from(bytes).equals(await readFile(file));
  } catch {
    return false;
  }
}
