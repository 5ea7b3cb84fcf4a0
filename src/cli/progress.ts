import type { BuildProgress } from '../build/build-project.js';
import { visibleText } from './visible-text.js';

/** A stream that may be a terminal (process.stderr is one when not redirected). */
export interface TerminalStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** How much a build prints besides its problems: only errors and the last line, the usual, or every output. */
export type OutputMode = 'quiet' | 'normal' | 'verbose';

/**
 * Progress is for a person watching a terminal: never in CI, never into a pipe or a
 * file (where a line rewritten with carriage returns is noise), never with --quiet.
 */
export function showsProgress(stream: TerminalStream, env: Record<string, string | undefined>, mode: OutputMode): boolean {
  return stream.isTTY === true && !env.CI && mode !== 'quiet';
}

/** Erases the line and returns the cursor to its start (CSI K: erase to the end of the line). */
const CLEAR = '\r\x1b[K';

/**
 * One line on the terminal, rewritten as the build moves on: sheets done of all, the
 * sheet at hand and an estimate of the time left. `now` is a clock in milliseconds.
 */
export function progressLine(stream: TerminalStream, now: () => number): { update(progress: BuildProgress): void; clear(): void } {
  let started: number | null = null;
  let shown = false;
  return {
    update(progress) {
      started ??= now();
      if (progress.current === null || progress.total === 0) return this.clear();
      // A terminal that does not tell its width (columns 0 under some pseudo-terminals) gets 80.
      stream.write(`${CLEAR}${progressText(progress, now() - started, stream.columns || 80)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write(CLEAR);
      shown = false;
    },
  };
}

/**
 * `building 3/22 · partnerships · about 12 s left`, cut to fit the terminal's width
 * (a line that wraps cannot be rewritten in place). The time left assumes the sheets
 * to come take as long as those done; there is no estimate before the first is done.
 */
export function progressText(progress: BuildProgress, elapsedMs: number, columns: number): string {
  const width = Math.max(columns - 1, 10);
  const head = `building ${progress.done}/${progress.total}`;
  const tail = progress.done > 0 ? ` · about ${duration((elapsedMs / progress.done) * (progress.total - progress.done))} left` : '';
  // The sheet's name gives way first: the count and the time left matter more.
  const room = width - [...head].length - [...tail].length - 3;
  const current = progress.current === null || room < 4 ? '' : ` · ${fit(visibleText(progress.current), room)}`;
  return fit(`${head}${current}${tail}`, width);
}

function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
