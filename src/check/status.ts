import type { Diagnostic } from '../model/diagnostic.js';
import type { ProjectSources } from '../sources/read-project.js';
import type { CheckResult } from './check-project.js';
import { parseLock } from './translation/index.js';
import { staleSections } from './translation/stale.js';

/**
 * `blocked`: this version is fine, but the sheet is not published (another version, a figure it quotes or its template has an error).
 * `review-unknown`: the translation's record in the review lock cannot be read, so whether it matches the original is unknown.
 * `edited`: the translation's text is not the text its last review recorded.
 * `not-published`: the sheet's own `languages:` leaves this language out (a file for it is not published).
 */
export type CellState = 'ok' | 'missing' | 'not-published' | 'errors' | 'blocked' | 'stale' | 'unreviewed' | 'edited' | 'review-unknown';

/** The state of one sheet in one language. */
export interface StatusCell {
  lang: string;
  state: CellState;
  errors: number;
  warnings: number;
  /** Headings (or "lead", "title", "date") of the parts of the original that changed since the review. */
  staleSections: string[];
  /** Who last reviewed this translation and on what day (YYYY-MM-DD), null when its record does not say (older records); absent for the original, unreviewed versions and those not compared (errors, blocked, record unreadable). */
  reviewedBy?: string | null;
  reviewedOn?: string | null;
}

export interface StatusRow {
  sheet: string;
  cells: StatusCell[];
}

export interface ProjectStatus {
  sourceLanguage: string;
  languages: string[];
  rows: StatusRow[];
}

/** Sheets by languages: what is published as is, what is missing, stale, or broken. */
export function projectStatus(sources: ProjectSources, result: CheckResult): ProjectStatus | null {
  const config = result.config;
  if (!config) return null;
  const ids = [...new Set(sources.sheets.map((s) => s.id))].sort();
  const rows = ids.map((sheet) => ({
    sheet,
    cells: config.languages.map((lang): StatusCell => {
      const source = sources.sheets.find((s) => s.id === sheet && s.lang === lang);
      const declared = result.parsed.find((s) => s.id === sheet && s.lang === config.sourceLanguage)?.meta.languages;
      if (declared && !declared.includes(lang)) return { lang, state: 'not-published', errors: 0, warnings: 0, staleSections: [] };
      if (!source) return { lang, state: 'missing', errors: 0, warnings: 0, staleSections: [] };
      const own = result.diagnostics.filter((d) => d.location.file === source.file.path);
      const errors = count(own, 'error');
      const warnings = count(own, 'warning');
      if (errors > 0) return { lang, state: 'errors', errors, warnings, staleSections: [] };
      // A version held back for want of its language's labels or boilerplate, or by its sheet's errors elsewhere.
      if (result.failedSheets.has(sheet) || result.failedVersions.has(`${lang}/${sheet}`)) return { lang, state: 'blocked', errors, warnings, staleSections: [] };
      if (lang === config.sourceLanguage) return { lang, state: 'ok', errors, warnings, staleSections: [] };
      const unknown = result.reviewUnknown.get(sheet);
      if (unknown === 'all' || unknown?.has(lang)) return { lang, state: 'review-unknown', errors, warnings, staleSections: [] };
      const lockFile = sources.locks.get(sheet);
      const reviewed = lockFile ? parseLock(lockFile, sheet).lock.get(lang) : undefined;
      if (!reviewed) return { lang, state: 'unreviewed', errors, warnings, staleSections: [] };
      const original = result.parsed.find((s) => s.id === sheet && s.lang === config.sourceLanguage);
      const originalFile = sources.sheets.find((s) => s.id === sheet && s.lang === config.sourceLanguage)?.file;
      const review = { reviewedBy: reviewed.by ?? null, reviewedOn: reviewed.on ?? null };
      if (result.edited.has(`${lang}/${sheet}`)) return { lang, state: 'edited', errors, warnings, staleSections: [], ...review };
      if (!original || !originalFile) return { lang, state: 'ok', errors, warnings, staleSections: [], ...review };
      const stale = staleSections(original, originalFile, reviewed).map((s) => s.label);
      return { lang, state: stale.length > 0 ? 'stale' : 'ok', errors, warnings, staleSections: stale, ...review };
    }),
  }));
  return { sourceLanguage: config.sourceLanguage, languages: config.languages, rows };
}

function count(diagnostics: Diagnostic[], severity: Diagnostic['severity']): number {
  return diagnostics.filter((d) => d.severity === severity).length;
}

/** A cell as the status table prints it. */
export function describeCell(cell: StatusCell): string {
  switch (cell.state) {
    case 'errors':
      return `errors (${cell.errors})`;
    case 'blocked':
      return 'blocked (errors elsewhere)';
    case 'not-published':
      return 'not published';
    case 'review-unknown':
      return 'review record unreadable';
    case 'edited':
      return 'edited since its review';
    case 'stale':
      return `stale: ${cell.staleSections.join('; ')}`;
    default:
      return cell.state;
  }
}
