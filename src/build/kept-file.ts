import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/*
 * A file a build keeps in its own folder for the next build (the words the PDFs shaped,
 * what fontkit answered about the fonts): the SHA-256 of its payload, then the payload.
 * Written beside and renamed into place, so a reader sees the old file or the new one;
 * not flushed, since a torn file fails its hash, and losing one costs only time.
 */

const HASH_BYTES = 32;

/** The payload of a kept file, or null when there is none or its hash does not match. */
export async function readKeptFile(file: string): Promise<Buffer | null> {
  try {
    const bytes = await readFile(file);
    const payload = bytes.subarray(HASH_BYTES);
    if (bytes.length < HASH_BYTES || !createHash('sha256').update(payload).digest().equals(bytes.subarray(0, HASH_BYTES))) return null;
    return payload;
  } catch {
    return null;
  }
}

/** Keeps the payload; a failure leaves the file as it was. */
export async function writeKeptFile(file: string, payload: Uint8Array): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
