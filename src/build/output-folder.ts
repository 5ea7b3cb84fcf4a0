import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, type BigIntStats } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { acquireLock, removeStaleDrafts, type LockHolder } from './build-lock.js';
import { replaceFile, syncDir, writeFlushed } from './durable-write.js';
import { errnoCode, OutputIoError } from './io-error.js';
import { emptyManifest, readManifest, sha256, writeManifest, type Manifest, type OutputRecord } from './manifest.js';
import { outputFile, STATE_DIR, statePaths, type StatePaths } from './state-dir.js';

/** An output written to the staging folder and flushed, not yet in place. */
export interface StagedOutput {
  relative: string;
  sha256: string;
  /** Null when the destination already holds exactly these bytes. */
  temporary: string | null;
  /** For a sheet output: the key it was rendered from and what reading it back found, recorded on commit. */
  record?: { key: string; misses: number[] };
}

export interface OpenOptions {
  /** Write into a folder that holds files this tool did not write (they are left alone). */
  force: boolean;
  /** How the folder is named to the user (relative to the working directory). */
  display: string;
  onWait?: (holder: LockHolder | null) => void;
  lockTimeoutMs?: number;
  /** The wall-clock time in nanoseconds, which a file's times are compared with (tests move it). */
  nowNs?: () => bigint;
}

/** Test hooks: what happens between the steps of a commit. */
export interface CommitHooks {
  afterRename?: (done: number, total: number) => void;
}

/** The build refuses the output folder; nothing in it was changed. */
export class OutputFolderRefused extends Error {}

/** A commit in progress: the staged files and where each goes, written before the first rename. */
interface Journal {
  files: Array<{ relative: string; staged: string; sha256: string }>;
}

/**
 * The output folder of a build, held under its lock. Files go in through `stage` and
 * `commit`: a commit writes a journal of its renames before the first one, so a build
 * killed half-way through a commit is finished by the next build before it does
 * anything else (every file of a commit is staged, flushed and verified before the
 * journal exists). The manifest lists every file the build wrote; nothing else is
 * overwritten without `force`, and nothing else is ever deleted.
 */
export class OutputFolder {
  private constructor(
    readonly outDir: string,
    readonly paths: StatePaths,
    readonly manifest: Manifest,
    private readonly release: () => Promise<void>,
    private readonly display: string,
    /** Files that were there before and that this tool did not write (only with force). */
    readonly foreign: ReadonlySet<string>,
    private readonly nowNs: () => bigint,
  ) {}

  static async open(outDir: string, options: OpenOptions): Promise<OutputFolder> {
    const paths = statePaths(outDir);
    const shown = (relative: string) => path.join(options.display, relative);
    // Read-only look first: a folder with files and no state of ours is refused before anything is written into it.
    if (!options.force && !(await exists(paths.dir))) {
      const found = await listFiles(outDir, shown);
      if (found.length > 0) throw refusal(options.display, found);
    }
    await mkdir(outDir, { recursive: true }).catch((error) => {
      throw new OutputIoError('create the output folder', options.display, error);
    });
    const release = await acquireLock(paths.lock, { onWait: options.onWait, timeoutMs: options.lockTimeoutMs }).catch((error) => {
      if (errnoCode(error)) throw new OutputIoError('lock the output folder', shown(STATE_DIR), error);
      throw error;
    });
    try {
      const read = await readManifest(paths.manifest);
      if (read.kind === 'unreadable' && !options.force) {
        throw new OutputFolderRefused(`${shown(`${STATE_DIR}/manifest.json`)}, the list of files factsheet wrote into ${options.display}, cannot be read: ${read.reason}. Without it no file there can be vouched for; build into a new folder, or pass --force to write beside the files there (none is deleted)`);
      }
      const manifest: Manifest = read.kind === 'found' ? read.manifest : emptyManifest();
      await recoverJournals(outDir, paths, manifest, shown);
      await rm(paths.staging, { recursive: true, force: true });
      await removeLeftovers(paths.dir);
      const present = new Set(await listFiles(outDir, (relative) => relative));
      for (const name of [...manifest.files.keys()]) if (!present.has(name)) manifest.files.delete(name);
      const foreign = [...present].filter((name) => !manifest.files.has(name));
      if (foreign.length > 0 && !options.force) throw refusal(options.display, foreign.map(shown));
      return new OutputFolder(outDir, paths, manifest, release, options.display, new Set(foreign), options.nowNs ?? wallClockNs);
    } catch (error) {
      await release();
      throw error;
    }
  }

