import type { CheckResult } from '../check/check-project.js';
import type { FactSheet } from '../model/fact-sheet.js';
import { EXTENSIONS, type Format } from '../render/renderer.js';
import { sheetView, type SheetView } from '../render/view.js';
import type { OutputFolder } from './output-folder.js';
import type { VersionKeys } from './output-key.js';

/** A sheet version whose outputs in these formats must be rendered: their keys changed, or their files did. */
export interface StaleVersion {
  view: SheetView;
  /** The languages its pages link, as the view was made with: a renderer elsewhere makes the same view from them. */
  languages: readonly string[];
  outputs: Array<{ format: Format; key: string }>;
}

/** What a build does with a sheet's outputs. */
export interface OutputPlan {
  stale: StaleVersion[];
  upToDate: UpToDateOutput[];
}

/** An output that is up to date, with what reading it back found when it was written. */
export interface UpToDateOutput {
  relative: string;
  sheet: FactSheet;
  format: Format;
  misses: number[];
}

/**
 * The outputs of the versions given, split into those to render and those up to date.
 * Each version links the other languages of its sheet that the output folder will hold:
 * those written now and those published earlier and kept. An output whose key is the one
 * its manifest record was made from, with its file still as recorded, is up to date: it
 * is neither rendered nor read back, and the record says what it states.
 */
export async function planOutputs(
  versions: readonly FactSheet[],
  result: CheckResult,
  options: { formats: readonly Format[]; sourceDateEpoch: number | null },
  folder: OutputFolder,
  keys: VersionKeys,
): Promise<OutputPlan> {
  const languages = publishedLanguages(versions[0]?.id ?? '', versions, result, folder);
  const { sourceDateEpoch } = options;
  const stale: StaleVersion[] = [];
  const upToDate: UpToDateOutput[] = [];
  for (const sheet of versions) {
    const outputs: StaleVersion['outputs'] = [];
    for (const format of options.formats) {
      const relative = outputPath(sheet, format);
      const key = keys({ sheet, languages, format, sourceDateEpoch });
      const record = await folder.upToDate(relative, key);
      if (record === null) outputs.push({ format, key });
      else upToDate.push({ relative, sheet, format, misses: record.misses });
    }
    // The view is made only for a version with something to render.
    if (outputs.length > 0) stale.push({ view: sheetView(sheet, result.templates.get(sheet.meta.template)!, { languages, sourceDateEpoch }), languages, outputs });
  }
  return { stale, upToDate };
}

/**
 * The keys the outputs of this version would have now, by format, or null when it could
 * not be rendered (its template unusable).
 */
export function currentKeys(sheet: FactSheet, languages: readonly string[], result: CheckResult, sourceDateEpoch: number | null, keys: VersionKeys): ((format: Format) => string) | null {
  const template = result.templates.get(sheet.meta.template);
  if (!template?.labels.has(sheet.lang)) return null;
  return (format) => keys({ sheet, languages, format, sourceDateEpoch });
}

/** The languages of a sheet its pages link: the versions written now and those the output folder holds. */
export function publishedLanguages(id: string, versions: readonly FactSheet[], result: CheckResult, folder: OutputFolder): string[] {
  const kept = result.config!.languages.filter((lang) => folder.owns(outputPath({ lang, id }, 'html')));
  return [...new Set([...versions.map((v) => v.lang), ...kept])].filter((lang) => result.config!.languages.includes(lang));
}

/** `<lang>/<id>.<extension>`, relative to the output folder. */
export function outputPath(sheet: { lang: string; id: string }, format: Format): string {
  return `${sheet.lang}/${sheet.id}${EXTENSIONS[format]}`;
}
