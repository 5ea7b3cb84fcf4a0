import { createHash } from 'node:crypto';
import { canonicalJson, plainJson } from '../text/canonical-json.js';
import type { FactSheet } from '../model/fact-sheet.js';
import { figureRefsOf } from '../model/figure-refs.js';
import type { Format } from '../render/renderer.js';
import type { ProjectSources } from '../sources/read-project.js';
import { toolFingerprint } from '../sources/tool-version.js';
import { sourceFileData, sourceFileDigest, type SourceFile } from '../text/source-file.js';

/**
 * The key of a project page (the index, the ledger): its template's source and the
 * context the template lays out, which holds everything the page says. The context is
 * plain data whose shape this code fixes (index-page.ts, figures-page.ts), keyed as
 * JSON writes it: a ledger's context is megabytes, and a rebuild keys every page.
 */
export function pageKey(relative: string, templateSource: string, context: unknown, tool: string): string {
  return createHash('sha256').update(canonicalJson({ relative, templateSource, tool })).update('\n').update(plainJson(context)).digest('hex');
}

/** What a sheet version's outputs are made from, besides the sources every version shares. */
export interface VersionInputs {
  /** The version as the check published it: its source file, and the figure texts it states. */
  sheet: FactSheet;
  /** The languages its sheet is published in, this one included, as its view is made with. */
  languages: readonly string[];
  format: Format;
  sourceDateEpoch: number | null;
}

/** The key of each output of a sheet version, given what the version is made from (see versionKeys). */
export type VersionKeys = (inputs: VersionInputs) => string;

/**
 * Output keys made from the inputs of a version rather than from its view, which is a
 * large tree to serialise for each of the outputs of a project. A version is what
 * parsing and typesetting its own source file gives, with the settings, boilerplate,
 * country names and the tool; the registry reaches it only through the figures it
 * quotes, whose texts are in the version itself. Its view adds the template (its files
 * and fonts), the languages it links and SOURCE_DATE_EPOCH. So the key is a hash of:
 * what every version shares (hashed once), the version's own file, its figure
 * references as resolved, its template's name, the languages it links, the format and
 * SOURCE_DATE_EPOCH. The tool is its fingerprint, not its version number: other code
 * under the same number may render differently. A figure edit changes the key of
 * exactly the versions that quote the figure; a paragraph edit, that of its version.
 */
export function versionKeys(sources: ProjectSources): VersionKeys {
  const shared = createHash('sha256')
    .update(
      canonicalJson(
        { tool: toolFingerprint(), config: sources.config, boilerplate: sources.boilerplate, countryNames: sources.countryNames, templates: sources.templates.templates },
        sourceFileData,
      ),
    )
    .digest('hex');
  const files = new Map<string, SourceFile>(sources.sheets.map((s) => [s.file.path, s.file]));
  return ({ sheet, languages, format, sourceDateEpoch }) => {
    const file = files.get(sheet.file);
    // A version the sources do not hold cannot be vouched for by them: it is keyed by what it is.
    const own = file ? { file: sourceFileDigest(file) } : { sheet };
    const refs = figureRefsOf(sheet).map((ref) => [ref.id, ref.form, ref.value, ref.text]);
    // The page links the other languages, in the order given: the view's alternates.
    const alternates = languages.filter((lang) => lang !== sheet.lang);
    const version = { id: sheet.id, lang: sheet.lang, template: sheet.meta.template, own, refs, alternates, format, sourceDateEpoch };
    return createHash('sha256').update(shared).update('\n').update(canonicalJson(version)).digest('hex');
  };
}
