import { markReviewed } from '../../build/mark-reviewed.js';
import { EXIT_ERRORS, EXIT_OK, UsageError, type Io } from '../io.js';
import { formatDiagnostic } from '../text-reporter.js';
import { visibleText } from '../visible-text.js';

/** `factsheet mark-reviewed SHEET [LANG...]`: the translations now match the original as it stands. */
export async function runMarkReviewed(root: string, args: string[], io: Io): Promise<number> {
  const [sheet, ...langs] = args;
  if (!sheet) throw new UsageError('mark-reviewed needs a sheet id, then optionally the languages reviewed');
  const result = await markReviewed(root, sheet, langs);
  if (!result.ok) {
    for (const d of result.diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
    if (result.diagnostics.length === 0) throw new UsageError(result.reason);
    io.stderr.write(`mark-reviewed: ${visibleText(result.reason)}; nothing was marked\n`);
    return EXIT_ERRORS;
  }
  io.stderr.write(`marked ${result.marked.join(', ')} of "${sheet}" reviewed against the ${result.sourceLanguage} original in ${result.file}\n`);
  return EXIT_OK;
}
