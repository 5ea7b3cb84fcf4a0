import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { templateFaces, type Template } from '../../model/template.js';
import { renderAndVerify } from '../../verify/render-and-verify.js';
import type { RenderJob } from './render-job.js';
import type { RenderedOutput } from './render-pool.js';
import { parsedFontToken, seedShapedWords, takeShapedWords, type ShapedWords } from '../pdf/parsed-fonts.js';
import { prepareFaceParts } from '../docx/font-keys.js';
import { preparePdfReader } from '../../verify/pdf-text.js';

/*
 * A worker of the render pool. The templates (their fonts as bytes) arrive once, when
 * the worker starts, and stay the same objects for all its tasks: the PDF fonts are
 * parsed once per worker.
 */
const { templates, early, shapedWords } = workerData as { templates: Map<string, Template>; early: boolean; shapedWords: ShapedWords };

// The words an earlier build shaped are not shaped again.
seedShapedWords(shapedWords);

// A worker started early gets ready while it waits for its first job, which is mostly a
// rebuild's few outputs: it parses the main fonts (those of every language), packs the
// faces Word documents embed, and loads the PDF reader. Any other worker does each when a
// job first needs it.
if (early) {
  for (const template of templates.values()) for (const bytes of new Set(Object.values(template.fonts))) parsedFontToken(bytes);
  prepareFaceParts(new Set([...templates.values()].flatMap(templateFaces)));
  preparePdfReader();
}

export default async function render(job: RenderJob): Promise<RenderedOutput> {
  const output = await renderAndVerify(job, templates);
  // The bytes are handed over, not copied: this worker keeps nothing of them.
  const bytes = output.bytes.byteOffset === 0 && output.bytes.byteLength === output.bytes.buffer.byteLength ? output.bytes : output.bytes.slice();
  // With the words shaped for it, which the build keeps for the next one.
  const shaped = job.format === 'pdf' ? takeShapedWords() : undefined;
  return move({ [transferableSymbol]: [bytes.buffer], [valueSymbol]: { ...output, bytes, ...(shaped ? { shaped } : {}) } }) as unknown as RenderedOutput;
}
