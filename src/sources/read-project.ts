import path from 'node:path';
import type { SourceFile } from '../text/source-file.js';
import { listDir, readSource } from './files.js';
import { readTemplates, type TemplatesSources } from './read-templates.js';

/** One sheet file as found on disk: `sources/<id>/<lang>.md`, names not yet validated. */
export interface SheetSource {
  id: string;
  lang: string;
  file: SourceFile;
}

export interface BoilerplateSource {
  lang: string;
  file: SourceFile;
}

/** Everything the check reads, loaded into memory so later stages never touch the disk. */
export interface ProjectSources {
  root: string;
  config: SourceFile | null;
  figures: SourceFile | null;
  boilerplate: BoilerplateSource[];
  sheets: SheetSource[];
  /** `sources/<id>/translations.lock.yaml` by sheet id: what each translation was reviewed against. */
  locks: Map<string, SourceFile>;
  templates: TemplatesSources;
}

export const SOURCES_DIR = 'sources';
/** The review lock of a sheet's translations, beside its Markdown files. */
export const REVIEW_LOCK = 'translations.lock.yaml';

export async function readProject(root: string): Promise<ProjectSources> {
  const sourcesDir = path.join(root, SOURCES_DIR);
  const [config, figures] = await Promise.all([readSource(root, 'factsheet.yaml'), readSource(root, `${SOURCES_DIR}/figures.yaml`)]);
  const boilerplate: BoilerplateSource[] = [];
  const sheets: SheetSource[] = [];
  const locks = new Map<string, SourceFile>();

  for (const entry of await listDir(sourcesDir)) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = `${SOURCES_DIR}/${entry.name}`;
    const boilerplateDir = entry.name === 'boilerplate';
    for (const child of await listDir(path.join(root, dir))) {
      if (!boilerplateDir && child.isFile() && child.name === REVIEW_LOCK) {
        const lock = await readSource(root, `${dir}/${child.name}`);
        if (lock) locks.set(entry.name, lock);
        continue;
      }
      const extension = boilerplateDir ? '.yaml' : '.md';
      if (!child.isFile() || child.name.startsWith('.') || !child.name.endsWith(extension)) continue;
      const file = await readSource(root, `${dir}/${child.name}`);
      if (!file) continue;
      const lang = child.name.slice(0, -extension.length);
      if (boilerplateDir) boilerplate.push({ lang, file });
      else sheets.push({ id: entry.name, lang, file });
    }
  }
  const templates = await readTemplates(root);
  return { root, config, figures, boilerplate, sheets, locks, templates };
}
