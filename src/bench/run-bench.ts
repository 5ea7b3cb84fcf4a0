import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FORMATS } from '../render/renderer.js';
import { SOURCES_DIR } from '../sources/read-project.js';
import { chromiumPath, timeChromium } from './chromium.js';
import { runBuild, type BuildRun } from './child-build.js';
import { makeCorpus } from './corpus.js';
import { editFigure, editParagraph } from './edits.js';
import { pandocVersion, timePandoc, writePandocDocuments } from './pandoc.js';
import { timeWatchEdits } from './watch-edits.js';

/** Saves timed in a running watch: the first loads the checker and renderers, the last finds them warm. */
const WATCH_SAVES = 3;

export interface BenchOptions {
  /** The repository whose sheets are varied and whose bin/factsheet.js is timed. */
  repo: string;
  /** Sheets per language. */
  sheets: number;
  /** The languages of the corpus, some of the project's (the source language among them); all when absent. */
  languages?: readonly string[];
  /** Folder the temporary corpus is made in (removed at the end). */
  work: string;
  /** Compare with Pandoc and Chromium when installed. */
  compare: boolean;
  /** Progress lines, one per scenario. */
  log: (line: string) => void;
}

/** One line of the table. Ratios are the comparison's seconds divided by the scenario's: how many times faster. */
export interface BenchRow {
  scenario: string;
  /** Wall-clock seconds, as a user waits. */
  seconds: number;
  /** CPU seconds of the processes involved (user and system), which the machine's other load does not inflate as much; null where unknown. */
  cpuSeconds: number | null;
  /** Files the build wrote, when known. */
  outputs: number | null;
  peakMB: number | null;
  vsPandoc: number | null;
  vsPandocChromium: number | null;
  note: string;
}

export interface BenchResult {
  machine: {
    cores: number;
    cpu: string;
    memoryMB: number;
    node: string;
    platform: string;
    /** The 1-minute load average when the benchmark started and when it ended: other work slows wall-clock times down. */
    load: { start: number; end: number };
    pandoc: string | null;
    chromium: string | null;
  };
  corpus: { sheets: number; languages: string[]; versions: number; outputs: number };
  rows: BenchRow[];
  /** The highest peak of all our builds, in MB. */
  peakMB: number | null;
  notes: string[];
}

