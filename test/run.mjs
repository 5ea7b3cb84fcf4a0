// Runs the suite with vitest and ends with the plain line "N passed, N failed".
// A test run must leave nothing behind in the system temp folder: what the tests made
// there (folders named factsheet-*) and did not remove fails the run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ours = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('factsheet-')));
const before = ours();
const dir = mkdtempSync(path.join(tmpdir(), 'factsheet-test-'));
const report = path.join(dir, 'report.json');
const run = spawnSync(
  'npx',
  ['--no-install', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0) + (results.numFailedTestSuites && !results.numFailedTests ? results.numFailedTestSuites : 0);
} catch {
  failed = 1;
}
rmSync(dir, { recursive: true, force: true });
const left = [...ours()].filter((name) => !before.has(name));
if (left.length > 0) {
  console.log(`the tests left ${left.length} folder(s) in ${tmpdir()}: ${left.slice(0, 5).join(', ')}`);
  for (const name of left) rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
