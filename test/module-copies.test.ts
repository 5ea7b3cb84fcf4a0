import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from './helpers/project.js';

/** The files of a package's entry for `import` and for `require`, where its exports give both. */
function entries(packageDir: string): { import: string; require: string } | null {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { exports?: unknown };
  const root = typeof manifest.exports === 'object' && manifest.exports !== null && '.' in manifest.exports ? (manifest.exports as Record<string, unknown>)['.'] : manifest.exports;
  if (typeof root !== 'object' || root === null) return null;
  const target = (condition: unknown): string | null => {
    if (typeof condition === 'string') return condition;
    if (typeof condition !== 'object' || condition === null) return null;
    const options = condition as Record<string, unknown>;
    return target(options['node'] ?? options['default']);
  };
  const conditions = root as Record<string, unknown>;
  const [imported, required] = [target(conditions['import']), target(conditions['require'])];
  if (!imported || !required) return null;
  return { import: path.join(packageDir, imported), require: path.join(packageDir, required) };
}

/** Whether the ESM file imports the CommonJS one, as a wrapper that re-exports it does. */
function wraps(esm: string, commonJs: string): boolean {
  const relative = `./${path.relative(path.dirname(esm), commonJs).split(path.sep).join('/')}`;
  return new RegExp(`from\\s+["']${relative.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`).test(readFileSync(esm, 'utf8'));
}

/** The files of every module a build given `args` loads, in a process of its own. */
function modulesLoaded(args: string[]): Set<string> {
  const list = path.join(tempDir(), 'modules.txt');
  const run = spawnSync(process.execPath, ['--import', path.join(REPO, 'test/helpers/record-modules.mjs'), path.join(REPO, 'bin/factsheet.js'), 'build', '--out', tempDir(), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, MODULES_LOADED: list },
  });
  expect(run.status, run.stderr).toBe(0);
  return new Set(readFileSync(list, 'utf8').split('\n').filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url)));
}

const inPackage = (loaded: Set<string>, name: string) => [...loaded].some((file) => file.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`));

describe('one copy of each package', () => {
  // A package with an ESM and a CommonJS entry loaded through both is two copies: each
  // loads and unpacks its data again, and fontkit's copies parsed every font twice.
  it('a build loads no package through both its import and its require entries', () => {
    const loaded = modulesLoaded(['--jobs', '1', '--sheet', 'partnerships', '--lang', 'fr']);
    // The renderers are all loaded: the PDF's line setting (linebreak, fontkit) as well as pdfkit's.
    expect(inPackage(loaded, 'pdfkit')).toBe(true);
    expect(inPackage(loaded, 'docx')).toBe(true);
    const packages = new Set([...loaded].map((file) => /^(.*[/\\]node_modules[/\\](?:@[^/\\]+[/\\])?[^/\\]+)/.exec(file)?.[1]).filter((dir): dir is string => dir !== undefined));
    const twice: string[] = [];
    for (const dir of [...packages].sort()) {
      if (!existsSync(path.join(dir, 'package.json'))) continue;
      const entry = entries(dir);
      if (!entry || entry.import === entry.require || !loaded.has(entry.import) || !loaded.has(entry.require)) continue;
      // An ESM entry that only wraps the CommonJS one (piscina's) is the same copy.
      if (wraps(entry.import, entry.require)) continue;
      twice.push(path.relative(REPO, dir));
    }
    expect(twice).toEqual([]);
  });
});

describe('renderers loaded as a format needs them', () => {
  it('a build of web pages alone loads neither the PDF nor the Word renderer, nor the PDF reader', () => {
    const loaded = modulesLoaded(['--jobs', '1', '--sheet', 'partnerships', '--format', 'html']);
    expect(inPackage(loaded, 'handlebars')).toBe(true);
    for (const name of ['pdfmake', 'pdfkit', 'docx', 'pdfjs-dist']) expect(inPackage(loaded, name), name).toBe(false);
  });
});
