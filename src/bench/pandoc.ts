import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkProject } from '../check/check-project.js';
import { readProject } from '../sources/read-project.js';
import { childrenCpuSeconds } from './child-cpu.js';
import { resolvedMarkdown } from './resolved-markdown.js';

/** One document given to Pandoc: a sheet in one language, its figures resolved. */
export interface PandocDocument {
  lang: string;
  id: string;
  markdown: string;
}

/** The version of the `pandoc` on the PATH, or null when there is none. */
export function pandocVersion(): string | null {
  const run = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  return run.stdout.split('\n')[0]!.replace(/^pandoc\s+/, '');
}

/**
 * Writes every publishable version of the project as Markdown with its figures
 * resolved, to `dest/<lang>/<id>.md`: what a press office scripting Pandoc would feed it.
 */
export async function writePandocDocuments(root: string, dest: string): Promise<PandocDocument[]> {
  const sources = await readProject(root);
  const result = await checkProject(sources, { webPages: false });
  const texts = new Map(sources.sheets.map((s) => [`${s.lang}/${s.id}`, s.file.text]));
  const documents: PandocDocument[] = [];
  for (const sheet of result.sheets) {
    const markdown = path.join(dest, sheet.lang, `${sheet.id}.md`);
    mkdirSync(path.dirname(markdown), { recursive: true });
    writeFileSync(markdown, resolvedMarkdown(sheet, texts.get(`${sheet.lang}/${sheet.id}`)!));
    documents.push({ lang: sheet.lang, id: sheet.id, markdown });
  }
  return documents;
}

/** Seconds (wall clock and CPU) Pandoc takes to convert every document to `format`, one process each, one after the other, as a shell loop would. */
export function timePandoc(documents: readonly PandocDocument[], format: 'html' | 'docx'): { seconds: number; cpuSeconds: number | null } {
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  for (const doc of documents) {
    const output = doc.markdown.replace(/\.md$/, `.${format}`);
    // --standalone: a whole web page, as ours are (a DOCX is always whole).
    const run = spawnSync('pandoc', ['--standalone', '--metadata', `lang=${doc.lang}`, '--from', 'markdown', '--output', output, doc.markdown], { encoding: 'utf8' });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`pandoc failed on ${doc.markdown}:\n${run.stderr}`);
  }
  const seconds = (performance.now() - start) / 1000;
  const cpuAfter = childrenCpuSeconds();
  return { seconds, cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}
