import type { SheetCheck } from '../check/sheet-cache.js';

/**
 * What a series of builds in one process (`factsheet watch`) keeps from one build to the
 * next, so that a save costs what it changed: what the check found of each sheet, as the
 * last build kept it in the output folder (check-cache-file.ts). The next build into the
 * same folder takes these entries instead of reading that folder's files again; like the
 * entries read from files, each counts only under its key, so an entry of a sheet whose
 * files (or shared inputs) changed is checked again.
 */
export class BuildSession {
  #checks: { outDir: string; entries: ReadonlyMap<string, SheetCheck> } | null = null;

  /** The check entries the last build into `outDir` kept, or null (none yet, or another folder's). */
  checks(outDir: string): ReadonlyMap<string, SheetCheck> | null {
    return this.#checks !== null && this.#checks.outDir === outDir ? this.#checks.entries : null;
  }

  keepChecks(outDir: string, entries: ReadonlyMap<string, SheetCheck>): void {
    this.#checks = { outDir, entries };
  }
}
