import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './helpers/cli.js';
import { editFile } from './helpers/files.js';
import { REPO, makeProject, tempDir } from './helpers/project.js';

// The words the PDFs shaped are kept in the output folder for the next build's render
// threads (src/build/shaped-words-file.ts). Each build runs in a process of its own, so
// that no word is left shaped from another.

const FILE = ['.factsheet', 'shaped-words.bin'];

function build(root: string, out: string, ...args: string[]): void {
  const run = runBin(['build', '--root', root, '--out', out, '--quiet', ...args]);
  expect(run.code, run.stderr).toBe(0);
}

/** The file's identity: a build that writes it renames a new file into place. */
const identity = (file: string) => {
  const stat = statSync(file, { bigint: true });
  return `${stat.ino}:${stat.mtimeNs}`;
};

/** A project built once: its output folder, the words file, and one PDF with its bytes. */
function builtProject(version: string) {
  const root = makeProject(REPO);
  const out = tempDir();
  build(root, out);
  const pdf = path.join(out, ...version.split('/')) + '.pdf';
  return { root, out, words: path.join(out, ...FILE), pdf, bytes: readFileSync(pdf) };
}

describe('the words a build keeps for the next', () => {
  it.each([['a render worker', ['--jobs', '2']], ['the main thread', ['--jobs', '1']]])('are taken by %s instead of shaped again, and the PDF is the same', (_, args) => {
    const { root, out, words, pdf, bytes } = builtProject('fr/partnerships');
    const kept = identity(words);
    rmSync(pdf);
    build(root, out, ...args);
    expect(readFileSync(pdf).equals(bytes)).toBe(true);
    // Every word the PDF needed was kept, so none was shaped and the file was not written again.
    expect(identity(words)).toBe(kept);
  });

  it('are not taken from a damaged file, which the build writes again whole', () => {
    const { root, out, words, pdf, bytes } = builtProject('en/partnerships');
    const damaged = readFileSync(words);
    // A word's key changed: the file still reads as words, and only its hash tells.
    const word = damaged.indexOf('NATO', 32);
    expect(word).toBeGreaterThan(32);
    damaged[word + 3] = 'Q'.charCodeAt(0);
    writeFileSync(words, damaged);
    rmSync(pdf);
    build(root, out);
    expect(readFileSync(pdf).equals(bytes)).toBe(true);
    const written = readFileSync(words);
    expect(written.equals(damaged)).toBe(false);
    expect(written.includes('NATQ')).toBe(false);
    // Written whole again: the next build takes it and shapes nothing.
    const kept = identity(words);
    rmSync(pdf);
    build(root, out);
    expect(readFileSync(pdf).equals(bytes)).toBe(true);
    expect(identity(words)).toBe(kept);
  });
});

describe('the fonts whose words are kept', () => {
  it('are those the PDFs draw with: a face replaced in the style takes its words with it', () => {
    const { root, out, words } = builtProject('fr/partnerships');
    const fonts = () => [...(deserialize(readFileSync(words).subarray(32)) as { fonts: Map<string, unknown[]> }).fonts.keys()];
    const digest = (file: string) => createHash('sha256').update(readFileSync(path.join(REPO, 'node_modules', file))).digest('hex');
    const regular = digest('source-sans/TTF/SourceSans3-Regular.ttf');
    const light = digest('source-sans/TTF/SourceSans3-Light.ttf');
    expect(fonts()).toContain(regular);
    editFile(root, 'templates/factsheet/style.yaml', (text) => text.replace('source-sans/TTF/SourceSans3-Regular.ttf', 'source-sans/TTF/SourceSans3-Light.ttf'));
    build(root, out);
    expect(fonts()).toContain(light);
    expect(fonts()).not.toContain(regular);
  });
});
