/** What an operating-system error means, in words, for messages about the output folder. */
const MEANINGS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'the path is a folder, not a file',
  EEXIST: 'something is already there',
  ENOENT: 'no such file or folder',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'an input/output error of the device',
  EBUSY: 'the file is busy',
  EXDEV: 'the paths are on different file systems',
};

export function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** "no space left on the device (ENOSPC)", or the error's own message when it has no code. */
export function describeIoError(error: unknown): string {
  const code = errnoCode(error);
  if (code) return `${MEANINGS[code] ?? 'the operating system refused'} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** A failure to read or write the output folder, naming the path: never a defect of the renderers. */
export class OutputIoError extends Error {
  constructor(
    readonly action: string,
    /** The path as the user should see it. */
    readonly where: string,
    override readonly cause: unknown,
  ) {
    super(`cannot ${action} ${where}: ${describeIoError(cause)}`);
  }
}
