import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from './run-bench.js';
import { formatTable } from './table.js';

const USAGE = `usage: node dist/bench/cli.js [--sheets N] [--languages LIST] [--json FILE] [--work DIR] [--no-compare]

  --sheets N     sheets per language in the corpus (default 200, or BENCH_SHEETS)
  --languages L  the corpus's languages, some of the project's, comma-separated, the source
                 language among them (default all, or BENCH_LANGUAGES): fr,en for the goals
  --json FILE    where to write the results as JSON (default ${path.join(os.tmpdir(), 'factsheet-bench-results.json')})
  --work DIR     folder the temporary corpus is made in and removed from (default the system temp folder)
  --no-compare   do not run Pandoc and Chromium even when installed
`;

const REPO = path.resolve(import.meta.dirname, '..', '..');

/** `make bench`: runs the benchmark, prints the table, writes the JSON; returns the exit status. */
export async function benchMain(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { sheets: { type: 'string' }, languages: { type: 'string' }, json: { type: 'string' }, work: { type: 'string' }, 'no-compare': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const sheetsText = values.sheets ?? (env.BENCH_SHEETS || '200');
  if (!/^[1-9]\d*$/.test(sheetsText)) {
    process.stderr.write(`bench: --sheets must be a whole number of at least 1, found "${sheetsText}"\n\n${USAGE}`);
    return 2;
  }
  const languagesText = values.languages ?? (env.BENCH_LANGUAGES || '');
  const languages = languagesText === '' ? undefined : languagesText.split(',').map((lang) => lang.trim());
  if (languages?.some((lang) => lang === '')) {
    process.stderr.write(`bench: --languages must list language tags separated by commas, found "${languagesText}"\n\n${USAGE}`);
    return 2;
  }
  const json = path.resolve(values.json ?? path.join(os.tmpdir(), 'factsheet-bench-results.json'));
  const result = await runBench({
    repo: REPO,
    sheets: Number(sheetsText),
    ...(languages ? { languages } : {}),
    work: path.resolve(values.work ?? os.tmpdir()),
    compare: !values['no-compare'],
    log: (line) => process.stderr.write(`bench: ${line}\n`),
  });
  process.stdout.write(formatTable(result));
  mkdirSync(path.dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`results written to ${json}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  try {
    process.exitCode = await benchMain(process.argv.slice(2), process.env);
  } catch (error) {
    // A build that failed says why in its own report, which the error carries.
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
