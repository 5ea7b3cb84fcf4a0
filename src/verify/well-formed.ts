/** Whether an output is valid for its format, read with real parsers, before it is published. */
import { unzipSync } from 'fflate';
import { parsedPage } from './html-page.js';
import { SaxesParser } from 'saxes';
import type { Format } from '../render/renderer.js';

/**
 * The first problem of each XML part of a Word package (well-formedness, and only the
 * characters XML allows), as `part line:column: message`; empty when every part parses.
 * A package that cannot be unzipped is one problem.
 */
export function docxProblems(bytes: Uint8Array): string[] {
  let files: Record<string, Uint8Array>;
  try {
    // Only the XML parts are inflated: the embedded fonts, most of the package, have no syntax to check.
    files = unzipSync(bytes, { filter: (file) => XML_PART.test(file.name) });
  } catch (error) {
    return [`the package cannot be unzipped: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  for (const name of Object.keys(files).sort()) {
    const problem = xmlProblem(strictUtf8(files[name]!) ?? '\uFFFD');
    if (problem) problems.push(`${name} ${problem}`);
  }
  return problems;
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

