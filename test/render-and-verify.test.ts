import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import type { RenderJob } from '../src/render/pool/render-job.js';
import { FORMATS } from '../src/render/renderer.js';
import { readProject } from '../src/sources/index.js';
import { outputDiagnostics, type VerifiedOutput } from '../src/verify/index.js';
import { renderAndVerify } from '../src/verify/render-and-verify.js';
import { REPO } from './helpers/project.js';

const result = await checkProject(await readProject(REPO));
const sheet = result.sheets.find((s) => s.lang === 'fr')!;
const languages = result.sheets.filter((s) => s.id === sheet.id).map((s) => s.lang);
const jobOf = (format: RenderJob['format']): RenderJob => ({ sheet, template: sheet.meta.template, format, languages, sourceDateEpoch: 1_700_000_000 });

/** renderAndVerify run in a worker thread of its own, from the compiled code (dist/, made by tsc before the tests). */
function inWorker(job: RenderJob): Promise<VerifiedOutput> {
  const module = pathToFileURL(path.join(REPO, 'dist/verify/render-and-verify.js')).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(${JSON.stringify(module)}).then((m) => m.renderAndVerify(workerData.job, workerData.templates)).then((r) => parentPort.postMessage(r));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { job, templates: result.templates } });
    worker.once('message', (message: VerifiedOutput) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('rendering and reading back in one call', () => {
  it('gives bytes, diagnostics and misses as plain data that crosses threads unchanged', async () => {
    for (const format of FORMATS) {
      const verified = await renderAndVerify(jobOf(format), result.templates);
      expect(verified.diagnostics).toEqual([]);
      expect(verified.missed).toEqual([]);
      expect(verified.bytes.length).toBeGreaterThan(0);
      expect(structuredClone(verified)).toEqual(verified);
    }
  });

  it('gives the same in a worker thread as in this one, for every format', async () => {
    for (const format of FORMATS) {
      const here = await renderAndVerify(jobOf(format), result.templates);
      const there = await inWorker(jobOf(format));
      expect({ format, ...there, bytes: Buffer.from(there.bytes).toString('base64') }).toEqual({ format, ...here, bytes: Buffer.from(here.bytes).toString('base64') });
    }
  });

  it('reports an output it cannot read as invalid, with no misses, instead of rejecting', async () => {
    const { diagnostics, misses } = await outputDiagnostics(sheet, 'pdf', new TextEncoder().encode('%PDF-1.7\nnot a PDF'));
    expect(misses).toBeNull();
    expect(diagnostics.map((d) => [d.ruleId, d.location.file])).toEqual([['output-invalid', sheet.file]]);
    expect(diagnostics[0]!.message).toMatch(/is not valid PDF output: the PDF could not be read/);
  });

  it('reports a figure the output misses by its index', async () => {
    const job = jobOf('html');
    const verified = await renderAndVerify(job, result.templates);
    const { diagnostics, misses } = await outputDiagnostics(sheet, 'html', new TextEncoder().encode(new TextDecoder().decode(verified.bytes).replace(/<data\b[^>]*>[^<]*<\/data>/, '')));
    expect(misses?.map((m) => m.index)).toEqual([0]);
    expect(diagnostics.map((d) => d.ruleId)).toContain('output-mismatch');
  });
});
