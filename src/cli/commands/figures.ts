import { checkProject } from '../../check/check-project.js';
import { figuresLedger, type LedgerEntry } from '../../figures/ledger.js';
import { readProject } from '../../sources/read-project.js';
import { EXIT_ERRORS, EXIT_OK, type Io } from '../io.js';
import { formatDiagnostic } from '../text-reporter.js';
import { visibleText } from '../visible-text.js';

/** `factsheet figures`: every figure, its value, date and derivation, and every place it is quoted. */
export async function runFigures(root: string, json: boolean, io: Io): Promise<number> {
  const result = await checkProject(await readProject(root));
  if (!result.registry) {
    for (const d of result.diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
    return EXIT_ERRORS;
  }
  const ledger = figuresLedger(result.registry, result.parsed);
  if (json) io.stdout.write(`${JSON.stringify({ figures: ledger }, null, 2)}\n`);
  else for (const entry of ledger) io.stdout.write(describeEntry(entry));
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
}

function describeEntry(entry: LedgerEntry): string {
  const facts = [entry.value === null ? 'no value' : `${entry.value}${entry.derived ? ' (derived)' : ''}`];
  if (entry.asOf) facts.push(`as of ${entry.asOf}`);
  if (entry.derivation?.kind === 'sum') facts.push(`= ${entry.derivation.parts.join(' + ')}`);
  if (entry.derivation?.kind === 'members') facts.push(`members ${entry.derivation.codes.join(' ')}`);
  const lines = [`${entry.id}: ${facts.join(', ')}`, `  defined at ${entry.definedAt.file}:${entry.definedAt.line}:${entry.definedAt.column}${entry.source ? ` (${entry.source})` : ''}`];
  // A figure with a history shows it, and which of its values each use quotes.
  const dated = entry.history.length > 1;
  if (dated) lines.push(`  values: ${entry.history.map(describeValue).join('; ')}`);
  if (entry.uses.length === 0) lines.push('  not used');
  for (const use of entry.uses) {
    const quoted = dated || use.afterSheet ? `  quotes ${describeValue(use)}${use.afterSheet ? ", dated after the sheet" : ''}` : '';
    lines.push(`  ${use.sheet} ${use.lang}  ${use.file}:${use.line}:${use.column}  ${JSON.stringify(use.text)}${quoted}`);
  }
  // The registry's `source` is free text from the sources.
  return `${lines.map(visibleText).join('\n')}\n`;
}

/** "28 as of 2013-02", "8 (derived) as of 2024-03: AU JP ..." */
function describeValue(value: { value: string | null; asOf: string | null; derived?: boolean; members?: string[] | null }): string {
  const number = value.value === null ? 'no value' : `${value.value}${value.derived ? ' (derived)' : ''}`;
  return `${number}${value.asOf ? ` as of ${value.asOf}` : ''}${value.members ? ` (${value.members.join(' ')})` : ''}`;
}
