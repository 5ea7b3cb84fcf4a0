import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../text/source-file.js';
import { listDir, readSource } from './files.js';
import { readFonts, type FontSource } from './read-fonts.js';

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
  assets: Map<string, string>;
  /** The font files `style.yaml` names, by the spec written there, read so that no later stage opens a file. */
  fonts: Map<string, FontSource>;
}

export interface TemplatesSources {
  templates: TemplateSource[];
  /** `templates/index.hbs`, the page that links every published sheet. */
  indexPage: SourceFile | null;
  /** `templates/figures.hbs`, the figures ledger as a page. */
  figuresPage: SourceFile | null;
}

export async function readTemplates(root: string): Promise<TemplatesSources> {
  const dir = path.join(root, TEMPLATES_DIR);
  const templates: TemplateSource[] = [];
  for (const entry of await listDir(dir)) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    templates.push(await readTemplate(root, entry.name));
  }
  return { templates, indexPage: await readSource(root, `${TEMPLATES_DIR}/index.hbs`), figuresPage: await readSource(root, `${TEMPLATES_DIR}/figures.hbs`) };
}

async function readTemplate(root: string, name: string): Promise<TemplateSource> {
  const base = `${TEMPLATES_DIR}/${name}`;
  const partials: SourceFile[] = [];
  for (const entry of await listDir(path.join(root, base, 'partials'))) {
    if (entry.isFile() && entry.name.endsWith('.hbs')) {
      const file = await readSource(root, `${base}/partials/${entry.name}`);
      if (file) partials.push(file);
    }
  }
  const assets = new Map<string, string>();
  for (const entry of await listDir(path.join(root, base, 'assets'))) {
    if (entry.isFile() && entry.name.endsWith('.svg')) assets.set(entry.name, await readFile(path.join(root, base, 'assets', entry.name), 'utf8'));
  }
  const style = await readSource(root, `${base}/style.yaml`);
  return {
    name,
    dir: path.join(root, base),
    page: await readSource(root, `${base}/page.hbs`),
    partials,
    style,
    labels: await readSource(root, `${base}/labels.yaml`),
    assets,
    fonts: await readFonts(root, path.join(root, base), style?.text ?? null),
  };
}
