import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;
let fingerprint: string | null = null;

/**
 * The version of this tool, from its package.json. Outputs are keyed by it, so a new
 * version re-renders everything once: its renderers may lay out differently.
 */
export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}

/**
 * The version and a hash of the code that runs (the compiled modules beside this one,
 * or the TypeScript sources when those run) and of the dependencies' lockfile: what a
 * remembered build result is valid for. A change to the code without a new version
 * number is still a change, and a build remembered by other code is not reused.
 */
export function toolFingerprint(): string {
  if (fingerprint === null) {
    const code = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
    const extension = path.extname(fileURLToPath(import.meta.url));
    // The CommonJS modules beside them too (`.cts`, compiled to `.cjs`).
    const commonJs = extension === '.ts' ? '.cts' : '.cjs';
    const hash = createHash('sha256').update(toolVersion()).update('\0');
    const files = readdirSync(code, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith(extension) || name.endsWith(commonJs))
      .map((name) => name.split(path.sep).join('/'))
      .sort();
    for (const name of files) hash.update(name).update('\0').update(readFileSync(path.join(code, name))).update('\0');
    // Installed without its lockfile, the code's own hash is all there is.
    hash.update(readLockfile());
    fingerprint = `${toolVersion()}+${hash.digest('hex').slice(0, 16)}`;
  }
  return fingerprint;
}

function readLockfile(): Uint8Array {
  try {
    return readFileSync(new URL('../../package-lock.json', import.meta.url));
  } catch {
    return new Uint8Array();
  }
}
