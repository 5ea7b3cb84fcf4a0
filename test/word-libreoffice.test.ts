import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { plainText } from '../src/model/index.js';
import type { SheetView } from '../src/render/index.js';
import { REPO, tempDir } from './helpers/project.js';
import { blocksOf, firstOutOfOrder, lettersOnly, pdfText } from './helpers/read-back.js';
import { projectViews } from './helpers/views.js';

/*
 * The Word documents as a reader without the template's fonts sets them: LibreOffice
 * (Debian's libreoffice-writer-nogui, which `make test-deps` installs) converts every
 * .docx of the repository to PDF in one run, and each must have as many pages as the
 * sheet's PDF and its text in the model's order. The fonts are the ones the documents
 * embed: none of the template's is installed here, which the first test checks.
 */

/** The families the template names, which must come from the documents and not from the machine. */
const TEMPLATE_FAMILIES = ['Source Sans 3', 'Noto Naskh Arabic'];

let views: SheetView[];
let out: string;
let converted: string;
let seconds: number;
let conversion: { status: number | null; output: string };

const nameOf = (view: SheetView) => `${view.lang}-${view.sheet.id}`;

beforeAll(async () => {
  views = await projectViews();
  const dir = tempDir('factsheet-word-');
  out = path.join(dir, 'out');
  await buildProject({ root: REPO, outDir: out, sheets: [], langs: [], formats: ['pdf', 'docx'], sourceDateEpoch: null });
  // Every document under a name of its own: soffice names each PDF after its .docx, in one folder.
  const docs = path.join(dir, 'docx');
  converted = path.join(dir, 'pdf');
  mkdirSync(docs);
  const files = views.map((view) => {
    const file = path.join(docs, `${nameOf(view)}.docx`);
    copyFileSync(path.join(out, view.lang, `${view.sheet.id}.docx`), file);
    return file;
  });
  const started = performance.now();
  // One soffice for every document, with a profile of its own in the temp folder (removed with it).
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', converted, ...files],
    { encoding: 'utf8', timeout: 600_000, env: { ...process.env, HOME: dir } },
  );
  seconds = (performance.now() - started) / 1000;
  conversion = { status: run.status, output: `${run.stdout}${run.stderr}${run.error ?? ''}` };
}, 900_000);

/** The lines of the title on the first page of a PDF, as pdftotext reads them, spaces folded. */
function titleLines(file: string, title: string): string[] {
  const fold = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const lines = spawnSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).stdout.split('\n').map(fold).filter((line) => line !== '');
  const whole = fold(title);
  // The first run of lines that makes the title (a title may begin with the organisation's name, a line of its own above).
  for (let start = 0; start < lines.length; start++) {
    const taken: string[] = [];
    for (let at = start; at < lines.length && whole.startsWith([...taken, lines[at]!].join(' ')); at++) {
      taken.push(lines[at]!);
      if (taken.join(' ') === whole) return taken;
    }
  }
  return [];
}

function pages(file: string): number {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (info.status !== 0) throw new Error(`pdfinfo failed on ${file}: ${info.stderr}`);
  return Number(/^Pages:\s+(\d+)$/m.exec(info.stdout)?.[1]);
}

describe('Word documents read by LibreOffice without the template fonts', () => {
  it('runs where none of the template fonts is installed, and converts every document in one soffice run', () => {
    const installed = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' }).stdout;
    for (const family of TEMPLATE_FAMILIES) expect(installed.split('\n').some((line) => line.split(',').includes(family)), `${family} is installed`).toBe(false);
    expect(conversion.status, conversion.output).toBe(0);
    console.log(`LibreOffice converted ${views.length} Word documents in ${seconds.toFixed(1)} s`);
  });

  it('gives every document as many pages as the sheet has in its PDF', () => {
    const counts = (of: (view: SheetView) => string) => Object.fromEntries(views.map((view) => [nameOf(view), pages(of(view))]));
    expect(counts((view) => path.join(converted, `${nameOf(view)}.pdf`))).toEqual(counts((view) => path.join(out, view.lang, `${view.sheet.id}.pdf`)));
  });

  // Letters and digits in order: LibreOffice draws a superscript ("XXIe") as a run of its own, which
  // pdftotext may set apart with a space.
  it('holds every block of the sheet in order, and its contact details', () => {
    for (const view of views.filter((v) => v.dir === 'ltr')) {
      const text = lettersOnly(pdfText(path.join(converted, `${nameOf(view)}.pdf`), { header: view.header, footerStart: view.footer.left }));
      const { contact } = view.sheet;
      expect(firstOutOfOrder(text, [...blocksOf(view.sheet), contact.phone, contact.email, ...contact.hashtags].map(lettersOnly)), nameOf(view)).toBeNull();
    }
  });

  it('breaks each title where the PDF balanced it', () => {
    let broken = 0;
    for (const view of views.filter((v) => v.dir === 'ltr')) {
      const title = plainText(view.sheet.meta.title);
      const ours = titleLines(path.join(out, view.lang, `${view.sheet.id}.pdf`), title);
      expect(ours.join(' '), nameOf(view)).toBe(title.replace(/[\s\u00a0\u202f]+/g, ' ').trim());
      expect(titleLines(path.join(converted, `${nameOf(view)}.pdf`), title), nameOf(view)).toEqual(ours);
      if (ours.length > 1) broken++;
    }
    expect(broken).toBeGreaterThan(0);
  });

  // pdftotext orders a right-to-left page by its own analysis (see build.test.ts): the letters are compared.
  it('holds the letters of an Arabic sheet in order: title, headings and contact', () => {
    const letters = (text: string) => lettersOnly(text).replace(/\p{M}/gu, '');
    // Lam then alef is always drawn as their ligature, whose letters come back alef first.
    const drawn = (text: string) => letters(text.replace(/\u0644(\p{M}*)([\u0622\u0623\u0625\u0627])/gu, '$2\u0644$1'));
    for (const view of views.filter((v) => v.dir === 'rtl')) {
      const text = letters(pdfText(path.join(converted, `${nameOf(view)}.pdf`)));
      const { sheet } = view;
      const headings = sheet.sections.flatMap((s) => (s.heading ? [plainText(s.heading)] : []));
      expect(firstOutOfOrder(text, [plainText(sheet.meta.title), ...headings].map(drawn)), nameOf(view)).toBeNull();
      // The hashtags stand on one line, each a left-to-right island, which pdftotext gives in the order it sees them.
      for (const contact of [sheet.contact.email, ...sheet.contact.hashtags]) expect(text, nameOf(view)).toContain(letters(contact));
    }
  });
});
