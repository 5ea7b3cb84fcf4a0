import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ProjectSources } from '../sources/read-project.js';
import { toolFingerprint } from '../sources/tool-version.js';
import { sourceFileData } from '../text/source-file.js';
import type { BuildOptions, BuildReport } from './build-project.js';
import { replaceFile } from './durable-write.js';
import { formatManifest, sha256 } from './manifest.js';
import type { OutputFolder } from './output-folder.js';
import { canonicalJson } from '../text/canonical-json.js';
import { statePaths } from './state-dir.js';

/*
 * A build remembers what it was given and what it reported. The next build given
 * exactly the same (every source byte, template and font, the options, the same tool
 * code) into an output folder exactly as that build left it (the same manifest, and
 * every file it lists still holding the bytes recorded) would check, render and verify
 * all of it again only to write nothing and report the same: it reports the remembered
 * result instead. Any difference, however small, and the build runs in full.
 */

/** The remembered result, in the build's own folder. */
export const MEMO_FILE = 'last-build.json';
const MEMO_VERSION = 1;

/** What a build's result is remembered under. */
export interface BuildMemoInputs {
  /** SHA-256 of the tool's fingerprint, the sources and the options that change what a build does. */
  digest: string;
}

interface Memo {
  factsheet: number;
  inputs: string;
  /** SHA-256 of the manifest as the build left it. */
  manifest: string;
  report: Pick<BuildReport, 'diagnostics' | 'skipped' | 'failed' | 'heldBack'> & { outputs: string[] };
}

export function buildInputs(sources: ProjectSources, options: BuildOptions): BuildMemoInputs {
  const given = {
    tool: toolFingerprint(),
    // Where the project sits does not change what is built from it; every path in messages is relative.
    sources: { ...sources, root: null },
    options: {
      sheets: options.sheets,
      langs: options.langs,
      formats: options.formats,
      sourceDateEpoch: options.sourceDateEpoch,
      force: options.force ?? false,
      strict: options.strict ?? false,
    },
  };
  const text = canonicalJson(given, sourceFileData);
  return { digest: createHash('sha256').update(text).digest('hex') };
}

/**
 * The report the build remembered under these inputs, as a build that renders nothing
 * would give it, or null when anything differs: the inputs, the manifest, or the bytes
 * of any file it lists.
 */
export async function rememberedBuild(folder: OutputFolder, inputs: BuildMemoInputs): Promise<BuildReport | null> {
  const memo = await readMemo(folder);
  if (memo === null || memo.inputs !== inputs.digest || memo.manifest !== manifestDigest(folder)) return null;
  for (const relative of folder.manifest.files.keys()) if (!folder.intact(relative)) return null;
  const { diagnostics, skipped, failed, heldBack, outputs } = memo.report;
  return { diagnostics, written: [], unchanged: outputs, rendered: [], readBack: [], removed: [], skipped, failed, heldBack, unreadable: false, threads: 1, inWorkers: false, renderedEarly: 0 };
}

/**
 * Whether a remembered result under these inputs may be there: a look without the lock,
 * so that a folder with none (or another's) is not even locked; the result is read
 * again, under the lock, before it is used.
 */
export async function mayRemember(outDir: string, inputs: BuildMemoInputs): Promise<boolean> {
  const memo = await readMemoFile(path.join(statePaths(outDir).dir, MEMO_FILE));
  return memo !== null && memo.inputs === inputs.digest;
}

/** Remembers a build's result, once its outputs are committed; called with the output folder still locked. */
export async function rememberBuild(folder: OutputFolder, inputs: BuildMemoInputs, report: BuildReport): Promise<void> {
  const memo: Memo = {
    factsheet: MEMO_VERSION,
    inputs: inputs.digest,
    manifest: manifestDigest(folder),
    report: { diagnostics: report.diagnostics, skipped: report.skipped, failed: report.failed, heldBack: report.heldBack, outputs: [...report.written, ...report.unchanged] },
  };
  // Failing to remember costs only the next build's time.
  await replaceFile(memoPath(folder), new TextEncoder().encode(`${JSON.stringify(memo)}\n`)).catch(() => undefined);
}

/** Forgets the remembered result before a build changes anything, so a build stopped half-way leaves none behind. */
export async function forgetBuild(folder: OutputFolder): Promise<void> {
  await rm(memoPath(folder), { force: true }).catch(() => undefined);
}

function memoPath(folder: OutputFolder): string {
  return path.join(folder.paths.dir, MEMO_FILE);
}

function manifestDigest(folder: OutputFolder): string {
  return sha256(new TextEncoder().encode(formatManifest(folder.manifest)));
}

function readMemo(folder: OutputFolder): Promise<Memo | null> {
  return readMemoFile(memoPath(folder));
}

async function readMemoFile(file: string): Promise<Memo | null> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<Memo>;
    if (data.factsheet !== MEMO_VERSION || typeof data.inputs !== 'string' || typeof data.manifest !== 'string' || !isReport(data.report)) return null;
    return data as Memo;
  } catch {
    // Missing, or not what a build wrote: the build runs in full.
    return null;
  }
}

function isReport(report: unknown): report is Memo['report'] {
  if (typeof report !== 'object' || report === null) return false;
  const { diagnostics, skipped, failed, heldBack, outputs } = report as Record<string, unknown>;
  return [diagnostics, skipped, failed, heldBack, outputs].every(Array.isArray) && (diagnostics as Diagnostic[]).every((d) => typeof d === 'object' && d !== null);
}
