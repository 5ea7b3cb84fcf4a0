import type { SheetCheck } from '../check/sheet-cache.js';
import type { FactSheet } from '../model/fact-sheet.js';
import type { RenderJob, RenderPool } from '../render/pool/index.js';
import { OUTPUTS_PER_WORKER } from '../render/pool/index.js';
import type { RenderedOutput } from '../render/pool/render-pool.js';
import type { Format } from '../render/renderer.js';
import { canonicalJson } from '../text/canonical-json.js';

/*
 * Outputs started while the check still runs. A rebuild mostly checks one sheet or two
 * afresh, and the render worker it opened early is ready about when those sheets are
 * parsed and typeset; the check then compares their languages, looks at their glyphs,
 * and the build keys and plans every output before it hands the first job over. The
 * versions whose text changed are therefore given to the worker as soon as they are
 * typeset, as the jobs the plan would make of them if it publishes them all.
 *
 * Nothing is decided here. The plan makes its jobs as before, and takes an output
 * started early only for the very same job: the same typeset version (the check's own
 * object, which the plan publishes), format, template, languages and date. Rendering is
 * a function of the job, so the bytes are those the plan's own job would give, and they
 * are read back and committed as any other. An output started early that the plan does
 * not make (the check held the version back, its outputs were up to date, it links
 * other languages) is waited for and dropped.
 */

/** Outputs started early, at most: more sheets checked afresh are a larger rebuild, which the plan spreads over the workers itself. */
export const EARLY_OUTPUTS = OUTPUTS_PER_WORKER;

export interface EarlyRenders {
  /**
   * Told of a sheet checked afresh once its complete versions are typeset (the check's
   * onTypeset), with the project's languages: starts the outputs of the versions whose
   * text differs from the last check's.
   */
  typeset(id: string, versions: readonly FactSheet[], languages: readonly string[]): void;
  /** The output started early for this job, or null; each is given once. */
  take(job: RenderJob): Promise<RenderedOutput> | null;
  /** How many outputs started early were taken. */
  taken(): number;
  /**
   * Waits for the outputs started early and never taken, and gives the words their
   * threads shaped (shaped-words-file.ts): every output started adds its words, taken or
   * not, so what the build keeps does not depend on which were taken.
   */
  settle(): Promise<Array<RenderedOutput['shaped']>>;
}

interface Started {
  job: RenderJob;
  output: Promise<RenderedOutput>;
}

/**
 * `kept` gives the check entries of the last build, by sheet id (what the text of each
 * version was); `formats`, `sheets` (--sheet), `langs` (--lang) and `sourceDateEpoch`
 * are the build's (no sheets or languages named: all). A build of some languages only
 * links the others its folder holds, which the check does not know of: it starts nothing
 * early.
 */
export function earlyRenders(
  pool: RenderPool,
  build: { formats: readonly Format[]; sheets: readonly string[]; langs: readonly string[]; sourceDateEpoch: number | null },
  kept: () => ReadonlyMap<string, SheetCheck>,
): EarlyRenders {
  const started = new Map<FactSheet, Map<Format, Started>>();
  let count = 0;
  let taken = 0;
  return {
    typeset(id, versions, projectLanguages) {
      // A sheet the build leaves out (--sheet) is checked, not rendered.
      if (build.langs.length > 0 || (build.sheets.length > 0 && !build.sheets.includes(id))) return;
      const last = kept().get(id)?.typeset ?? [];
      // The languages the plan links when every version of the sheet publishes (stale-outputs.ts, publishedLanguages).
      const languages = [...new Set(versions.map((v) => v.lang))].sort().filter((lang) => projectLanguages.includes(lang));
      for (const sheet of versions) {
        const before = last.find((v) => v.lang === sheet.lang);
        // A version typeset as before has outputs keyed as before: most likely up to date.
        if (before && canonicalJson(before) === canonicalJson(sheet)) continue;
        if (count + build.formats.length > EARLY_OUTPUTS) return;
        const byFormat = new Map<Format, Started>();
        for (const format of build.formats) {
          const job: RenderJob = { sheet, format, template: sheet.meta.template, languages, sourceDateEpoch: build.sourceDateEpoch };
          const output = pool.render(job);
          // A failure counts only for the plan's own job, when it takes this one.
          output.catch(() => undefined);
          byFormat.set(format, { job, output });
          count++;
        }
        started.set(sheet, byFormat);
      }
    },
    take(job) {
      const early = started.get(job.sheet)?.get(job.format);
      if (!early || !sameJob(early.job, job)) return null;
      started.get(job.sheet)!.delete(job.format);
      taken++;
      return early.output;
    },
    taken: () => taken,
    async settle() {
      const left = [...started.values()].flatMap((byFormat) => [...byFormat.values()]);
      started.clear();
      const outputs = await Promise.allSettled(left.map((early) => early.output));
      return outputs.map((output) => (output.status === 'fulfilled' ? output.value.shaped : undefined));
    },
  };
}

function sameJob(a: RenderJob, b: RenderJob): boolean {
  return (
    a.sheet === b.sheet &&
    a.format === b.format &&
    a.template === b.template &&
    a.sourceDateEpoch === b.sourceDateEpoch &&
    a.languages.length === b.languages.length &&
    a.languages.every((lang, index) => lang === b.languages[index])
  );
}
