import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkProject, type CheckResult } from '../check/check-project.js';
import { figuresLedger } from '../figures/ledger.js';
import { reviewName } from '../check/translation/index.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { FactSheet } from '../model/fact-sheet.js';
import { figureRefsOf } from '../model/figure-refs.js';
import { plainText } from '../model/plain-text.js';
import type { Location } from '../model/position.js';
import type { Labels } from '../model/template.js';
import { openRenderPool, renderAhead, threadsFor, type RenderAhead, type RenderPool } from '../render/pool/index.js';
import { renderers } from '../render/registry.js';
import { FORMATS, type Format } from '../render/renderer.js';
import { readProject, type ProjectSources } from '../sources/read-project.js';
import { htmlProblems, outputDiagnostics, verifyOutput, type Miss } from '../verify/index.js';
import type { LockHolder } from './build-lock.js';
import { renderFiguresPage, useKey, type VerifiedUses } from './figures-page.js';
import { renderIndexPage, type IndexEntry } from './index-page.js';
import { OutputIoError } from './io-error.js';
import { OutputFolder, type CommitHooks, type StagedOutput } from './output-folder.js';
import { outputFile } from './state-dir.js';

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
  /** Write into an output folder that holds files this tool did not write (never deleting them). */
  force?: boolean;
  /** The output folder as the user named it, for messages (default: the absolute path). */
  outDisplay?: string;
  /** Told when another build holds the output folder and this one waits for it. */
  onWait?: (holder: LockHolder | null) => void;
  /** Test hooks into commits. */
  commitHooks?: CommitHooks;
  /** Warnings hold back what they concern, as errors do; decided before anything is written. */
  strict?: boolean;
  /** Threads rendering at once (default 1: in this thread, no worker); small builds use fewer (threadsFor). */
  jobs?: number;
  /** Told as each sheet is taken in turn and when the last is done. */
  onProgress?: (progress: BuildProgress) => void;
}

/** How far a build is: sheets done of those it renders, and the sheet it is at (null at the end). */
export interface BuildProgress {
  done: number;
  total: number;
  current: string | null;
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
  /** Versions (`lang/id`) held back while the rest of their sheet was built, with the reason. */
  heldBack: Array<{ version: string; reason: string }>;
  /** True when the project could not be read, so the output folder was not touched at all. */
  unreadable: boolean;
  /** Threads that rendered: 1 is the main thread, more are workers. */
  threads: number;
}

/** One output of a sheet version, rendered and staged, not yet in place. */
interface PendingOutput {
  relative: string;
  sheet: FactSheet;
  format: Format;
  staged: StagedOutput;
}

/**
 * Checks the project, then renders every sheet without errors in every selected
 * language and format. A sheet's outputs are all staged, read back from the disk and
 * verified against the model, and only then committed together as one unit: a failing
 * sheet keeps its previous outputs byte for byte, and a killed build leaves every
 * version all old or all new (the next build finishes a commit it interrupted).
 * The output folder is locked for the time of the build; only files the manifest
 * records as written by a build are replaced without --force or ever deleted.
 */
export async function buildProject(options: BuildOptions, read?: ProjectSources): Promise<BuildReport> {
  const sources = read ?? (await readProject(options.root));
  const result = await checkProject(sources, { formats: options.formats, strict: options.strict ?? false, webPages: false });
  const diagnostics = [...result.diagnostics];
  const report: BuildReport = { diagnostics, written: [], unchanged: [], removed: [], skipped: [], failed: [], heldBack: [], unreadable: false, threads: 1 };
  const ids = [...new Set(sources.sheets.map((s) => s.id))].sort();
  if (!result.config) {
    // Without the settings nothing can be vouched for: not even which outputs are orphans.
    report.unreadable = true;
    report.failed = ids;
    return report;
  }
  const folder = await OutputFolder.open(options.outDir, {
    force: options.force ?? false,
    display: options.outDisplay ?? options.outDir,
    onWait: options.onWait,
  });
  try {
    await buildInto(folder, sources, result, ids, options, report);
  } finally {
    await folder.close();
  }
  report.diagnostics = sortDiagnostics(diagnostics);
  return report;
}

