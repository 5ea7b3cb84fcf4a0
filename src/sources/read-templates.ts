import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SourceFile } from '../text/source-file.js';
import { folderToRead, type ProjectFiles, type RefusedLink } from './files.js';

export const TEMPLATES_DIR = 'templates';

/** The files of one `templates/<name>/` folder, loaded into memory. */
export interface TemplateSource {
  name: string;
  /** Absolute path of the folder, the only place (with the fonts) a renderer may read. */
  dir: string;
  page: SourceFile | null;
  partials: SourceFile[];
  style: SourceFile | null;
  labels: SourceFile | null;
  /** SVG files of `assets/`, by file name. */
  assets: Map<string, SourceFile>;
}

export interface TemplatesSources {
  templates: TemplateSource[];
  /** `templates/index.hbs`, the page that links every published sheet. */
  indexPage: SourceFile | null;
  /** `templates/figures.hbs`, the figures ledger as a page. */
  figuresPage: SourceFile | null;
}

export async function readTemplates(files: ProjectFiles, refused: RefusedLink[]): Promise<TemplatesSources> {
  const templates: TemplateSource[] = [];
  for (const entry of await files.list(TEMPLATES_DIR, refused)) {
    if (folderToRead(entry, refused)) templates.push(await readTemplate(files, entry.name, refused));
  }
  return { templates, indexPage: await files.read(`${TEMPLATES_DIR}/index.hbs`), figuresPage: await files.read(`${TEMPLATES_DIR}/figures.hbs`) };
}

async function readTemplate(files: ProjectFiles, name: string, refused: RefusedLink[]): Promise<TemplateSource> {
  const base = `${TEMPLATES_DIR}/${name}`;
  const readAll = async (dir: string, extension: string) => {
    const found: SourceFile[] = [];
    for (const entry of await files.list(`${base}/${dir}`, refused)) {
      if (entry.kind !== 'file' || !entry.name.endsWith(extension)) continue;
      const file = await files.read(entry.path);
      if (file) found.push(file);
    }
    return found;
  };
  const partials = await readAll('partials', '.hbs');
  const assets = new Map((await readAll('assets', '.svg')).map((file) => [file.path.slice(`${base}/assets/`.length), file]));
  return {
    name,
    dir: path.join(files.root, base),
    page: await files.read(`${base}/page.hbs`),
    partials,
    style: await files.read(`${base}/style.yaml`),
    labels: await files.read(`${base}/labels.yaml`),
    assets,
  };
}

/**
 * Where a font named in a style file lives: relative to the template folder when it
 * starts with "./", otherwise a file of a package (`source-sans/TTF/...`) installed
 * in the project or, failing that, with factsheet itself. Null when there is no such file.
 */
export function resolveFontFile(root: string, templateDir: string, spec: string): string | null {
  let resolved: string;
  if (spec.startsWith('./') || spec.startsWith('../')) {
    resolved = path.resolve(templateDir, spec);
  } else {
    const found = [path.join(root, 'package.json'), import.meta.url].map((base) => {
      try {
        return createRequire(base).resolve(spec);
      } catch {
        return null;
      }
    });
    const first = found.find((file) => file !== null);
    if (!first) return null;
    resolved = first;
  }
  return existsSync(resolved) ? resolved : null;
}
