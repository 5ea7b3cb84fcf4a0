import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { checkProject, type CheckResult } from '../check/check-project.js';
import { figuresLedger } from '../figures/ledger.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { FactSheet } from '../model/fact-sheet.js';
import { figureRefsOf } from '../model/figure-refs.js';
import { plainText } from '../model/plain-text.js';
import type { Labels } from '../model/template.js';
import { renderers } from '../render/registry.js';
import { FORMATS, outputBytes, type Format } from '../render/renderer.js';
import { sheetView } from '../render/view.js';
import { readProject, type ProjectSources } from '../sources/read-project.js';
import { verifyOutput, type Miss } from '../verify/index.js';
import { renderFiguresPage, useKey, type VerifiedUses } from './figures-page.js';
import { renderIndexPage, type IndexEntry } from './index-page.js';
import { commit, discard, isTemporary, readStaged, stage, writeAtomic, type Staged } from './write-atomic.js';

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
  /** Outputs of sheet versions whose source is gone, removed so nothing stale stays published. */
  removed: string[];
  /** Sheets left out by --sheet. */
  skipped: string[];
  /** Sheets with errors: none of their outputs were touched. */
  failed: string[];
}

/** One output of a sheet version, rendered and staged beside its destination. */
interface PendingOutput {
  relative: string;
  sheet: FactSheet;
  format: Format;
  staged: Staged;
}

/**
 * Checks the project, then renders every sheet without errors in every selected
 * language and format. A sheet's outputs are all staged under temporary names,
 * read back from the disk and verified against the model, and only then renamed
 * into place together: a failing sheet keeps its previous outputs byte for byte,
 * and an interrupted build leaves no truncated file.
 */
export async function buildProject(options: BuildOptions, read?: ProjectSources): Promise<BuildReport> {
  const sources = read ?? (await readProject(options.root));
  const result = await checkProject(sources, { formats: options.formats });
  const diagnostics = [...result.diagnostics];
  const report: BuildReport = { diagnostics, written: [], unchanged: [], removed: [], skipped: [], failed: [] };
  const verified: VerifiedUses = new Map();
  const ids = [...new Set(sources.sheets.map((s) => s.id))].sort();
  await removeTemporaries(options.outDir);
  report.removed = await removeOrphans(options.outDir, sources);

  for (const id of ids) {
    if (options.sheets.length > 0 && !options.sheets.includes(id)) {
      report.skipped.push(id);
      continue;
    }
    if (result.failedSheets.has(id) || !result.config) {
      report.failed.push(id);
      continue;
    }
    const pending: PendingOutput[] = [];
    try {
      for (const output of await renderSheet(result.sheets.filter((s) => s.id === id), result, options)) {
        pending.push({ ...output, staged: await stage(path.join(options.outDir, output.relative), output.bytes) });
      }
      const misses = await verifyAll(pending, verified);
      if (misses.length > 0) {
        diagnostics.push(...misses);
        await Promise.all(pending.map((p) => discard(p.staged)));
        report.failed.push(id);
        continue;
      }
    } catch (error) {
      // A renderer or reader failing on a valid model is a defect, but it must not cost the other sheets.
      await Promise.all(pending.map((p) => discard(p.staged)));
      const source = sources.sheets.find((s) => s.id === id)!.file;
      diagnostics.push(diagnostic('error', 'render-failed', source.head(), `rendering sheet "${id}" failed: ${(error as Error).message}`));
      report.failed.push(id);
      continue;
    }
    for (const output of pending) (await commit(output.staged) ? report.written : report.unchanged).push(output.relative);
  }

  const readBack = new Set(report.written.concat(report.unchanged));
  await verifyOutputsOnDisk(result, options.outDir, readBack, verified);
  const labels = pageLabels(result);
  const { indexPage: indexTemplate, figuresPage: figuresTemplate } = sources.templates;
  if (labels && indexTemplate) {
    await writePage(indexTemplate.path, 'index.html', () => indexPage(sources, result, ids, options.outDir, labels), options, report);
  }
  if (labels && figuresTemplate && result.registry) {
    const ledger = figuresLedger(result.registry, result.parsed);
    await writePage(figuresTemplate.path, 'figures.html', () => renderFiguresPage(figuresTemplate.text, ledger, verified, result.config!.sourceLanguage, labels), options, report);
  }
  report.diagnostics = sortDiagnostics(diagnostics);
  return report;
}

/**
 * Reads each staged output back and checks that it states every figure of its
 * sheet version; records which formats state each use, for the ledger page.
 */
async function verifyAll(pending: PendingOutput[], verified: VerifiedUses): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const output of pending) {
    const { sheet, format } = output;
    const misses = await verifyOutput(sheet, format, new Uint8Array(await readStaged(output.staged)));
    recordUses(verified, sheet, format, misses);
    for (const miss of misses) {
      problems.push(
        diagnostic(
          'error',
          'output-mismatch',
          { file: sheet.file, start: miss.ref.span.start, end: miss.ref.span.end },
          `the ${FORMAT_NAMES[format]} of sheet "${sheet.id}" (${sheet.lang}) does not state figure "${miss.ref.id}" as the model does: ${miss.reason}`,
        ),
      );
    }
  }
  return problems;
}

/**
 * Outputs this run did not write (left out by --sheet, --lang or --format, or kept
 * from an earlier build) are read back too, so the ledger page says what every
 * published document states, not only what this run touched.
 */
