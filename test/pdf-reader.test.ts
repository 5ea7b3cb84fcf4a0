import { describe, expect, it } from 'vitest';
import { renderers } from '../src/render/registry.js';
import { outputBytes } from '../src/render/renderer.js';
import { pdfText } from '../src/verify/pdf-text.js';
import { portPair } from '../src/verify/pdfjs-port.js';
import { plainCopy } from '../src/verify/plain-copy.js';
import { projectViews } from './helpers/views.js';

// Before pdf.js is loaded: pdf-text.ts loads it on the first read.
const enginePush = Array.prototype.push;

describe('the copy of a message between pdf.js and its worker code', () => {
  it('is a deep copy of plain data, made when it is posted', () => {
    const items = [{ str: 'a', transform: [1, 0, 0, 1, 2, 3], hasEOL: false }];
    const chunk = { items, styles: Object.assign(Object.create(null) as object, { f1: { ascent: 0.9 } }) };
    const copy = plainCopy({ stream: 4, chunk });
    chunk.items = []; // what pdf.js does after sending a chunk of text
    items[0]!.transform[4] = 99;
    expect(copy).toEqual({ stream: 4, chunk: { items: [{ str: 'a', transform: [1, 0, 0, 1, 2, 3], hasEOL: false }], styles: { f1: { ascent: 0.9 } } } });
    expect(Object.getPrototypeOf(copy.chunk.styles)).toBe(Object.prototype); // as structuredClone gives it
  });

  it('copies typed arrays unless their buffer is transferred, and other objects as structuredClone does', () => {
    const kept = new Uint8Array([1, 2, 3]);
    const moved = new Uint8Array([4, 5]);
    const map = new Map([['k', [1]]]);
    const copy = plainCopy({ kept, moved, map, when: new Date(0) }, [moved.buffer]);
    expect(copy.kept).not.toBe(kept);
    expect([...copy.kept]).toEqual([1, 2, 3]);
    expect(copy.moved).toBe(moved);
    expect(copy.map).not.toBe(map);
    expect(copy.map).toEqual(map);
    expect(copy.when).toEqual(new Date(0));
    expect(() => plainCopy({ f: () => 1 })).toThrow();
  });

  it('delivers a copy to the other end, later, and nothing to the sender', async () => {
    const [a, b] = portPair(plainCopy);
    const atA: unknown[] = [];
    const atB: unknown[] = [];
    a.addEventListener('message', (event) => atA.push(event.data));
    b.addEventListener('message', (event) => atB.push(event.data));
    const message = { items: ['x'] };
    a.postMessage(message);
    message.items = [];
    expect(atB).toEqual([]);
    await Promise.resolve();
    expect(atB).toEqual([{ items: ['x'] }]);
    expect(atA).toEqual([]);
  });

  it('stops delivering to a listener once its signal is aborted, as pdf.js ends a document', async () => {
    const [a, b] = portPair(plainCopy);
    const kept: unknown[] = [];
    const dropped: unknown[] = [];
    const done = new AbortController();
    b.addEventListener('message', (event) => kept.push(event.data));
    b.addEventListener('message', (event) => dropped.push(event.data), { signal: done.signal });
    a.postMessage(1);
    await Promise.resolve();
    done.abort();
    a.postMessage(2);
    b.addEventListener('message', (event) => dropped.push(event.data), { signal: done.signal });
    a.postMessage(3);
    await Promise.resolve();
    expect(kept).toEqual([1, 2, 3]);
    expect(dropped).toEqual([1]);
  });
});

describe('one pdf.js reader for every PDF of a thread', () => {
  it('reads a PDF the same alone and after others, after a broken one too', async () => {
    const views = (await projectViews()).slice(0, 3);
    const pdfs = await Promise.all(views.map(async (view) => outputBytes(await renderers.pdf.render(view))));
    const first = await pdfText(pdfs[0]!);
    expect(first).toContain(views[0]!.titleText.split(' ')[0]);
    await expect(pdfText(new TextEncoder().encode('%PDF-1.7\nnot a PDF'))).rejects.toThrow(/the PDF could not be read/);
    const all = await Promise.all(pdfs.map((pdf) => pdfText(pdf)));
    expect(all[0]).toBe(first);
    for (const [index, pdf] of pdfs.entries()) expect(await pdfText(pdf)).toBe(all[index]);
    expect(new Set(all).size).toBe(pdfs.length);
  });

  it('leaves Array.prototype.push as the engine has it', async () => {
    const [first] = await projectViews();
    await pdfText(outputBytes(await renderers.pdf.render(first!)));
    expect(Array.prototype.push).toBe(enginePush);
  });
});
