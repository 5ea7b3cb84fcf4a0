import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildProject, type BuildOptions, type BuildReport } from '../../build/build-project.js';
import type { LockHolder } from '../../build/build-lock.js';
import { BuildSession } from '../../build/build-session.js';
import { readProject } from '../../sources/read-project.js';
import { RebuildQueue, serveOut, watchFiles, WATCHED, type OutServer } from '../../watch/index.js';
import { EXIT_ERRORS, EXIT_OK, UsageError, type Io } from '../io.js';
import { report } from '../report.js';
import { diagnosticLines } from '../reporters.js';
import { plural } from '../text-reporter.js';
import { checkNamedSheets } from '../selection.js';
import { visibleText } from '../visible-text.js';

export interface WatchOptions extends BuildOptions {
  /** Serve the output folder with live reload on this port (0: any free one); null: do not serve. */
  port: number | null;
}

export const DEFAULT_PORT = 4000;

/**
 * Builds, then rebuilds on every change of the sources, templates or settings until
 * `stopSignal` aborts, or Ctrl-C. A build with errors is reported and the watch goes on: the
 * build itself keeps the last good outputs of what failed. Builds run one at a time;
 * when stopped, the running build finishes (and so releases the output folder's lock)
 * before this returns.
 */
export async function runWatch(options: WatchOptions, io: Io, stopSignal?: AbortSignal): Promise<number> {
  await checkSelection(options);
  const out = path.relative(io.cwd, options.outDir) || '.';
  let server: OutServer | null = null;
  if (options.port !== null) {
    try {
      server = await serveOut(options.outDir, options.port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EADDRINUSE' ? `port ${options.port} is in use; choose another with --port (0 picks a free one)` : (error as Error).message;
      io.stderr.write(`factsheet: cannot serve ${visibleText(out)}: ${visibleText(why)}\n`);
      return EXIT_ERRORS;
    }
    io.stdout.write(`serving ${visibleText(out)} at ${server.url} (previews: ${server.url}__preview/)\n`);
  }

  let count = 0;
  // Each build takes from the last what the check found of the sheets that did not change.
  const session = new BuildSession();
  const onWait = (holder: LockHolder | null) =>
    io.stderr.write(`watch: waiting for another build${holder ? ` (process ${holder.pid})` : ''} writing into ${visibleText(out)} to finish\n`);
  const queue = new RebuildQueue(async (changed) => {
    count += 1;
    const started = Date.now();
    let result: BuildReport;
    try {
      result = await buildProject({ ...options, outDisplay: out, onWait, session });
    } catch (error) {
      // The output folder refused (files factsheet did not write) or could not be locked: say so and keep watching.
      const message = visibleText((error as Error).message ?? String(error));
      io.stderr.write(`watch: build ${count} failed: ${message}\n`);
      server?.live.setProblems([message]);
      return;
    }
    const summary = summaryOf(result, out, count, changed, Date.now() - started);
    report(io, 'text', result.diagnostics, summary);
    // Pages reload first, then hear of the problems, so a page that did not change keeps its notice.
    server?.live.rebuilt([...result.written, ...result.removed]);
    server?.live.setProblems(diagnosticLines('text', result.diagnostics));
  });

  let files;
  try {
    files = await watchFiles(options.root, options.outDir, (file) => queue.changed(file), (error) => io.stderr.write(`watch: ${visibleText(error.message)}\n`));
  } catch (error) {
    await server?.close();
    throw error;
  }
  // Listening for Ctrl-C only from here: before, nothing needs to end cleanly.
  const stop = stopSignal ?? untilInterrupted();
  io.stderr.write(`watch: watching ${WATCHED.join(', ')} in ${visibleText(path.relative(io.cwd, options.root) || '.')}; Ctrl-C stops\n`);
  queue.runNow();

  await new Promise<void>((resolve) => (stop.aborted ? resolve() : stop.addEventListener('abort', () => resolve(), { once: true })));
  if (queue.busy) io.stderr.write('watch: stopping once the build in progress has finished\n');
  await files.close();
  await queue.stop();
  await server?.close();
  io.stderr.write('watch: stopped\n');
  return EXIT_OK;
}

/** `watch: build 3 (sources/a/fr.md changed, 0.8 s): 3 files written; 5 unchanged; no sheet failed` */
function summaryOf(result: BuildReport, out: string, count: number, changed: readonly string[], ms: number): string {
  const cause = changed.length === 0 ? '' : changed.length === 1 ? `${changed[0]} changed, ` : `${plural(changed.length, 'file')} changed, `;
  const head = `watch: build ${count} (${visibleText(cause)}${(ms / 1000).toFixed(1)} s)`;
  if (result.unreadable) return `${head}: the project could not be read; nothing in ${out} was touched`;
  const parts = [`${plural(result.written.length, 'file')} written`, `${result.unchanged.length} unchanged`];
  if (result.removed.length > 0) parts.push(`${result.removed.length} removed`);
  for (const { version, reason } of result.heldBack) parts.push(`held back ${version} (${reason})`);
  parts.push(result.failed.length > 0 ? `failed ${result.failed.join(', ')} (outputs left as they were)` : 'no sheet failed');
  return `${head}: ${parts.join('; ')}`;
}

/** The checks `build` makes of its command line, made once before watching. */
async function checkSelection(options: WatchOptions): Promise<void> {
  if (!existsSync(options.root) || !statSync(options.root).isDirectory()) throw new UsageError(`--root ${options.root} is not a folder`);
  if (existsSync(options.outDir) && !statSync(options.outDir).isDirectory()) throw new UsageError(`--out ${options.outDir} is a file, not a folder`);
  if (options.sheets.length === 0 && options.langs.length === 0) return;
  checkNamedSheets(await readProject(options.root), options);
}

/**
 * Aborts on the first Ctrl-C (or SIGTERM). A second one is not caught, so it ends the
 * process at once; the lock of a build killed so is taken over by the next build.
 */
function untilInterrupted(): AbortSignal {
  const controller = new AbortController();
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}

/** `--port 4000`: a whole number from 0 to 65535. */
export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (0 picks a free one), found "${value}"`);
  return Number(value);
}
