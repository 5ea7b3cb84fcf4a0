import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type CheckResult } from '../check/check-project.js';
import type { SheetCheck } from '../check/sheet-cache.js';
import { checkInThreads } from '../check/check-in-threads.js';
import { renderableTemplates } from '../check/project-templates.js';
import { figuresLedger } from '../figures/ledger.js';
import { reviewName } from '../check/translation/index.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { FactSheet } from '../model/fact-sheet.js';
import { figureRefsOf } from '../model/figure-refs.js';
import { plainText } from '../model/plain-text.js';
import type { Location } from '../model/position.js';
import { templateFaces, type Template } from '../model/template.js';
import { WEB_FONTS_DIR, webFonts, type WebFont } from '../render/html/web-fonts.js';
import { openRenderPool, renderAhead, threadsFor, type RenderAhead, type RenderPool } from '../render/pool/index.js';
import { EXTENSIONS, FORMATS, type Format } from '../render/renderer.js';
import type { ProjectSources } from '../sources/read-project.js';
import type { BuildOptions, BuildReport } from './build-project.js';
import { forgetBuild, rememberBuild, type BuildMemoInputs } from './build-memo.js';
import { hasCheckCache, readCheckCache, writeCheckCache } from './check-cache-file.js';
import { toolFingerprint } from '../sources/tool-version.js';
import { constantDigest } from '../text/digest.js';
import type { VerifiedOutput } from '../verify/index.js';
import { figuresContext, renderFiguresPage, useKey, type VerifiedUses } from './figures-page.js';
import { indexContext, renderIndexPage, type IndexEntry } from './index-page.js';
import { OutputIoError } from './io-error.js';
import { OutputFolder, type StagedOutput } from './output-folder.js';
import { pagePlaces, type PagePlace } from './project-page.js';
import { pageKey, versionKeys, type VersionKeys } from './output-key.js';
import { currentKeys, outputPath, planOutputs, publishedLanguages, type OutputPlan, type UpToDateOutput } from './stale-outputs.js';
import { outputFile } from './state-dir.js';
import { collectShapedWords, readShapedWords, writeShapedWords } from './shaped-words-file.js';
import type { ShapedWords } from '../render/pdf/parsed-fonts.js';
import { typesetSheet } from '../typography/index.js';
import { earlyRenders, type EarlyRenders } from './early-renders.js';
import { readFontFacts, writeFontFacts } from './font-facts-file.js';
import { keptFontFacts, seedFontFacts } from '../parse/font-facts.js';

/**
 * The readers of outputs (pdf.js is loaded later still, for a PDF), loaded the first time
 * this thread reads an output back or checks a page it is about to write: a rebuild
 * whose outputs come back from the render workers already read, and whose pages are up
 * to date, does not load the HTML parser and the unzipper for nothing.
 */
const readers = () => import('../verify/index.js');

/** Sheets rendered ahead per thread; each holds a few hundred kilobytes of outputs. */
const SHEETS_AHEAD_PER_THREAD = 4;

