import type { Diagnostic } from '../model/diagnostic.js';
import { changeLines } from './change-lines.js';
import { visibleText } from './visible-text.js';

/**
 * `path:line:column: severity: message [rule-id]`, then the related places indented beneath,
 * each followed, when it is a change, by its old and new text further indented.
 * Paths and messages (which quote the sources) are printed with control and bidi characters escaped.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const at = (l: Diagnostic['location']) => `${visibleText(l.file)}:${l.start.line}:${l.start.column}`;
  const lines = [`${at(d.location)}: ${d.severity}: ${visibleText(d.message)} [${d.ruleId}]`];
  for (const related of d.related) {
    lines.push(`  ${at(related.location)}: ${visibleText(related.message)}`);
    if (related.change) lines.push(...changeLines(related.change).map((line) => `    ${line}`));
  }
  return lines.join('\n');
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
