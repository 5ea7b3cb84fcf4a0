import { constantDigest } from '../text/digest.js';

/*
 * What fontkit answered about the font files, by each file's SHA-256: whether it reads
 * the file as one font (font-file.ts, loadFont) and, for each character asked about,
 * whether the font draws it with a real glyph (render/pdf/font-runs.ts, hasGlyph). The
 * answers are a function of the file's bytes and of the code, so a build keeps those
 * it found for the next (build/font-facts-file.ts), which gives them to this thread
 * before it checks: a rebuild whose sheets hold no character asked about before reads
 * no font table in its main thread, and does not even load fontkit.
 */

/** How fontkit reads a font file: as one font, as a collection of fonts, or not at all (its message). */
export type FontReading = { kind: 'font' } | { kind: 'collection' } | { kind: 'invalid'; message: string };

/** The answers about one font file. */
export interface FontFacts {
  reading: FontReading | null;
  /** Characters (one code point each) asked about, with whether a real glyph draws each. */
  glyphs: Map<string, boolean>;
}

/** The answers this thread has, given or found, by the font file's SHA-256. */
const facts = new Map<string, FontFacts>();
/** Whether this thread found an answer it was not given since it last said which it has (keptFontFacts). */
let learned = false;

function factsOf(bytes: Uint8Array): FontFacts {
  const digest = constantDigest(bytes);
  let known = facts.get(digest);
  if (!known) facts.set(digest, (known = { reading: null, glyphs: new Map() }));
  return known;
}

/** How fontkit reads the file: the answer given or found before, else `read`'s, kept. */
export function fontReading(bytes: Uint8Array, read: () => FontReading): FontReading {
  const known = factsOf(bytes);
  if (known.reading === null) {
    known.reading = read();
    learned = true;
  }
  return known.reading;
}

/**
 * The characters asked about the file and their answers: the map hasGlyph fills, shared by
 * every bytes object of the same file. `noteGlyphFound` tells that it added one.
 */
export function glyphAnswers(bytes: Uint8Array): Map<string, boolean> {
  return factsOf(bytes).glyphs;
}

export function noteGlyphFound(): void {
  learned = true;
}

/** Takes answers kept by an earlier build; answers this thread has already stay as they are. */
export function seedFontFacts(kept: ReadonlyMap<string, FontFacts>): void {
  merge(kept);
}

/**
 * Takes the answers another thread found (a check worker's, fontFactsFound), kept as this
 * thread's own: what a build keeps does not depend on which thread checked which sheet.
 */
export function addFontFacts(found: ReadonlyMap<string, FontFacts>): void {
  if (merge(found)) learned = true;
}

/** Every answer this thread has, for the thread that started it (addFontFacts). */
export function fontFactsFound(): Map<string, FontFacts> {
  return new Map([...facts].filter(([, known]) => known.reading !== null));
}

/** Adds the answers this thread lacks; true when there was one. */
function merge(given: ReadonlyMap<string, FontFacts>): boolean {
  let added = false;
  for (const [digest, answers] of given) {
    let known = facts.get(digest);
    if (!known) facts.set(digest, (known = { reading: null, glyphs: new Map() }));
    if (known.reading === null && answers.reading !== null) {
      known.reading = answers.reading;
      added = true;
    }
    for (const [char, has] of answers.glyphs) {
      if (known.glyphs.has(char)) continue;
      known.glyphs.set(char, has);
      added = true;
    }
  }
  return added;
}

/**
 * The answers to keep about the files `used` (by digest), or null when this thread found
 * none since it was last asked: what it was given is what the file already holds.
 */
export function keptFontFacts(used: ReadonlySet<string>): Map<string, FontFacts> | null {
  if (!learned) return null;
  learned = false;
  const kept = new Map<string, FontFacts>();
  for (const digest of [...used].sort()) {
    const known = facts.get(digest);
    if (known?.reading) kept.set(digest, { reading: known.reading, glyphs: new Map([...known.glyphs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) });
  }
  return kept;
}
