import path from 'node:path';

/**
 * The build's own folder inside the output folder: the manifest of the files it wrote,
 * the lock of the build running, files being staged, and the journal of commits in
 * progress. Nothing outside the output folder is ever written, and nothing in it is
 * ever deleted unless the manifest says the build wrote it.
 */
export const STATE_DIR = '.factsheet';

export interface StatePaths {
  dir: string;
  manifest: string;
  lock: string;
  staging: string;
  journal: string;
}

export function statePaths(outDir: string): StatePaths {
  const dir = path.join(outDir, STATE_DIR);
  return {
    dir,
    manifest: path.join(dir, 'manifest.json'),
    lock: path.join(dir, 'lock'),
    staging: path.join(dir, 'staging'),
    journal: path.join(dir, 'journal'),
  };
}

/** `fr/partnerships.pdf` as a path under the output folder. */
export function outputFile(outDir: string, relative: string): string {
  return path.join(outDir, ...relative.split('/'));
}
