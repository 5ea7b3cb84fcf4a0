import type { Diagnostic } from '../model/diagnostic.js';

/** `path:line:column: severity: message [rule-id]`, then the related places indented beneath. */
export function formatDiagnostic(d: Diagnostic): string {
  const at = (l: Diagnostic['location']) => `${l.file}:${l.start.line}:${l.start.column}`;
  const lines = [`${at(d.location)}: ${d.severity}: ${d.message} [${d.ruleId}]`];
  for (const related of d.related) lines.push(`  ${at(related.location)}: ${related.message}`);
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