async function buildInto(folder: OutputFolder, sources: ProjectSources, result: CheckResult, ids: string[], options: BuildOptions, report: BuildReport): Promise<void> {
  const verified: VerifiedUses = new Map();
  await removeOrphans(folder, sources, report);
  const selected = (id: string) => options.sheets.length === 0 || options.sheets.includes(id);
  // What to render is decided here, in the order of the sheets; the pool decides only where it runs.
  const plans = new Map<string, FactSheet[]>();
  for (const id of ids) if (selected(id) && !result.failedSheets.has(id)) plans.set(id, publishable(id, sources, result, options, report));
  const outputs = [...plans.values()].reduce((sum, versions) => sum + versions.length * options.formats.length, 0);
  const pool = openRenderPool({ threads: threadsFor(options.jobs ?? 1, outputs), templates: result.templates });
  report.threads = pool.threads;
  try {
    const rendering = renderAhead([...plans.keys()], 2 * pool.threads, (id) => renderSheet(plans.get(id)!, result, options, folder, pool));
    let done = 0;
    for (const id of ids) {
      if (!selected(id)) {
        report.skipped.push(id);
        continue;
      }
      if (result.failedSheets.has(id)) {
        report.failed.push(id);
        continue;
      }
      options.onProgress?.({ done: done++, total: plans.size, current: id });
      if (!(await buildSheet(id, folder, sources, result, options, verified, report, rendering))) report.failed.push(id);
    }
    options.onProgress?.({ done, total: plans.size, current: null });
    await verifyOutputsOnDisk(result, folder, new Set([...report.written, ...report.unchanged]), verified);
  } finally {
    await pool.close();
  }
  const labels = pageLabels(result);
  const { indexPage: indexTemplate, figuresPage: figuresTemplate } = sources.templates;
  // A page template that could not be read clean is reported by the check and not used.
  if (labels && indexTemplate?.usable) {
    await writePage(indexTemplate.path, 'index.html', () => indexPage(sources, result, ids, folder, labels), folder, report);
  }
  if (labels && figuresTemplate?.usable && result.registry) {
    const ledger = figuresLedger(result.registry, result.parsed);
    await writePage(figuresTemplate.path, 'figures.html', () => renderFiguresPage(figuresTemplate.text, ledger, verified, result.config!.sourceLanguage, labels), folder, report);
  }
}

/** Takes the sheet's rendered outputs, stages, verifies and commits them; false when it failed (its outputs untouched). */
async function buildSheet(id: string, folder: OutputFolder, sources: ProjectSources, result: CheckResult, options: BuildOptions, verified: VerifiedUses, report: BuildReport, rendering: RenderAhead<string, RenderedOutput[]>): Promise<boolean> {
  const source = sources.sheets.find((s) => s.id === id)!.file;
  const pending: PendingOutput[] = [];
  try {
    for (const output of await rendering.take(id)) {
      pending.push({ ...output, staged: await folder.stage(output.relative, output.bytes) });
    }
    const misses = await verifyAll(pending, folder, verified);
    if (misses.length > 0) {
      report.diagnostics.push(...misses);
      await folder.discard(pending.map((p) => p.staged));
      return false;
    }
  } catch (error) {
    await folder.discard(pending.map((p) => p.staged)).catch(() => undefined);
    if (error instanceof OutputIoError) {
      report.diagnostics.push(diagnostic('error', 'output-write-failed', outputLocation(error.where), error.message));
    } else {
      // A renderer or reader failing on a valid model is a defect, but it must not cost the other sheets.
      report.diagnostics.push(diagnostic('error', 'render-failed', source.head(), `rendering sheet "${id}" failed: ${(error as Error).message}`));
    }
    return false;
  }
  try {
    const changed = new Set(await folder.commit(pending.map((p) => p.staged), options.commitHooks));
    for (const output of pending) (changed.has(output.relative) ? report.written : report.unchanged).push(output.relative);
    return true;
  } catch (error) {
    // A commit that failed half-way is finished by the next build, from its journal.
    if (!(error instanceof OutputIoError)) throw error;
    await folder.discard(pending.map((p) => p.staged)).catch(() => undefined);
    report.diagnostics.push(diagnostic('error', 'output-write-failed', outputLocation(error.where), error.message));
    return false;
  }
}

/**
 * Reads each staged output back and checks that it states every figure of its
 * sheet version; records which formats state each use, for the ledger page.
 */
async function verifyAll(pending: PendingOutput[], folder: OutputFolder, verified: VerifiedUses): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const output of pending) {
    const { sheet, format } = output;
    const { diagnostics, misses } = await outputDiagnostics(sheet, format, new Uint8Array(await folder.readStaged(output.staged)));
    recordUses(verified, sheet, format, misses);
    problems.push(...diagnostics);
  }
  return problems;
}

