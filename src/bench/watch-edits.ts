import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { editParagraph } from './edits.js';

/** Saves timed in a running `factsheet watch`. */
export interface WatchRun {
  /** For each save, the seconds from the save to the line of the build it started: what an editor waits. */
  seconds: number[];
  /** Files the build of the last save wrote. */
  written: number;
  /** Peak resident set size of the watch process, in MB. */
  peakMB: number | null;
}

/** How long a save may go without its build's line before the benchmark gives up. */
const SAVE_TIMEOUT_MS = 300_000;
/** The pause before each save, so that it is a save of its own and not part of the last one (watch waits 150 ms for a save's last change). */
const PAUSE_MS = 1000;

const MAX_RSS_MODULE = path.join(import.meta.dirname, 'max-rss.js');

/**
 * Starts `factsheet watch` on `root`, waits for its first build, then adds a sentence to
 * the first paragraph of `file` `saves` times, one save after the other's build, timing
 * each from the save to the watch's line for the build it made. The first save's build
 * loads the checker and the renderers; the later ones find them loaded.
 */
export async function timeWatchEdits(repo: string, root: string, out: string, file: string, saves: number, scratch: string): Promise<WatchRun> {
  const rssFile = path.join(scratch, 'max-rss-watch.txt');
  rmSync(rssFile, { force: true });
  const child = spawn(process.execPath, ['--import', pathToFileURL(MAX_RSS_MODULE).href, path.join(repo, 'bin', 'factsheet.js'), 'watch', '--root', root, '--out', out], {
    cwd: root,
    env: { ...process.env, FACTSHEET_BENCH_RSS: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const builds: string[] = [];
  let waiting: ((line: string) => void) | null = null;
  let failure: Error | null = null;
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      output = (output + chunk).slice(-8000);
      pending += chunk;
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        if (!/^watch: build \d+ /.test(line)) continue;
        builds.push(line);
        waiting?.(line);
      }
    });
  }
  child.once('exit', (code, signal) => {
    failure ??= new Error(`factsheet watch ended (${code ?? signal}) before its builds were timed:\n${output}`);
    waiting?.('');
  });
  const nextBuild = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`factsheet watch printed no build line within ${SAVE_TIMEOUT_MS / 1000} s:\n${output}`)), SAVE_TIMEOUT_MS);
      waiting = (line) => {
        clearTimeout(timer);
        waiting = null;
        if (failure) reject(failure);
        else resolve(line);
      };
    });
  try {
    if (builds.length === 0) await nextBuild();
    const seconds: number[] = [];
    let last = '';
    for (let save = 0; save < saves; save++) {
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      const built = nextBuild();
      const start = performance.now();
      editParagraph(file);
      last = await built;
      seconds.push((performance.now() - start) / 1000);
      if (!/no sheet failed/.test(last)) throw new Error(`the watch's build after a paragraph edit failed: ${last}`);
    }
    child.kill('SIGINT');
    await exited;
    const peakKB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
    return { seconds, written: Number(/(\d+) files? written/.exec(last)?.[1] ?? NaN), peakMB: Number.isFinite(peakKB) ? peakKB / 1024 : null };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}
