import { writeFileSync } from 'node:fs';

/**
 * Loaded with `node --import` into each build the benchmark times: on exit, writes the
 * process's peak resident set size in kilobytes (worker threads included, they share
 * the process) to the file named by FACTSHEET_BENCH_RSS. A preload rather than
 * `/usr/bin/time -f %M`, which is not installed everywhere and differs on macOS.
 */
const target = process.env.FACTSHEET_BENCH_RSS;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