  shown(relative: string): string {
    return path.join(this.display, relative);
  }

  owns(relative: string): boolean {
    return this.manifest.files.has(relative);
  }

  /**
   * The record of an output rendered from `key` that is still in place as it was
   * written, or null when it must be rendered again. A file whose size, inode and times
   * are those recorded when its bytes were last found right is taken as it is; any other
   * is hashed again (a file edited or replaced by hand is not trusted), and when its bytes
   * are right, its times are recorded for the next build.
   */
  async upToDate(relative: string, key: string): Promise<OutputRecord | null> {
    const record = this.manifest.outputs.get(relative);
    if (!record || record.key !== key || this.manifest.files.get(relative) !== record.sha256) return null;
    const found = this.check(relative, record.sha256, record.seen);
    if (found === null) return null;
    if (found.settled && found.seen !== record.seen) {
      this.manifest.outputs.set(relative, { ...record, seen: found.seen });
      this.unsaved = true;
    }
    return record;
  }

  /** Whether a file the manifest lists is as it records, by its times where they were recorded, else by its bytes. */
  intact(relative: string): boolean {
    const hash = this.manifest.files.get(relative);
    const record = this.manifest.outputs.get(relative);
    return hash !== undefined && this.check(relative, hash, record?.sha256 === hash ? record.seen : undefined) !== null;
  }

  /**
   * Whether the file holds the bytes of `hash`: taken as it is when its size, inode and
   * times are `seen`, else hashed. Gives what its times are now, and whether they have
   * settled enough to be recorded, or null when the file is not as it should be.
   */
  private check(relative: string, hash: string, seen: string | undefined): { seen: string; settled: boolean } | null {
    // Read synchronously: a rebuild checks every output it keeps, and a promise per file cost more than the reading.
    let fd: number;
    try {
      fd = openSync(outputFile(this.outDir, relative), 'r');
    } catch {
      return null;
    }
    try {
      // The times are taken before the bytes are read: a write after this changes them.
      const stats = fstatSync(fd, { bigint: true });
      const now = `${stats.size}:${stats.ino}:${stats.mtimeNs}:${stats.ctimeNs}`;
      if (now !== seen && sha256(readFileSync(fd)) !== hash) return null;
      return { seen: now, settled: settled(stats, this.nowNs()) };
    } catch {
      return null;
    } finally {
      closeSync(fd);
    }
  }

  async stage(relative: string, bytes: Uint8Array): Promise<StagedOutput> {
    const hash = sha256(bytes);
    const destination = outputFile(this.outDir, relative);
    if (await sameBytes(destination, bytes)) return { relative, sha256: hash, temporary: null };
    const temporary = path.join(this.paths.staging, `${randomBytes(6).toString('hex')}-${path.basename(destination)}`);
    await writeFlushed(temporary, bytes).catch((error) => {
      throw new OutputIoError('write', this.shown(relative), error);
    });
    return { relative, sha256: hash, temporary };
  }

  /** What a staged output holds, read back from the disk. */
  readStaged(staged: StagedOutput): Promise<Buffer> {
    return readFile(staged.temporary ?? outputFile(this.outDir, staged.relative));
  }

  async discard(staged: readonly StagedOutput[]): Promise<void> {
    await Promise.all(staged.map((s) => (s.temporary ? rm(s.temporary, { force: true }) : undefined)));
  }

