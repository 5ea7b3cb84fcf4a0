import type { Utf8Fault } from './utf8.js';

/**
 * Why a file's text cannot be used, as data: the check stage turns these into
 * diagnostics. Offsets are in the file's normalized text.
 */
export type ReadProblem =
  /** Not UTF-8 from `offset` on; the text holds only what came before. */
  | ({ kind: 'encoding-invalid' } & Utf8Fault)
  /** A byte-order mark of another encoding: the file was not decoded at all. */
  | { kind: 'encoding-other'; encoding: 'UTF-16' | 'UTF-32' }
  /** A character no output format can carry. */
  | { kind: 'character-invalid'; offset: number; codePoint: number }
  /** The file, or a folder above it, is a link leading out of the project: not read. */
  | { kind: 'outside-project'; link: string; target: string };
