import path from 'node:path';

export type Resolved = { file: string; relative: string } | { refused: 400 | 403 | 404 };

/**
 * Maps the path of a request (`/en/partnerships.html`, raw from the request line) to a
 * file inside `root`, or refuses it. The path is decoded once and then resolved, so
 * `..` hidden as `%2e%2e` or `%2f` is caught by the same containment test as a plain
 * `..`: whatever resolves outside `root` is refused. Hidden names (the build's own
 * `.factsheet/` state) are not served. A folder's `index.html` stands for the folder.
 */
export function resolveRequest(root: string, rawPath: string): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { refused: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { refused: 400 };
  const file = path.resolve(root, `.${path.posix.sep}${decoded}`);
  if (!isInside(root, file)) return { refused: 403 };
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (relative.split('/').some((part) => part.startsWith('.'))) return { refused: 404 };
  return { file, relative };
}

/** Whether `file` is `dir` or lies under it (both absolute and resolved). */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