/**
 * Outputs this run did not write (left out by --sheet, --lang or --format, or kept
 * from an earlier build) are read back too, so the ledger page says what every
 * published document states, not only what this run touched.
 */
async function verifyOutputsOnDisk(result: CheckResult, folder: OutputFolder, readBack: ReadonlySet<string>, verified: VerifiedUses): Promise<void> {
  for (const sheet of result.parsed) {
    for (const format of FORMATS) {
      const relative = outputPath(sheet, format);
      if (readBack.has(relative) || !folder.owns(relative)) continue;
      // An output that cannot be read states nothing.
      const misses = await readFile(outputFile(folder.outDir, relative))
        .then((bytes) => verifyOutput(sheet, format, new Uint8Array(bytes)))
        .catch(() => null);
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

function outputPath(sheet: { lang: string; id: string }, format: Format): string {
  return `${sheet.lang}/${sheet.id}${renderers[format].extension}`;
}

/**
 * Outputs (`<lang>/<id>.<format>`) that a build wrote for sheet versions that no longer
 * have a source: a deleted translation must not stay published, out of date, and linked.
 * Only files of the manifest, and only as they were written, are deleted.
 */
async function removeOrphans(folder: OutputFolder, sources: ProjectSources, report: BuildReport): Promise<void> {
  const versions = new Set(sources.sheets.map((s) => `${s.lang}/${s.id}`));
  const extensions = new Map(FORMATS.map((f) => [renderers[f].extension, f]));
  const orphans = [...folder.manifest.files.keys()].filter((name) => {
    const match = /^([^/]+)\/([^/]+)(\.[a-z]+)$/.exec(name);
    return match !== null && extensions.has(match[3]!) && !versions.has(`${match[1]}/${match[2]}`);
  });
  try {
    const { removed, altered } = await folder.remove(orphans.sort());
    report.removed.push(...removed);
    for (const relative of altered) {
      report.diagnostics.push(
        diagnostic('warning', 'output-changed', outputLocation(folder.shown(relative)), `the source of ${relative} is gone, but the file was changed after factsheet wrote it, so it is left in place; delete it by hand`),
      );
    }
  } catch (error) {
    if (!(error instanceof OutputIoError)) throw error;
    report.diagnostics.push(diagnostic('error', 'output-write-failed', outputLocation(error.where), error.message));
  }
}

/**
 * The versions of a sheet to publish, each decided on its own: a translation with
 * problems of its own, one whose review record cannot be read, and (unless the settings
 * say `unreviewed: publish`) one never marked reviewed or edited since its review are
 * held back; their earlier outputs stay as they were, and the original and the other
 * languages publish. A stale translation (as reviewed, its original moved on) publishes.
 */
function publishable(id: string, sources: ProjectSources, result: CheckResult, options: BuildOptions, report: BuildReport): FactSheet[] {
  const config = result.config!;
  const unknown = result.reviewUnknown.get(id);
  const held = (lang: string): string | null => {
    const version = `${lang}/${id}`;
    if (lang === config.sourceLanguage) return null;
    if (result.failedVersions.has(version)) return options.strict ? 'it has problems, and --strict holds them against it' : 'it has errors';
    if (unknown && (unknown === 'all' || unknown.has(lang))) return 'its review record cannot be read';
    if (config.unreviewed === 'hold' && result.unreviewed.has(version)) return `it was never marked reviewed: "factsheet mark-reviewed ${id} ${lang}" publishes it`;
    const edited = result.edited.get(version);
    if (config.unreviewed === 'hold' && edited) return `it was edited after ${reviewName(edited)}: once the edit is reviewed, "factsheet mark-reviewed ${id} ${lang}" publishes it`;
    return null;
  };
  const out: FactSheet[] = [];
  const langs = [...new Set(sources.sheets.filter((s) => s.id === id && config.languages.includes(s.lang)).map((s) => s.lang))].sort();
  for (const lang of langs) {
    if (options.langs.length > 0 && !options.langs.includes(lang)) continue;
    const reason = held(lang);
    if (reason) report.heldBack.push({ version: `${lang}/${id}`, reason });
    else {
      const version = result.sheets.find((s) => s.id === id && s.lang === lang);
      if (version) out.push(version);
    }
  }
  return out;
}

interface RenderedOutput {
  relative: string;
  bytes: Uint8Array;
  sheet: FactSheet;
  format: Format;
}

/**
 * Renders the versions given, through the pool. Each links the other languages of its
 * sheet that the output folder will hold: those written now and those published
 * earlier and kept.
 */
async function renderSheet(versions: FactSheet[], result: CheckResult, options: BuildOptions, folder: OutputFolder, pool: RenderPool): Promise<RenderedOutput[]> {
  const id = versions[0]?.id;
  const kept = result.config!.languages.filter((lang) => folder.owns(outputPath({ lang, id: id ?? '' }, 'html')));
  const languages = [...new Set([...versions.map((v) => v.lang), ...kept])].filter((lang) => result.config!.languages.includes(lang));
  const jobs = versions.flatMap((sheet) => options.formats.map((format) => ({ sheet, format, template: sheet.meta.template, languages, sourceDateEpoch: options.sourceDateEpoch })));
  const rendered = inOrder(jobs.map((job) => pool.render(job)));
  const outputs: RenderedOutput[] = [];
  for (const { sheet, format } of jobs) outputs.push({ relative: outputPath(sheet, format), bytes: await rendered.next(), sheet, format });
  return outputs;
}

/**
 * Results of work started together, taken one by one in the order given, so the first
 * failure reported is the first in that order whichever failed first in time; the
 * failures of results never taken are not left unhandled.
 */
function inOrder<T>(started: Array<Promise<T>>): { next(): Promise<T> } {
  for (const result of started) result.catch(() => undefined);
  let index = 0;
  return { next: () => started[index++]! };
}

/** Writes a project page; a template that fails to render (a field it names does not exist) is reported at the template. */
async function writePage(template: string, relative: string, render: () => string, folder: OutputFolder, report: BuildReport): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new TextEncoder().encode(render());
  } catch (error) {
    // Handlebars ends its runtime errors with the template position, "- line:column".
    const first = ((error as Error).message.split('\n')[0] ?? '').replace(/ in \[object Object\]/, '');
    const at = / - (\d+):(\d+)$/.exec(first);
    const point = { line: at ? Number(at[1]) : 1, column: at ? Number(at[2]) + 1 : 1, offset: 0 };
    report.diagnostics.push(diagnostic('error', 'render-failed', { file: template, start: point, end: point }, `writing ${relative} failed: ${first.replace(/ - \d+:\d+$/, '')}`));
    return;
  }
  const invalid = htmlProblems(bytes);
  if (invalid.length > 0) {
    const start = { line: 1, column: 1, offset: 0 };
    report.diagnostics.push(diagnostic('error', 'output-invalid', { file: template, start, end: start }, `${relative} would not be valid HTML: ${invalid.slice(0, 3).join('; ')}`));
    return;
  }
  try {
    const staged = await folder.stage(relative, bytes);
    const changed = await folder.commit([staged]);
    (changed.length > 0 ? report.written : report.unchanged).push(relative);
  } catch (error) {
    if (!(error instanceof OutputIoError)) throw error;
    report.diagnostics.push(diagnostic('error', 'output-write-failed', outputLocation(error.where), error.message));
  }
}

/** A problem with a file of the output folder, placed at the file itself. */
function outputLocation(file: string): Location {
  const start = { line: 1, column: 1, offset: 0 };
  return { file: file.split(path.sep).join('/'), start, end: start };
}

/** The project pages speak the source language, in the words of the first valid template. */
function pageLabels(result: CheckResult): Labels | null {
  const config = result.config;
  return (config && [...result.templates.values()][0]?.labels.get(config.sourceLanguage)) ?? null;
}

/** The index links the outputs the folder holds, whether written now or by an earlier build. */
function indexPage(sources: ProjectSources, result: CheckResult, ids: string[], folder: OutputFolder, labels: Labels): string {
  const config = result.config!;
  const entries: IndexEntry[] = ids.map((id) => {
    const versions = config.languages.map((lang) => ({
      lang,
      formats: FORMATS.filter((format) => folder.owns(outputPath({ lang, id }, format))),
    }));
    const original = result.parsed.find((s) => s.id === id && s.lang === config.sourceLanguage);
    return { id, title: original ? plainText(original.meta.title) : id, versions: versions.filter((v) => v.formats.length > 0) };
  });
  return renderIndexPage(sources.templates.indexPage!.text, entries.filter((e) => e.versions.length > 0), config.languages, config.sourceLanguage, labels);
}
