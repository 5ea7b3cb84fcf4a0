import type { FactSheet } from '../../model/fact-sheet.js';
import type { Template } from '../../model/template.js';
import { rendererOf } from '../renderer-of.js';
import { outputBytes, type Format } from '../renderer.js';
import { sheetView } from '../view.js';

/**
 * One output to render, as data only: the validated sheet version and what its view
 * needs besides its template, which travels once per worker (fonts included), not
 * once per job.
 */
export interface RenderJob {
  sheet: FactSheet;
  /** The name of the sheet's template. */
  template: string;
  format: Format;
  /** Languages the sheet is published in, this one included. */
  languages: readonly string[];
  sourceDateEpoch: number | null;
}

/** Renders one output; the same function runs in the main thread (`--jobs 1`) and in a worker, so both give the same bytes. */
export async function renderJob(job: RenderJob, templates: ReadonlyMap<string, Template>): Promise<Uint8Array> {
  const template = templates.get(job.template);
  if (!template) throw new Error(`no template "${job.template}" was given to the renderer`);
  const view = sheetView(job.sheet, template, { languages: job.languages, sourceDateEpoch: job.sourceDateEpoch });
  return outputBytes(await (await rendererOf(job.format)).render(view));
}
