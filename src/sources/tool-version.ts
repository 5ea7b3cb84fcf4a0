import { readFileSync } from 'node:fs';

let cached: string | null = null;

/**
 * The version of this tool, from its package.json. Outputs are keyed by it, so a new
 * version re-renders everything once: its renderers may lay out differently.
 */
export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
