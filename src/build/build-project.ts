import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { checkProject, type CheckResult } from '../check/check-project.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { plainText } from '../model/plain-text.js';
import type { FactSheet } from '../model/fact-sheet.js';
import { renderers } from '../render/registry.js';
import { outputBytes, type Format } from '../render/renderer.js';
import { sheetView } from '../render/view.js';
import { readProject, type ProjectSources } from '../sources/read-project.js';
import { renderIndexPage, type IndexEntry } from './index-page.js';
import { isTemporary, writeAtomic } from './write-atomic.js';

export interface BuildOptions {
  root: string;
  /** Output folder, absolute. */
  outDir: string;
  /** Only these sheet ids (all when empty). */
  sheets: readonly string[];
  /** Only these languages (all when empty). */
  langs: readonly string[];
  formats: readonly Format[];
  /** SOURCE_DATE_EPOCH, which overrides the sheets' dates in document metadata. */
  sourceDateEpoch: number | null;
}

export interface BuildReport {
  diagnostics: Diagnostic[];
  /** Output paths relative to the output folder. */
  written: string[];
  unchanged: string[];
  /** Sheets left out by --sheet. */
  skipped: string[];
  /** Sheets with errors: none of their outputs were touched. */
  failed: string[];
}

/**
 * Checks the project, then renders every sheet without errors in every selected
 * language and format. A sheet is rendered whole in memory before any of its files
 * is written, and each file is replaced atomically, so a failing sheet keeps its
 * previous outputs exactly and an interrupted build leaves no truncated file.
 */
export async function buildProject(options: BuildOptions): Promise<BuildReport> {
  const sources = await readProject(options.root);
  const result = await checkProject(sources);
  const diagnostics = [...result.diagnostics];
  const report: BuildReport = { diagnostics, written: [], unchanged: [], skipped: [], failed: [] };
  const ids = [...new Set(sources.sheets.map((s) => s.id))].sort();
  await removeTemporaries(options.outDir);

  for (const id of ids) {
    if (options.sheets.length > 0 && !options.sheets.includes(id)) {
      report.skipped.push(id);
      continue;
    }
    if (result.failedSheets.has(id) || !result.config) {
      report.failed.push(id);
      continue;
    }
    const versions = result.sheets.filter((s) => s.id === id);
    let files: Array<{ relative: string; bytes: Uint8Array }>;
    try {
      files = await renderSheet(versions, result, options);
    } catch (error) {
      // A renderer failing on a valid model is a defect, but it must not cost the other sheets.
      const source = sources.sheets.find((s) => s.id === id)!.file;
      diagnostics.push(diagnostic('error', 'render-failed', source.head(), `rendering sheet "${id}" failed: ${(error as Error).message}`));
      report.failed.push(id);
      continue;
    }
    for (const file of files) {
      const changed = await writeAtomic(path.join(options.outDir, file.relative), file.bytes);
      (changed ? report.written : report.unchanged).push(file.relative);
    }
  }

  const index = indexPage(sources, result, ids, options.outDir);
  if (index !== null) {
    const relative = 'index.html';
    const changed = await writeAtomic(path.join(options.outDir, relative), new TextEncoder().encode(index));
    (changed ? report.written : report.unchanged).push(relative);
  }
  report.diagnostics = sortDiagnostics(diagnostics);
  return report;
}

/** Temporary files a killed build left behind; finished outputs never have these names. */
async function removeTemporaries(outDir: string): Promise<void> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && isTemporary(entry.name)) await rm(path.join(entry.parentPath, entry.name), { force: true });
  }
}

async function renderSheet(versions: FactSheet[], result: CheckResult, options: BuildOptions) {
  const languages = versions.map((v) => v.lang);
  const files: Array<{ relative: string; bytes: Uint8Array }> = [];
  for (const sheet of versions) {
    if (options.langs.length > 0 && !options.langs.includes(sheet.lang)) continue;
    const template = result.templates.get(sheet.meta.template)!;
    const view = sheetView(sheet, template, { languages, sourceDateEpoch: options.sourceDateEpoch });
    for (const format of options.formats) {
      const renderer = renderers[format];
      files.push({ relative: `${sheet.lang}/${sheet.id}${renderer.extension}`, bytes: outputBytes(await renderer.render(view)) });
    }
  }
  return files;
}

/** The index links what exists in the output folder, whether written now or by an earlier build. */
function indexPage(sources: ProjectSources, result: CheckResult, ids: string[], outDir: string): string | null {
  const config = result.config;
  const labels = config && [...result.templates.values()][0]?.labels.get(config.sourceLanguage);
  if (!config || !labels || !sources.templates.indexPage) return null;
  const entries: IndexEntry[] = ids.map((id) => {
    const versions = config.languages.map((lang) => ({
      lang,
      formats: (['pdf', 'docx', 'html'] as const).filter((format) => existsSync(path.join(outDir, lang, `${id}.${format}`))),
    }));
    const original = result.sheets.find((s) => s.id === id && s.lang === config.sourceLanguage);
    return { id, title: original ? plainText(original.meta.title) : id, versions: versions.filter((v) => v.formats.length > 0) };
  });
  return renderIndexPage(sources.templates.indexPage!.text, entries.filter((e) => e.versions.length > 0), config.languages, config.sourceLanguage, labels);
}
