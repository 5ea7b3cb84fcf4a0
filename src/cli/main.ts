import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildProject, type BuildOptions } from '../build/build-project.js';
import { checkProject } from '../check/check-project.js';
import { parseConfig } from '../parse/config.js';
import { FORMATS, type Format } from '../render/renderer.js';
import { hasErrors } from '../model/diagnostic.js';
import { readProject } from '../sources/read-project.js';
import { formatDiagnostic, plural, summarize } from './text-reporter.js';
import { USAGE } from './usage.js';

export interface Io {
  cwd: string;
  env?: Record<string, string | undefined>;
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
        sheet: { type: 'string', multiple: true },
        lang: { type: 'string', multiple: true },
        format: { type: 'string', multiple: true },
        out: { type: 'string' },
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
      case 'build': {
        const formats = parseFormats(values.format);
        if (typeof formats === 'string') return usageError(io, formats);
        return await runBuild(
          {
            root,
            outDir: path.resolve(io.cwd, values.out ?? path.join(root, 'out')),
            sheets: values.sheet ?? [],
            langs: values.lang ?? [],
            formats,
            sourceDateEpoch: sourceDateEpoch(io.env?.SOURCE_DATE_EPOCH),
          },
          io,
        );
      }
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

async function runBuild(options: BuildOptions, io: Io): Promise<number> {
  const sources = await readProject(options.root);
  const known = new Set(sources.sheets.map((s) => s.id));
  const unknownSheet = options.sheets.find((id) => !known.has(id));
  if (unknownSheet) return usageError(io, `no sheet "${unknownSheet}" in sources/ (sheets: ${[...known].sort().join(', ')})`);
  const languages = sources.config ? parseConfig(sources.config).config?.languages : undefined;
  const unknownLang = languages && options.langs.find((lang) => !languages.includes(lang));
  if (unknownLang) return usageError(io, `"${unknownLang}" is not one of the project's languages (${languages.join(', ')})`);
  const report = await buildProject(options);
  for (const d of report.diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
  const out = path.relative(io.cwd, options.outDir) || '.';
  for (const file of report.written) io.stdout.write(`wrote ${path.join(out, file)}\n`);
  const parts = [`${plural(report.written.length, 'file')} written`, `${report.unchanged.length} unchanged`];
  if (report.skipped.length > 0) parts.push(`skipped ${report.skipped.join(', ')}`);
  parts.push(report.failed.length > 0 ? `failed ${report.failed.join(', ')} (outputs left as they were)` : 'no sheet failed');
  io.stderr.write(`build: ${parts.join('; ')}; ${summarize(report.diagnostics)}\n`);
  return hasErrors(report.diagnostics) ? EXIT_ERRORS : EXIT_OK;
}

/** `--format pdf,docx --format html` in the order of FORMATS; a message for an unknown one. */
function parseFormats(values: string[] | undefined): Format[] | string {
  if (!values || values.length === 0) return [...FORMATS];
  const asked = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const unknown = asked.find((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown) return `unknown format "${unknown}" (formats: ${FORMATS.join(', ')})`;
  return FORMATS.filter((f) => asked.includes(f));
}

function sourceDateEpoch(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

function usageError(io: Io, message: string): number {
  io.stderr.write(`factsheet: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

function version(): string {
  const manifest = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
