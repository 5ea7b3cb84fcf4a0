import { existsSync, realpathSync, statSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseYamlText } from 'yaml';

/** A font file named in a style file, as found on disk (or why it was not read). */
export type FontSource =
  | { spec: string; status: 'found'; path: string; bytes: Uint8Array }
  | { spec: string; status: 'missing' }
  | { spec: string; status: 'outside'; reason: string };

/**
 * Reads the fonts a template's style.yaml names under `fonts.files` and `fonts.scripts.*.files`, by the spec
 * written there. Only a peek at the YAML: validating the style is the parser's job,
 * this stage only makes sure the bytes are in memory so nothing later reads a file.
 */
export async function readFonts(root: string, templateDir: string, styleText: string | null): Promise<Map<string, FontSource>> {
  const fonts = new Map<string, FontSource>();
  for (const spec of fontSpecs(styleText)) {
    if (fonts.has(spec)) continue;
    const located = locateFont(root, templateDir, spec);
    fonts.set(spec, 'path' in located ? { spec, status: 'found', path: located.path, bytes: new Uint8Array(readFileSync(located.path)) } : located);
  }
  return fonts;
}

function fontSpecs(styleText: string | null): string[] {
  if (styleText === null) return [];
  try {
    const fonts = (parseYamlText(styleText) as { fonts?: { files?: unknown; scripts?: unknown } } | null)?.fonts;
    // The main font's faces, then those of each script font (fonts.scripts.<Script>.files).
    const scripts = fonts?.scripts && typeof fonts.scripts === 'object' ? Object.values(fonts.scripts) : [];
    const fileSets = [fonts?.files, ...scripts.map((script) => (script && typeof script === 'object' ? (script as { files?: unknown }).files : undefined))];
    return fileSets.flatMap((files) => (files && typeof files === 'object' ? Object.values(files) : [])).filter((spec): spec is string => typeof spec === 'string');
  } catch {
    return [];
  }
}

/**
 * Where a font named in a style file lives: inside the template folder when it
 * starts with "./", otherwise inside an installed package (`source-sans/TTF/...`),
 * found from the project or, failing that, from factsheet itself. Links are followed
 * before the containment test, so a link cannot lead a template out of its folder.
 */
export function locateFont(root: string, templateDir: string, spec: string): { path: string } | Exclude<FontSource, { status: 'found' }> {
  if (path.isAbsolute(spec) || /^[a-zA-Z]:[\\/]/.test(spec)) return { spec, status: 'outside', reason: 'an absolute path; name a file in the template folder ("./...") or in a package' };
  if (spec.startsWith('./') || spec.startsWith('../')) return within(templateDir, spec, spec, 'the template folder');
  const segments = spec.split('/');
  const name = spec.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0]!;
  const rest = segments.slice(name.split('/').length).join('/');
  if (!name || !rest) return { spec, status: 'missing' };
  for (const base of [path.resolve(root, 'package.json'), import.meta.url]) {
    const candidates = createRequire(base).resolve.paths(name) ?? [];
    const packageDir = candidates.map((dir) => path.join(dir, name)).find((dir) => existsSync(dir));
    if (packageDir) return within(packageDir, rest, spec, `the package "${name}"`);
  }
  return { spec, status: 'missing' };
}

function within(dir: string, relative: string, spec: string, what: string): { path: string } | Exclude<FontSource, { status: 'found' }> {
  const target = path.resolve(dir, relative);
  if (!existsSync(target) || !statSync(target).isFile()) return { spec, status: 'missing' };
  const realDir = realpathSync(dir);
  const real = realpathSync(target);
  if (!real.startsWith(realDir + path.sep)) return { spec, status: 'outside', reason: `outside ${what}` };
  return { path: real };
}
