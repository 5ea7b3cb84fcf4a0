import type { SourceFile } from '../text/source-file.js';
import { folderToRead, ProjectFiles, type RefusedLink } from './files.js';
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
  /** `sources/names/<lang>.yaml`: the country names a language prints instead of CLDR's. */
  countryNames: BoilerplateSource[];
  sheets: SheetSource[];
  /** `sources/<id>/translations.lock.yaml` by sheet id: what each translation was reviewed against. */
  locks: Map<string, SourceFile>;
  templates: TemplatesSources;
  /** Folders that are links out of the project: not read. */
  refused: RefusedLink[];
}

export const SOURCES_DIR = 'sources';
/** Folders of `sources/` that hold one YAML file per language rather than a sheet. */
const LANGUAGE_DIRS = new Set(['boilerplate', 'names']);
/** The review lock of a sheet's translations, beside its Markdown files. */
export const REVIEW_LOCK = 'translations.lock.yaml';

export async function readProject(root: string): Promise<ProjectSources> {
  const files = new ProjectFiles(root);
  const refused: RefusedLink[] = [];
  const [config, figures] = await Promise.all([files.read('factsheet.yaml'), files.read(`${SOURCES_DIR}/figures.yaml`)]);
  const boilerplate: BoilerplateSource[] = [];
  const countryNames: BoilerplateSource[] = [];
  const sheets: SheetSource[] = [];
  const locks = new Map<string, SourceFile>();

  for (const entry of await files.list(SOURCES_DIR, refused)) {
    if (!folderToRead(entry, refused)) continue;
    const boilerplateDir = LANGUAGE_DIRS.has(entry.name);
    for (const child of await files.list(entry.path, refused)) {
      if (child.kind !== 'file') continue;
      if (!boilerplateDir && child.name === REVIEW_LOCK) {
        const lock = await files.read(child.path);
        if (lock) locks.set(entry.name, lock);
        continue;
      }
      const extension = boilerplateDir ? '.yaml' : '.md';
      if (child.name.startsWith('.') || !child.name.endsWith(extension)) continue;
      const file = await files.read(child.path);
      if (!file) continue;
      const lang = child.name.slice(0, -extension.length);
      if (entry.name === 'names') countryNames.push({ lang, file });
      else if (boilerplateDir) boilerplate.push({ lang, file });
      else sheets.push({ id: entry.name, lang, file });
    }
  }
  const templates = await readTemplates(files, refused);
  return { root, config, figures, boilerplate, countryNames, sheets, locks, templates, refused };
}
