import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { FactSheet } from '../model/fact-sheet.js';
import type { Format } from '../render/renderer.js';
import { htmlText } from './html-text.js';
import { firstMissingBlock } from './text-order.js';
import { verifyOutput, type Miss } from './verify-output.js';
import { formatProblems } from './well-formed.js';

export const FORMAT_NAMES: Record<Format, string> = { pdf: 'PDF', docx: 'Word document', html: 'web page' };

/**
 * Everything that keeps one output of a sheet version from being published, as
 * diagnostics: not valid for its format (`output-invalid`), a web page without the
 * sheet's text in order (`output-invalid`), a figure it does not state as the model
 * does (`output-mismatch`). `misses` is null when the output could not be read for
 * figures at all (a PDF pdf.js cannot read is `output-invalid` too).
 *
 * A pure function of its arguments, which holds no state of the thread that calls it:
 * the build may call it in a render worker, next to the renderer.
 */
export async function outputDiagnostics(sheet: FactSheet, format: Format, bytes: Uint8Array): Promise<{ diagnostics: Diagnostic[]; misses: Miss[] | null }> {
  const what = `the ${FORMAT_NAMES[format]} of sheet "${sheet.id}" (${sheet.lang})`;
  const start = { line: 1, column: 1, offset: 0 };
  const head = { file: sheet.file, start, end: start };
  const invalid = formatProblems(format, bytes);
  if (invalid.length > 0) {
    return { diagnostics: [diagnostic('error', 'output-invalid', head, `${what} is not valid ${FORMAT_NAMES[format]} output: ${invalid.slice(0, 3).join('; ')}`)], misses: null };
  }
  const diagnostics: Diagnostic[] = [];
  if (format === 'html') {
    const missing = firstMissingBlock(sheet, htmlText(bytes));
    if (missing !== null) diagnostics.push(diagnostic('error', 'output-invalid', { file: sheet.file, ...missing.span }, `${what} does not hold the text ${JSON.stringify(clip(missing.text))} where the model has it`));
  }
  let misses: Miss[];
  try {
    misses = await verifyOutput(sheet, format, bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { diagnostics: [...diagnostics, diagnostic('error', 'output-invalid', head, `${what} is not valid ${FORMAT_NAMES[format]} output: ${reason}`)], misses: null };
  }
  for (const miss of misses) {
    diagnostics.push(
      diagnostic(
        'error',
        'output-mismatch',
        { file: sheet.file, start: miss.ref.span.start, end: miss.ref.span.end },
        `${what} does not state figure "${miss.ref.id}" as the model does: ${miss.reason}`,
      ),
    );
  }
  return { diagnostics, misses };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
