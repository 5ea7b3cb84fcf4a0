import path from 'node:path';
import type { SourceFile } from '../text/source-file.js';
import { folderToRead, type ProjectFiles, type RefusedLink } from './files.js';
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
  /** `template.yaml`: the template this one extends, whose files it takes where it has none of its own. */
  manifest: SourceFile | null;
  /** SVG files of `assets/`, by file name. */
  assets: Map<string, SourceFile>;
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
  const style = await files.read(`${base}/style.yaml`);
  return {
    name,
    dir: path.join(files.root, base),
    page: await files.read(`${base}/page.hbs`),
    partials,
    style,
    labels: await files.read(`${base}/labels.yaml`),
    manifest: await files.read(`${base}/template.yaml`),
    assets,
    fonts: await readFonts(files.root, path.join(files.root, base), style?.usable ? style.text : null),
  };
}
