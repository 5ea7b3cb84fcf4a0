import { beforeAll, describe, expect, it } from 'vitest';
import { pageKey, versionKeys, type VersionInputs, type VersionKeys } from '../src/build/output-key.js';
import { checkProject } from '../src/check/index.js';
import { figureRefsOf } from '../src/model/figure-refs.js';
import type { FactSheet } from '../src/model/index.js';
import { readProject, type ProjectSources, type SheetSource } from '../src/sources/read-project.js';
import { canonicalJson, plainJson } from '../src/text/canonical-json.js';
import { SourceFile } from '../src/text/source-file.js';
import { REPO } from './helpers/project.js';

let sources: ProjectSources;
let sheet: FactSheet;
let keys: VersionKeys;

beforeAll(async () => {
  sources = await readProject(REPO);
  sheet = (await checkProject(sources)).sheets.find((s) => s.id === 'partnerships' && s.lang === 'en')!;
  keys = versionKeys(sources);
});

describe('canonicalJson', () => {
  it('does not depend on the order properties and Map entries were added in', () => {
    expect(canonicalJson({ a: 1, b: [2, { c: 3, d: 4 }] })).toBe(canonicalJson({ b: [2, { d: 4, c: 3 }], a: 1 }));
    expect(canonicalJson(new Map([['x', 1], ['y', 2]]))).toBe(canonicalJson(new Map([['y', 2], ['x', 1]])));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
    expect(canonicalJson(['a', 'b'])).not.toBe(canonicalJson(['b', 'a']));
  });

  it('writes byte arrays as their hash, a Buffer like the same bytes in a Uint8Array', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(canonicalJson(bytes)).toMatch(/^\{"sha256":"[0-9a-f]{64}"\}$/);
    expect(canonicalJson(Buffer.from([1, 2, 3]))).toBe(canonicalJson(bytes));
    expect(canonicalJson(new Uint8Array([1, 2, 4]))).not.toBe(canonicalJson(bytes));
  });

  it('is JSON, and tells a string from the same text as a number', () => {
    const value = { text: 'a "quoted"\n line', n: 1.5, no: null, yes: true, list: [], when: new Date(Date.UTC(2013, 1, 21)) };
    expect(JSON.parse(canonicalJson(value))).toEqual({ list: [], n: 1.5, no: null, text: 'a "quoted"\n line', when: { date: '2013-02-21T00:00:00.000Z' }, yes: true });
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });

  it('refuses a value it cannot see into rather than leave it out of the key', () => {
    expect(() => canonicalJson({ render: () => 1 })).toThrow(/cannot key a function/);
    expect(() => canonicalJson({ pattern: /x/ })).toThrow(/cannot key an instance of RegExp/);
  });

  it('serialises any depth of nesting without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    const depth = 200_000;
    for (let i = 0; i < depth; i++) deep = { children: [deep] };
    expect(canonicalJson(deep) === `${'{"children":['.repeat(depth)}"leaf"${']}'.repeat(depth)}`).toBe(true);
  });

  it('writes a value the same whether it sits shallow or deep enough to be written by the explicit stack', () => {
    const value = { b: new Map<unknown, unknown>([['y', new Set([2, 1])], ['x', [new Date(0), new Uint8Array([1]), null, undefined, 'é', 1.5]]]), a: { z: undefined, w: true } };
    const shallow = canonicalJson(value);
    expect(shallow).toBe(
      '{"a":{"w":true},"b":{"map":[["x",[{"date":"1970-01-01T00:00:00.000Z"},{"sha256":"4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a"},null,null,"é",1.5]],["y",{"set":[1,2]}]]}}',
    );
    let deep: unknown = value;
    for (let i = 0; i < 1000; i++) deep = { k: deep };
    expect(canonicalJson(deep)).toBe(`${'{"k":'.repeat(1000)}${shallow}${'}'.repeat(1000)}`);
  });
});

describe('plainJson', () => {
  it('writes plain data as JSON does, in the order its properties were made', () => {
    const value = { b: [1, 'two', { c: null, d: true }], a: 'é "x"\n', e: [], f: {}, n: -0.5 };
    expect(plainJson(value)).toBe(JSON.stringify(value));
    expect(plainJson({ a: 1, b: 2 })).not.toBe(plainJson({ a: 1, b: 3 }));
  });

  it('refuses what JSON would write lossily, naming where it is', () => {
    expect(() => plainJson({ uses: new Map([['a', 1]]) })).toThrow(/instance of Map as plain data \(at "uses"\)/);
    expect(() => plainJson({ seen: new Set([1]) })).toThrow(/instance of Set/);
    expect(() => plainJson({ bytes: new Uint8Array([1]) })).toThrow(/instance of Uint8Array/);
    expect(() => plainJson({ count: Number.NaN })).toThrow(/cannot key NaN as plain data \(at "count"\)/);
    expect(() => plainJson([Infinity])).toThrow(/Infinity/);
    expect(() => plainJson({ render: () => 1 })).toThrow(/cannot key a function/);
    expect(() => plainJson({ big: 1n })).toThrow(/cannot key a bigint/);
  });
});

