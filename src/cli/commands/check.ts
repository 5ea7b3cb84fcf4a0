import { checkProject } from '../../check/check-project.js';
import { readProject } from '../../sources/read-project.js';
import type { Io } from '../io.js';
import type { ReporterName } from '../reporters.js';
import { exitStatus, report } from '../report.js';
import { plural } from '../text-reporter.js';

export async function runCheck(root: string, reporter: ReporterName, strict: boolean, io: Io): Promise<number> {
  const sources = await readProject(root);
  const result = await checkProject(sources);
  const languages = new Set(sources.sheets.map((s) => s.lang)).size;
  const ids = new Set(sources.sheets.map((s) => s.id)).size;
  report(io, reporter, result.diagnostics, `checked ${plural(ids, 'sheet')} in ${plural(languages, 'language')}`);
  return exitStatus(result.diagnostics, strict);
}
