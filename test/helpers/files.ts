import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The files of an output folder by relative path (`/`-separated), without the build's
 * own state folder `.factsheet/` unless asked for.
 */
export function filesOf(dir: string, options: { state?: boolean } = {}): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = sub ? `${sub}/${entry.name}` : entry.name;
      if (!options.state && relative === '.factsheet') continue;
      if (entry.isDirectory()) walk(relative);
      else files.set(relative, readFileSync(path.join(dir, relative)));
    }
  };
  walk('');
  return files;
}