async function verifyOutputsOnDisk(result: CheckResult, outDir: string, readBack: ReadonlySet<string>, verified: VerifiedUses): Promise<void> {
  for (const sheet of result.parsed) {
    for (const format of FORMATS) {
      const relative = outputPath(sheet, format);
      const file = path.join(outDir, relative);
      if (readBack.has(relative) || !existsSync(file)) continue;
      // An output that cannot be read states nothing.
      const misses = await verifyOutput(sheet, format, new Uint8Array(await readFile(file))).catch(() => null);
      recordUses(verified, sheet, format, misses);
    }
  }
}

/** Records which figure uses of a sheet version an output states: all but its misses (none when unreadable). */
function recordUses(verified: VerifiedUses, sheet: FactSheet, format: Format, misses: Miss[] | null): void {
  if (misses === null) return;
  const missed = new Set(misses.map((m) => m.index));
  figureRefsOf(sheet).forEach((_, index) => {
    if (missed.has(index)) return;
    const key = useKey(sheet.id, sheet.lang, index);
    verified.set(key, (verified.get(key) ?? new Set()).add(format));
  });
}

function outputPath(sheet: FactSheet, format: Format): string {
  return `${sheet.lang}/${sheet.id}${renderers[format].extension}`;
}

const FORMAT_NAMES: Record<Format, string> = { pdf: 'PDF', docx: 'Word document', html: 'web page' };

/** Temporary files a killed build left behind; finished outputs never have these names. */
async function removeTemporaries(outDir: string): Promise<void> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && isTemporary(entry.name)) await rm(path.join(entry.parentPath, entry.name), { force: true });
  }
}

/**
 * Outputs (`<lang>/<id>.<format>`) of sheet versions that no longer have a source:
 * a deleted translation must not stay published, out of date, and linked.
 */
async function removeOrphans(outDir: string, sources: ProjectSources): Promise<string[]> {
  const versions = new Set(sources.sheets.map((s) => `${s.lang}/${s.id}`));
  const removed: string[] = [];
  for (const dir of await readdir(outDir, { withFileTypes: true }).catch(() => [])) {
    if (!dir.isDirectory()) continue;
    for (const file of await readdir(path.join(outDir, dir.name), { withFileTypes: true })) {
      const match = /^(.+)\.(pdf|docx|html)$/.exec(file.name);
      if (!file.isFile() || !match || versions.has(`${dir.name}/${match[1]}`)) continue;
      await rm(path.join(outDir, dir.name, file.name));
      removed.push(`${dir.name}/${file.name}`);
    }
  }
  return removed.sort();
}

async function renderSheet(versions: FactSheet[], result: CheckResult, options: BuildOptions) {
  const languages = versions.map((v) => v.lang);
  const outputs: Array<{ relative: string; bytes: Uint8Array; sheet: FactSheet; format: Format }> = [];
  for (const sheet of versions) {
    if (options.langs.length > 0 && !options.langs.includes(sheet.lang)) continue;
    const template = result.templates.get(sheet.meta.template)!;
    const view = sheetView(sheet, template, { languages, sourceDateEpoch: options.sourceDateEpoch });
    for (const format of options.formats) {
      outputs.push({ relative: outputPath(sheet, format), bytes: outputBytes(await renderers[format].render(view)), sheet, format });
    }
  }
  return outputs;
}

/** Writes a project page; a template that fails to render (a field it names does not exist) is reported at the template. */
async function writePage(template: string, relative: string, render: () => string, options: BuildOptions, report: BuildReport): Promise<void> {
  try {
    const changed = await writeAtomic(path.join(options.outDir, relative), new TextEncoder().encode(render()));
    (changed ? report.written : report.unchanged).push(relative);
  } catch (error) {
    // Handlebars ends its runtime errors with the template position, "- line:column".
    const first = ((error as Error).message.split('\n')[0] ?? '').replace(/ in \[object Object\]/, '');
    const at = / - (\d+):(\d+)$/.exec(first);
    const point = { line: at ? Number(at[1]) : 1, column: at ? Number(at[2]) + 1 : 1, offset: 0 };
    report.diagnostics.push(diagnostic('error', 'render-failed', { file: template, start: point, end: point }, `writing ${relative} failed: ${first.replace(/ - \d+:\d+$/, '')}`));
  }
}

/** The project pages speak the source language, in the words of the first valid template. */
function pageLabels(result: CheckResult): Labels | null {
  const config = result.config;
  return (config && [...result.templates.values()][0]?.labels.get(config.sourceLanguage)) ?? null;
}

/** The index links what exists in the output folder, whether written now or by an earlier build. */
function indexPage(sources: ProjectSources, result: CheckResult, ids: string[], outDir: string, labels: Labels): string {
  const config = result.config!;
  const entries: IndexEntry[] = ids.map((id) => {
    const versions = config.languages.map((lang) => ({
      lang,
      formats: FORMATS.filter((format) => existsSync(path.join(outDir, lang, `${id}.${format}`))),
    }));
    const original = result.parsed.find((s) => s.id === id && s.lang === config.sourceLanguage);
    return { id, title: original ? plainText(original.meta.title) : id, versions: versions.filter((v) => v.formats.length > 0) };
  });
  return renderIndexPage(sources.templates.indexPage!.text, entries.filter((e) => e.versions.length > 0), config.languages, config.sourceLanguage, labels);
}