/** One output of a sheet version, rendered and staged, not yet in place. */
interface PendingOutput {
  relative: string;
  sheet: FactSheet;
  format: Format;
  key: string;
  verified: VerifiedOutput;
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
export async function fullBuild(options: BuildOptions, sources: ProjectSources, memo: BuildMemoInputs): Promise<BuildReport> {
  const jobs = options.jobs ?? 1;
  // A rebuild (the last build kept its check) mostly checks a few sheets, in this thread: a
  // render worker started first gets ready meanwhile (loads the renderers, parses the fonts)
  // on a core the check leaves idle, and starts on the sheets checked afresh as soon as their
  // versions are typeset (early-renders.ts). A cold build checks in every thread, and starts
  // its workers after.
  const remembered = options.session?.checks(options.outDir) ?? null;
  const tool = toolFingerprint();
  // Only PDFs shape words. What fontkit answered about the fonts is taken before the templates are read.
  const [keptWords, fontFacts] = await Promise.all([options.formats.includes('pdf') ? readShapedWords(options.outDir, tool) : new Map(), readFontFacts(options.outDir, tool)]);
  const words = { kept: keptWords, shaped: new Map() as ShapedWords };
  seedFontFacts(fontFacts);
  const pool = jobs > 1 && (remembered !== null || (await hasCheckCache(options.outDir))) ? openRenderPool({ threads: jobs, templates: renderableTemplates(sources), early: true, shapedWords: words.kept }) : null;
  let result: CheckResult;
  let kept: ReadonlyMap<string, SheetCheck> = new Map();
  const early = pool ? earlyRenders(pool, options, () => kept) : null;
  try {
    kept = remembered ?? (await readCheckCache(options.outDir));
    // The sheets to check afresh are shared among the threads the build may use: none of them has anything else to do yet.
    const checking = { formats: options.formats, strict: options.strict ?? false, webPages: false, cache: kept, ...(early ? { onTypeset: early.typeset } : {}) };
    ({ result } = await checkInThreads(sources, checking, jobs));
    if (result.cache) options.session?.keepChecks(options.outDir, result.cache);
  } catch (error) {
    await pool?.close();
    throw error;
  }
  const diagnostics = [...result.diagnostics];
  const report: BuildReport = { diagnostics, written: [], unchanged: [], rendered: [], readBack: [], removed: [], skipped: [], failed: [], heldBack: [], unreadable: false, threads: 1, inWorkers: false, renderedEarly: 0 };
  const ids = [...new Set(sources.sheets.map((s) => s.id))].sort();
  if (!result.config) {
    await pool?.close();
    // Without the settings nothing can be vouched for: not even which outputs are orphans.
    report.unreadable = true;
    report.failed = ids;
    return report;
  }
  const folder = await OutputFolder.open(options.outDir, {
    force: options.force ?? false,
    display: options.outDisplay ?? options.outDir,
    onWait: options.onWait,
  }).catch(async (error: unknown) => {
    await pool?.close();
    throw error;
  });
  try {
    await forgetBuild(folder);
    await writeCheckCache(folder, result.cache!, kept);
    await buildInto(folder, sources, result, ids, options, report, pool, early, words);
    const faces = templateFonts(result);
    await writeShapedWords(options.outDir, tool, words.kept, words.shaped, faces);
    const learned = keptFontFacts(faces);
    if (learned) await writeFontFacts(options.outDir, tool, learned);
    report.diagnostics = sortDiagnostics(diagnostics);
    folder.settleCommitted();
    await folder.flush();
    // Only a build whose every problem is the sources' own can stand for the next one with the same inputs.
    if (report.diagnostics.length === result.diagnostics.length) await rememberBuild(folder, memo, report);
  } finally {
    await pool?.close();
    await folder.close();
  }
  return report;
}

async function buildInto(
  folder: OutputFolder,
  sources: ProjectSources,
  result: CheckResult,
  ids: string[],
  options: BuildOptions,
  report: BuildReport,
  opened: RenderPool | null,
  early: EarlyRenders | null,
  words: { kept: ShapedWords; shaped: ShapedWords },
): Promise<void> {
  const verified: VerifiedUses = new Map();
  await removeOrphans(folder, sources, projectFiles(result), report);
  const selected = (id: string) => options.sheets.length === 0 || options.sheets.includes(id);
  // What to render is decided here, in the order of the sheets, before any worker starts: a
  // rebuild with nothing to render starts none. The pool decides only where rendering runs.
  const plans = new Map<string, OutputPlan>();
  const keys = versionKeys(sources);
  for (const id of ids) {
    if (selected(id) && !result.failedSheets.has(id)) plans.set(id, await planOutputs(publishable(id, sources, result, options, report), result, options, folder, keys));
  }
  const outputs = [...plans.values()].reduce((sum, plan) => sum + plan.stale.reduce((n, version) => n + version.outputs.length, 0), 0);
  const threads = threadsFor(options.jobs ?? 1, outputs);
  opened?.use(threads);
  const pool = opened ?? openRenderPool({ threads, templates: result.templates, shapedWords: words.kept });
  report.threads = pool.threads;
  report.inWorkers = pool.inWorkers;
  try {
    // Sheets started ahead of the one being committed: enough that the threads find work while this
    // one waits on the disk and while a slow output holds up the sheet next in turn.
    const rendering = renderAhead([...plans.keys()], SHEETS_AHEAD_PER_THREAD * pool.threads, (id) => renderSheet(plans.get(id)!, options, pool, early, words.shaped));
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
      if (!(await buildSheet(id, folder, sources, options, verified, report, rendering))) report.failed.push(id);
    }
    options.onProgress?.({ done, total: plans.size, current: null });
    if (early) {
      report.renderedEarly = early.taken();
      for (const shaped of await early.settle()) collectShapedWords(words.shaped, shaped);
    }
  } finally {
    await pool.close();
  }
  await verifyOutputsOnDisk(result, options, folder, new Set([...report.written, ...report.unchanged]), verified, report, keys);
  const look = pageTemplate(result);
  await writeFonts(result, folder, report);
  const { indexPage: indexTemplate, figuresPage: figuresTemplate } = sources.templates;
  const config = result.config!;
  const ledger = result.registry ? figuresLedger(result.registry, result.parsed) : null;
  const entries = indexEntries(result, ids, folder);
  for (const place of projectPages(result)) {
    const labels = look?.labels.get(place.lang);
    // A page template that could not be read clean is reported by the check and not used.
    if (!look || !labels) continue;
    if (indexTemplate?.usable) {
      const context = indexContext(entries, config.languages, config.sourceLanguage, place, labels, look);
      await writePage(indexTemplate, `${place.dir}index.html`, context, () => renderIndexPage(indexTemplate.text, context), folder, report);
    }
    if (figuresTemplate?.usable && ledger) {
      const context = figuresContext(ledger, verified, config.languages, place, labels, look);
      await writePage(figuresTemplate, `${place.dir}figures.html`, context, () => renderFiguresPage(figuresTemplate.text, context), folder, report);
    }
  }
}

