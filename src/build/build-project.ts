import type { Diagnostic } from '../model/diagnostic.js';
import type { Format } from '../render/renderer.js';
import { readProject, type ProjectSources } from '../sources/read-project.js';
import type { LockHolder } from './build-lock.js';
import { buildInputs, mayRemember, rememberedBuild, type BuildMemoInputs } from './build-memo.js';
import { OutputFolder, type CommitHooks } from './output-folder.js';
import type { BuildSession } from './build-session.js';

export interface BuildOptions {
  root: string;
  /** Output folder, absolute. */
  outDir: string;
  /** Only these sheet ids (all when empty). */
  sheets: readonly string[];
  /** Only these languages (all when empty). */
  langs: readonly string[];
  formats: readonly Format[];
  /** SOURCE_DATE_EPOCH, which overrides the sheets' dates in document metadata. */
  sourceDateEpoch: number | null;
  /** Write into an output folder that holds files this tool did not write (never deleting them). */
  force?: boolean;
  /** The output folder as the user named it, for messages (default: the absolute path). */
  outDisplay?: string;
  /** Told when another build holds the output folder and this one waits for it. */
  onWait?: (holder: LockHolder | null) => void;
  /** Test hooks into commits. */
  commitHooks?: CommitHooks;
  /** Warnings hold back what they concern, as errors do; decided before anything is written. */
  strict?: boolean;
  /** Threads rendering at once (default 1: in this thread, no worker); small builds use fewer (threadsFor). */
  jobs?: number;
  /** Told as each sheet is taken in turn and when the last is done. */
  onProgress?: (progress: BuildProgress) => void;
  /** What the builds of one watch keep from one to the next (build-session.ts). */
  session?: BuildSession;
}

/** How far a build is: sheets done of those it renders, and the sheet it is at (null at the end). */
export interface BuildProgress {
  done: number;
  total: number;
  current: string | null;
}

export interface BuildReport {
  diagnostics: Diagnostic[];
  /** Output paths relative to the output folder. */
  written: string[];
  /** Outputs whose bytes are as they were: up to date (not rendered), or rendered to the same bytes. */
  unchanged: string[];
  /** Outputs rendered by this build (sheet outputs and project pages), written or not. */
  rendered: string[];
  /** Sheet outputs read back from the disk by this build: those rendered, and those kept whose record could not vouch for them. */
  readBack: string[];
  /** Outputs of sheet versions whose source is gone, removed so nothing stale stays published. */
  removed: string[];
  /** Sheets left out by --sheet. */
  skipped: string[];
  /** Sheets with errors: none of their outputs were touched. */
  failed: string[];
  /** Versions (`lang/id`) held back while the rest of their sheet was built, with the reason. */
  heldBack: Array<{ version: string; reason: string }>;
  /** True when the project could not be read, so the output folder was not touched at all. */
  unreadable: boolean;
  /** Threads that rendered: the workers, or 1 for the main thread. */
  threads: number;
  /** Whether the rendering was done in worker threads. */
  inWorkers: boolean;
  /** Outputs rendered from jobs started while the check still ran (early-renders.ts), of those rendered. */
  renderedEarly: number;
}

/**
 * Checks the project, then renders every sheet without errors in every selected
 * language and format (full-build.ts). A sheet's outputs are all staged, read back from
 * the disk and verified against the model, and only then committed together as one
 * unit: a failing sheet keeps its previous outputs byte for byte, and a killed build
 * leaves every version all old or all new (the next build finishes a commit it
 * interrupted). The output folder is locked for the time of the build; only files the
 * manifest records as written by a build are replaced without --force or ever deleted.
 *
 * A build given exactly what the last one was given, into the folder as that one left
 * it, reports that one's result without loading the checker or the renderers
 * (build-memo.ts): a rebuild with nothing changed costs reading the sources and hashing
 * the outputs.
 */
export async function buildProject(options: BuildOptions, read?: ProjectSources): Promise<BuildReport> {
  const sources = read ?? (await readProject(options.root));
  const inputs = buildInputs(sources, options);
  const remembered = await rememberedResult(options, inputs);
  if (remembered) return remembered;
  const { fullBuild } = await import('./full-build.js');
  return fullBuild(options, sources, inputs);
}

/** The remembered result, looked for only where a build left one, so a folder no build wrote is not touched. */
async function rememberedResult(options: BuildOptions, inputs: BuildMemoInputs): Promise<BuildReport | null> {
  if (!(await mayRemember(options.outDir, inputs))) return null;
  const folder = await OutputFolder.open(options.outDir, { force: options.force ?? false, display: options.outDisplay ?? options.outDir, onWait: options.onWait });
  try {
    return await rememberedBuild(folder, inputs);
  } finally {
    await folder.close();
  }
}
