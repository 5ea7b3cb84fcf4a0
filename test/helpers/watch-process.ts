import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO } from './project.js';

/** `bin/factsheet.js` running in the background (watch, serve), with what it printed so far. */
export interface Running {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with what `pattern` matched once the output (stdout then stderr) holds it. */
  waitFor(pattern: RegExp, what: string): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** How long a wait for the process may take: generous, the machine may be loaded. */
const PATIENCE_MS = 180_000;

export function startBin(args: string[], cwd: string): Running {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/factsheet.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitFor(pattern, what) {
      const started = Date.now();
      for (;;) {
        const match = pattern.exec(out) ?? pattern.exec(err);
        if (match) return match;
        if (ended || Date.now() - started > PATIENCE_MS) {
          throw new Error(`${ended ? 'the process ended' : 'gave up waiting'} before ${what}\n--- stdout\n${out}\n--- stderr\n${err}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Ends the process if it still runs, and waits for it. */
export async function stopBin(running: Running | undefined): Promise<void> {
  if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill('SIGKILL');
  await running.exited;
}
