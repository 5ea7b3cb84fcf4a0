import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { REPO, makeProject } from './helpers/project.js';

/** ESC, a C1 control, and the bidi controls a terminal would act on instead of showing. */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The repository with control characters in a source's text and in a sheet folder's name. */
function hostile(): string {
  const root = makeProject(REPO);
  const en = path.join(root, 'sources/partnerships/en.md');
  // YAML's own escapes: ESC, RIGHT-TO-LEFT OVERRIDE, NEXT LINE (C1); the template-unknown message quotes the name.
  writeFileSync(en, readFileSync(en, 'utf8').replace(/^title:/m, 'template: "fact\\e[2Jsheet\\u202E\\x85"\ntitle:'));
  mkdirSync(path.join(root, 'sources/Bad\u001b]0;title\u0007'));
  writeFileSync(path.join(root, 'sources/Bad\u001b]0;title\u0007/fr.md'), '---\ntitle: x\n---\n');
  return root;
}

describe('the text and github reporters', () => {
  it.each(['text', 'github'])('%s escapes control and bidi characters of sources and paths visibly', async (reporter) => {
    const run = await runCli(['check', '--reporter', reporter, '--root', hostile()]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(CONTROLS);
    expect(run.stdout).toContain('fact\\u{1b}[2Jsheet\\u{202e}\\u{85}');
    expect(run.stdout).toContain('sources/Bad\\u{1b}]0;title\\u{7}/fr.md');
  });

  it('the build summary escapes them too', async () => {
    const root = hostile();
    const run = await runCli(['build', '--root', root, '--out', path.join(root, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Bad\\u{1b}]0;title\\u{7}');
    expect(run.stdout + run.stderr).not.toMatch(CONTROLS);
  });

  it('status escapes them too', async () => {
    const run = await runCli(['status', '--root', hostile()]);
    expect(run.stdout).not.toMatch(CONTROLS);
    expect(run.stdout).toContain('Bad\\u{1b}]0;title\\u{7}');
  });
});