describe('pageKey', () => {
  const context = () => ({ title: 'Registre', figures: [{ id: 'partners.total', uses: [{ sheet: 'partnerships', text: '41', formats: [{ verified: true }] }] }] });

  it('is the same for the same page, template, context and tool, and changes with any of them', () => {
    const key = pageKey('fr/figures.html', '{{title}}', context(), 'tool');
    expect(pageKey('fr/figures.html', '{{title}}', context(), 'tool')).toBe(key);
    const changed = context();
    changed.figures[0]!.uses[0]!.formats[0]!.verified = false;
    expect(pageKey('fr/figures.html', '{{title}}', changed, 'tool')).not.toBe(key);
    expect(pageKey('en/figures.html', '{{title}}', context(), 'tool')).not.toBe(key);
    expect(pageKey('fr/figures.html', '{{title}} ', context(), 'tool')).not.toBe(key);
    expect(pageKey('fr/figures.html', '{{title}}', context(), 'other tool')).not.toBe(key);
  });

  it('refuses a context that is not plain data rather than key part of it', () => {
    expect(() => pageKey('index.html', '', { sheets: new Map() }, 'tool')).toThrow(/instance of Map/);
  });
});

describe('versionKeys', () => {
  const inputs = (sheet: FactSheet, change: Partial<VersionInputs> = {}): VersionInputs => ({ sheet, languages: ['en', 'fr'], format: 'pdf', sourceDateEpoch: null, ...change });
  const withFile = (file: SourceFile, text: string) => SourceFile.fromBytes(file.path, new TextEncoder().encode(text));

  it('is the same for a version read again from the same sources', async () => {
    const again = await checkProject(await readProject(REPO));
    const other = again.sheets.find((s) => s.id === sheet.id && s.lang === sheet.lang)!;
    expect(other).not.toBe(sheet);
    expect(versionKeys(await readProject(REPO))(inputs(other))).toBe(keys(inputs(sheet)));
  });

  it('changes with the format, SOURCE_DATE_EPOCH and the languages the page links', () => {
    const key = keys(inputs(sheet));
    expect(keys(inputs(sheet, { format: 'html' }))).not.toBe(key);
    expect(keys(inputs(sheet, { sourceDateEpoch: 0 }))).not.toBe(key);
    expect(keys(inputs(sheet, { languages: ['en'] }))).not.toBe(key);
  });

  it('changes with the text of a figure the version quotes', () => {
    const edited = structuredClone(sheet);
    const figure = figureRefsOf(edited)[0];
    if (!figure) throw new Error('the sheet quotes no figure');
    figure.text = `${figure.text}0`;
    expect(keys(inputs(edited))).not.toBe(keys(inputs(sheet)));
  });

  it("changes with the version's own file, and not with another version's", () => {
    const key = keys(inputs(sheet));
    const own = sources.sheets.find((s) => s.file.path === sheet.file)!;
    const other = sources.sheets.find((s) => s.file.path !== sheet.file)!;
    const swap = (source: SheetSource) => ({ ...sources, sheets: sources.sheets.map((s) => (s === source ? { ...s, file: withFile(s.file, `${s.file.text}\nMore.`) } : s)) });
    expect(versionKeys(swap(own))(inputs(sheet))).not.toBe(key);
    expect(versionKeys(swap(other))(inputs(sheet))).toBe(key);
  });

  it('changes with what every version shares: the settings, boilerplate, template files and font bytes', () => {
    const key = keys(inputs(sheet));
    const boilerplate = sources.boilerplate.map((b, i) => (i === 0 ? { ...b, file: withFile(b.file, `${b.file.text}\n`) } : b));
    expect(versionKeys({ ...sources, boilerplate })(inputs(sheet))).not.toBe(key);
    expect(versionKeys({ ...sources, config: withFile(sources.config!, `${sources.config!.text}\n`) })(inputs(sheet))).not.toBe(key);
    const [template, ...rest] = sources.templates.templates;
    const [spec, font] = [...template!.fonts].find(([, f]) => f.status === 'found')!;
    if (font.status !== 'found') throw new Error('the template has no font file');
    const fonts = new Map(template!.fonts).set(spec, { ...font, bytes: new Uint8Array([...font.bytes.subarray(0, 100), 0]) });
    const templates = { ...sources.templates, templates: [{ ...template!, fonts }, ...rest] };
    expect(versionKeys({ ...sources, templates })(inputs(sheet))).not.toBe(key);
  });
});
