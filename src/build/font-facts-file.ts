import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FontFacts, FontReading } from '../parse/font-facts.js';
import { readKeptFile, writeKeptFile } from './kept-file.js';
import { statePaths } from './state-dir.js';

/*
 * What fontkit answered about the templates' fonts (parse/font-facts.ts), kept by the
 * build in its own folder for the next build's main thread. The answers are a function
 * of each font file's bytes and of the code, so the file is keyed by the code's
 * fingerprint and each font's answers by the SHA-256 of its file. It is ignored whole
 * when anything in it does not check out: losing it costs only time.
 */

const FILE = 'font-facts.bin';
const VERSION = 1;

export function fontFactsFile(outDir: string): string {
  return path.join(statePaths(outDir).dir, FILE);
}

/** The answers the last build kept, if this code (`tool`) found them; else none. */
export async function readFontFacts(outDir: string, tool: string): Promise<Map<string, FontFacts>> {
  const payload = await readKeptFile(fontFactsFile(outDir));
  if (payload === null) return new Map();
  try {
    const data = deserialize(payload) as { version?: unknown; tool?: unknown; fonts?: unknown };
    if (data.version !== VERSION || data.tool !== tool || !(data.fonts instanceof Map)) return new Map();
    const fonts = new Map<string, FontFacts>();
    for (const [digest, facts] of data.fonts as Map<unknown, unknown>) {
      if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest) || !isFontFacts(facts)) return new Map();
      fonts.set(digest, facts);
    }
    return fonts;
  } catch {
    return new Map();
  }
}

/** Keeps the answers (keptFontFacts); called with the output folder locked. */
export async function writeFontFacts(outDir: string, tool: string, fonts: ReadonlyMap<string, FontFacts>): Promise<void> {
  // Serialized, read and serialized again: V8 writes an array as it holds it (check-cache-file.ts).
  await writeKeptFile(fontFactsFile(outDir), serialize(deserialize(serialize({ version: VERSION, tool, fonts }))));
}

function isFontFacts(value: unknown): value is FontFacts {
  if (typeof value !== 'object' || value === null) return false;
  const { reading, glyphs } = value as Partial<FontFacts>;
  return isReading(reading) && glyphs instanceof Map && [...glyphs].every(([char, has]) => typeof char === 'string' && [...char].length === 1 && typeof has === 'boolean');
}

function isReading(value: unknown): value is FontReading {
  if (typeof value !== 'object' || value === null) return false;
  const reading = value as Partial<{ kind: unknown; message: unknown }>;
  return reading.kind === 'font' || reading.kind === 'collection' || (reading.kind === 'invalid' && typeof reading.message === 'string');
}