  /**
   * Puts staged outputs in place as one unit and records them in the manifest.
   * Returns the outputs whose bytes changed.
   */
  async commit(staged: readonly StagedOutput[], hooks: CommitHooks = {}): Promise<string[]> {
    const moving = staged.filter((s) => s.temporary !== null);
    for (const output of moving) await this.prepareDestination(output.relative);
    let journalFile: string | null = null;
    if (moving.length > 0) {
      const journal: Journal = { files: moving.map((s) => ({ relative: s.relative, staged: path.relative(this.paths.dir, s.temporary!), sha256: s.sha256 })) };
      journalFile = path.join(this.paths.journal, `${randomBytes(6).toString('hex')}.json`);
      await mkdir(this.paths.journal, { recursive: true });
      await replaceFile(journalFile, new TextEncoder().encode(JSON.stringify(journal))).catch((error) => {
        throw new OutputIoError('write', this.shown(path.relative(this.outDir, journalFile!)), error);
      });
    }
    let done = 0;
    for (const output of moving) {
      const destination = outputFile(this.outDir, output.relative);
      await rename(output.temporary!, destination).catch((error) => {
        throw new OutputIoError('write', this.shown(output.relative), error);
      });
      hooks.afterRename?.(++done, moving.length);
    }
    for (const dir of new Set(moving.map((s) => path.dirname(outputFile(this.outDir, s.relative))))) await syncDir(dir);
    let recorded = false;
    const at = this.nowNs();
    for (const output of staged) {
      const record = output.record ? { ...output.record, sha256: output.sha256 } : undefined;
      recorded ||= this.manifest.files.get(output.relative) !== output.sha256 || !sameRecord(this.manifest.outputs.get(output.relative), record);
      this.manifest.files.set(output.relative, output.sha256);
      if (record) this.manifest.outputs.set(output.relative, record);
      else this.manifest.outputs.delete(output.relative);
      if (record) this.committed.push({ relative: output.relative, at });
    }
    this.settleCommitted();
    // A commit that changes nothing leaves the manifest untouched too. The manifest is saved
    // at most about once a second, not once per commit: a build of hundreds of sheets wrote it
    // hundreds of times. Until it is saved, the commit's journal stays: a build killed before
    // then has its renames recorded by the next one from the journal, which loses only the
    // records of what was verified (those outputs are rendered again).
    if (moving.length > 0 || recorded) {
      this.unsaved = true;
      if (journalFile) this.journals.push(journalFile);
      if (performance.now() - this.savedAt >= MANIFEST_SAVE_INTERVAL_MS) await this.flush();
    } else if (journalFile) await unlink(journalFile);
    return moving.map((s) => s.relative);
  }

  /**
   * Records the times of the outputs this build committed at least SETTLED_NS ago, each
   * hashed first and recorded only when its bytes are still those committed and its times
   * have settled, as the next build would record them (upToDate): the next build then
   * takes each by its times. A build that wrote hundreds of outputs left every one of them
   * to be hashed by the next, which a paragraph edited just after paid for.
   */
  settleCommitted(): void {
    const now = this.nowNs();
    while (this.committed.length > 0 && this.committed[0]!.at <= now - SETTLED_NS) {
      const { relative } = this.committed.shift()!;
      const record = this.manifest.outputs.get(relative);
      if (!record || record.seen !== undefined || this.manifest.files.get(relative) !== record.sha256) continue;
      const found = this.check(relative, record.sha256, undefined);
      if (!found?.settled) continue;
      this.manifest.outputs.set(relative, { ...record, seen: found.seen });
      this.unsaved = true;
    }
  }

  /** Saves the manifest if commits changed it since it was last saved, then drops their journals. */
  async flush(): Promise<void> {
    if (!this.unsaved) return;
    await this.saveManifest();
    this.unsaved = false;
    this.savedAt = performance.now();
    for (const journal of this.journals.splice(0)) await unlink(journal);
  }

  /**
   * Deletes outputs this tool wrote and that are still as it wrote them. Returns those
   * deleted and those left in place because they were changed since.
   */
  async remove(relatives: readonly string[]): Promise<{ removed: string[]; altered: string[] }> {
    const removed: string[] = [];
    const altered: string[] = [];
    for (const relative of relatives) {
      const recorded = this.manifest.files.get(relative);
      if (recorded === undefined) continue;
      const file = outputFile(this.outDir, relative);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw new OutputIoError('read', this.shown(relative), error);
        this.manifest.files.delete(relative);
        continue;
      }
      if (sha256(bytes) !== recorded) {
        altered.push(relative);
        continue;
      }
      await unlink(file).catch((error) => {
        throw new OutputIoError('delete', this.shown(relative), error);
      });
      this.manifest.files.delete(relative);
      this.manifest.outputs.delete(relative);
      removed.push(relative);
    }
    if (removed.length > 0) await this.saveManifest();
    return { removed, altered };
  }

  async close(): Promise<void> {
    // A manifest that cannot be saved leaves the journals, which the next build finishes from.
    await this.flush().catch(() => undefined);
    // Staged files of a commit that failed half-way are what the next build finishes it with.
    const pending = await readdir(this.paths.journal).catch(() => []);
    if (pending.length === 0) await rm(this.paths.staging, { recursive: true, force: true }).catch(() => undefined);
    await this.release();
  }

  /** Outputs committed by this build, oldest first, with the time of their commit (settleCommitted). */
  private readonly committed: Array<{ relative: string; at: bigint }> = [];
  /** Commits recorded in the manifest in memory but not yet on disk, and their journals. */
  private unsaved = false;
  private readonly journals: string[] = [];
  private savedAt = performance.now();

  private async saveManifest(): Promise<void> {
    await writeManifest(this.paths.manifest, this.manifest).catch((error) => {
      throw new OutputIoError('write', this.shown(`${STATE_DIR}/manifest.json`), error);
    });
  }

  /** The destination's folder exists and the destination is a file or nothing, before anything moves. */
  private async prepareDestination(relative: string): Promise<void> {
    const destination = outputFile(this.outDir, relative);
    try {
      await mkdir(path.dirname(destination), { recursive: true });
      const stat = await lstat(destination).catch((error) => {
        if (errnoCode(error) === 'ENOENT') return null;
        throw error;
      });
      if (stat?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    } catch (error) {
      throw new OutputIoError('write', this.shown(relative), error);
    }
  }
}

