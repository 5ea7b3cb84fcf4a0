import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeptFile, writeKeptFile } from '../src/build/kept-file.js';
import { tempDir } from './helpers/project.js';

// A file a build keeps for the next is taken only as it was written: any byte changed,
// or the file cut short, and it is not taken at all.

describe('a kept file', () => {
  it('is read back as written, and not at all with one byte changed or cut short', async () => {
    const file = path.join(tempDir(), 'kept.bin');
    const payload = Buffer.from('the payload of a kept file');
    await writeKeptFile(file, payload);
    expect(await readKeptFile(file)).toEqual(payload);
    const bytes = readFileSync(file);
    const changed = Buffer.from(bytes);
    changed[changed.length - 1] ^= 1;
    writeFileSync(file, changed);
    expect(await readKeptFile(file)).toBeNull();
    writeFileSync(file, bytes.subarray(0, 20));
    expect(await readKeptFile(file)).toBeNull();
    expect(await readKeptFile(path.join(tempDir(), 'none.bin'))).toBeNull();
  });
});
