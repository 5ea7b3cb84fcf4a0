import type { Diagnostic } from '../model/diagnostic.js';
import type { Template } from '../model/template.js';
import { renderJob, type RenderJob } from '../render/pool/render-job.js';
import { outputDiagnostics } from './output-diagnostics.js';

/**
 * An output rendered and read back, as plain data that crosses threads (structured
 * cloning) unchanged: the bytes, the diagnostics that keep them from being published,
 * and which figure occurrences they miss.
 */
export interface VerifiedOutput {
  bytes: Uint8Array;
  diagnostics: Diagnostic[];
  /**
   * Indexes, in `figureRefsOf(sheet)` order, of the figure occurrences the output does
   * not state; null when it could not be read for figures at all.
   */
  missed: number[] | null;
}

/**
 * Renders one output and reads it back in the same thread, so that a render worker can
 * hand back bytes already verified. A pure function of the job and the templates: the
 * one thing kept between calls is the PDF reader of the thread (see pdf-text.ts), which
 * gives the same text whatever it read before.
 */
export async function renderAndVerify(job: RenderJob, templates: ReadonlyMap<string, Template>): Promise<VerifiedOutput> {
  const bytes = await renderJob(job, templates);
  const { diagnostics, misses } = await outputDiagnostics(job.sheet, job.format, bytes);
  return { bytes, diagnostics, missed: misses === null ? null : misses.map((miss) => miss.index) };
}
