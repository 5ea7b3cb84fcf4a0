import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SheetCheck } from '../check/sheet-cache.js';
import type { OutputFolder } from './output-folder.js';
import { statePaths } from './state-dir.js';
import { readKeptFile, writeKeptFile } from './kept-file.js';

/*
 * What the last build's check found for each sheet, kept in the build's own folder so
 * that the next build parses and compares only the sheets whose files (or whose shared
 * inputs) changed. Each sheet's entry is a file of its own, so a build that checks one
 * sheet again writes one file, not every sheet's. Each entry carries the key it was
 * found under and the check uses it only under the same key; each file carries a hash
 * of its contents and the sheet it is for, and is ignored when either does not match.
 * Losing them costs only time.
 */

/** The folder of the entries, under the build's own folder. */
export const CHECK_CACHE_DIR = 'check';
/** Where all entries were kept in one file before: removed when the entries are next written. */
const FORMER_FILE = 'check-cache.bin';
const VERSION = 2;
const EXTENSION = '.bin';

/** The file of a sheet's entry: named by a hash of its id, which may hold any character a folder name may, in any case. */
export function checkCacheFile(outDir: string, id: string): string {
  return path.join(statePaths(outDir).dir, CHECK_CACHE_DIR, `${createHash('sha256').update(id).digest('hex').slice(0, 32)}${EXTENSION}`);
}

/**
 * The entries kept by the last build, by sheet id, leaving out any that cannot be
 * trusted. Read without the lock: each file is replaced whole, never written in place.
 */
export async function readCheckCache(outDir: string): Promise<Map<string, SheetCheck>> {
  const dir = path.join(statePaths(outDir).dir, CHECK_CACHE_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const read = await Promise.all(names.filter((name) => name.endsWith(EXTENSION)).map((name) => readEntry(outDir, path.join(dir, name))));
  return new Map(read.filter((entry) => entry !== null).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether the last build kept entries (whatever they are worth): the mark of a rebuild. */
export async function hasCheckCache(outDir: string): Promise<boolean> {
  const names = await readdir(path.join(statePaths(outDir).dir, CHECK_CACHE_DIR)).catch(() => [] as string[]);
  return names.some((name) => name.endsWith(EXTENSION));
}

async function readEntry(outDir: string, file: string): Promise<[string, SheetCheck] | null> {
  const payload = await readKeptFile(file);
  if (payload === null) return null;
  try {
    const data = deserialize(payload) as { version?: unknown; id?: unknown; entry?: unknown };
    // An entry in another sheet's file (copied there by hand) is not that sheet's.
    if (data.version !== VERSION || typeof data.id !== 'string' || checkCacheFile(outDir, data.id) !== file || typeof data.entry !== 'object' || data.entry === null) return null;
    return [data.id, data.entry as SheetCheck];
  } catch {
    return null;
  }
}

/**
 * Keeps the entries of this build's check; called with the output folder locked. Only
 * entries that are not those read (`kept`) are written; files of sheets the check no
 * longer has are removed.
 */
export async function writeCheckCache(folder: OutputFolder, entries: ReadonlyMap<string, SheetCheck>, kept: ReadonlyMap<string, SheetCheck>): Promise<void> {
  const outDir = folder.outDir;
  const dir = path.join(statePaths(outDir).dir, CHECK_CACHE_DIR);
  // Failing to keep them costs only the next build's time.
  try {
    await mkdir(dir, { recursive: true });
    const wanted = new Set([...entries.keys()].map((id) => path.basename(checkCacheFile(outDir, id))));
    const unwanted = (await readdir(dir)).filter((name) => !wanted.has(name));
    await Promise.all([
      ...unwanted.map((name) => rm(path.join(dir, name), { force: true })),
      rm(path.join(statePaths(outDir).dir, FORMER_FILE), { force: true }),
      ...[...entries].filter(([id, entry]) => kept.get(id) !== entry).map(([id, entry]) => writeEntry(checkCacheFile(outDir, id), id, entry)),
    ]);
  } catch {
    // Nothing to do: an entry not written is checked again.
  }
}

/**
 * The bytes of an entry, the same for the same entry however V8 holds it. V8's serializer
 * writes an array densely when V8 holds it packed and sparsely when holey, and which one
 * a `map` result is depends on the code that made it (the interpreter's makes it packed,
 * the optimised code's holey), so the same entry came out in two ways from two builds.
 * Read back, every array is holey: the entry serialized, read and serialized again is
 * written in the one form, every array sparse.
 */
export function entryPayload(id: string, entry: SheetCheck): Buffer {
  return serialize(deserialize(serialize({ version: VERSION, id, entry })));
}

/** Written as a kept file (kept-file.ts): a reader sees the old file or the new one, and a torn file fails its hash. */
async function writeEntry(file: string, id: string, entry: SheetCheck): Promise<void> {
  await writeKeptFile(file, entryPayload(id, entry));
}
