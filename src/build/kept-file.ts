import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

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

/**
 * What a kept file of per-font data holds, each font's under the SHA-256 of its file (the
 * shaped words, the fontkit answers), if written in this `version` of its form by this
 * code (`tool`) and every font's data is `valid`; else nothing.
 */
export async function readPerFont<T>(file: string, version: number, tool: string, valid: (data: unknown) => data is T): Promise<Map<string, T>> {
  const payload = await readKeptFile(file);
  if (payload === null) return new Map();
  try {
    const data = deserialize(payload) as { version?: unknown; tool?: unknown; fonts?: unknown };
    if (data.version !== version || data.tool !== tool || !(data.fonts instanceof Map)) return new Map();
    const fonts = new Map<string, T>();
    for (const [digest, font] of data.fonts as Map<unknown, unknown>) {
      if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest) || !valid(font)) return new Map();
      fonts.set(digest, font);
    }
    return fonts;
  } catch {
    return new Map();
  }
}

/** Keeps per-font data for readPerFont. */
export async function writePerFont<T>(file: string, version: number, tool: string, fonts: ReadonlyMap<string, T>): Promise<void> {
  // Serialized, read and serialized again: V8 writes an array as it holds it (packed or holey), which depends on the code that made it (check-cache-file.ts).
  await writeKeptFile(file, serialize(deserialize(serialize({ version, tool, fonts }))));
}
