import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Location } from '../model/position.js';
import type { FactSheet } from '../model/fact-sheet.js';
import type { Template } from '../model/template.js';
import { htmlRenderer } from '../render/html/index.js';
import { outputBytes } from '../render/renderer.js';
import { sheetView } from '../render/view.js';
import { outputDiagnostics } from '../verify/index.js';

/**
 * Renders the web page of every sheet version (in memory, a few milliseconds each) and
 * reports what would keep the build from publishing it: a page template that makes
 * invalid HTML, drops a block of the sheet or a figure. `check` then says what `build`
 * would fail on; the PDF and Word documents, slower to make, are covered by the checks
 * of their inputs (fonts, glyphs, styles).
 */
export async function webPageProblems(sheets: readonly FactSheet[], templates: ReadonlyMap<string, Template>): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const sheet of sheets) {
    const template = templates.get(sheet.meta.template);
    if (!template || !template.labels.has(sheet.lang)) continue;
    const languages = sheets.filter((s) => s.id === sheet.id).map((s) => s.lang);
    let bytes: Uint8Array;
    try {
      bytes = outputBytes(await htmlRenderer.render(sheetView(sheet, template, { languages })));
    } catch (error) {
      // The template checks report what they can see; anything else the page template trips on is reported at it.
      const message = ((error as Error).message.split('\n')[0] ?? '').replace(/ in \[object Object\]/, '').replace(/ - \d+:\d+$/, '');
      problems.push(diagnostic('error', 'render-failed', pageLocation(template), `the web page of sheet "${sheet.id}" (${sheet.lang}) cannot be made: ${message}`));
      continue;
    }
    problems.push(...(await outputDiagnostics(sheet, 'html', bytes)).diagnostics);
  }
  return problems;
}

function pageLocation(template: Template): Location {
  const start = { line: 1, column: 1, offset: 0 };
  return { file: `templates/${template.name}/page.hbs`, start, end: start };
}
