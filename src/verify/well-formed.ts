/** Whether an output is valid for its format, read with real parsers, before it is published. */
import { createHash } from 'node:crypto';
import { inflateSync, unzipSync } from 'fflate';
import { storedEntries } from '../render/docx/zip.js';
import { parsedPage } from './html-page.js';
import { SaxesParser } from 'saxes';
import type { Format } from '../render/renderer.js';

/**
 * The first problem of each XML part of a Word package (well-formedness, and only the
 * characters XML allows), as `part line:column: message`; empty when every part parses.
 * A package that cannot be unzipped is one problem.
 */
export function docxProblems(bytes: Uint8Array): string[] {
  let parts: Array<{ name: string; problem: string | null }>;
  try {
    parts = xmlPartProblems(bytes);
  } catch (error) {
    return [`the package cannot be unzipped: ${(error as Error).message}`];
  }
  return parts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).flatMap(({ name, problem }) => (problem ? [`${name} ${problem}`] : []));
}

/**
 * The first problem (null: none) of each XML part of a package. When the archive is the
 * plain kind our packages are, a part is known by the digest of its stored data, which
 * the same text deflated the same way gives again: the parts a template's documents share
 * (styles, numbering, theme, settings, relationships: most of a package's XML) are
 * inflated and parsed once per thread, not once per document. Throws when a part cannot
 * be inflated.
 */
function xmlPartProblems(bytes: Uint8Array): Array<{ name: string; problem: string | null }> {
  const stored = storedEntries(bytes);
  if (stored === null) {
    // Only the XML parts are inflated: the embedded fonts, most of the package, have no syntax to check.
    const files = unzipSync(bytes, { filter: (file) => XML_PART.test(file.name) });
    return Object.entries(files).map(([name, data]) => ({ name, problem: partProblem(data) }));
  }
  return [...stored].filter(([name]) => XML_PART.test(name)).map(([name, entry]) => {
    const key = `${entry.method}:${entry.size}:${createHash('sha256').update(entry.compressed).digest('base64')}`;
    let problem = checkedParts.get(key);
    if (problem === undefined) {
      const data = entry.method === 0 ? entry.compressed : inflateSync(entry.compressed);
      if (data.length !== entry.size) throw new Error(`${name} holds ${data.length} bytes where its header says ${entry.size}`);
      problem = partProblem(data);
      if (checkedParts.size >= CHECKED_PARTS) checkedParts.delete(checkedParts.keys().next().value!);
      checkedParts.set(key, problem);
    }
    return { name, problem };
  });
}

/** The problem (null: none) of XML parts read before, by content key; bounded, the oldest forgotten first. */
const checkedParts = new Map<string, string | null>();
const CHECKED_PARTS = 256;

function partProblem(data: Uint8Array): string | null {
  return xmlProblem(strictUtf8(data) ?? '\uFFFD');
}

const XML_PART = /\.(xml|rels)$/;

/** The first well-formedness error of an XML document, or null. */
function xmlProblem(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let first: string | null = null;
  parser.on('error', (error) => {
    first ??= error.message.replace(/\.$/, '');
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    first ??= (error as Error).message;
  }
  return first;
}

/** HTML parse errors as a browser's parser reports them (`code line:column`): none in a page we publish. */
export function htmlProblems(bytes: Uint8Array): string[] {
  return [...parsedPage(bytes).problems];
}

/** Problems that make an output unfit to publish, whatever the sheet says. */
export function formatProblems(format: Format, bytes: Uint8Array): string[] {
  switch (format) {
    case 'docx':
      return docxProblems(bytes);
    case 'html':
      return htmlProblems(bytes);
    case 'pdf':
      // pdf.js parses every PDF when its text is read back for the figures.
      return [];
  }
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

