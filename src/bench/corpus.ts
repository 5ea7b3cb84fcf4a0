import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { checkProject } from '../check/check-project.js';
import { fingerprint, formatLock, translationSnapshot, type ReviewLock } from '../check/translation/index.js';
import { figureIdsOf } from '../model/figure-refs.js';
import { CONFIG_FILE, parseConfig } from '../parse/config.js';
import { SourceFile } from '../text/source-file.js';
import { readProject, REVIEW_LOCK, SOURCES_DIR } from '../sources/read-project.js';

/** Folders of `sources/` that are not sheets. */
const NOT_SHEETS = new Set(['boilerplate', 'names']);
/**
 * Letters of the code each variant's title carries. No I, V, X, L, C, D or M: a
 * title with a code read as a Roman numeral would be checked as a typed number.
 */
const CODE_LETTERS = 'BFGHJKNPQRSTWYZ';
/** The day the corpus's translations are recorded as reviewed: fixed, so the corpus is the same at every run. */
const REVIEWED_ON = '2026-01-01';

export interface Corpus {
  root: string;
  /** Sheet ids of the corpus, in the order they were made. */
  sheets: string[];
  languages: string[];
  sourceLanguage: string;
  /** Figure ids by the number of versions (sheet and language) that quote them, most quoted first. */
  quotes: Array<{ id: string; versions: number }>;
}

/**
 * Writes a project of `count` sheets into `root` (an empty folder), each a variant of
 * one of the repository's sheets taken in turn: its own id, a code in its title in
 * every language and a date a few days later, so that every output differs. Settings,
 * registry, boilerplate, names and templates are the repository's. The translations
 * are recorded as reviewed as they stand, as a press office's would be, so that every
 * version publishes. With `languages`, the corpus is a project of those languages only.
 */
export async function makeCorpus(repo: string, root: string, count: number, languages?: readonly string[]): Promise<Corpus> {
  const kept = writeSettings(repo, root, languages);
  cpSync(path.join(repo, 'templates'), path.join(root, 'templates'), { recursive: true });
  const from = path.join(repo, SOURCES_DIR);
  const bases: string[] = [];
  for (const entry of readdirSync(from).sort()) {
    const full = path.join(from, entry);
    if (statSync(full).isDirectory() && !NOT_SHEETS.has(entry)) bases.push(entry);
    else if (NOT_SHEETS.has(entry) && kept) copyLanguageFiles(full, path.join(root, SOURCES_DIR, entry), kept);
    else cpSync(full, path.join(root, SOURCES_DIR, entry), { recursive: true });
  }
  if (bases.length === 0) throw new Error(`${from} holds no sheet to vary`);

  const sheets: string[] = [];
  const width = String(count).length;
  for (let k = 0; k < count; k++) {
    const base = bases[k % bases.length]!;
    const id = `${base}-${String(k + 1).padStart(width, '0')}`;
    const folder = path.join(root, SOURCES_DIR, id);
    mkdirSync(folder, { recursive: true });
    for (const file of readdirSync(path.join(from, base))) {
      if (!file.endsWith('.md') || (kept && !kept.has(path.parse(file).name))) continue;
      const text = readFileSync(path.join(from, base, file), 'utf8');
      writeFileSync(path.join(folder, file), variant(text, code(k), k % 28));
    }
    sheets.push(id);
  }
  return { root, sheets, ...(await recordReviews(root)) };
}

/**
 * Copies the project's settings into the corpus; with `languages`, lists only those (the
 * source language among them, each one of the project's) and returns them, so that the
 * corpus holds only their files: a file of a language the project does not declare is an
 * error. The settings file keeps its comments.
 */
function writeSettings(repo: string, root: string, languages: readonly string[] | undefined): Set<string> | null {
  const file = path.join(repo, CONFIG_FILE);
  if (!languages) {
    cpSync(file, path.join(root, CONFIG_FILE));
    return null;
  }
  const bytes = readFileSync(file);
  const { config } = parseConfig(SourceFile.fromBytes(CONFIG_FILE, bytes));
  if (!config) throw new Error(`${file} does not read as the project's settings`);
  const { languages: all, sourceLanguage: source } = config;
  const unknown = languages.filter((lang) => !all.includes(lang));
  if (unknown.length > 0) throw new Error(`the project has no language ${unknown.map((lang) => `"${lang}"`).join(', ')}: its languages are ${all.join(', ')}`);
  if (!languages.includes(source)) throw new Error(`the languages must include the source language, "${source}"`);
  const kept = all.filter((lang) => languages.includes(lang));
  const settings = parseDocument(bytes.toString('utf8'));
  const list = settings.createNode(kept);
  list.flow = true;
  settings.set('languages', list);
  writeFileSync(path.join(root, CONFIG_FILE), settings.toString());
  return new Set(kept);
}

/** Copies a folder of one file per language (`<lang>.yaml`), only the files of `languages`. */
function copyLanguageFiles(from: string, to: string, languages: ReadonlySet<string>): void {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) {
    if (languages.has(path.parse(file).name)) cpSync(path.join(from, file), path.join(to, file), { recursive: true });
  }
}

/** A sheet's text with `code` at the end of its title and its date moved `days` later. */
export function variant(text: string, code: string, days: number): string {
  return text
    .replace(/^title: (.*)$/m, (_, title: string) => `title: ${/^["'].*["']$/.test(title) ? `${title.slice(0, -1)} (${code})${title.slice(-1)}` : `${title} (${code})`}`)
    .replace(/^date: (\d{4}-\d{2}-\d{2})$/m, (_, date: string) => `date: ${addDays(date, days)}`);
}

/** The code of the k-th variant: letters only, never a Roman numeral. */
export function code(k: number): string {
  let out = '';
  let n = k;
  do {
    out = CODE_LETTERS[n % CODE_LETTERS.length] + out;
    n = Math.floor(n / CODE_LETTERS.length);
  } while (n > 0);
  return out.padStart(3, CODE_LETTERS[0]);
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * Writes every sheet's review lock from one check of the whole corpus, the way
 * `factsheet mark-reviewed` records them (which would check the whole project once per sheet).
 */
async function recordReviews(root: string): Promise<Omit<Corpus, 'root' | 'sheets'>> {
  const sources = await readProject(root);
  const result = await checkProject(sources, { webPages: false });
  const config = result.config;
  if (!config) throw new Error(`the corpus settings do not read: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  const files = new Map(sources.sheets.map((s) => [`${s.lang}/${s.id}`, s.file]));
  const ids = [...new Set(result.parsed.map((s) => s.id))];
  for (const id of ids) {
    const original = result.parsed.find((s) => s.id === id && s.lang === config.sourceLanguage);
    if (!original) continue;
    const print = fingerprint(original, files.get(`${original.lang}/${id}`)!);
    const lock: ReviewLock = new Map();
    for (const translation of result.parsed.filter((s) => s.id === id && s.lang !== config.sourceLanguage)) {
      lock.set(translation.lang, { ...print, on: REVIEWED_ON, translation: translationSnapshot(translation, files.get(`${translation.lang}/${id}`)!) });
    }
    if (lock.size > 0) writeFileSync(path.join(root, SOURCES_DIR, id, REVIEW_LOCK), formatLock(lock, config.sourceLanguage));
  }
  const counts = new Map<string, number>();
  for (const sheet of result.parsed) for (const id of figureIdsOf(sheet)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const quotes = [...counts].map(([id, versions]) => ({ id, versions })).sort((a, b) => b.versions - a.versions || a.id.localeCompare(b.id));
  return { languages: config.languages, sourceLanguage: config.sourceLanguage, quotes };
}
