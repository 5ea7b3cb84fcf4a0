import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import { diagnosticJson, diagnosticLines, type ReporterName } from './reporters.js';
import type { Io } from './io.js';
import { EXIT_ERRORS, EXIT_OK } from './io.js';
import { summarize } from './text-reporter.js';
import { visibleText } from './visible-text.js';

/**
 * Prints diagnostics with the chosen reporter. The text and github reporters print
 * lines on stdout and a summary on stderr; json prints one document on stdout with
 * `extra` (what a build wrote, say) beside the diagnostics. `shown` picks the diagnostics
 * the text and github reporters print (`build --quiet`).
 */
export function report(io: Io, reporter: ReporterName, diagnostics: readonly Diagnostic[], summary: string, extra: Record<string, unknown> = {}, shown: (d: Diagnostic) => boolean = () => true): void {
  if (reporter === 'json') {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.stdout.write(`${JSON.stringify({ ...extra, diagnostics: diagnostics.map(diagnosticJson), errors, warnings: diagnostics.length - errors }, null, 2)}\n`);
    return;
  }
  // The summary counts every problem, those a quiet build leaves unprinted too.
  for (const line of diagnosticLines(reporter, diagnostics.filter(shown))) io.stdout.write(`${line}\n`);
  // A summary names sheets, which are folder names.
  io.stderr.write(`${visibleText(summary)}: ${summarize(diagnostics)}\n`);
}

/** Errors fail; with --strict, warnings fail too. */
export function exitStatus(diagnostics: readonly Diagnostic[], strict: boolean): number {
  return hasErrors(diagnostics) || (strict && diagnostics.length > 0) ? EXIT_ERRORS : EXIT_OK;
}
