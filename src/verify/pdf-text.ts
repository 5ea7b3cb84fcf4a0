/**
 * Reading a PDF back as text with pdf.js (pdfjs-dist 4, legacy build: the one meant for
 * Node). Everything runs in this thread on the bytes given: no worker thread, no network,
 * no file access, no font loading, no eval, and pdf.js prints nothing.
 */
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded once. In Node pdf.js always uses its "fake worker" (the worker code run
 * in this thread); handing it the worker module as `globalThis.pdfjsWorker`, pdf.js's own
 * hook for that, spares it a dynamic import of a path relative to its own file, so this
 * works the same in plain Node (dist/, compiled by tsc) and under vitest.
 */
function pdfjs(): Promise<PdfJs> {
  if (!loading) {
    loading = (async () => {
      const [lib, worker] = await quietly(() =>
        Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]),
      );
      const scope = globalThis as { pdfjsWorker?: unknown };
      scope.pdfjsWorker ??= worker;
      return lib;
    })();
    // A failed load (say, the package is missing) is reported to its callers and tried again by the next one.
    loading.catch(() => (loading = undefined));
  }
  return loading;
}

/**
 * While pdf.js is being evaluated its verbosity is still the default (warnings), and in
 * Node it tries to load the optional native package @napi-rs/canvas to polyfill DOMMatrix,
 * ImageData and Path2D for rendering (text extraction needs none of them). When that
 * package is absent it logs four warnings with console.log; these, and only these, are
 * dropped for the time of the import.
 */
async function quietly<T>(load: () => Promise<T>): Promise<T> {
  const original = console.log;
  const filtered = (...args: unknown[]): void => {
    const first = args[0];
    if (typeof first === 'string' && PDFJS_LOAD_WARNING.test(first)) return;
    original.apply(console, args);
  };
  console.log = filtered;
  try {
    return await load();
  } finally {
    if (console.log === filtered) console.log = original;
  }
}

const PDFJS_LOAD_WARNING = /^Warning: Cannot (?:load "@napi-rs\/canvas"|polyfill `|access the `require`)/;

/**
 * The text of a PDF: the text items of each page in content order, a newline where pdf.js
 * marks the end of a line and between pages. Lines broken after the hyphen of a compound
 * ("Nouvelle-" / "Zélande") are joined back; see {@link joinHyphenatedLines}.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // A copy: pdf.js takes over (and may detach) the buffer it is given.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      pages.push(pageText(await page.getTextContent()));
      page.cleanup();
    }
    return joinHyphenatedLines(pages.join('\n'));
  } catch (error) {
    throw new Error(`the PDF could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await task.destroy();
  }
}

function pageText(content: TextContent): string {
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue; // marked-content boundaries carry no text
    const textItem: TextItem = item;
    text += textItem.str;
    if (textItem.hasEOL) text += '\n';
  }
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/**
 * Undoes line breaking at hyphens: pdfmake breaks lines at spaces and after the hyphen of
 * a compound, so a line ending in a letter or digit followed by "-" is joined directly to
 * the next line ("Nouvelle-" + "Zélande"). Other line ends stay newlines, which the
 * comparison treats as spaces. (A word that really ends in a hyphen at a line end, as in
 * "pre- and post-war", is joined too: "pre-and"; figure texts are not affected by that.)
 */
export function joinHyphenatedLines(text: string): string {
  return text.replace(/(?<=[\p{L}\p{N}]-)[ \t]*\n/gu, '');
}
