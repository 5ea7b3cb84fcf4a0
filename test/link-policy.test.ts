import { describe, expect, it } from 'vitest';
import type { Inline, Section } from '../src/model/fact-sheet.js';
import { linkProblem } from '../src/model/link-policy.js';
import type { Span } from '../src/model/position.js';
import { renderers, FORMATS, type SheetView } from '../src/render/index.js';
import { projectViews } from './helpers/views.js';

const REFUSED = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'vbscript:msgbox',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  '\\\\host\\share',
  '//host/share',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  'https://example.org/\u202Egpj.exe',
  'https://exa\u0000mple.org',
  'http:example.org',
  'ftp://example.org',
  'mailto:',
  'tel:call-me',
];
const ALLOWED = ['https://www.nato.int/', 'HTTP://example.org/a?b=c#d', 'mailto:press@example.org', 'tel:+3227071010', '#operations', '../en/partnerships.html', 'figures.html', ''];

describe('the link policy', () => {
  it.each(REFUSED)('refuses %j', (url) => expect(linkProblem(url)).not.toBeNull());
  it.each(ALLOWED)('allows %j', (url) => expect(linkProblem(url)).toBeNull());
});

describe('every renderer, as a last defence', async () => {
  const base = (await projectViews()).find((v) => v.lang === 'en')!;
  const span: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  const text = (value: string): Inline => ({ type: 'text', value, span });
  const withLink = (url: string): SheetView => {
    const sections: Section[] = [{ heading: null, slug: 'lead', span, blocks: [{ type: 'paragraph', span, children: [text('See '), { type: 'link', url, span, children: [text('this')] }] }] }];
    return { ...base, sheet: { ...base.sheet, sections } };
  };

  it.each(FORMATS)('%s refuses to write a link the policy refuses', async (format) => {
    await expect(renderers[format].render(withLink('javascript:alert(1)'))).rejects.toThrow(/link target "javascript:alert\(1\)" is not allowed/);
    await expect(renderers[format].render(withLink('\\\\host\\share'))).rejects.toThrow(/is not allowed/);
  });

  it.each(FORMATS)('%s writes an allowed link', async (format) => {
    await expect(renderers[format].render(withLink('https://www.nato.int/'))).resolves.toBeTruthy();
  });
});
