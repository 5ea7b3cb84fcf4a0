import path from 'node:path';
import { checkProject } from '../check/check-project.js';
import { fingerprint, formatLock, parseLock, translationSnapshot, type ParsedLock, type ReviewLock, type UnreadableReviews } from '../check/translation/index.js';
import { alignReferenceOrder } from '../check/translation/unit-rules/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { readProject, REVIEW_LOCK } from '../sources/read-project.js';
import { writeAtomic } from './write-atomic.js';

/** Who reviewed (when known) and on what day (YYYY-MM-DD), recorded with the original's text. */
export interface Review {
  by: string | null;
  on: string;
}

export type MarkResult =
  | { ok: true; file: string; marked: string[]; sourceLanguage: string }
  | { ok: false; reason: string; diagnostics: Diagnostic[] };

/**
 * Records that translations of a sheet, as they now read, were reviewed against the
 * original as it now stands, in `sources/<id>/translations.lock.yaml`. Refuses while the
 * original or a named translation has errors: a reviewed mark on a broken text would hide them.
 * Keeps the other languages' records, and refuses to drop one it cannot read.
 */
export async function markReviewed(root: string, sheetId: string, langs: readonly string[], review: Review): Promise<MarkResult> {
  const sources = await readProject(root);
  const result = await checkProject(sources);
  const config = result.config;
  if (!config) return { ok: false, reason: 'the project settings have errors', diagnostics: result.diagnostics };
  const versions = sources.sheets.filter((s) => s.id === sheetId);
  if (versions.length === 0) return { ok: false, reason: `no sheet "${sheetId}" in sources/`, diagnostics: [] };
  const translations = langs.length > 0 ? [...langs] : versions.map((v) => v.lang).filter((l) => l !== config.sourceLanguage);
  const unknown = translations.find((lang) => lang === config.sourceLanguage || !versions.some((v) => v.lang === lang));
  if (unknown) {
    const reason = unknown === config.sourceLanguage ? `"${unknown}" is the original, not a translation` : `sheet "${sheetId}" has no "${unknown}" version`;
    return { ok: false, reason, diagnostics: [] };
  }
  const files = [config.sourceLanguage, ...translations].map((lang) => `sources/${sheetId}/${lang}.md`);
  // Errors of the lock file itself do not block: this command rewrites it. Nor does an order of
  // references other than the original's: recording it with the review is how a translator accepts it.
  const blocking = result.diagnostics.filter((d) => d.severity === 'error' && files.includes(d.location.file) && d.ruleId !== alignReferenceOrder.id);
  // The parsed original even when its sheet is held back (say, another figure it quotes is disputed).
  const original = result.parsed.find((s) => s.id === sheetId && s.lang === config.sourceLanguage) ?? null;
  if (blocking.length > 0 || !original) return { ok: false, reason: 'fix these errors first', diagnostics: blocking };

  const lockPath = `sources/${sheetId}/${REVIEW_LOCK}`;
  const existing = sources.locks.get(sheetId);
  // Every record that can be read is kept; only the languages named are replaced.
  const parsedLock: ParsedLock | null = !existing ? null : existing.usable ? parseLock(existing, sheetId) : { lock: new Map(), unreadable: 'all', diagnostics: [] };
  const lock: ReviewLock = parsedLock?.lock ?? new Map();
  const lost = lostRecords(parsedLock?.unreadable ?? new Set(), versions.map((v) => v.lang).filter((l) => l !== config.sourceLanguage), translations);
  if (lost.length > 0) {
    const reason =
      parsedLock?.unreadable === 'all'
        ? `${lockPath} cannot be read, so the review records of ${quoted(lost)} would be lost; after reviewing every translation, run "factsheet mark-reviewed ${sheetId}" to rewrite it`
        : `the review ${lost.length === 1 ? 'record' : 'records'} of ${quoted(lost)} in ${lockPath} cannot be read and would be lost; after reviewing, mark ${lost.length === 1 ? 'it' : 'them'} in the same command: "factsheet mark-reviewed ${sheetId} ${[...new Set([...translations, ...lost])].sort().join(' ')}"`;
    return { ok: false, reason, diagnostics: parsedLock?.diagnostics.filter((d) => d.severity === 'error') ?? [] };
  }
  const originalFile = versions.find((v) => v.lang === config.sourceLanguage)!.file;
  const print = fingerprint(original, originalFile);
  for (const lang of translations) {
    // The translation as reviewed, so that an edit made after the review is told apart from the original moving on.
    const translation = result.parsed.find((s) => s.id === sheetId && s.lang === lang);
    const file = versions.find((v) => v.lang === lang)!.file;
    lock.set(lang, { ...print, ...(review.by ? { by: review.by } : {}), on: review.on, ...(translation ? { translation: translationSnapshot(translation, file) } : {}) });
  }
  await writeAtomic(path.join(root, lockPath), new TextEncoder().encode(formatLock(lock, config.sourceLanguage)));
  return { ok: true, file: lockPath, marked: translations, sourceLanguage: config.sourceLanguage };
}

/** Translations whose unreadable review record this run would drop without replacing it. */
function lostRecords(unreadable: UnreadableReviews, allTranslations: string[], marked: string[]): string[] {
  const unknown = unreadable === 'all' ? allTranslations : [...unreadable];
  return unknown.filter((lang) => allTranslations.includes(lang) && !marked.includes(lang)).sort();
}

function quoted(langs: string[]): string {
  return langs.map((l) => `"${l}"`).join(', ');
}
