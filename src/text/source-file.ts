import { createHash } from 'node:crypto';
import type { Location } from '../model/position.js';
import { canonicalJson } from './canonical-json.js';
import { unpublishableCharacters } from './characters.js';
import { LineIndex } from './line-index.js';
import { normalizeText } from './normalize.js';
import type { ReadProblem } from './read-problem.js';
import { firstUtf8Fault } from './utf8.js';

/** A file's normalized text, its project-relative path and a way to turn offsets into places. */
export class SourceFile {
  readonly text: string;
  readonly lines: LineIndex;

  constructor(
    readonly path: string,
    raw: string,
    /** Why the text cannot be used (filled by `fromBytes`); a file with problems is reported, never parsed. */
    readonly problems: readonly ReadProblem[] = [],
  ) {
    this.text = normalizeText(raw);
    this.lines = new LineIndex(this.text);
  }

  /**
   * Decodes a file's bytes as UTF-8 and records what makes it unusable: bytes that
   * are not UTF-8 (the text then stops before the first of them, so its place is
   * computed from the valid text before it), another encoding's byte-order mark,
   * and characters no output format can carry.
   */
  static fromBytes(path: string, bytes: Uint8Array): SourceFile {
    const other = otherEncoding(bytes);
    if (other) return new SourceFile(path, '', [{ kind: 'encoding-other', encoding: other }]);
    const fault = firstUtf8Fault(bytes);
    // ignoreBOM keeps a UTF-8 byte-order mark for normalizeText, which removes exactly one.
    const raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(fault ? bytes.subarray(0, fault.offset) : bytes);
    const problems: ReadProblem[] = [];
    const text = normalizeText(raw);
    for (const found of unpublishableCharacters(text)) problems.push({ kind: 'character-invalid', ...found });
    if (fault) problems.push({ kind: 'encoding-invalid', ...fault, offset: text.length });
    // The raw text again: the constructor normalizes it to the same `text` the offsets refer to.
    return new SourceFile(path, raw, problems);
  }

  /** A file as it was read elsewhere (in another thread), from its normalized text: normalized again, a text could change. */
  static revive(path: string, text: string, problems: readonly ReadProblem[]): SourceFile {
    const file = Object.create(SourceFile.prototype) as { -readonly [K in keyof SourceFile]: SourceFile[K] };
    Object.assign(file, { path, text, problems, lines: new LineIndex(text) });
    return file as SourceFile;
  }

  /** A file that was not read, with the reason. */
  static unread(path: string, problem: ReadProblem): SourceFile {
    return new SourceFile(path, '', [problem]);
  }

  /** True when the text can be parsed: it was read whole and holds only publishable characters. */
  get usable(): boolean {
    return this.problems.length === 0;
  }

  location(start: number, end: number = start): Location {
    return { file: this.path, start: this.lines.point(start), end: this.lines.point(Math.max(start, end)) };
  }

  /** The whole first line, for problems that concern the file as a whole. */
  head(): Location {
    const end = this.text.indexOf('\n');
    return this.location(0, end < 0 ? this.text.length : end);
  }
}

/** UTF-32 before UTF-16: the UTF-32 little-endian mark begins with the UTF-16 one. */
function otherEncoding(bytes: Uint8Array): 'UTF-16' | 'UTF-32' | null {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return 'UTF-32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  return null;
}

/**
 * For a key over values that hold source files (canonicalJson's replacer): a file as the
 * SHA-256 of the plain data a check reads of it, its path, its text and why it cannot be
 * read (sourceFileDigest).
 */
export function sourceFileData(value: unknown): unknown {
  return value instanceof SourceFile ? { sourceFile: sourceFileDigest(value) } : value;
}

/**
 * The SHA-256 of a file's path, text and problems, worked out once per file: a build keys
 * each sheet's files three times (the remembered build, the check's entries, the outputs),
 * and a project's texts are megabytes.
 */
export function sourceFileDigest(file: SourceFile): string {
  let digest = fileDigests.get(file);
  if (digest === undefined) {
    digest = createHash('sha256').update(canonicalJson({ path: file.path, text: file.text, problems: file.problems })).digest('hex');
    fileDigests.set(file, digest);
  }
  return digest;
}

const fileDigests = new WeakMap<SourceFile, string>();
