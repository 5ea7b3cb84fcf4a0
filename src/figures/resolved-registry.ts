import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceFile } from '../text/source-file.js';
import { resolveDerivations } from './derive.js';
import { parseRegistry, type Registry } from './registry.js';

const resolved = new WeakMap<SourceFile, { registry: Registry; diagnostics: readonly Diagnostic[] }>();

/**
 * The registry of a file with its derivations resolved, and the problems of both,
 * made once per file object: a build decides which sheets to check again and then
 * checks with the same registry, and what it worked out about the sheets for one (their
 * keys, whether their entries' footprints hold) holds for the other. Nothing changes a
 * registry once its derivations are resolved.
 */
export function resolvedRegistry(file: SourceFile): { registry: Registry; diagnostics: readonly Diagnostic[] } {
  let done = resolved.get(file);
  if (!done) {
    const parsed = parseRegistry(file);
    const diagnostics = [...parsed.diagnostics, ...resolveDerivations(parsed.registry)];
    resolved.set(file, (done = { registry: parsed.registry, diagnostics }));
  }
  return done;
}
