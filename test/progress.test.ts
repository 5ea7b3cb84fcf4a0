import { describe, expect, it } from 'vitest';
import { progressLine, progressText, showsProgress } from '../src/cli/progress.js';
import { tempDir } from './helpers/project.js';
import { runBin } from './helpers/cli.js';

/** A terminal that records what is written to it. */
function terminal(columns: number) {
  const writes: string[] = [];
  return { writes, stream: { isTTY: true, columns, write: (text: string) => writes.push(text) } };
}

describe('the progress line', () => {
  it('rewrites one line with sheets done of all, the sheet at hand and the time left, then erases it', () => {
    const { writes, stream } = terminal(80);
    let now = 0;
    const line = progressLine(stream, () => now);
    line.update({ done: 0, total: 4, current: 'alpha' });
    now = 3000;
    line.update({ done: 1, total: 4, current: 'beta' });
    now = 90_000;
    line.update({ done: 2, total: 4, current: 'gamma' });
    line.update({ done: 4, total: 4, current: null });
    expect(writes).toEqual([
      '\r\x1b[Kbuilding 0/4 · alpha',
      '\r\x1b[Kbuilding 1/4 · beta · about 9 s left',
      '\r\x1b[Kbuilding 2/4 · gamma · about 1 min 30 s left',
      '\r\x1b[K',
    ]);
  });

  it('fits the width of the terminal, shortening the sheet name first', () => {
    const text = progressText({ done: 3, total: 200, current: 'a-very-long-sheet-name-that-goes-on' }, 6000, 60);
    expect([...text].length).toBeLessThanOrEqual(59);
    // Too narrow for the name: the count and the time left stay.
    expect(progressText({ done: 3, total: 200, current: 'partnerships' }, 6000, 40)).toBe('building 3/200 · about 6 min 34 s left');
    expect(text).toMatch(/^building 3\/200 · a-very.*… · about 6 min 34 s left$/);
  });

  it('takes a terminal that gives no width (columns 0) for 80 columns wide', () => {
    const { writes, stream } = terminal(0);
    progressLine(stream, () => 0).update({ done: 0, total: 2, current: 'partnerships' });
    expect(writes).toEqual(['\r\x1b[Kbuilding 0/2 · partnerships']);
  });

  it('prints a sheet name with control characters escaped', () => {
    expect(progressText({ done: 0, total: 1, current: 'evil\x1b[2J' }, 0, 80)).toBe('building 0/1 · evil\\u{1b}[2J');
  });

  it('is shown only on a terminal, outside CI, without --quiet', () => {
    const tty = { isTTY: true, write: () => true };
    expect(showsProgress(tty, {}, 'normal')).toBe(true);
    expect(showsProgress(tty, {}, 'verbose')).toBe(true);
    expect(showsProgress(tty, { CI: 'true' }, 'normal')).toBe(false);
    expect(showsProgress(tty, {}, 'quiet')).toBe(false);
    expect(showsProgress({ write: () => true }, {}, 'normal')).toBe(false);
  });
});

describe('build output, piped', () => {
  it('writes no progress into a pipe; --quiet prints only the summary, --verbose every output and where it was rendered', () => {
    const out = tempDir();
    const normal = runBin(['build', '--out', out]);
    expect(normal.code).toBe(0);
    expect(normal.stderr).not.toMatch(/[\r\x1b]|building \d/);
    expect(normal.stdout).toMatch(/^wrote .*en\/partnerships\.pdf$/m);
    const quiet = runBin(['build', '--out', out, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('build: 0 files written; 58 unchanged; 0 rendered, 58 up to date; no sheet failed: 0 errors, 0 warnings\n');
    const verbose = runBin(['build', '--out', out, '--verbose', '--jobs', '1']);
    expect(verbose.stdout).toMatch(/^unchanged .*fr\/global-partners\.docx$/m);
    expect(verbose.stderr).toContain('build: rendered in the main thread');
  });

  it.each([[['--jobs', '0']], [['--jobs', 'many']], [['--quiet', '--verbose']]])('refuses %j as a usage error', (args) => {
    const run = runBin(['build', '--out', tempDir(), ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^factsheet: (--jobs takes|--quiet and --verbose)/);
  });
});
