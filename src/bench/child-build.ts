import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { childrenCpuSeconds } from './child-cpu.js';
import type { diagnosticJson } from '../cli/reporters.js';
import { visibleText } from '../cli/visible-text.js';

/** One build as a user runs it: a process of bin/factsheet.js, timed from spawn to exit. */
export interface BuildRun {
  seconds: number;
  /** CPU seconds of the build process (user and system), when the system says. */
  cpuSeconds: number | null;
  /** Files the build wrote (its JSON report's `written`). */
  written: number;
  /** Files it left as they were. */
  unchanged: number;
  /** Peak resident set size of the build process, in MB. */
  peakMB: number | null;
}

const MAX_RSS_MODULE = path.join(import.meta.dirname, 'max-rss.js');

/** Runs `factsheet build --root ROOT --reporter json ...args`; a build that fails stops the benchmark with its report. */
export function runBuild(repo: string, root: string, args: readonly string[], scratch: string): BuildRun {
  const rssFile = path.join(scratch, 'max-rss.txt');
  rmSync(rssFile, { force: true });
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(MAX_RSS_MODULE).href, path.join(repo, 'bin', 'factsheet.js'), 'build', '--root', root, '--reporter', 'json', ...args],
    { cwd: root, env: { ...process.env, FACTSHEET_BENCH_RSS: rssFile }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuAfter = childrenCpuSeconds();
  if (child.error) throw child.error;
  if (child.status !== 0) throw new Error(`factsheet build ${args.join(' ')} exited with ${child.status ?? child.signal}:\n${failureText(child.stdout, child.stderr)}`);
  const report = JSON.parse(child.stdout) as { written: string[]; unchanged: string[] };
  const peakKB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { seconds, cpuSeconds, written: report.written.length, unchanged: report.unchanged.length, peakMB: Number.isFinite(peakKB) ? peakKB / 1024 : null };
}

/** At most this many problems are quoted when a build fails; the rest are counted. */
const QUOTED_PROBLEMS = 20;

/**
 * Why a build failed, as a reader needs it: what it wrote to stderr, then the errors of its
 * JSON report at their places (the report starts with the list of files written, often
 * thousands of lines, which says nothing of the failure). Output that is not a report is
 * quoted as it is, cut short.
 */
export function failureText(stdout: string, stderr: string): string {
  const diagnostics = reportedProblems(stdout);
  if (!diagnostics) return `${stderr}${stdout.slice(0, 4000)}`;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const lines = errors.slice(0, QUOTED_PROBLEMS).map((d) => `${visibleText(d.file)}:${d.line}:${d.column}: ${d.severity}: ${visibleText(d.message)} [${d.ruleId}]`);
  if (errors.length > QUOTED_PROBLEMS) lines.push(`... and ${errors.length - QUOTED_PROBLEMS} more errors`);
  if (errors.length === 0) lines.push('its report lists no error');
  return `${stderr}${lines.join('\n')}`;
}

/** A diagnostic as `--reporter json` writes it. */
type ReportedProblem = ReturnType<typeof diagnosticJson>;

/** The diagnostics of a JSON report; null when the output is not one. */
function reportedProblems(stdout: string): ReportedProblem[] | null {
  try {
    const report = JSON.parse(stdout) as { diagnostics?: unknown };
    return Array.isArray(report?.diagnostics) ? (report.diagnostics as ReportedProblem[]) : null;
  } catch {
    return null;
  }
}