/**
 * Makes a corpus of `sheets` sheets in every language and times, one after the other
 * in one run: a cold build, a rebuild with nothing changed, a rebuild after one figure
 * edit and after one paragraph edit, paragraph edits saved in a running watch, each
 * format alone, then (when installed) Pandoc converting the same documents to HTML and
 * DOCX and one Chromium printing our web pages to PDF. Every build is a process of bin/factsheet.js.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  mkdirSync(options.work, { recursive: true });
  const work = mkdtempSync(path.join(options.work, 'factsheet-bench-'));
  try {
    return await benchIn(work, options);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function benchIn(work: string, options: BenchOptions): Promise<BenchResult> {
  const { repo, log } = options;
  const loadAtStart = os.loadavg()[0]!;
  const root = path.join(work, 'corpus');
  mkdirSync(root);
  log(`making a corpus of ${options.sheets} sheets per language in ${root}`);
  const corpus = await makeCorpus(repo, root, options.sheets, options.languages);
  const versions = corpus.sheets.length * corpus.languages.length;
  const outputs = versions * FORMATS.length;
  const out = path.join(root, 'out');
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const build = (scenario: string, args: string[], note = ''): BuildRun => {
    log(`${scenario}...`);
    const run = runBuild(repo, root, ['--out', out, ...args], work);
    rows.push({ scenario, seconds: run.seconds, cpuSeconds: run.cpuSeconds, outputs: run.written, peakMB: run.peakMB, vsPandoc: null, vsPandocChromium: null, note });
    return run;
  };

  const cold = build('cold build', [], `${versions} versions x ${FORMATS.length} formats`);
  // A version held back (a translation gone unreviewed, say) would make every number below measure less than the corpus.
  if (cold.written < outputs) throw new Error(`the cold build wrote ${cold.written} files, fewer than the corpus's ${outputs} outputs: some versions were held back`);
  build('rebuild, nothing changed', []);
  const figure = editFigure(root, corpus.quotes.map((q) => q.id));
  const quoting = corpus.quotes.find((q) => q.id === figure.id)!.versions;
  build('rebuild, one figure edited', [], `${figure.id} ${figure.from} -> ${figure.to}, quoted by ${quoting} of ${versions} versions (${quoting * FORMATS.length} outputs)`);
  const sheet = corpus.sheets[0]!;
  editParagraph(path.join(root, SOURCES_DIR, sheet, `${corpus.sourceLanguage}.md`));
  build('rebuild, one paragraph edited', [], `first paragraph of ${sheet}/${corpus.sourceLanguage}.md`);
  log('watch, one paragraph edited...');
  const watched = await timeWatchEdits(repo, root, out, path.join(root, SOURCES_DIR, sheet, `${corpus.sourceLanguage}.md`), WATCH_SAVES, work);
  rows.push({
    scenario: 'watch, one paragraph edited',
    seconds: watched.seconds[watched.seconds.length - 1]!,
    cpuSeconds: null,
    outputs: watched.written,
    peakMB: watched.peakMB,
    vsPandoc: null,
    vsPandocChromium: null,
    note: `save ${WATCH_SAVES} of ${WATCH_SAVES} to its build's line (${watched.seconds.map((s) => s.toFixed(2)).join(', ')} s)`,
  });
  for (const format of FORMATS) {
    log(`${format} alone...`);
    const run = runBuild(repo, root, ['--out', path.join(work, `out-${format}`), '--format', format], work);
    rows.push({ scenario: `cold build, ${format} alone`, seconds: run.seconds, cpuSeconds: run.cpuSeconds, outputs: run.written, peakMB: run.peakMB, vsPandoc: null, vsPandocChromium: null, note: '' });
  }

  const pandoc = options.compare ? pandocVersion() : null;
  const chromium = options.compare ? chromiumPath() : null;
  let chromiumVersion: string | null = null;
  if (!options.compare) notes.push('comparison with Pandoc and Chromium not asked for (--no-compare)');
  else if (!pandoc) notes.push('pandoc is not installed: no comparison with Pandoc (make bench installs it from Debian)');
  let pandocSeconds: number | null = null;
  if (pandoc) {
    log('pandoc: writing the documents with their figures resolved');
    // Written from the sources as they are now, edits included: the same documents the last build published.
    const documents = await writePandocDocuments(root, path.join(work, 'pandoc'));
    log(`pandoc html (${documents.length} processes)...`);
    const html = timePandoc(documents, 'html');
    log(`pandoc docx (${documents.length} processes)...`);
    const docx = timePandoc(documents, 'docx');
    const both = { seconds: html.seconds + docx.seconds, cpuSeconds: sum(html.cpuSeconds, docx.cpuSeconds) };
    pandocSeconds = both.seconds;
    const row = (scenario: string, time: { seconds: number; cpuSeconds: number | null }, count: number, note = ''): void => {
      rows.push({ scenario, seconds: time.seconds, cpuSeconds: time.cpuSeconds, outputs: count, peakMB: null, vsPandoc: null, vsPandocChromium: null, note });
    };
    row('pandoc html', html, documents.length, 'a process per document');
    row('pandoc docx', docx, documents.length, 'a process per document');
    row('pandoc html + docx', both, documents.length * 2);
    if (!chromium) notes.push('chromium is not installed: no comparison with Pandoc + Chromium printing the PDFs');
    else {
      log('chromium printing every web page to PDF...');
      const pages = corpus.languages.flatMap((lang) => htmlFiles(path.join(out, lang)));
      const printed = await timeChromium(chromium, pages, path.join(work, 'chromium'));
      chromiumVersion = printed.version;
      row('chromium pdf', printed, pages.length, 'one browser printing our web pages');
      row('pandoc + chromium', { seconds: both.seconds + printed.seconds, cpuSeconds: sum(both.cpuSeconds, printed.cpuSeconds) }, documents.length * 3);
    }
  }
  const chromiumSeconds = rows.find((r) => r.scenario === 'chromium pdf')?.seconds ?? null;
  for (const row of rows) {
    if (row.scenario.startsWith('pandoc') || row.scenario.startsWith('chromium')) continue;
    if (pandocSeconds !== null) row.vsPandoc = pandocSeconds / row.seconds;
    if (pandocSeconds !== null && chromiumSeconds !== null) row.vsPandocChromium = (pandocSeconds + chromiumSeconds) / row.seconds;
  }
  const peaks = rows.map((r) => r.peakMB).filter((p): p is number => p !== null);
  return {
    machine: {
      cores: os.availableParallelism(),
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryMB: Math.round(os.totalmem() / 1024 / 1024),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      load: { start: loadAtStart, end: os.loadavg()[0]! },
      pandoc,
      chromium: chromiumVersion,
    },
    corpus: { sheets: corpus.sheets.length, languages: corpus.languages, versions, outputs },
    rows,
    peakMB: peaks.length > 0 ? Math.max(...peaks) : null,
    notes,
  };
}

function sum(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

function htmlFiles(folder: string): string[] {
  return readdirSync(folder).filter((f) => f.endsWith('.html')).sort().map((f) => path.join(folder, f));
}
