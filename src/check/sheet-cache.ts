import { createHash } from 'node:crypto';
import { canonicalJson } from '../text/canonical-json.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { FactSheet } from '../model/fact-sheet.js';
import type { ParsedSheet } from '../parse/sheet.js';
import type { ProjectSources, SheetSource } from '../sources/read-project.js';
import { toolFingerprint } from '../sources/tool-version.js';
import { sourceFileData } from '../text/source-file.js';
import type { UnreadableReviews } from './translation/index.js';

/**
 * What checking one sheet found: its versions as read, and the problems, glyph gaps
 * and review states of its versions. It is a function of the sheet's own files (its
 * Markdown in every language and its review lock) and of what every sheet shares (the
 * settings, the registry, boilerplate, country names, templates and fonts, the tool):
 * its key is a hash of exactly those, so an entry whose key is unchanged is what
 * checking the sheet again would give.
 */
export interface SheetCheck {
  key: string;
  read: ParsedSheet[];
  /** The complete versions of `read`, in its order, typeset in their language: what is published and drawn. */
  typeset: FactSheet[];
  diagnostics: Diagnostic[];
  /** Glyph gaps, reported once however many sheets meet them in the same shared file. */
  glyphs: Diagnostic[];
  /** Versions (`lang/id`) whose PDF would lack glyphs. */
  undrawable: string[];
  unreviewed: string[];
  edited: Array<[string, { by?: string; on?: string }]>;
  reviewUnknown: UnreadableReviews | null;
}

export function emptySheetCheck(key: string): SheetCheck {
  return { key, read: [], typeset: [], diagnostics: [], glyphs: [], undrawable: [], unreviewed: [], edited: [], reviewUnknown: null };
}

/**
 * The key of each sheet: what the project shares is serialised and hashed once, then
 * each sheet adds its own files. `pdf` says whether the check covers the PDF's glyphs;
 * `tool` is the fingerprint of the code checking (default: this code's).
 */
export function sheetKeys(sources: ProjectSources, options: { pdf: boolean; tool?: string }): (id: string, group: readonly SheetSource[]) => string {
  const shared = canonicalJson(
    {
      tool: options.tool ?? toolFingerprint(),
      pdf: options.pdf,
      config: sources.config,
      figures: sources.figures,
      boilerplate: sources.boilerplate,
      countryNames: sources.countryNames,
      templates: sources.templates,
    },
    sourceFileData,
  );
  const sharedHash = createHash('sha256').update(shared).digest('hex');
  return (id, group) => {
    // The languages of every file of the sheet, valid or not: the review lock is read against them.
    const languages = sources.sheets.filter((s) => s.id === id).map((s) => s.lang);
    const own = canonicalJson({ id, group: group.map((s) => ({ lang: s.lang, file: s.file })), languages, lock: sources.locks.get(id) ?? null }, sourceFileData);
    return createHash('sha256').update(sharedHash).update('\n').update(own).digest('hex');
  };
}
