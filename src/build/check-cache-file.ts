import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SheetCheck } from '../check/sheet-cache.js';
import { replaceFile } from './durable-write.js';
import type { OutputFolder } from './output-folder.js';
import { statePaths } from './state-dir.js';

/*
 * What the last build's check found for each sheet, kept in the build's own folder so
 * that the next build parses and compares only the sheets whose files (or whose shared
 * inputs) changed. Each entry carries the key it was found under and the check uses it
 * only under the same key; the file carries a hash of its contents and is ignored
 * whole when that does not match. Losing it costs only time.
 */

export const CHECK_CACHE_FILE = 'check-cache.bin';
const VERSION = 1;
const HASH_BYTES = 32;

/** The entries kept by the last build, or none when there are none that can be trusted. Read without the lock: the file is replaced whole, never written in place. */
export async function readCheckCache(outDir: string): Promise<Map<string, SheetCheck>> {
  try {
    const bytes = await readFile(path.join(statePaths(outDir).dir, CHECK_CACHE_FILE));
    const payload = bytes.subarray(HASH_BYTES);
    if (bytes.length < HASH_BYTES || !createHash('sha256').update(payload).digest().equals(bytes.subarray(0, HASH_BYTES))) return new Map();
    const data = deserialize(payload) as { version?: unknown; entries?: unknown };
    if (data.version !== VERSION || !Array.isArray(data.entries)) return new Map();
    return new Map(data.entries as Array<[string, SheetCheck]>);
  } catch {
    return new Map();
  }
}

/** Keeps the entries of this build's check; called with the output folder locked. */
export async function writeCheckCache(folder: OutputFolder, entries: ReadonlyMap<string, SheetCheck>): Promise<void> {
  const payload = serialize({ version: VERSION, entries: [...entries] });
  const bytes = Buffer.concat([createHash('sha256').update(payload).digest(), payload]);
  // Failing to keep it costs only the next build's time.
  await replaceFile(path.join(folder.paths.dir, CHECK_CACHE_FILE), bytes).catch(() => undefined);
}
