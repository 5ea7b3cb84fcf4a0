import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { parseLock } from '../src/check/translation/index.js';
import { readProject } from '../src/sources/index.js';
import { SourceFile } from '../src/text/source-file.js';
import { main } from '../src/cli/index.js';
import { runCli } from './helpers/cli.js';
import { REPO, makeProject } from './helpers/project.js';

const LOCK = 'sources/global-partners/translations.lock.yaml';

/** The repository published in a third language: global-partners gets a German version (the English text, which checks clean). */
function threeLanguages(): string {
  const root = makeProject(REPO);
  const config = path.join(root, 'factsheet.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('languages: [fr, en]', 'languages: [fr, en, de]'));
  copyFileSync(path.join(root, 'sources/boilerplate/en.yaml'), path.join(root, 'sources/boilerplate/de.yaml'));
  copyFileSync(path.join(root, 'sources/global-partners/en.md'), path.join(root, 'sources/global-partners/de.md'));
  return root;
}

function readLock(root: string) {
  const text = readFileSync(path.join(root, LOCK), 'utf8');
  return { text, ...parseLock(new SourceFile(LOCK, text), 'global-partners') };
}

/** A lock with a stale record of en (a hash no text has) beside the given de record. */
function writeLock(root: string, de: string): void {
  writeFileSync(path.join(root, LOCK), `en:\n  lead: [aaaaaaaaaaaa]\n${de}`);
}

async function statusLine(root: string, sheet: string): Promise<string> {
  const run = await runCli(['status', '--root', root]);
  return run.stdout.split('\n').find((line) => line.startsWith(`${sheet} `))!;
}

describe('mark-reviewed', () => {
  it.each([[['de']], [['en', 'de']], [[]]])('writes a lock the checker reads back, marking %j', async (langs) => {
    const root = threeLanguages();
    const run = await runCli(['mark-reviewed', 'global-partners', ...langs, '--root', root]);
    expect(run.code).toBe(0);
    const lock = readLock(root);
    // Each language has its own copy of the fingerprint: no YAML anchors or aliases, which a reader may not follow.
    expect(lock.text).not.toMatch(/[&*]/);
    expect(lock.diagnostics).toEqual([]);
    expect(lock.unreadable).toEqual(new Set());
    // Both were reviewed against the same original; each record also keeps its translation as reviewed (de is a copy of en).
    // The day of each record is the day it was marked: en, when not marked now, keeps the repository's.
    const { translation: deText, on: deOn, ...de } = lock.lock.get('de')!;
    const { translation: enText, on: enOn, ...en } = lock.lock.get('en')!;
    expect(de).toEqual(en);
    if (langs.length !== 1) expect(deOn).toEqual(enOn);
    expect(lock.lock.get('de')!.sections.get('lead')).toHaveLength(1);
    expect(deText!.sections.get('lead')![0]!.text).toMatch(/^Among its \{\{partners.total\}\} partner countries/);
    expect(deText!.title!.text).toBe('NATO’s partners across the globe');
    if (langs.length !== 1) expect(enText).toEqual(deText);
    const check = await runCli(['check', '--root', root]);
    expect(check.stdout).not.toMatch(/global-partners/);
    expect(check.code).toBe(0);
    expect(await statusLine(root, 'global-partners')).toMatch(/^global-partners\s+ok\s+ok\s+ok$/);
  });

  it('keeps the records it can read and replaces only the languages named', async () => {
    const root = threeLanguages();
    writeLock(root, 'de: 12\n');
    const run = await runCli(['mark-reviewed', 'global-partners', 'de', '--root', root]);
    expect(run.code).toBe(0);
    const lock = readLock(root);
    expect(lock.diagnostics).toEqual([]);
    // The record from before texts were kept is kept as it was, hashes only.
    expect(lock.lock.get('en')).toEqual({ sections: new Map([['lead', [{ hash: 'aaaaaaaaaaaa', text: null }]]]) });
    expect(lock.text).toMatch(/^en:\n  lead: \[aaaaaaaaaaaa\]$/m);
    expect(lock.lock.get('de')!.sections.size).toBe(3);
  });

  it('refuses to drop an unreadable record it is not asked to rewrite', async () => {
    const root = threeLanguages();
    writeLock(root, 'de: 12\n');
    const before = readFileSync(path.join(root, LOCK), 'utf8');
    const run = await runCli(['mark-reviewed', 'global-partners', 'en', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the review record of "de" in sources/global-partners/translations.lock.yaml cannot be read and would be lost');
    expect(run.stderr).toContain('"factsheet mark-reviewed global-partners de en"');
    expect(readFileSync(path.join(root, LOCK), 'utf8')).toBe(before);
  });

  it('refuses to mark some translations when the lock cannot be read, and rewrites it when marking all', async () => {
    const root = threeLanguages();
    writeFileSync(path.join(root, LOCK), 'en: [unclosed\n');
    const check = await runCli(['check', '--root', root]);
    expect(check.stdout).toMatch(/error: the review lock is not readable YAML: .* run "factsheet mark-reviewed global-partners" to rewrite this file \[review-lock-invalid\]/);

    const some = await runCli(['mark-reviewed', 'global-partners', 'en', '--root', root]);
    expect(some.code).toBe(1);
    expect(some.stderr).toContain('cannot be read, so the review records of "de" would be lost');
    expect(readFileSync(path.join(root, LOCK), 'utf8')).toBe('en: [unclosed\n');

    const all = await runCli(['mark-reviewed', 'global-partners', '--root', root]);
    expect(all.code).toBe(0);
    expect(readLock(root).lock.size).toBe(2);
    expect((await runCli(['check', '--root', root])).stdout).not.toMatch(/global-partners/);
  });
});

/** Runs the command line with the given environment, as the installed command passes it. */
async function runWithEnv(args: string[], env: Record<string, string>) {
  let stderr = '';
  const code = await main(args, { cwd: REPO, env, stdout: { write: () => {} }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stderr };
}

describe('who reviewed and when', () => {
  it('records the reviewer named by --by, else the login name, and the day of SOURCE_DATE_EPOCH; status --json shows them', async () => {
    const root = threeLanguages();
    const env = { USER: 'login-name', SOURCE_DATE_EPOCH: '1700000000' };
    expect((await runWithEnv(['mark-reviewed', 'global-partners', 'en', '--by', 'Ada Translator', '--root', root], env)).code).toBe(0);
    expect((await runWithEnv(['mark-reviewed', 'global-partners', 'de', '--root', root], env)).code).toBe(0);
    const lock = readLock(root);
    expect(lock.text).toMatch(/^en:\n  reviewed-by: Ada Translator\n  reviewed-on: 2023-11-14\n  original:\n    title: .+\n    date: \d{4}-\d\d-\d\d\n    sections:\n/m);
    expect([lock.lock.get('de')!.by, lock.lock.get('de')!.on]).toEqual(['login-name', '2023-11-14']);
    const status = JSON.parse((await runCli(['status', '--json', '--root', root])).stdout);
    const cells = status.sheets.find((s: { id: string }) => s.id === 'global-partners').languages;
    expect([cells.en.reviewedBy, cells.en.reviewedOn, cells.de.reviewedBy]).toEqual(['Ada Translator', '2023-11-14', 'login-name']);
    expect(cells.fr.reviewedBy).toBeUndefined();
  });

  it('refuses an empty --by', async () => {
    const root = threeLanguages();
    expect((await runWithEnv(['mark-reviewed', 'global-partners', '--by', ' ', '--root', root], {})).code).toBe(2);
  });
});

describe('a broken review lock', () => {
  it('leaves the original and the readable translations published, and the unreadable one unknown', async () => {
    const root = threeLanguages();
    const lock = readFileSync(path.join(root, LOCK), 'utf8');
    writeFileSync(path.join(root, LOCK), `${lock}de:\n  lead: 12\n`);
    const result = await checkProject(await readProject(root));
    const line = lock.split('\n').length + 1;
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.location.file}:${d.location.start.line} ${d.ruleId}`)).toEqual([`${LOCK}:${line} review-lock-invalid`]);
    expect(result.failedSheets.has('global-partners')).toBe(false);
    expect(result.sheets.filter((s) => s.id === 'global-partners').map((s) => s.lang).sort()).toEqual(['de', 'en', 'fr']);
    expect(result.reviewUnknown).toEqual(new Map([['global-partners', new Set(['de'])]]));
    expect(await statusLine(root, 'global-partners')).toMatch(/^global-partners\s+ok\s+ok\s+review record unreadable$/);
  });

  it('holds back in the build only the translation whose record cannot be read: the original and the others publish', async () => {
    const root = threeLanguages();
    expect((await runCli(['mark-reviewed', 'global-partners', '--root', root])).code).toBe(0);
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    const outputs = (lang: string) => ['pdf', 'docx', 'html'].map((f) => readFileSync(path.join(root, 'out', lang, `global-partners.${f}`)));
    const before = new Map(['fr', 'en', 'de'].map((lang) => [lang, outputs(lang)]));
    for (const lang of ['fr', 'en', 'de']) {
      const file = path.join(root, `sources/global-partners/${lang}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^tags: \[/m, 'tags: [edited, '));
    }
    writeFileSync(path.join(root, LOCK), readFileSync(path.join(root, LOCK), 'utf8').replace(/^de:\n(?: .*\n)*/m, 'de:\n  lead: 12\n'));
    const run = await runCli(['build', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/held back de\/global-partners \(its review record cannot be read; outputs left as they were\)/);
    const changed = (lang: string) => outputs(lang).map((bytes, i) => !bytes.equals(before.get(lang)![i]!));
    expect(changed('de')).toEqual([false, false, false]);
    expect(changed('fr')).toEqual([true, true, true]);
    expect(changed('en')).toEqual([true, true, true]);
  });

  it('tells to delete an unreadable record of a language the sheet is not translated into', async () => {
    const root = threeLanguages();
    writeFileSync(path.join(root, LOCK), `${readFileSync(path.join(root, LOCK), 'utf8')}it: 12\nde: 12\n`);
    const result = await checkProject(await readProject(root));
    expect(result.diagnostics.filter((d) => d.ruleId === 'review-lock-invalid').map((d) => d.message)).toEqual([
      'the record of "it" must map sections to texts: the sheet has no "it" translation: delete this record',
      'the record of "de" must map sections to texts: the review state of "de" is unknown; after reviewing, run "factsheet mark-reviewed global-partners de" to rewrite its record',
    ]);
    expect(result.reviewUnknown).toEqual(new Map([['global-partners', new Set(['de'])]]));
    const marked = await runCli(['mark-reviewed', 'global-partners', 'de', '--root', root]);
    expect(marked.code).toBe(0);
    expect([...readLock(root).lock.keys()].sort()).toEqual(['de', 'en']);
  });

  it('makes every translation unknown when it is not readable YAML', async () => {
    const root = threeLanguages();
    writeFileSync(path.join(root, LOCK), 'en: [unclosed\n');
    const result = await checkProject(await readProject(root));
    expect(result.failedSheets.has('global-partners')).toBe(false);
    expect(result.reviewUnknown).toEqual(new Map([['global-partners', 'all']]));
    expect(await statusLine(root, 'global-partners')).toMatch(/^global-partners\s+ok\s+review record unreadable\s+review record unreadable$/);
  });

  it('still reads a lock whose languages share one fingerprint through YAML aliases', () => {
    const text = 'de: &print\n  lead: [83b92eefbd47]\nen: *print\n';
    const lock = parseLock(new SourceFile(LOCK, text), 'global-partners');
    expect(lock.diagnostics).toEqual([]);
    expect(lock.lock.get('en')).toEqual({ sections: new Map([['lead', [{ hash: '83b92eefbd47', text: null }]]]) });
  });
});
