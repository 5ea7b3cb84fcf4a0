import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { errnoCode } from './io-error.js';
import { replaceFile } from './durable-write.js';

/**
 * The files a build wrote into the output folder, each with the SHA-256 of the bytes it
 * wrote (paths relative to the folder, `/`-separated). It is the list of files the build
 * owns: only these are ever overwritten without asking, or deleted.
 */
export interface Manifest {
  files: Map<string, string>;
}

export type ManifestRead = { kind: 'found'; manifest: Manifest } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

const FORMAT_VERSION = 1;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
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
    const data = JSON.parse(text) as { factsheet?: unknown; files?: unknown };
    if (data.factsheet !== FORMAT_VERSION || typeof data.files !== 'object' || data.files === null || Array.isArray(data.files)) {
      return { kind: 'unreadable', reason: `it is not a version-${FORMAT_VERSION} manifest` };
    }
    const files = new Map<string, string>();
    for (const [name, hash] of Object.entries(data.files)) {
      if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash) || !isOutputPath(name)) return { kind: 'unreadable', reason: `its entry "${name}" is malformed` };
      files.set(name, hash);
    }
    return { kind: 'found', manifest: { files } };
  } catch (error) {
    return { kind: 'unreadable', reason: `it is not valid JSON (${(error as Error).message})` };
  }
}

/** A relative path that stays inside the output folder: no `..`, no absolute path, no empty part. */
function isOutputPath(name: string): boolean {
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\')) && !name.startsWith('/');
}

/** The manifest as JSON with its entries in code-point order, so the same files give the same bytes. */
function formatManifest(manifest: Manifest): string {
  const names = [...manifest.files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ factsheet: FORMAT_VERSION, files: Object.fromEntries(names.map((n) => [n, manifest.files.get(n)!])) }, null, 2)}\n`;
}

export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  await replaceFile(file, new TextEncoder().encode(formatManifest(manifest)));
}
