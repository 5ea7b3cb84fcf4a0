export interface Io {
  cwd: string;
  env?: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  /** A terminal (isTTY, columns) gets a progress line during builds. */
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** A mistake in the command line itself, reported with the usage and exit status 2. */
export class UsageError extends Error {}
