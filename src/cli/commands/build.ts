import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { buildProject, type BuildOptions } from '../../build/build-project.js';
import { FORMATS, type Format } from '../../render/renderer.js';
import { readProject } from '../../sources/read-project.js';
import type { LockHolder } from '../../build/build-lock.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { EXIT_ERRORS, UsageError, type Io } from '../io.js';
import { progressLine, showsProgress, type OutputMode } from '../progress.js';
import type { ReporterName } from '../reporters.js';
import { exitStatus, report } from '../report.js';
import { plural } from '../text-reporter.js';
import { checkNamedSheets } from '../selection.js';
import { visibleText } from '../visible-text.js';

export async function runBuild(options: BuildOptions, reporter: ReporterName, strict: boolean, io: Io, mode: OutputMode = 'normal'): Promise<number> {
  if (!isFolder(options.root)) throw new UsageError(`--root ${options.root} is not a folder`);
  const sources = await readProject(options.root);
  checkNamedSheets(sources, options);

  if (existsSync(options.outDir) && !statSync(options.outDir).isDirectory()) throw new UsageError(`--out ${options.outDir} is a file, not a folder`);
  const out = path.relative(io.cwd, options.outDir) || '.';
  const progress = showsProgress(io.stderr, io.env ?? {}, mode) ? progressLine(io.stderr, () => performance.now()) : null;
  const onWait = (holder: LockHolder | null) => {
    progress?.clear();
    io.stderr.write(`build: waiting for another build${holder ? ` (process ${holder.pid})` : ''} writing into ${out} to finish\n`);
  };
  const onProgress = progress ? progress.update.bind(progress) : undefined;
  const result = await buildProject({ ...options, outDisplay: out, onWait, onProgress }, sources);
  progress?.clear();
  // --quiet prints the problems that fail the build, and the summary.
  const shown = mode === 'quiet' ? (d: Diagnostic) => d.severity === 'error' || strict : undefined;
  if (result.unreadable) {
    report(io, reporter, result.diagnostics, `build: the project could not be read; nothing in ${out} was touched`, { written: [], unchanged: [], removed: [], skipped: [], heldBack: [], failed: result.failed }, shown);
    return EXIT_ERRORS;
  }
  if (reporter !== 'json' && mode !== 'quiet') {
    for (const file of result.written) io.stdout.write(`wrote ${visibleText(path.join(out, file))}\n`);
    if (mode === 'verbose') for (const file of result.unchanged) io.stdout.write(`unchanged ${visibleText(path.join(out, file))}\n`);
    for (const file of result.removed) io.stdout.write(`removed ${visibleText(path.join(out, file))} (its source is gone)\n`);
  }
  if (mode === 'verbose') {
    const early = result.renderedEarly > 0 ? ` (${plural(result.renderedEarly, 'output')} started while checking)` : '';
    io.stderr.write(`build: rendered ${result.inWorkers ? `in ${result.threads} worker thread${result.threads > 1 ? 's' : ''}` : 'in the main thread'}${early}\n`);
  }
  // Outputs kept without rendering; a failed sheet's rendered outputs were neither written nor kept.
  const rendered = new Set(result.rendered);
  const upToDate = [...result.written, ...result.unchanged].filter((file) => !rendered.has(file)).length;
  const parts = [`${plural(result.written.length, 'file')} written`, `${result.unchanged.length} unchanged`, `${result.rendered.length} rendered, ${upToDate} up to date`];
  if (result.skipped.length > 0) parts.push(`skipped ${result.skipped.join(', ')}`);
  for (const { version, reason } of result.heldBack) parts.push(`held back ${version} (${reason}; outputs left as they were)`);
  parts.push(result.failed.length > 0 ? `failed ${result.failed.join(', ')} (outputs left as they were)` : 'no sheet failed');
  report(io, reporter, result.diagnostics, `build: ${parts.join('; ')}`, {
    written: result.written.map((f) => path.join(out, f)),
    unchanged: result.unchanged.map((f) => path.join(out, f)),
    removed: result.removed.map((f) => path.join(out, f)),
    skipped: result.skipped,
    heldBack: result.heldBack,
    failed: result.failed,
  }, shown);
  return exitStatus(result.diagnostics, strict);
}

/** `--jobs N`: threads rendering at once; by default one per core the process may use, 1 renders without workers. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new UsageError(`--jobs takes a number of threads from 1 to 999, found "${value}"`);
  return Number(value);
}

export function outputMode(quiet: boolean | undefined, verbose: boolean | undefined): OutputMode {
  if (quiet && verbose) throw new UsageError('--quiet and --verbose cannot be used together');
  return quiet ? 'quiet' : verbose ? 'verbose' : 'normal';
}

/** `--format pdf,docx --format html` in the order of FORMATS. */
function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export function parseFormats(values: string[] | undefined): Format[] {
  if (!values || values.length === 0) return [...FORMATS];
  const asked = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const unknown = asked.find((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown) throw new UsageError(`unknown format "${unknown}" (formats: ${FORMATS.join(', ')})`);
  if (asked.length === 0) throw new UsageError(`--format names no format (formats: ${FORMATS.join(', ')})`);
  return FORMATS.filter((f) => asked.includes(f));
}

export function sourceDateEpoch(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  // The latest instant a document date can hold is the end of year 9999.
  if (!/^\d+$/.test(value) || Number(value) > 253402300799) throw new UsageError(`SOURCE_DATE_EPOCH must be a number of seconds since 1970 up to year 9999, found "${value}"`);
  return Number(value);
}
