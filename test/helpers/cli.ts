import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/index.js';
import { REPO } from './project.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process, capturing what it prints. */
export async function runCli(args: string[], cwd: string = REPO): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Runs the installed `bin/factsheet.js` as a user would (needs `make compile` first). */
export function runBin(args: string[], cwd: string = REPO): CliResult {
  const run = spawnSync(process.execPath, [path.join(REPO, 'bin/factsheet.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
