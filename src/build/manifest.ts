import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { errnoCode } from './io-error.js';
import { replaceFile } from './durable-write.js';

/**
 * The files a build wrote into the output folder, each with the SHA-256 of the bytes it
 * wrote (paths relative to the folder, `/`-separated). It is the list of files the build
 * owns: only these are ever overwritten without asking, or deleted.
 *
 * `outputs` records, for sheet outputs, the key of the inputs they were rendered from
 * and what reading them back found, so a later build with the same key and the same
 * bytes on disk neither renders nor reads them again. A record counts only while its
 * hash is the one in `files`: a file rewritten in any other way is not vouched for.
 */
export interface Manifest {
  files: Map<string, string>;
  outputs: Map<string, OutputRecord>;
}

export interface OutputRecord {
  /** The output's key (see output-key.ts). */
  key: string;
  /** The SHA-256 of the bytes rendered from that key. */
  sha256: string;
  /** The indices (in figureRefsOf order) of the sheet's figure uses that reading it back did not find. */
  misses: number[];
  /**
   * The file's size, inode, modification and change times (nanoseconds) when its bytes were
   * last hashed and found to be these: while they stay the same, the bytes have not been
   * rewritten, and the file is not hashed again (see OutputFolder.upToDate).
   */
  seen?: string;
}

export type ManifestRead = { kind: 'found'; manifest: Manifest } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

// `outputs` was added without a new version: a manifest without it is read as one whose
// outputs are all to be rendered again, and an older reader ignores it.
const FORMAT_VERSION = 1;

const HASH = /^[0-9a-f]{64}$/;
const SEEN = /^\d+:\d+:\d+:\d+$/;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function emptyManifest(): Manifest {
  return { files: new Map(), outputs: new Map() };
}

export async function readManifest(file: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    const data = JSON.parse(text) as { factsheet?: unknown; files?: unknown; outputs?: unknown };
    if (data.factsheet !== FORMAT_VERSION || !isRecord(data.files)) {
      return { kind: 'unreadable', reason: `it is not a version-${FORMAT_VERSION} manifest` };
    }
    const files = new Map<string, string>();
    for (const [name, hash] of Object.entries(data.files)) {
      if (typeof hash !== 'string' || !HASH.test(hash) || !isOutputPath(name)) return { kind: 'unreadable', reason: `its entry "${name}" is malformed` };
      files.set(name, hash);
    }
    return { kind: 'found', manifest: { files, outputs: readOutputs(data.outputs, files) } };
  } catch (error) {
    return { kind: 'unreadable', reason: `it is not valid JSON (${(error as Error).message})` };
  }
}

/** Records that do not hold up are dropped: the worst a lost record costs is rendering that output again. */
function readOutputs(data: unknown, files: ReadonlyMap<string, string>): Map<string, OutputRecord> {
  const outputs = new Map<string, OutputRecord>();
  if (!isRecord(data)) return outputs;
  for (const [name, value] of Object.entries(data)) {
    if (!files.has(name) || !isRecord(value)) continue;
    const { key, sha256: hash, misses, seen } = value;
    const valid = typeof key === 'string' && HASH.test(key) && typeof hash === 'string' && HASH.test(hash) && Array.isArray(misses) && misses.every((m) => Number.isSafeInteger(m) && (m as number) >= 0);
    if (valid) outputs.set(name, { key, sha256: hash, misses: misses as number[], ...(typeof seen === 'string' && SEEN.test(seen) ? { seen } : {}) });
  }
  return outputs;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A relative path that stays inside the output folder: no `..`, no absolute path, no empty part. */
function isOutputPath(name: string): boolean {
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\')) && !name.startsWith('/');
}

/**
 * The manifest as JSON with its entries in code-point order, so the same files give the
 * same bytes; a record is kept only for a file the manifest lists with the same hash.
 */
export function formatManifest(manifest: Manifest): string {
  const names = [...manifest.files.keys()].sort(byCodePoint);
  const recorded = names.filter((n) => manifest.outputs.get(n)?.sha256 === manifest.files.get(n));
  const outputs = Object.fromEntries(
    recorded.map((n) => {
      const { key, sha256: hash, misses, seen } = manifest.outputs.get(n)!;
      return [n, { key, sha256: hash, misses, ...(seen !== undefined ? { seen } : {}) }];
    }),
  );
  const data = { factsheet: FORMAT_VERSION, files: Object.fromEntries(names.map((n) => [n, manifest.files.get(n)!])), ...(recorded.length > 0 ? { outputs } : {}) };
  return `${JSON.stringify(data, null, 2)}\n`;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  await replaceFile(file, new TextEncoder().encode(formatManifest(manifest)));
}
