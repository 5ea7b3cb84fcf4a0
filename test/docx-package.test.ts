import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Packer } from 'docx';
import { buildDocument } from '../src/render/docx/build-document.js';
import { embeddedFonts } from '../src/render/docx/embedded-fonts.js';
import { wordFonts } from '../src/render/docx/word-fonts.js';
import { docxRenderer } from '../src/render/docx/index.js';
import { compilesParts } from '../src/render/docx/compiled-parts.js';
import { normalizePackage } from '../src/render/docx/normalize-package.js';
import { crc32, storedEntries, zipEntries } from '../src/render/docx/zip.js';
import { tempDir } from './helpers/project.js';
import { projectViews } from './helpers/views.js';

const views = await projectViews();

/** A zip archive with an archive comment, which {@link storedEntries} does not read. */
function withComment(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip.length + 1);
  out.set(zip);
  new DataView(out.buffer).setUint16(zip.length - 2, 1, true);
  out[zip.length] = 0x78;
  return out;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Each part of a package by name, as the hash of its data (comparing megabytes of fonts byte by byte takes seconds). */
function partHashes(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, data]) => [name, sha256(data)]));
}

async function render(index: number): Promise<Uint8Array> {
  const output = await docxRenderer.render(views[index]!);
  if (output.kind !== 'binary') throw new Error('the Word renderer should give bytes');
  return output.bytes;
}

describe('copying the compressed parts of a zip archive', () => {
  const files = { 'a.xml': strToU8('<a>'.repeat(200)), 'b/c.txt': strToU8('c'), 'é.xml': strToU8('<é/>') };

  it('reads each entry of a plain archive as stored: method, CRC, size and compressed data', () => {
    const stored = storedEntries(zipSync(files, { level: 6 }))!;
    expect([...stored.keys()]).toEqual(Object.keys(files));
    for (const [name, data] of Object.entries(files)) {
      const entry = stored.get(name)!;
      expect(entry.size).toBe(data.length);
      expect(entry.crc).toBe(crc32(data));
      expect(entry.method === 0 ? entry.compressed : inflateSync(entry.compressed)).toEqual(data);
    }
  });

  it('gives up on what it does not read: a comment, bytes that are no archive', () => {
    expect(unzipSync(withComment(zipSync(files)))).toEqual(files);
    expect(storedEntries(withComment(zipSync(files)))).toBeNull();
    expect(storedEntries(strToU8('PK not a zip at all, but long enough to look'))).toBeNull();
    expect(storedEntries(new Uint8Array(0))).toBeNull();
  });

  it('writes stored entries and deflated ones into one archive that unzips to the data', () => {
    const stored = storedEntries(zipSync(files))!;
    const zip = zipEntries([{ name: 'new.xml', data: strToU8('<new/>') }, ...[...stored].map(([name, entry]) => ({ name, stored: entry }))], new Date(Date.UTC(2020, 0, 2)));
    expect(unzipSync(zip)).toEqual({ 'new.xml': strToU8('<new/>'), ...files });
  });
});

describe('the Word package', () => {
  it('is the same whether the parts docx compressed are copied or inflated and deflated again', async () => {
    // A package whose zip is not the plain kind is unzipped the ordinary way: same parts, same text.
    const view = views[0]!;
    const bytes = await render(0);
    const parts = unzipSync(bytes);
    const reordered = withComment(zipSync(Object.fromEntries(Object.entries(parts).reverse())));
    expect(storedEntries(reordered)).toBeNull();
    const again = normalizePackage(reordered, view);
    expect(unzipSync(again)).toEqual(parts);
    expect(storedEntries(again)).not.toBeNull();
  });

  it('is made from the parts docx compiles, each deflated once: the package Packer.pack zips, part for part', async () => {
    // With the docx of the lockfile the renderer takes the compiled parts; were that lost, documents would cost a twentieth more.
    expect(compilesParts).toBe(true);
    for (const [index, view] of views.slice(0, 3).entries()) {
      const fonts = wordFonts(view);
      const zipped = await Packer.pack(buildDocument(view, fonts, embeddedFonts(fonts.faces)), 'uint8array');
      const packed = normalizePackage(zipped, view, fonts.faces.map((face) => face.bytes));
      const bytes = await render(index);
      expect([...storedEntries(bytes)!.keys()]).toEqual([...storedEntries(packed)!.keys()]);
      expect(partHashes(bytes)).toEqual(partHashes(packed));
      // Deflated here, not copied from docx's zip.
      expect(storedEntries(bytes)!.get('word/styles.xml')!.compressed).not.toEqual(storedEntries(zipped)!.get('word/styles.xml')!.compressed);
    }
  });

  it('holds entries whose CRC and size match their data, as unzip -t checks', async () => {
    const dir = tempDir('factsheet-docx-');
    for (const [index, view] of views.slice(0, 4).entries()) {
      const bytes = await render(index);
      const stored = storedEntries(bytes)!;
      for (const [name, data] of Object.entries(unzipSync(bytes))) {
        expect({ name, crc: stored.get(name)!.crc, size: stored.get(name)!.size }).toEqual({ name, crc: crc32(data), size: data.length });
      }
      const file = path.join(dir, `${view.sheet.lang}-${view.sheet.id}.docx`);
      writeFileSync(file, bytes);
      const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      if (test.error) continue; // no unzip here: the CRC check above stands alone
      expect(test.status, test.stdout + test.stderr).toBe(0);
    }
  });

  it('is the same bytes rendered alone and after other documents', async () => {
    const alone = await render(1);
    for (let index = 0; index < Math.min(views.length, 4); index++) await render(index);
    // Compared by hash: a document holds its fonts, and a byte-by-byte diff of half a megabyte takes minutes to print.
    expect(sha256(await render(1))).toBe(sha256(alone));
  });
});
