import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { SourceFile } from '../text/source-file.js';

/** A link met while reading the project whose real path is outside it: not followed. */
export interface RefusedLink {
  /** Project-relative path of the link. */
  path: string;
  /** Where it really leads (absolute). */
  target: string;
}

/** A folder entry, links followed: the kind of what it leads to, and where when that is outside the project. */
export interface DirEntry {
  name: string;
  /** Project-relative, `/`-separated. */
  path: string;
  kind: 'file' | 'directory' | 'other';
  /** The real path when the entry is a link out of the project, else null. */
  outside: string | null;
}

type Resolved = { real: string } | { link: string; target: string } | null;

/**
 * Reads project files by project-relative path, and only from inside the project:
 * every path is resolved (realpath) and a file or folder whose real path leaves
 * the project root is not read. Links that stay inside keep working.
 */
export class ProjectFiles {
  private readonly realRoot: string;

  // The calls to the file system are synchronous: a project is hundreds of small files read
  // one after the other, and a promise per call (through libuv's thread pool) cost several
  // times the reading itself. The methods stay asynchronous for their callers.
  constructor(readonly root: string) {
    let real: string;
    try {
      real = realpathSync(root);
    } catch {
      real = path.resolve(root);
    }
    this.realRoot = real;
  }

  /**
   * The entries of a folder sorted by name, so every run sees files in the same
   * order; none when the folder is missing or leads outside the project (then
   * `refused` records it).
   */
  async list(dir: string, refused: RefusedLink[]): Promise<DirEntry[]> {
    const resolved = await this.resolve(dir);
    if (!resolved) return [];
    if ('link' in resolved) {
      addRefused(refused, { path: resolved.link, target: resolved.target });
      return [];
    }
    let names: string[];
    try {
      names = readdirSync(resolved.real).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const entries: DirEntry[] = [];
    for (const name of names) {
      const relative = `${dir}/${name}`;
      const info = statOrNull(path.join(resolved.real, name));
      if (!info) continue; // a dangling link leads nowhere
      const kind = info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
      const real = realpathSync(path.join(resolved.real, name));
      entries.push({ name, path: relative, kind, outside: this.inside(real) ? null : real });
    }
    return entries;
  }

  /**
   * A project file as a SourceFile named by its project-relative path, or null when
   * it does not exist. A file that leads outside the project is returned unread,
   * with the link as its problem, so that what needs it fails instead of finding it missing.
   */
  async read(relative: string): Promise<SourceFile | null> {
    const resolved = await this.resolve(relative);
    if (!resolved) return null;
    if ('link' in resolved) return SourceFile.unread(relative, { kind: 'outside-project', ...resolved });
    try {
      return SourceFile.fromBytes(relative, new Uint8Array(readFileSync(resolved.real)));
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException)?.code === 'EISDIR') return null;
      throw error;
    }
  }

  /** The real path of a project path, or the first link on the way that leaves the project; null when missing. */
  private async resolve(relative: string): Promise<Resolved> {
    let real: string;
    try {
      real = realpathSync(path.join(this.root, relative));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    if (this.inside(real)) return { real };
    // Name the link the user made: the first component on the way whose real path is outside.
    let current = '';
    for (const part of relative.split('/')) {
      current = current ? `${current}/${part}` : part;
      const absolute = path.join(this.root, current);
      if (!lstatSync(absolute).isSymbolicLink()) continue;
      const target = realpathSync(absolute);
      if (!this.inside(target)) return { link: current, target };
    }
    return { link: relative, target: real };
  }

  private inside(real: string): boolean {
    const root = this.realRoot;
    return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  }
}

/** A visible folder to descend into; one that leads out of the project is refused instead. */
export function folderToRead(entry: DirEntry, refused: RefusedLink[]): boolean {
  if (entry.kind !== 'directory' || entry.name.startsWith('.')) return false;
  if (entry.outside === null) return true;
  addRefused(refused, { path: entry.path, target: entry.outside });
  return false;
}

function addRefused(refused: RefusedLink[], link: RefusedLink): void {
  if (!refused.some((r) => r.path === link.path)) refused.push(link);
}

function statOrNull(file: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** Nothing to read there: no such path, or a link that leads in a circle (or nowhere). */
function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP';
}