/** The places of the index and ledger pages: the output folder's own, then one per language the template has labels for. */
function projectPages(result: CheckResult): Array<PagePlace & { dir: string }> {
  const config = result.config!;
  const look = pageTemplate(result);
  if (!look) return [];
  return pagePlaces(config.sourceLanguage, config.languages).filter((place) => look.labels.has(place.lang));
}

/**
 * The files projectPages and writeFonts write, besides the sheets' outputs, and whether
 * fonts written before may go: not while a template a sheet names cannot be read, since
 * the pages it made earlier stay published and load their fonts.
 */
function projectFiles(result: CheckResult): { files: Set<string>; fontsKnown: boolean } {
  const pages = projectPages(result).flatMap((place) => [`${place.dir}index.html`, `${place.dir}figures.html`]);
  const fontsKnown = result.parsed.every((sheet) => result.templates.has(sheet.meta.template));
  return { files: new Set([...pages, ...webFontsOf(result).map((font) => font.file)]), fontsKnown };
}

/** The digests of the faces the PDFs draw with: the main faces and the script faces of the templates the sheets name. */
function templateFonts(result: CheckResult): Set<string> {
  return new Set([...result.templates.values()].flatMap(templateFaces).map(constantDigest));
}

/** The fonts of every template, which the web pages load from the output folder, each file once. */
function webFontsOf(result: CheckResult): WebFont[] {
  const byFile = new Map<string, WebFont>();
  for (const template of result.templates.values()) for (const font of webFonts(template)) if (!byFile.has(font.file)) byFile.set(font.file, font);
  return [...byFile.values()];
}

/**
 * Copies the templates' fonts into the output folder (assets/fonts/), as outputs the
 * manifest records: the files are those the PDF embeds, and a font whose bytes are
 * already there as written is not written again.
 */
async function writeFonts(result: CheckResult, folder: OutputFolder, report: BuildReport): Promise<void> {
  const staged: StagedOutput[] = [];
  try {
    for (const font of webFontsOf(result)) {
      const key = constantDigest(font.bytes);
      if (await folder.upToDate(font.file, key)) {
        report.unchanged.push(font.file);
        continue;
      }
      report.rendered.push(font.file);
      staged.push({ ...(await folder.stage(font.file, font.bytes)), record: { key, misses: [] } });
    }
    const changed = new Set(await folder.commit(staged));
    for (const output of staged) (changed.has(output.relative) ? report.written : report.unchanged).push(output.relative);
  } catch (error) {
    if (!(error instanceof OutputIoError)) throw error;
    await folder.discard(staged).catch(() => undefined);
    report.diagnostics.push(diagnostic('error', 'output-write-failed', outputLocation(error.where), error.message));
  }
}

