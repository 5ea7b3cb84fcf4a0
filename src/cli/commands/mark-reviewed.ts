import { markReviewed } from '../../build/mark-reviewed.js';
import { sourceDateEpoch } from './build.js';
import { EXIT_ERRORS, EXIT_OK, UsageError, type Io } from '../io.js';
import { formatDiagnostic } from '../text-reporter.js';
import { visibleText } from '../visible-text.js';

/**
 * `factsheet mark-reviewed SHEET [LANG...] [--by NAME]`: the translations now match the original as it stands.
 * The reviewer is `--by`, else the login name in USER (or USERNAME); the day is today's, or that of
 * SOURCE_DATE_EPOCH when set, so a scripted run records the same day every time.
 */
export async function runMarkReviewed(root: string, args: string[], by: string | undefined, io: Io): Promise<number> {
  const [sheet, ...langs] = args;
  if (!sheet) throw new UsageError('mark-reviewed needs a sheet id, then optionally the languages reviewed');
  if (by !== undefined && by.trim() === '') throw new UsageError('--by needs the name of who reviewed');
  const epoch = sourceDateEpoch(io.env?.SOURCE_DATE_EPOCH);
  const on = new Date(epoch === null ? Date.now() : epoch * 1000).toISOString().slice(0, 10);
  const reviewer = (by ?? io.env?.USER ?? io.env?.USERNAME ?? '').trim() || null;
  const result = await markReviewed(root, sheet, langs, { by: reviewer, on });
  if (!result.ok) {
    for (const d of result.diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
    if (result.diagnostics.length === 0) throw new UsageError(result.reason);
    io.stderr.write(`mark-reviewed: ${visibleText(result.reason)}; nothing was marked\n`);
    return EXIT_ERRORS;
  }
  const who = reviewer ? ` by ${visibleText(reviewer)}` : '';
  io.stderr.write(`marked ${result.marked.join(', ')} of "${sheet}" reviewed${who} on ${on} against the ${result.sourceLanguage} original in ${result.file}\n`);
  return EXIT_OK;
}
