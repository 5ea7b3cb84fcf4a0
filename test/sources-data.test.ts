import { describe, expect, it } from 'vitest';
import { readProject } from '../src/sources/read-project.js';
import { sourcesAsData, sourcesFromData } from '../src/sources/sources-data.js';
import { SourceFile } from '../src/text/source-file.js';
import { REPO } from './helpers/project.js';

describe('sources as data', () => {
  it('cross threads (structured cloning) and come back as the same sources, files with their places and fonts shared as they were', async () => {
    const sources = await readProject(REPO);
    const back = sourcesFromData(structuredClone(sourcesAsData(sources)));
    expect(back).toEqual(sources);
    const sheet = back.sheets[0]!.file;
    expect(sheet).toBeInstanceOf(SourceFile);
    const at = sheet.text.indexOf('\n', 10) + 3;
    expect(sheet.location(at)).toEqual(sources.sheets[0]!.file.location(at));
    expect(back.config!.usable).toBe(true);
    const fonts = back.templates.templates[0]!.fonts;
    expect([...fonts.values()].some((font) => font.status === 'found' && font.bytes.length > 1000)).toBe(true);
  });

  it('keep a file that could not be used as it was read, problems included', () => {
    const broken = SourceFile.fromBytes('sources/x/fr.md', new Uint8Array([0x61, 0x0a, 0xff, 0x62]));
    const sources = { root: '/', config: broken, figures: null, boilerplate: [], countryNames: [], sheets: [], locks: new Map(), templates: { templates: [], indexPage: null, figuresPage: null }, refused: [] };
    const back = sourcesFromData(structuredClone(sourcesAsData(sources)));
    expect(back.config!.usable).toBe(false);
    expect(back.config!.problems).toEqual(broken.problems);
    expect(back.config!.text).toBe(broken.text);
  });
});
