import { parseConfig } from '../parse/config.js';
import type { ProjectSources } from '../sources/read-project.js';
import { UsageError } from './io.js';

/** The sheets and languages a command line names must exist: a typo is a usage error, not an empty build. */
export function checkNamedSheets(sources: ProjectSources, selection: { sheets: readonly string[]; langs: readonly string[] }): void {
  const known = new Set(sources.sheets.map((s) => s.id));
  const unknownSheet = selection.sheets.find((id) => !known.has(id));
  if (unknownSheet) throw new UsageError(`no sheet "${unknownSheet}" in sources/ (sheets: ${[...known].sort().join(', ')})`);
  const languages = sources.config ? parseConfig(sources.config).config?.languages : undefined;
  const unknownLang = languages && selection.langs.find((lang) => !languages.includes(lang));
  if (unknownLang) throw new UsageError(`"${unknownLang}" is not one of the project's languages (${languages.join(', ')})`);
}
