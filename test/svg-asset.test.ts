import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { svgAssetProblems } from '../src/parse/index.js';
import { SourceFile } from '../src/text/index.js';
import { FIXTURES, REPO, makeProject } from './helpers/project.js';

const BASE = path.join(FIXTURES, 'base');

async function buildHtml(root: string) {
  const outDir = path.join(root, 'out');
  const report = await buildProject({ root, outDir, sheets: [], langs: [], formats: ['html'], sourceDateEpoch: null });
  return { report, page: (file: string) => (existsSync(path.join(outDir, file)) ? readFileSync(path.join(outDir, file), 'utf8') : null) };
}

describe('an SVG asset may only draw', () => {
  const problems = (svg: string) => svgAssetProblems(new SourceFile('mark.svg', svg)).map((d) => `${d.location.start.line}:${d.location.start.column} ${d.ruleId}`);
  const SVG = 'xmlns="http://www.w3.org/2000/svg"';

  it("accepts the repository's mark", () => {
    expect(problems(readFileSync(path.join(REPO, 'templates/factsheet/assets/mark.svg'), 'utf8'))).toEqual([]);
  });

  it('accepts gradients, local references, titles and an XML declaration', () => {
    const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <title>Mark &amp; co</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0h10"/></defs>
  <rect width="10" height="10" fill="url(#g)" style="stroke: #000; stroke-width: 1"/>
  <use href="#p"/><use xlink:href="#p"/>
  <!-- a comment -->
</svg>`;
    expect(problems(svg)).toEqual([]);
  });

  it.each([
    ['a DOCTYPE', `<!DOCTYPE svg>\n<svg ${SVG}/>`, ['1:1 template-asset-unsafe']],
    ['a style sheet instruction', `<?xml-stylesheet href="x.css"?><svg ${SVG}/>`, ['1:1 template-asset-unsafe']],
    ['a CDATA section', `<svg ${SVG}><title><![CDATA[><script>alert(1)</script>]]></title></svg>`, ['1:48 template-asset-unsafe']],
    ['a root other than svg', `<html ${SVG}/>`, ['1:1 template-asset-unsafe']],
    ['an element of another namespace', `<svg ${SVG}>\n  <h:p xmlns:h="http://www.w3.org/1999/xhtml"/></svg>`, ['2:3 template-asset-unsafe']],
    ['an attribute of another namespace', `<svg ${SVG} xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="x"/>`, ['1:86 template-asset-unsafe']],
    ['an image with a file path', `<svg ${SVG}><image href="/abs/file.png"/></svg>`, ['1:41 template-asset-unsafe']],
    ['an element inside a refused one, reported once', `<svg ${SVG}><a href="https://x"><script/></a></svg>`, ['1:41 template-asset-unsafe']],
    ['malformed XML', `<svg ${SVG}><g></svg>`, ['1:50 template-syntax']],
  ])('refuses %s', (_, svg, expected) => expect(problems(svg)).toEqual(expected));

  it('a mark with a script publishes no page', async () => {
    const root = makeProject(BASE);
    writeFileSync(path.join(root, 'templates/factsheet/assets/mark.svg'), `<svg ${SVG} onload="alert(1)"><script>alert(2)</script></svg>`);
    const { report, page } = await buildHtml(root);
    expect(report.diagnostics.filter((d) => d.ruleId === 'template-asset-unsafe').map((d) => d.location.file)).toEqual([
      'templates/factsheet/assets/mark.svg',
      'templates/factsheet/assets/mark.svg',
    ]);
    expect(report.failed).toEqual(['sample']);
    expect(page('en/sample.html')).toBeNull();
  });
});
