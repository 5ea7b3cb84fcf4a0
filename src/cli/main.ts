import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkProject } from '../check/check-project.js';
import { hasErrors } from '../model/diagnostic.js';
import { readProject } from '../sources/read-project.js';
import { formatDiagnostic, plural, summarize } from './text-reporter.js';
import { USAGE } from './usage.js';

export interface Io {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** Runs the command line and returns the exit code; the only place that decides one. */
export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  const [command, ...rest] = positionals;
  if (!command) return usageError(io, 'no command given');
  if (rest.length > 0) return usageError(io, `unexpected argument "${rest[0]}"`);
  const root = path.resolve(io.cwd, values.root ?? '.');

  try {
    switch (command) {
      case 'check':
        return await runCheck(root, io);
      default:
        return usageError(io, `unknown command "${command}"`);
    }
  } catch (error) {
    // Bad input is reported as diagnostics; what reaches here is the environment (an unreadable folder, a full disk).
    io.stderr.write(`factsheet: ${(error as Error).message ?? String(error)}\n`);
    return EXIT_ERRORS;
  }
}

async function runCheck(root: string, io: Io): Promise<number> {
  const sources = await readProject(root);
  const result = await checkProject(sources);
  for (const d of result.diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
  const languages = new Set(sources.sheets.map((s) => s.lang)).size;
  const ids = new Set(sources.sheets.map((s) => s.id)).size;
  io.stderr.write(`checked ${plural(ids, 'sheet')} in ${plural(languages, 'language')}: ${summarize(result.diagnostics)}\n`);
  return hasErrors(result.diagnostics) ? EXIT_ERRORS : EXIT_OK;
}

function usageError(io: Io, message: string): number {
  io.stderr.write(`factsheet: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

function version(): string {
  const manifest = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
