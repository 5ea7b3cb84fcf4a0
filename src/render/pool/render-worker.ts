import { workerData } from 'piscina';
import type { Template } from '../../model/template.js';
import { renderAndVerify, type VerifiedOutput } from '../../verify/render-and-verify.js';
import type { RenderJob } from './render-job.js';

/*
 * A worker of the render pool. The templates (their fonts as bytes) arrive once, when
 * the worker starts, and stay the same objects for all its tasks: the PDF fonts are
 * parsed once per worker.
 */
const templates = (workerData as { templates: Map<string, Template> }).templates;

export default function render(job: RenderJob): Promise<VerifiedOutput> {
  return renderAndVerify(job, templates);
}
