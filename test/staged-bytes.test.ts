import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { OutputFolder, type StagedOutput } from '../src/build/output-folder.js';
import { FORMATS } from '../src/render/index.js';
import { REPO, makeProject, tempDir } from './helpers/project.js';

// The build takes the reading a renderer's thread made of the bytes it rendered only when
// the file staged on disk holds exactly those bytes; else it reads the disk's.

afterEach(() => vi.restoreAllMocks());

describe('a staged output the disk does not hold as it was rendered', () => {
  it("is read back from the disk, and its sheet fails when the disk's bytes are not a document", async () => {
    const root = makeProject(REPO);
    const out = tempDir();
    const read = OutputFolder.prototype.readStaged;
    // The PDF of one version comes back from the disk cut short, as a failing disk could give it.
    vi.spyOn(OutputFolder.prototype, 'readStaged').mockImplementation(async function (this: OutputFolder, staged: StagedOutput) {
      const bytes = await read.call(this, staged);
      return staged.relative === 'en/partnerships.pdf' ? bytes.subarray(0, 200) : bytes;
    });
    const report = await buildProject({ root, outDir: out, sheets: [], langs: [], formats: [...FORMATS], sourceDateEpoch: null });
    expect(report.failed).toEqual(['partnerships']);
    expect(report.diagnostics.map((d) => [d.ruleId, d.location.file, d.message])).toEqual([
      ['output-invalid', 'sources/partnerships/en.md', 'the PDF of sheet "partnerships" (en) is not valid PDF output: the PDF could not be read: Invalid PDF structure.'],
    ]);
    expect(existsSync(path.join(out, 'en/partnerships.pdf'))).toBe(false);
    // The other sheet, read back as rendered, is published.
    expect(existsSync(path.join(out, 'en/global-partners.pdf'))).toBe(true);
  });
});