/** How often, at most, commits save the manifest (see `commit`). */
const MANIFEST_SAVE_INTERVAL_MS = 1000;

/** Finishes the commits a killed build left half done: every file of a journal was staged whole. */
async function recoverJournals(outDir: string, paths: StatePaths, manifest: Manifest, shown: (relative: string) => string): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(paths.journal)).sort();
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw new OutputIoError('read', shown(`${STATE_DIR}/journal`), error);
  }
  for (const name of names) {
    const file = path.join(paths.journal, name);
    // A journal is renamed into place whole; anything else there is a draft of one that never began.
    const journal = name.endsWith('.json') ? await readJournal(file) : null;
    for (const entry of journal?.files ?? []) {
      const staged = path.join(paths.dir, entry.staged);
      const destination = outputFile(outDir, entry.relative);
      try {
        if (await exists(staged)) {
          await mkdir(path.dirname(destination), { recursive: true });
          await rename(staged, destination);
        }
        if (sha256(await readFile(destination)) === entry.sha256) manifest.files.set(entry.relative, entry.sha256);
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') continue;
        throw new OutputIoError('finish writing', shown(entry.relative), error);
      }
    }
    if (journal) await writeManifest(paths.manifest, manifest);
    await rm(file, { force: true });
  }
}

async function readJournal(file: string): Promise<Journal | null> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Journal;
    const valid =
      Array.isArray(data.files) &&
      data.files.every((f) => typeof f.relative === 'string' && typeof f.staged === 'string' && typeof f.sha256 === 'string' && f.staged.startsWith('staging/') && !f.relative.split('/').includes('..'));
    return valid ? data : null;
  } catch {
    return null;
  }
}

/**
 * What builds killed at the wrong moment leave in the state folder: drafts of lock files
 * and of the manifest (the holder of the lock is the only one writing the manifest).
 */
async function removeLeftovers(dir: string): Promise<void> {
  await removeStaleDrafts(dir);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (/^\.manifest\.json\.[0-9a-f]+\.tmp$/.test(name)) await rm(path.join(dir, name), { force: true });
  }
}

function sameRecord(a: OutputRecord | undefined, b: OutputRecord | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.key === b.key && a.sha256 === b.sha256 && a.misses.length === b.misses.length && a.misses.every((m, i) => m === b.misses[i]);
}

/** Every file under the folder (not folders, not the tool's own state), relative, sorted. */
async function listFiles(outDir: string, name: (relative: string) => string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw new OutputIoError('read', name('.'), error);
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const relative = path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative === STATE_DIR || relative.startsWith(`${STATE_DIR}/`)) continue;
    files.push(name(relative));
  }
  return files.sort();
}

function refusal(display: string, found: string[]): OutputFolderRefused {
  const shownFiles = found.slice(0, 5).join(', ') + (found.length > 5 ? ` and ${found.length - 5} more` : '');
  return new OutputFolderRefused(
    `the output folder ${display} holds files factsheet did not write (${shownFiles}); build into an empty or new folder, or pass --force to write beside them (factsheet never deletes a file it did not write)`,
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}

async function sameBytes(file: string, bytes: Uint8Array): Promise<boolean> {
  try {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(await readFile(file));
  } catch {
    return false;
  }
}

/**
 * Times a filesystem gives a write: of a file last written this long before now, a later
 * write has other times. Of one written just now, another write within the same tick of
 * the clock could leave them as they are (git's "racily clean" entries): it is hashed
 * again by the next build.
 */
const SETTLED_NS = 3_000_000_000n;

function wallClockNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

function settled(stats: BigIntStats, now: bigint): boolean {
  return stats.mtimeNs < now - SETTLED_NS && stats.ctimeNs < now - SETTLED_NS;
}
