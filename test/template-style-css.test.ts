import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { isFontFamilyList } from '../src/parse/css-font-family.js';
import { FIXTURES, makeProject } from './helpers/project.js';

const BASE = path.join(FIXTURES, 'base');

async function buildHtml(root: string) {
  const outDir = path.join(root, 'out');
  const report = await buildProject({ root, outDir, sheets: [], langs: [], formats: ['html'], sourceDateEpoch: null });
  return { report, page: (file: string) => (existsSync(path.join(outDir, file)) ? readFileSync(path.join(outDir, file), 'utf8') : null) };
}

describe('fonts.css is a font-family list and nothing more', () => {
  it.each([
    '"Source Sans 3", "Source Sans Pro", "Segoe UI", "Helvetica Neue", Arial, sans-serif',
    'serif',
    "Segoe UI, 'Noto Sans Arabic',system-ui",
    '"微软雅黑", sans-serif',
  ])('accepts %s', (value) => expect(isFontFamilyList(value)).toBe(true));

  it.each([
    'x}</style><script>alert(1)</script>',
    'Arial; } body { background: url(https://example.org/x.png)',
    '"Arial\\", serif',
    "'</style>'",
    'Arial,',
    '',
    'expression(alert(1))',
    '"a\nb"',
  ])('rejects %j', (value) => expect(isFontFamilyList(value)).toBe(false));

  it('a style that would inject script publishes no page', async () => {
    const root = makeProject(BASE);
    const style = path.join(root, 'templates/factsheet/style.yaml');
    writeFileSync(style, readFileSync(style, 'utf8').replace(/^ {2}css: .*$/m, `  css: 'x}</style><script>alert(1)</script>'`));
    const { report, page } = await buildHtml(root);
    expect(report.diagnostics.map((d) => `${d.location.file} ${d.ruleId}`)).toContain('templates/factsheet/style.yaml template-style-invalid');
    expect(report.failed).toEqual(['sample']);
    expect(page('en/sample.html')).toBeNull();
  });
});