/** Takes the sheet's rendered outputs, stages, verifies and commits them; false when it failed (its outputs untouched). */
async function buildSheet(id: string, folder: OutputFolder, sources: ProjectSources, options: BuildOptions, verified: VerifiedUses, report: BuildReport, rendering: RenderAhead<string, SheetOutputs>): Promise<boolean> {
  const source = sources.sheets.find((s) => s.id === id)!.file;
  const pending: PendingOutput[] = [];
  try {
    const { upToDate, rendered } = await rendering.take(id);
    for (const output of upToDate) {
      report.unchanged.push(output.relative);
      recordUses(verified, output.sheet, output.format, output.misses);
    }
    for (const output of rendered) {
      report.rendered.push(output.relative);
      pending.push({ relative: output.relative, sheet: output.sheet, format: output.format, key: output.key, verified: output.output, staged: await folder.stage(output.relative, output.output.bytes) });
    }
    const misses = await verifyAll(pending, folder, verified, report);
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
 * Reads each staged output back from the disk and takes what reading it back found:
 * what the renderer's thread found in the same bytes when the disk holds exactly those
 * (compared byte for byte), else what reading the disk's bytes finds here. Records which
 * formats state each figure use, for the ledger page.
 */
async function verifyAll(pending: PendingOutput[], folder: OutputFolder, verified: VerifiedUses, report: BuildReport): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const output of pending) {
    report.readBack.push(output.relative);
    const { sheet, format } = output;
    const onDisk = await folder.readStaged(output.staged);
    const found = onDisk.equals(output.verified.bytes) ? output.verified : await readBack(sheet, format, new Uint8Array(onDisk));
    const missed = found.missed;
    recordUses(verified, sheet, format, missed);
    // Recorded with the output, so that while its key and bytes stay the same it is not read back again.
    if (missed !== null) output.staged.record = { key: output.key, misses: missed };
    problems.push(...found.diagnostics);
  }
  return problems;
}

async function readBack(sheet: FactSheet, format: Format, bytes: Uint8Array): Promise<Omit<VerifiedOutput, 'bytes'>> {
  const { diagnostics, misses } = await (await readers()).outputDiagnostics(sheet, format, bytes);
  return { diagnostics, missed: misses?.map((m) => m.index) ?? null };
}

/**
 * Outputs this run did not consider (left out by --sheet, --lang or --format, or held
 * back) count too, so the ledger page says what every published document states, not
 * only what this run touched: one whose manifest record was made from the model as it
 * is now, and whose bytes are as recorded, is taken at its record; any other is read back.
 */
async function verifyOutputsOnDisk(result: CheckResult, options: BuildOptions, folder: OutputFolder, seen: ReadonlySet<string>, verified: VerifiedUses, report: BuildReport, keys: VersionKeys): Promise<void> {
  const published = new Map(result.sheets.map((s) => [s.file, s]));
  for (const read of result.parsed) {
    // Outputs state the typeset sheet: the published one, or (held back) the one that was.
    const sheet = published.get(read.file) ?? typesetSheet(read);
    const keyOf = currentKeys(sheet, publishedLanguages(sheet.id, [], result, folder), result, options.sourceDateEpoch, keys);
    for (const format of FORMATS) {
      const relative = outputPath(sheet, format);
      if (seen.has(relative) || !folder.owns(relative)) continue;
      const record = keyOf === null ? null : await folder.upToDate(relative, keyOf(format));
      if (record === null) report.readBack.push(relative);
      // An output that cannot be read states nothing.
      const misses =
        record?.misses ??
        (await readFile(outputFile(folder.outDir, relative))
          .then(async (bytes) => (await readers()).verifyOutput(sheet, format, new Uint8Array(bytes)))
          .then((found) => found.map((m) => m.index))
          .catch(() => null));
      recordUses(verified, sheet, format, misses);
    }
  }
}

/** Records which figure uses of a sheet version an output states: all but its misses, given by index (none when unreadable). */
function recordUses(verified: VerifiedUses, sheet: FactSheet, format: Format, misses: readonly number[] | null): void {
  if (misses === null) return;
  const missed = new Set(misses);
  figureRefsOf(sheet).forEach((_, index) => {
    if (missed.has(index)) return;
    const key = useKey(sheet.id, sheet.lang, index);
    verified.set(key, (verified.get(key) ?? new Set()).add(format));
  });
}

/**
 * Outputs (`<lang>/<id>.<format>`) that a build wrote for sheet versions that no longer
 * have a source: a deleted translation must not stay published, out of date, and linked.
 * The project's own pages and fonts (`project`) are kept; other fonts it wrote are not.
 * Only files of the manifest, and only as they were written, are deleted.
 */
