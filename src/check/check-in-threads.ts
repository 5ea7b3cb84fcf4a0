import { workerModule } from '../worker-module.js';
import { Worker } from 'node:worker_threads';
import type { ProjectSources } from '../sources/read-project.js';
import { checkProject, type CheckOptions, type CheckResult } from './check-project.js';
import { footprintHolds, sheetKeys, type SheetCheck } from './sheet-cache.js';
import { resolvedRegistry } from '../figures/resolved-registry.js';
import { toolFingerprint } from '../sources/tool-version.js';
import { sourcesAsData } from '../sources/sources-data.js';
import { addFontFacts, type FontFacts } from '../parse/font-facts.js';

/** What a check thread is given: the project's sources, as data (sources-data.ts), and the sheets to check afresh. */
export interface CheckShare {
  sources: unknown;
  formats: CheckOptions['formats'];
  strict: boolean;
  ids: string[];
  /** The fingerprint of the code of the thread that started the worker, which keys the entries. */
  tool: string;
}

/** A check's result, and the sheets whose check a worker did (and this thread took as it was). */
export interface ThreadedCheck {
  result: CheckResult;
  inWorkers: string[];
}

/**
 * Below this many sheets to check afresh, a thread costs more to start (loading the
 * parser and the checks, taking the sources) than it takes off the check.
 */
export const SHEETS_PER_CHECK_THREAD = 12;

/**
 * Checks a project as `checkProject` does, with the sheets to check afresh shared among
 * `threads` threads: this one and workers, each given the sources this thread read, as
 * data. What the workers find comes back as check-cache entries, each under the key of
 * the sources the worker was given, and the final check, here, takes an entry only under
 * the same key, as it takes the last build's. Every sheet's result, and so every
 * diagnostic and its order, is that of a check in one thread.
 */
export async function checkInThreads(sources: ProjectSources, options: CheckOptions & { cache: ReadonlyMap<string, SheetCheck> }, threads: number): Promise<ThreadedCheck> {
  const stale = staleSheets(sources, options);
  const count = Math.max(1, Math.min(threads, Math.floor(stale.length / SHEETS_PER_CHECK_THREAD)));
  if (count <= 1) return { result: await checkProject(sources, options), inWorkers: [] };
  const shares = checkShares(stale, count);
  const data = sourcesAsData(sources);
  const workers = shares.slice(1).map((ids) => checkInWorker({ sources: data, formats: options.formats, strict: options.strict ?? false, ids, tool: options.tool ?? toolFingerprint() }));
  // With the cores busy checking, rendering waits for the check (early-renders.ts).
  const here = await checkProject(sources, { ...options, webPages: false, only: new Set(shares[0]), onTypeset: undefined });
  const entries = new Map(options.cache);
  for (const [id, entry] of here.cache!) entries.set(id, entry);
  const fromWorkers = new Set<SheetCheck>();
  for (const found of await Promise.all(workers)) {
    for (const [id, entry] of found) {
      entries.set(id, entry);
      fromWorkers.add(entry);
    }
  }
  const result = await checkProject(sources, { ...options, cache: entries });
  return { result, inWorkers: [...result.cache!].filter(([, entry]) => fromWorkers.has(entry)).map(([id]) => id) };
}

/**
 * Sheets this thread checks before a worker's first: a worker starts by loading the parser
 * and the checks, about as long as this thread takes to check this many sheets, so the
 * workers' shares are that much smaller. Dealt evenly, this thread waited about a second
 * for the check worker in a cold build of 200 sheets x 2 languages; with 30 sheets ahead,
 * five alternating pairs of cold builds took 29.34 s against 30.46 s, each pair faster.
 */
export const SHEETS_AHEAD_OF_WORKERS = 30;

/**
 * The sheets each thread checks, this one's first: the first sheets (up to
 * SHEETS_AHEAD_OF_WORKERS, and no more than half of an even share), then the others dealt
 * out in turn, so that each thread gets sheets from all over the project.
 */
export function checkShares(stale: readonly string[], count: number): string[][] {
  const ahead = Math.min(SHEETS_AHEAD_OF_WORKERS, Math.floor(stale.length / (2 * count)));
  return Array.from({ length: count }, (_, thread) => stale.filter((_, index) => (index < ahead ? thread === 0 : (index - ahead) % count === thread)));
}

/** Sheets, in the order met, whose cache entry (if any) is not for their files as they are; about those the check will parse again. */
function staleSheets(sources: ProjectSources, options: CheckOptions & { cache: ReadonlyMap<string, SheetCheck> }): string[] {
  // Without a readable registry the check stops before the sheets: there is nothing to share.
  if (!sources.figures?.usable) return [];
  const registry = resolvedRegistry(sources.figures).registry;
  const keyOf = sheetKeys(sources, registry, { pdf: !options.formats || options.formats.includes('pdf'), ...(options.tool ? { tool: options.tool } : {}) });
  const ids = [...new Set([...sources.sheets.map((s) => s.id), ...sources.locks.keys()])];
  return ids.filter((id) => {
    const cached = options.cache.get(id);
    return !cached || cached.key !== keyOf(id, sources.sheets.filter((s) => s.id === id)) || !footprintHolds(cached, registry);
  });
}

/**
 * The entries a worker found for its share; none when it failed, so that this thread checks
 * those sheets itself. What it asked fontkit is taken here (parse/font-facts.ts).
 */
function checkInWorker(share: CheckShare): Promise<Array<[string, SheetCheck]>> {
  return new Promise((resolve) => {
    let found: Array<[string, SheetCheck]> = [];
    const worker = new Worker(new URL(workerModule('check/check-worker')), { workerData: share });
    worker.once('message', (message: { entries: Array<[string, SheetCheck]>; fontFacts: Map<string, FontFacts> }) => {
      found = message.entries;
      addFontFacts(message.fontFacts);
    });
    worker.once('error', () => (found = []));
    worker.once('exit', () => resolve(found));
  });
}

