import type { BenchResult } from './run-bench.js';

const HEADER = ['scenario', 'seconds', 'cpu s', 'outputs', 'peak MB', 'vs pandoc', 'vs pandoc+chromium', 'note'];

/** The result as the text table `make bench` prints: the machine, one line per scenario, then the notes. */
export function formatTable(result: BenchResult): string {
  const { machine, corpus } = result;
  const lines = [
    `machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryMB} MB, node ${machine.node}, ${machine.platform}; load average ${machine.load.start.toFixed(1)} at the start, ${machine.load.end.toFixed(1)} at the end`,
    `pandoc: ${machine.pandoc ?? 'not compared'}; chromium: ${machine.chromium ?? 'not compared'}`,
    `corpus: ${corpus.sheets} sheets x ${corpus.languages.length} languages (${corpus.languages.join(', ')}) = ${corpus.versions} versions, ${corpus.outputs} outputs`,
    '',
  ];
  const cells = result.rows.map((row) => [
    row.scenario,
    row.seconds.toFixed(2),
    row.cpuSeconds === null ? '' : row.cpuSeconds.toFixed(2),
    row.outputs === null ? '' : String(row.outputs),
    row.peakMB === null ? '' : row.peakMB.toFixed(0),
    ratio(row.vsPandoc),
    ratio(row.vsPandocChromium),
    row.note,
  ]);
  const widths = HEADER.map((title, i) => Math.max(title.length, ...cells.map((c) => c[i]!.length)));
  // Names and notes read left-aligned, numbers right-aligned.
  const line = (c: string[]) => c.map((cell, i) => (i === 0 || i === c.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  lines.push(line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line));
  lines.push('', `peak memory of our builds: ${result.peakMB === null ? 'unknown' : `${result.peakMB.toFixed(0)} MB`}`);
  lines.push('outputs: files written (a build counts the index and ledger pages and the fonts the pages load too); peak MB: the process\'s maximum resident set size; cpu s: CPU seconds, user and system, of the processes timed');
  lines.push('ratios: the comparison\'s seconds divided by the scenario\'s, cut to two decimals (2.00x: twice as fast)');
  for (const note of result.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A ratio cut, not rounded, to two decimals: the goals are ratios (2x, 3.5x), and 1.99 shown
 * as 2.0x read as a goal met. Cut, a ratio never shows more than it is.
 */
export function ratio(value: number | null): string {
  return value === null ? '' : `${(Math.floor(value * 100 + 1e-9) / 100).toFixed(2)}x`;
}
