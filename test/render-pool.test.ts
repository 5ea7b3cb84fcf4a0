import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/check-project.js';
import { openRenderPool, type RenderJob } from '../src/render/pool/index.js';
import { renderJob } from '../src/render/pool/render-job.js';
import { renderWorkerModule } from '../src/render/pool/render-pool.js';
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
  it('renders every job in the workers, in the bytes this thread gives, while this thread only hands them out', async () => {
    const result = await checkProject(await readProject(REPO), { webPages: false });
    const sheet = result.sheets.find((s) => s.id === 'partnerships' && s.lang === 'en')!;
    const job: RenderJob = { sheet, template: sheet.meta.template, format: 'html', languages: ['en', 'fr'], sourceDateEpoch: null };
    const pool = openRenderPool({ threads: 2, templates: result.templates });
    try {
      const serial = Buffer.from(await renderJob(job, result.templates));
      const outputs = await Promise.all(Array.from({ length: 12 }, () => pool.render(job)));
      for (const output of outputs) expect(Buffer.from(output.bytes).equals(serial)).toBe(true);
      // Rendering here would hold up the workers waiting for their next job.
      expect(pool.shares()).toEqual({ here: 0, workers: 12 });
    } finally {
      await pool.close();
    }
  });
});

describe('the module a render worker loads', () => {
  // piscina require()s the file it is given. Node 20's require() of an ES module brought the
  // whole process down (a V8 fatal error) when a worker started early was terminated while
  // the module's graph was being instantiated: the worker loads a CommonJS entry instead.
  it('is CommonJS: required, it gives the function piscina calls', () => {
    // Ended before the import it starts comes back: outside a worker, the worker module has no worker data.
    const script = `const m = require(process.argv[1]); console.log(typeof m, m.length); process.exit(0)`;
    const run = spawnSync(process.execPath, ['-e', script, new URL(renderWorkerModule()).pathname], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('function 1');
    expect(renderWorkerModule()).toMatch(/\.cjs$/);
  });
});
