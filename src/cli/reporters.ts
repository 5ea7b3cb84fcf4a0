import type { Diagnostic } from '../model/diagnostic.js';
import { changeLines } from './change-lines.js';
import { formatDiagnostic } from './text-reporter.js';
import { visibleText } from './visible-text.js';

export const REPORTERS = ['text', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** Diagnostics as plain data, for `--reporter json` and for editors and scripts. */
export function diagnosticJson(d: Diagnostic) {
  const place = (l: Diagnostic['location']) => ({ file: l.file, line: l.start.line, column: l.start.column, endLine: l.end.line, endColumn: l.end.column });
  return {
    ...place(d.location),
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    related: d.related.map((r) => ({ ...place(r.location), message: r.message, ...(r.change ? { change: r.change } : {}) })),
  };
}

/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on its
 * line; related places follow in the message, since an annotation has one place.
 */
export function formatGithub(d: Diagnostic): string {
  const { start, end } = d.location;
  const file = visibleText(d.location.file);
  const properties = [`file=${file}`, `line=${start.line}`, `col=${start.column}`];
  if (end.line > start.line || end.column > start.column) properties.push(`endLine=${end.line}`, `endColumn=${end.column}`);
  properties.push(`title=${d.ruleId}`);
  const related = d.related
    .map((r) => `\n${visibleText(r.location.file)}:${r.location.start.line}:${r.location.start.column}: ${visibleText(r.message)}${(r.change ? changeLines(r.change) : []).map((line) => `\n  ${line}`).join('')}`)
    .join('');
  return `::${d.severity} ${properties.map(escapeProperty).join(',')}::${escapeData(visibleText(d.message) + related)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(property: string): string {
  const at = property.indexOf('=');
  return property.slice(0, at + 1) + escapeData(property.slice(at + 1)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The lines a reporter prints for a list of diagnostics (json prints one document instead). */
export function diagnosticLines(reporter: Exclude<ReporterName, 'json'>, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(reporter === 'github' ? formatGithub : formatDiagnostic);
}
