/*
 * What piscina loads in each render worker: a CommonJS module, which piscina requires,
 * loading the worker itself (render-worker.ts, an ES module) with import(). Given the ES
 * module, piscina requires it, and Node 20's require() of an ES module brings down the
 * whole process (a V8 fatal error, "IsGraphAsync must be used on an instantiated module")
 * when the worker is terminated while the module's graph is being instantiated, as when a
 * build closes a worker it started early because its check failed. import() has no such
 * step.
 */
import type { RenderJob } from './render-job.js';
import type { RenderedOutput } from './render-pool.js';

const worker = import('./render-worker.js');

export = async function render(job: RenderJob): Promise<RenderedOutput> {
  return (await worker).default(job);
};
