import path from 'node:path';
import type { FontFacts, FontReading } from '../parse/font-facts.js';
import { readPerFont, writePerFont } from './kept-file.js';
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
export function readFontFacts(outDir: string, tool: string): Promise<Map<string, FontFacts>> {
  return readPerFont(fontFactsFile(outDir), VERSION, tool, isFontFacts);
}

/** Keeps the answers (keptFontFacts); called with the output folder locked. */
export async function writeFontFacts(outDir: string, tool: string, fonts: ReadonlyMap<string, FontFacts>): Promise<void> {
  await writePerFont(fontFactsFile(outDir), VERSION, tool, fonts);
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
