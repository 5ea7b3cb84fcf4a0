import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { REPO, makeProject } from './helpers/project.js';
import { qpdfCheck } from './helpers/read-back.js';

/**
 * Builds mutated copies of the repository and checks what no input may cause: an
 * exit status other than 0 or 1, a stack trace, a published file that independent
 * readers reject, or a failed sheet whose outputs were touched. A failure prints
 * fast-check's seed and path; `fc.assert(..., { seed, path })` replays it. FUZZ_RUNS=n
 * runs more cases than the suite's few.
 */

const SHEET = 'partnerships';
const TARGETS = [`sources/${SHEET}/en.md`, `sources/${SHEET}/fr.md`, 'sources/figures.yaml', 'sources/boilerplate/fr.yaml'];
const BUILD = ['build', '--sheet', SHEET];

const PIECES = [
  // Characters that trouble text formats: controls, noncharacters, a lone surrogate, emoji, right-to-left text.
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ufffe', '\uffff', '\ud800', '\u200b', '\u202e', '😀', '👩‍👩‍👧', 'مرحبا', 'שלום', '\r', '\t',
  // Markdown.
  '**', '*', '_', '[', '](', '](javascript:x)', '# ', '\n## ', '\n- ', '\n1. ', '\n> ', '\n```\n', '<b>', '<!--', '\n| a | b |\n|---|---|\n', '\\', '^x^', '  \n',
  // Figure references and Handlebars.
  '{{', '}}', '{{partners.total}}', '{{words allies.count}}', '{{month partners.total}}', '{{#if x}}', '{{> p}}', '{{{x}}}', '{{!-- c --}}',
  // YAML.
  '\n: x', '\n- ', '&a ', '*a ', '"', "'", '{', '[', '\n---\n', '!!binary ',
];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number };

const text = fc.oneof(
  fc.constantFrom(...PIECES),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
);
// A fraction of the file's length, so one edit means the same place in any file; unbiased, as
// fast-check's bias towards small numbers would edit nothing but the first line.
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 400 }) }),
);
const mutation = fc.record({ file: fc.constantFrom(...TARGETS), edits: fc.array(edit, { minLength: 1, maxLength: 3 }) });

function apply(source: string, edits: readonly Edit[]): string {
  let out = source;
  for (const e of edits) {
    const at = Math.floor(e.at * (out.length + 1));
    if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else out = out.slice(0, at) + out.slice(at, at + e.length) + out.slice(at);
  }
  return out;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Why an output is not valid when read back by a reader that is not ours, or null. */
function invalid(file: string): string | null {
  if (file.endsWith('.pdf')) {
    const check = qpdfCheck(file);
    return check.status === 0 ? null : `qpdf --check: ${check.output}`;
  }
  if (file.endsWith('.docx')) {
    const parts = unzipSync(readFileSync(file));
    for (const [name, bytes] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const run = spawnSync('xmllint', ['--noout', '-'], { input: bytes, encoding: 'utf8' });
      if (run.status !== 0) return `xmllint ${name}: ${run.stderr}`;
    }
    return null;
  }
  if (file.endsWith('.html')) {
    const errors: string[] = [];
    parse(readFileSync(file, 'utf8'), { onParseError: (error) => errors.push(`${error.code} at ${error.startLine}:${error.startCol}`) });
    return errors.length === 0 ? null : `parse5: ${errors.join(', ')}`;
  }
  return null;
}

describe('fuzz: build of mutated sources', () => {
  let built: string;
  const runs: string[] = [];

  beforeAll(async () => {
    built = makeProject(REPO);
    const first = await runCli([...BUILD, '--root', built]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
  });

  afterAll(() => {
    for (const dir of runs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 or 1, never with a stack trace, and publishes only valid files', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async ({ file, edits }) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'factsheet-fuzz-'));
        runs.push(dir);
        cpSync(built, dir, { recursive: true });
        const target = path.join(dir, file);
        writeFileSync(target, apply(readFileSync(target, 'utf8'), edits));
        const out = path.join(dir, 'out');
        const before = new Map(filesUnder(out).map((name) => [name, readFileSync(path.join(out, name))]));

        const run = await runCli([...BUILD, '--root', dir]);
        const output = run.stdout + run.stderr;
        expect([0, 1], output).toContain(run.code);
        expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(output).not.toMatch(/Maximum call stack|TypeError|RangeError|ReferenceError/);
        // The command line turns an unexpected exception into "factsheet: <message>" and exit 1, and the
        // build turns a renderer's into render-failed: neither is an answer to bad input.
        expect(output).not.toMatch(/^factsheet: /m);
        expect(output).not.toContain('[render-failed]');

        for (const name of filesUnder(out)) {
          expect(invalid(path.join(out, name)), name).toBeNull();
        }
        const failed = /failed (.+) \(outputs left as they were\)/.exec(output)?.[1]?.split(', ') ?? [];
        for (const sheet of failed) {
          for (const [name, bytes] of before) {
            if (path.basename(name).startsWith(`${sheet}.`)) expect(readFileSync(path.join(out, name)).equals(bytes), `${name} was touched`).toBe(true);
          }
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 12), endOnFailure: true },
    );
  }, 180_000);
});
