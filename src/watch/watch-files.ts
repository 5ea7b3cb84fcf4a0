import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isInside } from './resolve-request.js';

/** What a project's build reads: everything else (out/, .git, node_modules) is not watched. */
export const WATCHED = ['sources', 'templates', 'factsheet.yaml'] as const;

export interface FileWatch {
  close(): Promise<void>;
}

/**
 * Watches the sources, templates and settings of the project at `root` and calls
 * `onChange` with the project-relative path of each file added, changed or removed.
 * chokidar rather than `fs.watch(…, { recursive: true })`: it follows folders created
 * after the start, survives editors that save by renaming a new file over the old one,
 * and reports the same events on every platform. Editors' swap and backup files and
 * anything inside `ignoreDir` (an output folder placed inside sources/) are ignored.
 */
export async function watchFiles(root: string, ignoreDir: string, onChange: (file: string) => void, onError: (error: Error) => void): Promise<FileWatch> {
  const watcher: FSWatcher = watch(
    WATCHED.map((part) => path.join(root, part)),
    {
      ignoreInitial: true,
      ignored: (file: string) => isInside(ignoreDir, file) || isEditorScratch(path.basename(file)),
    },
  );
  watcher.on('all', (_event, file) => onChange(path.relative(root, file).split(path.sep).join('/')));
  watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { close: () => watcher.close() };
}

/** Files editors write beside the one being edited: vim's swap files and write test, backups. */
function isEditorScratch(name: string): boolean {
  return /^\..*\.sw[a-p]$|~$|^4913$|^#.*#$|^\.#/.test(name);
}
