import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLiterals } from '../src/check/literals/find-literals.js';
import { ARABIC_GRAMMAR } from '../src/figures/ar-number-words.js';
import { createFormatter } from '../src/figures/format.js';
import { ltrIslands } from '../src/render/ltr-islands.js';
import { runCli } from './helpers/cli.js';
import { keepLanguages, makeProject, REPO, tempDir } from './helpers/project.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** A copy of the repository in French, English and Arabic, its Arabic digits as given. */
function arabicProject(digits: string | null = null): string {
  const dir = makeProject(REPO, undefined, { allLanguages: true });
  keepLanguages(dir, ['fr', 'en', 'ar']);
  if (digits !== null) {
    const boilerplate = path.join(dir, 'sources/boilerplate/ar.yaml');
    writeFileSync(boilerplate, readFileSync(boilerplate, 'utf8').replace(/^digits: latn$/m, `digits: ${digits}`));
  }
  return dir;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function elements(node: Node, test: (e: Element) => boolean, found: Element[] = []): Element[] {
  if (isElement(node) && test(node)) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, test, found);
  return found;
}

function text(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

const attr = (e: Element, name: string): string | null => e.attrs.find((a) => a.name === name)?.value ?? null;

describe('Arabic number words', () => {
  it('agree with the noun by polarity: 3 to 10 end in "ة" with a masculine noun', () => {
    expect(ARABIC_GRAMMAR.spell('3', 'nominative', 'masculine')).toBe('ثلاثة');
    expect(ARABIC_GRAMMAR.spell('3', 'nominative', 'feminine')).toBe('ثلاث');
    expect(ARABIC_GRAMMAR.spell('8', 'nominative', 'feminine')).toBe('ثماني');
    expect(ARABIC_GRAMMAR.spell('15', 'nominative', 'masculine')).toBe('خمسة عشر');
    expect(ARABIC_GRAMMAR.spell('15', 'nominative', 'feminine')).toBe('خمس عشرة');
    expect(ARABIC_GRAMMAR.spell('21', 'nominative', 'feminine')).toBe('إحدى وعشرون');
    expect(ARABIC_GRAMMAR.spell('11', 'nominative', 'masculine')).toBe('أحد عشر');
  });

  it('take the oblique case in 2, 12, the tens and the duals', () => {
    expect(ARABIC_GRAMMAR.spell('2')).toBe('اثنان');
    expect(ARABIC_GRAMMAR.spell('2', 'genitive')).toBe('اثنين');
    expect(ARABIC_GRAMMAR.spell('12', 'accusative', 'feminine')).toBe('اثنتي عشرة');
    expect(ARABIC_GRAMMAR.spell('22', 'genitive')).toBe('اثنين وعشرين');
    expect(ARABIC_GRAMMAR.spell('200', 'genitive')).toBe('مائتين');
  });

  it('count thousands with their own agreement', () => {
    expect(ARABIC_GRAMMAR.spell('7000')).toBe('سبعة آلاف');
    expect(ARABIC_GRAMMAR.spell('25000')).toBe('خمسة وعشرون ألفًا');
    expect(ARABIC_GRAMMAR.spell('2013')).toBe('ألفان وثلاثة عشر');
    expect(ARABIC_GRAMMAR.spell('105000')).toBe('مائة وخمسة آلاف');
    expect(ARABIC_GRAMMAR.spell('200000')).toBe('مائتا ألف');
    expect(ARABIC_GRAMMAR.spell('200000', 'genitive')).toBe('مائتي ألف');
    expect(ARABIC_GRAMMAR.spell('300000')).toBe('ثلاثمائة ألف');
    expect(ARABIC_GRAMMAR.spell('101000')).toBe('مائة ألف وألف');
    expect(ARABIC_GRAMMAR.spell('102000', 'genitive')).toBe('مائة ألف وألفين');
    expect(ARABIC_GRAMMAR.spell('125000')).toBe('مائة وخمسة وعشرون ألفًا');
    expect(ARABIC_GRAMMAR.spell('3200000')).toBe('ثلاثة ملايين ومائتا ألف');
  });

  it('are read back in every case and gender, and Arabic centuries and decades are read', () => {
    const read = (text: string) => findLiterals(text, 'ar').map((l) => `${l.kind} ${l.value}`);
    expect(read('على مدى عقدين اثنين مضيا')).toEqual(['number 2']);
    expect(read('في القرن الـ21 وفي القرن 20')).toEqual(['century 21', 'century 20']);
    expect(read('منذ تسعينيات القرن الماضي')).toEqual(['decade 1990']);
    // Thousands are past what is read: never read as their count.
    expect(read('سبعة آلاف جندي وخمسة وعشرون ألفًا ومائتا ألف')).toEqual([]);
  });
});

describe('digits per language', () => {
  it('write numbers, months and years in the digits the boilerplate names', async () => {
    const arab = await createFormatter('ar', undefined, 'arab');
    expect(arab.number('7000')).toBe('٧٬٠٠٠');
    expect(arab.month('2012-12')).toBe('ديسمبر ٢٠١٢');
    expect(arab.year('2010-11')).toBe('٢٠١٠');
    const latin = await createFormatter('ar', undefined, 'latn');
    expect(latin.number('7000')).toBe('7,000');
    expect(latin.month('2012-12')).toBe('ديسمبر 2012');
  });
});

describe('the digits setting', () => {
  it('is checked: a name that is no numbering system of decimal digits is reported at the entry', async () => {
    const root = arabicProject('arabic');
    const checked = await runCli(['check', '--root', root]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(
      'sources/boilerplate/ar.yaml:10:9: error: "digits" must name a numbering system of decimal digits such as "latn" or "arab", found the text "arabic"; did you mean "arab"? [boilerplate-invalid]',
    );
  });
});

describe('left-to-right islands', () => {
  it('set apart numbers, Latin names and the phone line, with the brackets they close', () => {
    const cut = (text: string) => ltrIslands(text).map((s) => (s.ltr ? `[${s.text}]` : s.text)).join('');
    expect(cut('الهاتف: +32(0)2 707 1010/1002')).toBe('الهاتف: [+32(0)2 707 1010/1002]');
    expect(cut('مجلس الشراكة (EAPC) و#NATO')).toBe('مجلس الشراكة [(EAPC)] و[#NATO]');
    expect(cut('(مجلس EAPC)، 41 بلدًا')).toBe('(مجلس [EAPC])، [41] بلدًا');
    expect(cut('7,000 جندي')).toBe('[7,000] جندي');
    expect(cut('في القرن الـ21، و2012')).toBe('في القرن الـ21، و2012');
  });
});

describe('an Arabic sheet on the web and in Word', () => {
  let html: string;
  let documentXml: string;
  let stylesXml: string;
  let arabicDigitsHtml: string;

  beforeAll(async () => {
    const root = arabicProject();
    const out = tempDir();
    const built = await runCli(['build', '--root', root, '--lang', 'ar', '--format', 'html,docx', '--out', out, '--quiet']);
    expect(built.stderr).toMatch(/ 0 errors, 0 warnings/);
    expect(built.code).toBe(0);
    html = readFileSync(path.join(out, 'ar/partnerships.html'), 'utf8');
    const files = unzipSync(readFileSync(path.join(out, 'ar/partnerships.docx')));
    documentXml = strFromU8(files['word/document.xml']!);
    stylesXml = strFromU8(files['word/styles.xml']!);

    const arab = arabicProject('arab');
    const arabOut = tempDir();
    const arabBuilt = await runCli(['build', '--root', arab, '--lang', 'ar', '--sheet', 'partnerships', '--format', 'html,docx', '--out', arabOut, '--quiet']);
    expect(arabBuilt.code).toBe(0);
    arabicDigitsHtml = readFileSync(path.join(arabOut, 'ar/partnerships.html'), 'utf8');
  }, 120_000);

  it('is a right-to-left page whose phone line, address and hashtags are left-to-right islands', () => {
    const document = parse(html);
    const root = elements(document, (e) => e.tagName === 'html')[0]!;
    expect([attr(root, 'lang'), attr(root, 'dir')]).toEqual(['ar', 'rtl']);
    const footer = elements(document, (e) => e.tagName === 'footer')[0]!;
    const ltr = elements(footer, (e) => attr(e, 'dir') === 'ltr').map(text);
    expect(ltr).toEqual(['+32(0)2 707 1010/1002', 'moc@hq.nato.int', '#NATO', '#DefMin']);
  });

  it('isolates the numbers and Latin names of the text, inside the figures too', () => {
    const document = parse(html);
    const figures = elements(document, (e) => e.tagName === 'data').map((e) => ({
      text: text(e),
      islands: elements(e, (i) => i.tagName === 'bdi' && attr(i, 'dir') === 'ltr').map(text),
    }));
    expect(figures).toContainEqual({ text: '7,000 جندي', islands: ['7,000'] });
    expect(figures).toContainEqual({ text: 'ديسمبر 2012', islands: ['2012'] });
    const islands = elements(document, (e) => e.tagName === 'bdi').map(text);
    expect(islands).toContain('(EAPC)');
    expect(islands).toContain('(PfP)');
  });

  it('mirrors the page with logical properties, and names the Arabic face first', () => {
    expect(html).toContain('border-inline-start: 3pt solid var(--brand)');
    expect(html).not.toMatch(/(?:margin|padding|border)-(?:left|right)\s*:/);
    expect(html).toContain('body { font-family: "Noto Naskh Arabic", ');
  });

  it('writes bidirectional paragraphs, right-to-left runs and left-to-right islands in Word', () => {
    const paragraphs = [...documentXml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const withText = paragraphs.filter((p) => /<w:t[ >]/.test(p));
    expect(withText.length).toBeGreaterThan(20);
    expect(withText.every((p) => p.includes('<w:bidi/>'))).toBe(true);
    const runs = [...documentXml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => ({
      rtl: /<w:rtl\/>/.test(m[1]!) ? 'rtl' : /<w:rtl w:val="false"\/>/.test(m[1]!) ? 'ltr' : 'none',
      text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    // Arabic runs are right to left; the phone line is one left-to-right isolate over its runs, in order.
    expect(runs.filter((r) => /\p{Script=Arabic}/u.test(r.text)).every((r) => r.rtl === 'rtl')).toBe(true);
    const phone = runs.findIndex((r) => r.text.startsWith('\u2066+32'));
    expect(runs.slice(phone, phone + 3)).toEqual([
      { rtl: 'ltr', text: '\u2066+32(0)2 707 1010' },
      { rtl: 'ltr', text: '/' },
      { rtl: 'ltr', text: '1002\u2069' },
    ]);
    expect(runs).toContainEqual({ rtl: 'ltr', text: '\u2066#NATO\u2069' });
    expect(runs).toContainEqual({ rtl: 'ltr', text: '\u2066moc@hq.nato.int\u2069' });
    expect(runs).toContainEqual({ rtl: 'ltr', text: '\u20667,000\u2069' });
    expect(stylesXml).toMatch(/<w:rFonts w:ascii="Source Sans 3" w:cs="Noto Naskh Arabic" w:eastAsia="Source Sans 3" w:hAnsi="Source Sans 3"\/>/);
  });

  it('writes figures and the date in Arabic-Indic digits when the boilerplate says so', () => {
    const document = parse(arabicDigitsHtml);
    const figures = elements(document, (e) => e.tagName === 'data').map(text);
    expect(figures).toContain('٧٬٠٠٠ جندي');
    expect(figures).toContain('٤١ بلدًا');
    expect(figures).toContain('ديسمبر ٢٠١٢');
    expect(text(elements(document, (e) => e.tagName === 'time')[0]!)).toBe('٢١ فبراير ٢٠١٣');
    // The phone line keeps its Latin digits.
    expect(arabicDigitsHtml).toContain('+32(0)2 707 1010');
  });
});
