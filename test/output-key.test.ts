import { beforeAll, describe, expect, it } from 'vitest';
import { outputKey, type KeyParts } from '../src/build/output-key.js';
import { canonicalJson } from '../src/text/canonical-json.js';
import type { FactSheet } from '../src/model/index.js';
import { sheetView, type SheetView } from '../src/render/index.js';
import { projectViews } from './helpers/views.js';

const PARTS: KeyParts = { format: 'pdf', tool: '1.0.0', sourceDateEpoch: null };

let view: SheetView;
/** The same view made again from the same data: a new object with equal contents. */
let again: (change?: { sheet?: FactSheet; languages?: string[] }) => SheetView;

beforeAll(async () => {
  view = (await projectViews()).find((v) => v.sheet.id === 'partnerships' && v.lang === 'en')!;
  again = (change = {}) => sheetView(change.sheet ?? structuredClone(view.sheet), view.template, { languages: change.languages ?? [view.lang, ...view.alternates.map((a) => a.lang)] });
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

describe('outputKey', () => {
  it('is the same for views made separately from the same data', () => {
    expect(outputKey(again(), PARTS)).toBe(outputKey(view, PARTS));
  });

  it('changes with the format, the tool version and SOURCE_DATE_EPOCH', () => {
    const key = outputKey(view, PARTS);
    expect(outputKey(view, { ...PARTS, format: 'html' })).not.toBe(key);
    expect(outputKey(view, { ...PARTS, tool: '1.0.1' })).not.toBe(key);
    expect(outputKey(view, { ...PARTS, sourceDateEpoch: 0 })).not.toBe(key);
  });

  it('changes with the languages the page links, and with the text of a figure', () => {
    const key = outputKey(again(), PARTS);
    expect(outputKey(again({ languages: ['en'] }), PARTS)).not.toBe(key);
    const sheet = structuredClone(view.sheet);
    const paragraph = sheet.sections.flatMap((s) => s.blocks).find((b) => b.type === 'paragraph' && b.children.some((i) => i.type === 'figure'));
    const figure = paragraph?.type === 'paragraph' ? paragraph.children.find((i) => i.type === 'figure') : undefined;
    if (figure?.type !== 'figure') throw new Error('the sheet quotes no figure in a paragraph');
    figure.text = `${figure.text}0`;
    expect(outputKey(again({ sheet }), PARTS)).not.toBe(key);
  });
});
