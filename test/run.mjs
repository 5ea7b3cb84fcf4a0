// Runs the suite with vitest and ends with the plain line "N passed, N failed".
// The tests get a temp folder of their own (TMPDIR), removed at the end, so a run leaves
// nothing in the system temp folder; whatever the tests left in it fails the run. Not
// every program takes its temp folder from TMPDIR (Java keeps its performance data in
// /tmp/hsperfdata_<user>, say): what appears in the system temp folder during the run,
// owned by this user, fails it too, and is named, not removed.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const system = tmpdir();
const before = new Set(readdirSync(system));
const dir = mkdtempSync(path.join(system, 'factsheet-test-'));
const report = path.join(dir, 'report.json');
const temp = path.join(dir, 'tmp');
mkdirSync(temp);
const run = spawnSync(
  'npx',
  ['--no-install', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, TMPDIR: temp } },
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
const left = readdirSync(temp);
if (left.length > 0) {
  console.log(`the tests left ${left.length} file(s) or folder(s) in the temp folder: ${left.slice(0, 5).join(', ')}`);
  failed += 1;
}
rmSync(dir, { recursive: true, force: true });
const strays = readdirSync(system).filter((name) => !before.has(name) && ownedHere(path.join(system, name)));
if (strays.length > 0) {
  console.log(`the tests left ${strays.length} file(s) or folder(s) in the system temp folder ${system}: ${strays.slice(0, 5).join(', ')}`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);

/** Whether this user owns the file: another user's programs are not the tests'. */
function ownedHere(file) {
  try {
    return process.getuid === undefined || lstatSync(file).uid === process.getuid();
  } catch {
    return false;
  }
}
