import { SourceFile } from '../text/source-file.js';
import type { ProjectSources } from './read-project.js';

/*
 * A project's sources as plain data that crosses to a worker thread (structured cloning)
 * and back into sources there: the worker checks what this thread read, byte for byte,
 * and reads no file itself. Structured cloning keeps maps, arrays, byte arrays and
 * shared references (a font named by two templates stays one object), and drops the
 * class of a source file, which is marked here and made again on the other side.
 */

const MARK = '\u0000sourceFile';

interface SourceFileData {
  [MARK]: { path: string; text: string; problems: SourceFile['problems'] };
}

/** The sources as data for `postMessage` or `workerData`. */
export function sourcesAsData(sources: ProjectSources): unknown {
  return encode(sources);
}

/** The sources again, from `sourcesAsData`'s data after cloning. */
export function sourcesFromData(data: unknown): ProjectSources {
  return decode(data) as ProjectSources;
}

function encode(value: unknown): unknown {
  if (value instanceof SourceFile) return { [MARK]: { path: value.path, text: value.text, problems: value.problems } } satisfies SourceFileData;
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, encode(item)]));
  if (Array.isArray(value)) return value.map(encode);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
}

function decode(value: unknown): unknown {
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, decode(item)]));
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (MARK in value) {
    const { path, text, problems } = (value as SourceFileData)[MARK];
    return SourceFile.revive(path, text, problems);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]));
}
