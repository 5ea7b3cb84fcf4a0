export { OUTPUTS_PER_WORKER, openRenderPool, threadsFor, type RenderPool, type RenderPoolOptions } from './render-pool.js';
export type { RenderJob } from './render-job.js';
export { renderAhead, type RenderAhead } from './render-ahead.js';
