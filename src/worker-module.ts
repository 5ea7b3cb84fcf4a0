import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The module a worker thread runs, given by its path under `src/` without the extension
 * ("render/pool/render-worker") and the extension it has compiled (`.cjs` for a `.cts`). Node runs no TypeScript in a worker, so when the caller
 * runs from the TypeScript sources (the tests), the worker runs the compiled copy in
 * dist/, which `make test` and `npm run build` bring up to date.
 */
export function workerModule(name: string, extension: '.js' | '.cjs' = '.js'): string {
  // Compiled, this module sits at the root of dist/ and the worker beside it; from the
  // sources, at the root of src/, with dist/ one level up.
  for (const candidate of [`./${name}${extension}`, `../dist/${name}${extension}`]) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  throw new Error(`the worker ${name} is not compiled: run "npx tsc -p tsconfig.json" first`);
}
