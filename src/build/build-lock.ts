import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFlushed } from './durable-write.js';
import { errnoCode } from './io-error.js';

/** Who holds the lock of an output folder. */
export interface LockHolder {
  pid: number;
  host: string;
  token: string;
}

export interface LockOptions {
  /** Called once when another build holds the lock and this one starts waiting. */
  onWait?: (holder: LockHolder | null) => void;
  /** How long to wait for another build before giving up. */
  timeoutMs?: number;
  pollMs?: number;
}

export class LockTimeoutError extends Error {}

/**
 * Takes the lock of an output folder, so that two builds into it run one after the
 * other instead of breaking each other's files; resolves to the function that
 * releases it. The lock is a file created whole (written beside it, then hard-linked
 * into place, which fails when it exists). A lock whose holder is a process of this
 * machine that no longer runs (a build killed with -9) is stale and taken over; a
 * second file, taken the same way, makes sure only one waiting build does that.
 */
export async function acquireLock(lockFile: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const { timeoutMs = 10 * 60_000, pollMs = 100 } = options;
  const me: LockHolder = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  let told = false;
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (;;) {
    if (await createWhole(lockFile, me)) return () => releaseLock(lockFile, me.token);
    const holder = await readHolder(lockFile);
    if (holder === undefined) continue; // released in between: try again at once
    if (holder !== null && isStale(holder)) {
      await breakStale(lockFile, holder);
      continue;
    }
    if (!told) {
      options.onWait?.(holder);
      told = true;
    }
    if (Date.now() > deadline) {
      throw new LockTimeoutError(
        `another build${holder ? ` (process ${holder.pid} on ${holder.host})` : ''} has been writing into this folder for too long; if none is running, delete ${lockFile}`,
      );
    }
    await sleep(pollMs);
  }
}

/** Creates `file` holding `holder`, complete from the first instant; false when it exists. */
async function createWhole(file: string, holder: LockHolder): Promise<boolean> {
  const draft = `${file}.draft-${holder.pid}-${holder.token}`;
  await writeFlushed(draft, new TextEncoder().encode(`${JSON.stringify(holder)}\n`));
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

/** The holder, null when the file is not one of ours, undefined when there is no lock. */
async function readHolder(file: string): Promise<LockHolder | null | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.token === 'string') return data as LockHolder;
  } catch {
    // Not a lock this tool wrote: wait, and name the file in the message.
  }
  return null;
}

/**
 * Drafts of lock files that builds killed while taking a lock left in `dir`: those of
 * processes of this machine that have ended. Called by the holder of the lock.
 */
export async function removeStaleDrafts(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const match = /\.draft-(\d+)-[0-9a-f]+$/.exec(name);
    if (match && isStale({ pid: Number(match[1]), host: hostname(), token: '' })) await rm(path.join(dir, name), { force: true });
  }
}

/** A holder is stale when it is a process of this machine that has ended. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return errnoCode(error) === 'ESRCH';
  }
}

async function breakStale(file: string, stale: LockHolder): Promise<void> {
  const breaker = `${file}.break`;
  const me: LockHolder = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  if (!(await createWhole(breaker, me))) {
    const other = await readHolder(breaker);
    // A build killed while breaking a lock leaves its breaker behind.
    if (other && isStale(other)) await unlinkIf(breaker, other.token);
    else await sleep(20);
    return;
  }
  try {
    const current = await readHolder(file);
    if (current && current.token === stale.token) await unlink(file).catch(() => undefined);
  } finally {
    await unlinkIf(breaker, me.token);
  }
}

async function unlinkIf(file: string, token: string): Promise<void> {
  const holder = await readHolder(file).catch(() => null);
  if (holder && holder.token === token) await unlink(file).catch(() => undefined);
}

async function releaseLock(file: string, token: string): Promise<void> {
  await unlinkIf(file, token);
}
