import { checkProject } from '../../check/check-project.js';
import { describeCell, projectStatus } from '../../check/status.js';
import { readProject } from '../../sources/read-project.js';
import { EXIT_ERRORS, EXIT_OK, type Io } from '../io.js';
import { formatDiagnostic } from '../text-reporter.js';
import { visibleText } from '../visible-text.js';

/** `factsheet status`: sheets by languages, each ok, missing, stale (which sections), unreviewed or errors (how many). */
export async function runStatus(root: string, json: boolean, io: Io): Promise<number> {
  const sources = await readProject(root);
  const result = await checkProject(sources);
  const status = projectStatus(sources, result);
  if (!status) {
    for (const d of result.diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
    return EXIT_ERRORS;
  }
  if (json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          sourceLanguage: status.sourceLanguage,
          languages: status.languages,
          sheets: status.rows.map((row) => ({ id: row.sheet, languages: Object.fromEntries(row.cells.map(({ lang, ...cell }) => [lang, cell])) })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const header = ['sheet', ...status.languages.map((l) => (l === status.sourceLanguage ? `${l} (original)` : l))];
    // Sheet ids are folder names and stale sections are headings of the sources: shown with controls escaped.
    const rows = status.rows.map((row) => [row.sheet, ...row.cells.map(describeCell)].map(visibleText));
    const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
    for (const line of [header, ...rows]) io.stdout.write(`${line.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
  }
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
}