async function removeOrphans(folder: OutputFolder, sources: ProjectSources, project: { files: ReadonlySet<string>; fontsKnown: boolean }, report: BuildReport): Promise<void> {
  const versions = new Set(sources.sheets.map((s) => `${s.lang}/${s.id}`));
  const extensions = new Map(FORMATS.map((f) => [EXTENSIONS[f], f]));
  const orphans = [...folder.manifest.files.keys()].filter((name) => {
    if (project.files.has(name)) return false;
    // A font no template names any more, and the pages of a language no longer published, go too.
    if (name.startsWith(`${WEB_FONTS_DIR}/`)) return project.fontsKnown;
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
  /** The bytes rendered, and what reading these very bytes back found. */
  output: VerifiedOutput;
  sheet: FactSheet;
  format: Format;
  key: string;
}

/** A sheet's outputs: those up to date, and those rendered now. */
interface SheetOutputs {
  upToDate: UpToDateOutput[];
  rendered: RenderedOutput[];
}

/** Renders through the pool the outputs the plan found stale, in the plan's order; an output started early for the same job is taken instead. */
async function renderSheet(plan: OutputPlan, options: BuildOptions, pool: RenderPool, early: EarlyRenders | null, shaped: ShapedWords): Promise<SheetOutputs> {
  const jobs = plan.stale.flatMap((version) =>
    version.outputs.map(({ format, key }) => ({
      job: { sheet: version.view.sheet, format, template: version.view.sheet.meta.template, languages: version.languages, sourceDateEpoch: options.sourceDateEpoch },
      key,
    })),
  );
  const results = inOrder(jobs.map(({ job }) => early?.take(job) ?? pool.render(job)));
  const rendered: RenderedOutput[] = [];
  for (const { job, key } of jobs) {
    const { shaped: words, ...output } = await results.next();
    // The words a PDF's thread shaped for it are kept for the next build (shaped-words-file.ts).
    collectShapedWords(shaped, words);
    rendered.push({ relative: outputPath(job.sheet, job.format), output, sheet: job.sheet, format: job.format, key });
  }
  return { upToDate: plan.upToDate, rendered };
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

/**
 * Writes a project page; a template that fails to render (a field it names does not
 * exist) is reported at the template. A page whose template and context are those it
 * was last written from, and whose file is as written, is up to date: not rendered.
 */
async function writePage(source: { path: string; text: string }, relative: string, context: unknown, render: () => string, folder: OutputFolder, report: BuildReport): Promise<void> {
  const template = source.path;
  const key = pageKey(relative, source.text, context, toolFingerprint());
  if (await folder.upToDate(relative, key)) {
    report.unchanged.push(relative);
    return;
  }
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
  const invalid = (await readers()).htmlProblems(bytes);
  if (invalid.length > 0) {
    const start = { line: 1, column: 1, offset: 0 };
    report.diagnostics.push(diagnostic('error', 'output-invalid', { file: template, start, end: start }, `${relative} would not be valid HTML: ${invalid.slice(0, 3).join('; ')}`));
    return;
  }
  try {
    report.rendered.push(relative);
    const staged = { ...(await folder.stage(relative, bytes)), record: { key, misses: [] } };
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

/** The project pages take the look and the words of the first valid template. */
function pageTemplate(result: CheckResult): Template | null {
  return [...result.templates.values()][0] ?? null;
}

/** The index links the outputs the folder holds, whether written now or by an earlier build. */
function indexEntries(result: CheckResult, ids: string[], folder: OutputFolder): IndexEntry[] {
  const config = result.config!;
  const published = new Map(result.sheets.map((s) => [`${s.lang}/${s.id}`, s]));
  const parsed = new Map(result.parsed.map((s) => [`${s.lang}/${s.id}`, s]));
  const entries: IndexEntry[] = ids.map((id) => {
    const versions = config.languages.map((lang) => ({
      lang,
      formats: FORMATS.filter((format) => folder.owns(outputPath({ lang, id }, format))),
    }));
    // Titled as the sheet's own pages print it: typeset, as published (or typeset here when it is held back);
    // a language's title only where its version has outputs, the original's always.
    const titles: Record<string, string> = {};
    for (const lang of config.languages) {
      if (lang !== config.sourceLanguage && !versions.some((v) => v.lang === lang && v.formats.length > 0)) continue;
      const read = parsed.get(`${lang}/${id}`);
      const sheet = published.get(`${lang}/${id}`) ?? (read ? typesetSheet(read) : null);
      if (sheet) titles[lang] = plainText(sheet.meta.title);
    }
    return { id, titles, versions: versions.filter((v) => v.formats.length > 0) };
  });
  return entries.filter((e) => e.versions.length > 0);
}
