import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/check-project.js';
import { openRenderPool, renderJob, type RenderJob } from '../src/render/pool/index.js';
import { readProject } from '../src/sources/read-project.js';
import { REPO } from './helpers/project.js';

// A failure inside a worker reaches the caller as the rejection of that job, with its
// message, and costs neither the worker nor the jobs after it.

describe('the render pool', () => {
  it('rejects a job that fails in a worker with its message, and renders the next jobs as the main thread does', async () => {
    const result = await checkProject(await readProject(REPO), { webPages: false });
    const sheet = result.sheets.find((s) => s.id === 'partnerships' && s.lang === 'en')!;
    const job: RenderJob = { sheet, template: sheet.meta.template, format: 'html', languages: ['en', 'fr'], sourceDateEpoch: null };
    const pool = openRenderPool({ threads: 2, templates: result.templates });
    try {
      expect(pool.threads).toBe(2);
      const failing = [pool.render({ ...job, template: 'no-such-template' }), pool.render({ ...job, template: 'no-such-template', format: 'pdf' })];
      for (const failure of await Promise.allSettled(failing)) {
        expect(failure.status).toBe('rejected');
        expect(String((failure as PromiseRejectedResult).reason)).toMatch(/no template "no-such-template"/);
      }
      const serial = await renderJob(job, result.templates);
      const [html, pdf] = await Promise.all([pool.render(job), pool.render({ ...job, format: 'pdf' })]);
      expect(Buffer.from(html.bytes).equals(Buffer.from(serial))).toBe(true);
      expect(Buffer.from(pdf.bytes).equals(Buffer.from(await renderJob({ ...job, format: 'pdf' }, result.templates)))).toBe(true);
      // Read back in the worker: the PDF states every figure of the sheet.
      expect(pdf.missed).toEqual([]);
      expect(pdf.diagnostics).toEqual([]);
    } finally {
      await pool.close();
    }
  });
});

describe('the render pool with workers', () => {
  it('has the main thread take the next waiting job whenever it is free, not only when a job is handed over', async () => {
    const result = await checkProject(await readProject(REPO), { webPages: false });
    const sheet = result.sheets.find((s) => s.id === 'partnerships' && s.lang === 'en')!;
    const job: RenderJob = { sheet, template: sheet.meta.template, format: 'html', languages: ['en', 'fr'], sourceDateEpoch: null };
    const pool = openRenderPool({ threads: 2, templates: result.templates });
    try {
      const serial = Buffer.from(await renderJob(job, result.templates));
      // Handed over at once: the worker takes its reserve, this thread the next and, as each is done, the one after.
      const outputs = await Promise.all(Array.from({ length: 12 }, () => pool.render(job)));
      for (const output of outputs) expect(Buffer.from(output.bytes).equals(serial)).toBe(true);
      const { here, workers } = pool.shares();
      expect(here + workers).toBe(12);
      // A worker needs far longer to start than this thread to render a few web pages: this thread, taking
      // job after job, renders most of them, not one in three as when it took one only as the worker finished one.
      expect(workers).toBeGreaterThan(0);
      expect(here).toBeGreaterThan(workers);
    } finally {
      await pool.close();
    }
  });
});
