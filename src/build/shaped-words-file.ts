import path from 'node:path';
import type { ShapedWords } from '../render/pdf/parsed-fonts.js';
import type { Shaped, ShapedWord } from '../render/pdf/shaping-cache.js';
import { statePaths } from './state-dir.js';
import { readPerFont, writePerFont } from './kept-file.js';

/*
 * The words the PDFs' fonts shaped, kept by the build in its own folder so that the next
 * build's render threads take them instead of shaping them again: a new process spends
 * about a third of its first PDF shaping words with code that has not run yet. A word's
 * shape is a function of the word, its features, the font's file and the code, so the
 * file is keyed by the code's fingerprint and each font's words by the SHA-256 of its
 * file; what a document draws is the same with or without them. The file carries a hash
 * of its contents and is ignored whole when anything in it does not check out: losing it
 * costs only time.
 */

const FILE = 'shaped-words.bin';
const VERSION = 1;
/** Words kept per font: as many as a thread keeps (shaping-cache.ts), the latest shaped first. */
const WORDS_PER_FONT = 5_000;

export function shapedWordsFile(outDir: string): string {
  return path.join(statePaths(outDir).dir, FILE);
}

/** The words the last build kept, if they were shaped by this code (`tool`); else none. */
export async function readShapedWords(outDir: string, tool: string): Promise<ShapedWords> {
  return readPerFont(shapedWordsFile(outDir), VERSION, tool, (list): list is ShapedWord[] => Array.isArray(list) && list.every(isShapedWord));
}

/**
 * Keeps the words shaped by this build (`shaped`) with those it was given (`kept`), for
 * the fonts the PDFs draw with now (`used`, by digest: a font replaced or no longer
 * named takes its words with it), per font up to what a thread takes: the words it was not given first, then those it was,
 * each in the order of their keys; called with the output folder locked. Nothing is
 * written when the build shaped no word. A word a thread shaped again, having let it go
 * from its cache, is one it was given, so neither part depends on which thread shaped
 * what or when, and the file is the same whatever the scheduling.
 */
export async function writeShapedWords(outDir: string, tool: string, kept: ShapedWords, shaped: ShapedWords, used: ReadonlySet<string>): Promise<void> {
  if (shaped.size === 0) return;
  const byKey = ([a]: ShapedWord, [b]: ShapedWord) => (a < b ? -1 : a > b ? 1 : 0);
  const fonts = new Map<string, ShapedWord[]>();
  for (const digest of [...new Set([...shaped.keys(), ...kept.keys()])].filter((digest) => used.has(digest)).sort()) {
    const given = new Set((kept.get(digest) ?? []).map(([key]) => key));
    const words = new Map<string, Shaped>();
    const fresh = (shaped.get(digest) ?? []).filter(([key]) => !given.has(key));
    for (const [key, word] of [...fresh.sort(byKey), ...[...(kept.get(digest) ?? [])].sort(byKey)]) {
      if (words.size >= WORDS_PER_FONT) break;
      if (!words.has(key)) words.set(key, word);
    }
    // Each key made again from its UTF-8: V8 writes a string as it holds it, in one or two bytes a character, which
    // depends on the text it was cut from (a Latin word cut from a Russian paragraph is held in two).
    fonts.set(digest, [...words].sort(byKey).map(([key, word]): ShapedWord => [Buffer.from(key, 'utf8').toString('utf8'), word]));
  }
  await writePerFont(shapedWordsFile(outDir), VERSION, tool, fonts);
}

/** Collects the words the outputs of a build bring back, per font in the order they come. */
export function collectShapedWords(into: ShapedWords, words: ShapedWords | undefined): void {
  if (!words) return;
  for (const [digest, list] of words) {
    const known = into.get(digest);
    if (known) known.push(...list);
    else into.set(digest, [...list]);
  }
}

/** A word as a render thread keeps it: its key, and glyph ids, characters and four positions per glyph. */
function isShapedWord(value: unknown): value is ShapedWord {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return false;
  const shaped = value[1] as Partial<Shaped> | null;
  if (typeof shaped !== 'object' || shaped === null) return false;
  const { ids, codePoints, positions } = shaped;
  return (
    Array.isArray(ids) &&
    ids.every((id) => Number.isInteger(id) && id >= 0) &&
    Array.isArray(codePoints) &&
    codePoints.length === ids.length &&
    codePoints.every((points) => Array.isArray(points) && points.every((point) => Number.isInteger(point) && point >= 0 && point <= 0x10ffff)) &&
    positions instanceof Float64Array &&
    positions.length === ids.length * 4 &&
    positions.every(Number.isFinite)
  );
}
