import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { checkProject } from '../src/check/index.js';
import { readProject } from '../src/sources/index.js';
import { firstUtf8Fault, SourceFile } from '../src/text/index.js';
import { FIXTURES, makeProject } from './helpers/project.js';

const BASE = path.join(FIXTURES, 'base');
const bytes = (...values: number[]) => new Uint8Array(values);

describe('firstUtf8Fault', () => {
  const decodes = (input: Uint8Array) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(input);
      return true;
    } catch {
      return false;
    }
  };

  it.each([
    ['a stray continuation byte', bytes(0x41, 0x80), 1, 'stray-continuation'],
    ['a byte UTF-8 never uses', bytes(0x41, 0x42, 0xff), 2, 'never-used'],
    ['an overlong two-byte form', bytes(0xc0, 0x80), 0, 'never-used'],
    ['an overlong three-byte form', bytes(0x41, 0xe0, 0x80, 0x80), 1, 'bad-sequence'],
    ['an encoded surrogate', bytes(0xed, 0xa0, 0x80), 0, 'bad-sequence'],
    ['a code point past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0, 'bad-sequence'],
    ['a sequence cut short by the end', bytes(0x41, 0xe2, 0x82), 1, 'bad-sequence'],
    ['a Latin-1 é before a letter', bytes(0x4f, 0x70, 0xe9, 0x72), 2, 'bad-sequence'],
  ])('finds %s where the decoder fails', (_, input, offset, reason) => {
    expect(decodes(input)).toBe(false);
    expect(firstUtf8Fault(input)).toMatchObject({ offset, reason, byte: input[offset] });
    expect(decodes(input.subarray(0, offset))).toBe(true);
  });

  it('agrees with the decoder on every short sequence of interesting bytes', () => {
    const interesting = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff];
    const disagreements: string[] = [];
    let checked = 0;
    for (const a of interesting) {
      for (const b of interesting) {
        for (const c of interesting) {
          for (const d of [0x80, 0xbf, 0x41]) {
            const input = bytes(a, b, c, d);
            const fault = firstUtf8Fault(input);
            const agrees = (fault === null) === decodes(input) && (fault === null || decodes(input.subarray(0, fault.offset)));
            if (!agrees) disagreements.push([...input].map((x) => x.toString(16)).join(' '));
            checked++;
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBe(interesting.length ** 3 * 3);
  });
});

describe('SourceFile.fromBytes', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  const join = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

  it('places a bad byte by the valid text before it, as an editor shows it', () => {
    // CRLF endings and a BOM change no place; a character outside the BMP counts two columns.
    const file = SourceFile.fromBytes('x.md', join(bytes(0xef, 0xbb, 0xbf), encode('one\r\ntwo\r\nd\u00e9j\u00e0 \u{1F600} '), bytes(0x96), encode(' rest')));
    expect(file.usable).toBe(false);
    expect(file.text).toBe('one\ntwo\nd\u00e9j\u00e0 \u{1F600} ');
    const [problem] = file.problems;
    expect(problem).toMatchObject({ kind: 'encoding-invalid', byte: 0x96, reason: 'stray-continuation' });
    expect(file.lines.point((problem as { offset: number }).offset)).toMatchObject({ line: 3, column: 9 });
  });

  it('rejects a UTF-16 file by name, either byte order, and UTF-32', () => {
    for (const mark of [bytes(0xff, 0xfe), bytes(0xfe, 0xff)]) {
      expect(SourceFile.fromBytes('x.md', join(mark, bytes(0x41, 0)))?.problems).toEqual([{ kind: 'encoding-other', encoding: 'UTF-16' }]);
    }
    expect(SourceFile.fromBytes('x.md', bytes(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0)).problems).toEqual([{ kind: 'encoding-other', encoding: 'UTF-32' }]);
  });

  it('reports every character no format can carry, and keeps tab, line feed and other characters', () => {
    const text = 'a\tb\nc\u0000d\u0008\u000b\u007f\u0080\u009f\u00a0\ufdd0\ufdef\ufdf0\ufffd\ufffe\uffff\u{1fffe}\u{10ffff}\u{10fffd}\u200b\ufeffz';
    const file = SourceFile.fromBytes('x.md', encode(text));
    const found = file.problems.map((p) => (p.kind === 'character-invalid' ? p.codePoint : -1));
    expect(found).toEqual([0x0, 0x8, 0xb, 0x7f, 0x80, 0x9f, 0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x10ffff]);
  });

  it('accepts a clean UTF-8 file with a byte-order mark', () => {
    const file = SourceFile.fromBytes('x.md', join(bytes(0xef, 0xbb, 0xbf), encode('déjà vu\r\n')));
    expect(file.usable).toBe(true);
    expect(file.text).toBe('déjà vu\n');
  });
});

describe('a file that cannot be read clean is reported and not used', () => {
  const files = [
    'factsheet.yaml',
    'sources/figures.yaml',
    'sources/boilerplate/en.yaml',
    'sources/sample/en.md',
    'sources/sample/translations.lock.yaml',
    'templates/index.hbs',
    'templates/figures.hbs',
    'templates/factsheet/page.hbs',
    'templates/factsheet/partials/list.hbs',
    'templates/factsheet/style.yaml',
    'templates/factsheet/labels.yaml',
    'templates/factsheet/assets/mark.svg',
  ];

  it.each(files)('%s with a NUL in it', async (file) => {
    const root = makeProject(BASE);
    const full = path.join(root, file);
    writeFileSync(full, readFileSync(full, 'utf8').replace('\n', '\n\u0000'));
    const { diagnostics } = await checkProject(await readProject(root));
    const here = diagnostics.filter((d) => d.location.file === file);
    // Nothing but the read problem: the file was not parsed.
    expect(here.map((d) => `${d.location.start.line}:${d.location.start.column} ${d.ruleId}`)).toEqual(['2:1 source-character-invalid']);
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
  });

  it('a sheet with U+FFFE is not published: no Word document with a malformed document.xml', async () => {
    const root = makeProject(BASE);
    const sheet = path.join(root, 'sources/sample/en.md');
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace('## ', '## \ufffe'));
    const outDir = path.join(root, 'out');
    const report = await buildProject({ root, outDir, sheets: [], langs: [], formats: ['docx'], sourceDateEpoch: null });
    expect(report.diagnostics.map((d) => d.ruleId)).toContain('source-character-invalid');
    // The translation is held back; its original, clean, is published.
    expect(report.heldBack).toEqual([{ version: 'en/sample', reason: 'it has errors' }]);
    expect(existsSync(path.join(outDir, 'en/sample.docx'))).toBe(false);
    expect(existsSync(path.join(outDir, 'fr/sample.docx'))).toBe(true);
  });

  it('the clean base project still builds its Word documents', async () => {
    const root = makeProject(BASE);
    const outDir = path.join(root, 'out');
    const report = await buildProject({ root, outDir, sheets: [], langs: [], formats: ['docx'], sourceDateEpoch: null });
    expect(report.failed).toEqual([]);
    const xml = strFromU8(unzipSync(readFileSync(path.join(outDir, 'en/sample.docx')))['word/document.xml']!);
    expect(xml).not.toMatch(/[\u0000-\u0008\ufffe\uffff]/);
  });
});
