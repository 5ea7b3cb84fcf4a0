import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBuild, parseFormats, parseJobs, outputMode, sourceDateEpoch } from './commands/build.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UsageError, type Io } from './io.js';
import { REPORTERS, type ReporterName } from './reporters.js';
import { USAGE } from './usage.js';
import { visibleText } from './visible-text.js';

export { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Io } from './io.js';

/** Which options each command takes, besides --root, --help and --version. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  check: ['reporter', 'strict'],
  build: ['reporter', 'strict', 'sheet', 'lang', 'format', 'out', 'force', 'jobs', 'quiet', 'verbose'],
  status: ['json'],
  figures: ['json'],
  'mark-reviewed': ['by'],
  watch: ['strict', 'sheet', 'lang', 'format', 'out', 'force', 'serve', 'port'],
  serve: ['strict', 'sheet', 'lang', 'format', 'out', 'force', 'port'],
};
/** Commands that take positional arguments. */
const TAKES_ARGUMENTS = new Set(['mark-reviewed']);

/** Runs the command line and returns the exit status; the only place that decides one. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`factsheet: ${visibleText(error.message)}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    // Bad input is reported as diagnostics; what reaches here is the environment (an unreadable folder, a full disk).
    io.stderr.write(`factsheet: ${visibleText((error as Error).message ?? String(error))}\n`);
    return EXIT_ERRORS;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        reporter: { type: 'string' },
        strict: { type: 'boolean' },
        json: { type: 'boolean' },
        sheet: { type: 'string', multiple: true },
        lang: { type: 'string', multiple: true },
        format: { type: 'string', multiple: true },
        out: { type: 'string' },
        force: { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        quiet: { type: 'boolean' },
        verbose: { type: 'boolean' },
        by: { type: 'string' },
        serve: { type: 'boolean' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
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
  const [command, ...args] = positionals;
  if (!command) throw new UsageError('no command given');
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) throw new UsageError(`unknown command "${command}"`);
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && name !== 'root' && !allowed.includes(name)) throw new UsageError(`"${command}" takes no --${name}`);
  }
  if (args.length > 0 && !TAKES_ARGUMENTS.has(command)) throw new UsageError(`unexpected argument "${args[0]}"`);
  const root = path.resolve(io.cwd, values.root ?? '.');
  const reporter = reporterOf(values.reporter);
  const strict = values.strict ?? false;

  // What build and watch share: the project, the output folder and the selection (read only by them).
  const buildOptions = () => ({
    root,
    outDir: path.resolve(io.cwd, values.out ?? path.join(root, 'out')),
    sheets: values.sheet ?? [],
    langs: values.lang ?? [],
    formats: parseFormats(values.format),
    sourceDateEpoch: sourceDateEpoch(io.env?.SOURCE_DATE_EPOCH),
    force: values.force ?? false,
    strict,
  });

  // Each command loads what it needs when it runs: a rebuild with nothing to do loads neither the checker nor the renderers.
  switch (command) {
    case 'check': {
      const { runCheck } = await import('./commands/check.js');
      return runCheck(root, reporter, strict, io);
    }
    case 'build':
      return runBuild(
        {
          ...buildOptions(),
          jobs: parseJobs(values.jobs),
        },
        reporter,
        strict,
        io,
        outputMode(values.quiet, values.verbose),
      );
    case 'watch':
    case 'serve': {
      if (command === 'watch' && values.port !== undefined && !values.serve) throw new UsageError('--port is for serving: add --serve, or run "factsheet serve"');
      const { parsePort, runWatch } = await import('./commands/watch.js');
      return runWatch(
        {
          ...buildOptions(),
          port: command === 'serve' || values.serve ? parsePort(values.port) : null,
        },
        io,
      );
    }
    case 'status': {
      const { runStatus } = await import('./commands/status.js');
      return runStatus(root, values.json ?? false, io);
    }
    case 'figures': {
      const { runFigures } = await import('./commands/figures.js');
      return runFigures(root, values.json ?? false, io);
    }
    default: {
      const { runMarkReviewed } = await import('./commands/mark-reviewed.js');
      return runMarkReviewed(root, args, values.by, io);
    }
  }
}

function reporterOf(value: string | undefined): ReporterName {
  if (value === undefined) return 'text';
  if (!(REPORTERS as readonly string[]).includes(value)) throw new UsageError(`unknown reporter "${value}" (reporters: ${REPORTERS.join(', ')})`);
  return value as ReporterName;
}

function version(): string {
  const manifest = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
