import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFactsFile, readFontFacts, writeFontFacts } from '../src/build/font-facts-file.js';
import { fontReading, glyphAnswers, keptFontFacts, noteGlyphFound, seedFontFacts, type FontFacts } from '../src/parse/font-facts.js';
import { constantDigest } from '../src/text/digest.js';
import { REPO, makeProject, tempDir } from './helpers/project.js';

// What fontkit answered about the fonts is kept by a build for the next, whose main thread
// then reads no font and does not load fontkit unless its sheets hold a character it has
// not asked about.

const TOOL = 'test+0000000000000000';

describe('the kept answers about fonts', () => {
  const facts = (): Map<string, FontFacts> =>
    new Map([
      ['a'.repeat(64), { reading: { kind: 'font' }, glyphs: new Map([['A', true], ['ب', false]]) }],
      ['b'.repeat(64), { reading: { kind: 'invalid', message: 'Unknown font format' }, glyphs: new Map() }],
    ]);

  it('are read back as written, by the same code only', async () => {
    const out = tempDir();
    await writeFontFacts(out, TOOL, facts());
    expect(await readFontFacts(out, TOOL)).toEqual(facts());
    expect(await readFontFacts(out, 'other+0000000000000000')).toEqual(new Map());
  });

  it('are not taken at all from a damaged file', async () => {
    const out = tempDir();
    await writeFontFacts(out, TOOL, facts());
    const bytes = readFileSync(fontFactsFile(out));
    // "A" answered false instead of true: still a well-formed file, only its hash tells.
    const answer = bytes.indexOf(Buffer.from([0x22, 0x01, 0x41, 0x54])) + 3;
    expect(answer).toBeGreaterThan(32);
    bytes[answer] = 0x46;
    writeFileSync(fontFactsFile(out), bytes);
    expect(await readFontFacts(out, TOOL)).toEqual(new Map());
  });

  it('are taken by a thread instead of asking fontkit, and kept with what it found', () => {
    const font = new Uint8Array([1, 2, 3]);
    const digest = constantDigest(font);
    seedFontFacts(new Map([[digest, { reading: { kind: 'font' }, glyphs: new Map([['x', true]]) }]]));
    expect(fontReading(font, () => ({ kind: 'invalid', message: 'asked' }))).toEqual({ kind: 'font' });
    expect(glyphAnswers(font).get('x')).toBe(true);
    // Nothing found that was not given: nothing to write.
    expect(keptFontFacts(new Set([digest]))).toBeNull();
    glyphAnswers(font).set('y', false);
    noteGlyphFound();
    // Only the fonts in use are kept, their characters in order.
    expect(keptFontFacts(new Set([digest]))).toEqual(new Map([[digest, { reading: { kind: 'font' }, glyphs: new Map([['x', true], ['y', false]]) }]]));
    expect(keptFontFacts(new Set([digest]))).toBeNull();
    const other = new Uint8Array([4]);
    expect(fontReading(other, () => ({ kind: 'collection' }))).toEqual({ kind: 'collection' });
    expect([...keptFontFacts(new Set([digest]))!.keys()]).toEqual([digest]);
  });
});

/** The CommonJS files the main thread of a build required, the build run in a process of its own. */
function mainThreadRequires(root: string, args: string[]): string[] {
  const list = path.join(tempDir(), 'requires.txt');
  const run = spawnSync(process.execPath, ['--import', path.join(REPO, 'test/helpers/main-requires.mjs'), path.join(REPO, 'bin/factsheet.js'), 'build', '--root', root, '--jobs', '2', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MAIN_REQUIRES: list },
  });
  expect(run.status, run.stderr).toBe(0);
  expect(`${run.stdout}${run.stderr}`).toMatch(/no sheet failed/);
  return readFileSync(list, 'utf8').split('\n').filter(Boolean);
}

const loadsFontkit = (files: string[]) => files.some((file) => file.includes(`${path.sep}node_modules${path.sep}fontkit${path.sep}`));

describe('a rebuild after a text edit', () => {
  it('loads fontkit in its main thread only for a character no build asked about', () => {
    const root = makeProject(REPO);
    const source = path.join(root, 'sources/partnerships/fr.md');
    const text = readFileSync(source, 'utf8');
    // The cold build checks in this thread too, and asks fontkit.
    expect(loadsFontkit(mainThreadRequires(root, []))).toBe(true);
    // Words of the sheet again: every character was asked about.
    writeFileSync(source, text.replace('Ces partenariats apportent', 'Ces partenariats, ces partenariats, apportent'));
    expect(loadsFontkit(mainThreadRequires(root, []))).toBe(false);
    // A character no sheet held: the glyph check asks fontkit, and the answer is kept.
    writeFileSync(source, text.replace('Ces partenariats apportent', 'Ces partenariats § apportent'));
    expect(loadsFontkit(mainThreadRequires(root, []))).toBe(true);
    writeFileSync(source, text.replace('Ces partenariats apportent', 'Ces partenariats §§ apportent'));
    expect(loadsFontkit(mainThreadRequires(root, []))).toBe(false);
  });
});
