import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/check/index.js';
import { FIXTURES, REPO } from './helpers/project.js';
import { reportedRules, type ReportedRule } from './helpers/reported-rules.js';

/**
 * Rules that no fixture of test/fixtures/rules/ can show, since that test only checks
 * sources: each is reported by the build, and proved by the test named here.
 */
const NO_FIXTURE: Record<string, { why: string; test: [file: string, name: string] }> = {
  'output-changed': { why: 'the build finds it in its output folder', test: ['test/output-folder.test.ts', 'an output changed by hand after the build wrote it is not deleted with its source'] },
  'output-write-failed': { why: 'a disk error of the build', test: ['test/output-folder.test.ts', 'an output path that is a folder is reported with its path'] },
  'output-invalid': { why: 'the build reads its outputs back', test: ['test/well-formed.test.ts', 'a page template that makes invalid HTML fails the build of its sheets'] },
  'output-mismatch': { why: 'the build reads its outputs back; only a faulty renderer makes it', test: ['test/translations.test.ts', 'fail the sheet, naming sheet, language, format and figure'] },
  // A defect, not an answer to input: the fuzz test builds mutated sources and requires that it never appears.
  'render-failed': { why: 'no input may cause it', test: ['test/fuzz.test.ts', "expect(output).not.toContain('[render-failed]')"] },
};

const registered = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule table of README's "Diagnostics" section: ids (several a row) with a severity and a description. */
function readmeRules(): Array<{ ids: string[]; severity: string; description: string; row: string }> {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Diagnostics\n'), readme.indexOf('\n## ', readme.indexOf('\n## Diagnostics\n') + 1));
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.map((row) => {
    const cells = /^\| ((?:`[a-z0-9-]+`(?:, )?)+) \| ([a-z]+) \| (.*) \|$/.exec(row);
    if (!cells) throw new Error(`README rule row not of the form "| \`id\`, \`id\` | error or warning | description |": ${row}`);
    return { ids: [...cells[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!), severity: cells[2]!, description: cells[3]!.trim(), row };
  });
}

/** The rule each fixture folder proves: its name, or the one its RULE file names. */
function fixtureRules(): Map<string, string[]> {
  const dir = path.join(FIXTURES, 'rules');
  const rules = new Map<string, string[]>();
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name, 'RULE');
    const rule = existsSync(file) ? readFileSync(file, 'utf8').trim() : name;
    rules.set(rule, [...(rules.get(rule) ?? []), name]);
  }
  return rules;
}

describe('the rule catalogue', () => {
  let reported: ReportedRule[] | null = null;
  // Read once: compiling the sources takes a while.
  const sources = () => (reported ??= reportedRules());

  it('registers each rule once', () => {
    expect(RULES.length).toBe(registered.size);
    for (const rule of RULES) {
      expect(rule.id, rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.description.trim(), rule.id).not.toBe('');
    }
  });

  it('registers every rule id the sources report, with the severity they report it with', () => {
    const found = sources();
    expect(found.length).toBeGreaterThan(RULES.length);
    const unregistered = found.filter((r) => !registered.has(r.id)).map((r) => `${r.id} (${r.at})`);
    expect(unregistered, 'rule ids reported in src/ but missing from RULES in src/check/rules.ts').toEqual([]);
    const wrong = found.filter((r) => {
      const rule = registered.get(r.id)!;
      return r.severity !== null && r.severity !== rule.severity && !(r.severity === 'warning' && rule.warningWhen);
    });
    expect(wrong.map((r) => `${r.id} is a ${r.severity} at ${r.at}, registered as ${registered.get(r.id)!.severity}`)).toEqual([]);
  });

  it('registers no rule that nothing reports', () => {
    const found = new Set(sources().map((r) => r.id));
    expect(RULES.filter((rule) => !found.has(rule.id)).map((rule) => rule.id)).toEqual([]);
  });

  it("is README's rule table: the same ids, each once, with the same severity and a description", () => {
    const rows = readmeRules();
    const listed = rows.flatMap((row) => row.ids.map((id) => ({ id, ...row })));
    expect(listed.map((r) => r.id).sort()).toEqual([...registered.keys()].sort());
    for (const { id, severity, description, row } of listed) {
      expect(severity, `README gives ${id} the severity "${severity}": ${row}`).toBe(registered.get(id)!.severity);
      expect(description, row).not.toBe('');
    }
  });

  it('proves every rule with a fixture, or names the test that does', () => {
    const fixtures = fixtureRules();
    const unproved = RULES.filter((rule) => !fixtures.has(rule.id) && !NO_FIXTURE[rule.id]).map((rule) => rule.id);
    expect(unproved, 'rules with no folder under test/fixtures/rules/ (nor a RULE file naming them)').toEqual([]);
    const strays = [...fixtures].filter(([rule]) => !registered.has(rule)).map(([rule, dirs]) => `${dirs.join(', ')}: ${rule}`);
    expect(strays, 'fixture folders proving no registered rule').toEqual([]);
    for (const [id, { test: [file, name] }] of Object.entries(NO_FIXTURE)) {
      expect(registered.has(id), `${id} is not a registered rule`).toBe(true);
      expect(fixtures.has(id), `${id} has a fixture now: drop it from NO_FIXTURE`).toBe(false);
      expect(readFileSync(path.join(REPO, file), 'utf8'), `${file} no longer holds "${name}"`).toContain(name);
    }
  });
});
