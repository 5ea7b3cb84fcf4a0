import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { pdfRenderer } from '../src/render/pdf/pdf-renderer.js';
import { sheetView } from '../src/render/index.js';
import { readProject } from '../src/sources/index.js';
import { pdfText } from '../src/verify/pdf-text.js';
import { REPO, makeProject } from './helpers/project.js';

describe('fonts are read once, by the sources stage', () => {
  it('the PDF renderer draws with the bytes it is given and opens no file: it works with the font files gone', async () => {
    const root = makeProject(REPO);
    const result = await checkProject(await readProject(root));
    const sheet = result.sheets.find((s) => s.id === 'global-partners' && s.lang === 'en')!;
    const template = result.templates.get('factsheet')!;
    const gone = { ...template, dir: path.join(root, 'gone'), style: { ...template.style, fonts: { ...template.style.fonts, files: { normal: '/gone/a.ttf', bold: '/gone/b.ttf', italics: '/gone/c.ttf', bolditalics: '/gone/d.ttf' } } } };
    rmSync(path.join(root, 'templates'), { recursive: true });
    const output = await pdfRenderer.render(sheetView(sheet, gone, { languages: ['fr', 'en'] }));
    expect(output.kind).toBe('binary');
    const text = await pdfText((output as { bytes: Uint8Array }).bytes);
    expect(text).toContain('partners');
  });
});
