/**
 * Reading a PDF back as text with pdf.js (pdfjs-dist 4). Everything runs in this thread
 * on the bytes given: no worker thread, no network, no file access, no font loading, no
 * eval, and pdf.js prints nothing.
 *
 * The generic build is used, not the "legacy" one pdf.js suggests for Node: the legacy
 * build carries core-js polyfills that replace `Array.prototype.push` for the whole
 * thread (core-js finds a V8 edge case with lengths past 2^32) with a slower one, which
 * the PDF and Word renderers running next to the verifier would pay for on every push.
 * The generic build needs one thing Node 20 lacks, `Promise.withResolvers` (ES2024,
 * Node 22), defined below as the standard says, and only when missing.
 */
import type { PDFPageProxy, PDFWorker as PdfWorker, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { plainCopy } from './plain-copy.js';
import { portPair } from './pdfjs-port.js';
import { hasRightToLeft, logicalOrder, logicalOrderLtr } from './rtl-lines.js';

type PdfJs = typeof import('pdfjs-dist/build/pdf.mjs');

interface Reader {
  lib: PdfJs;
  /** One worker, started once, serves every document read in this thread. */
  worker: PdfWorker;
}

let loading: Promise<Reader> | undefined;

/**
 * pdf.js, loaded once per thread, with its worker code started on an in-thread port (see
 * {@link portPair}): pdf.js's public way to run its worker code on a port one provides,
 * which spares each document a fake worker of its own and its structured clones.
 */
function reader(): Promise<Reader> {
  if (!loading) {
    loading = (async () => {
      definePromiseWithResolvers();
      const [lib, { WorkerMessageHandler }] = await quietly(() =>
        Promise.all([import('pdfjs-dist/build/pdf.mjs'), import('pdfjs-dist/build/pdf.worker.mjs')]),
      );
      const [main, worker] = portPair(plainCopy);
      WorkerMessageHandler.initializeFromPort(worker);
      type WorkerParams = NonNullable<ConstructorParameters<typeof lib.PDFWorker>[0]>;
      const params = { port: main, verbosity: lib.VerbosityLevel.ERRORS } as unknown as WorkerParams;
      return { lib, worker: new lib.PDFWorker(params) };
    })();
    // A failed load (say, the package is missing) is reported to its callers and tried again by the next one.
    loading.catch(() => (loading = undefined));
  }
  return loading;
}

/** Loads pdf.js in this thread now, ahead of the first PDF to read; a failure is left to that reading to report. */
export function preparePdfReader(): void {
  reader().catch(() => undefined);
}

/** `Promise.withResolvers` (ES2024), which pdf.js's generic build calls and Node 20 lacks. */
function definePromiseWithResolvers(): void {
  const promise = Promise as PromiseConstructor & { withResolvers?: unknown };
  if (typeof promise.withResolvers === 'function') return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function withResolvers<T>(this: PromiseConstructor) {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const created = new this<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise: created, resolve, reject };
    },
  });
}

/**
 * While pdf.js is being evaluated its verbosity is still the default (warnings): in Node
 * the generic build warns that it is not the legacy one (see the top of this file). That
 * warning, and only it, is dropped for the time of the import.
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

const PDFJS_LOAD_WARNING = /^Warning: Please use the `legacy` build in Node\.js environments/;

/**
 * The text of a PDF: the text items of each page in content order (in reading order for
 * the right-to-left lines of a right-to-left document), a newline where pdf.js marks the
 * end of a line and between pages. Lines broken after the hyphen of a compound
 * ("Nouvelle-" / "Zélande") are joined back; see {@link joinHyphenatedLines}.
 */
export async function pdfText(bytes: Uint8Array, options: { rtl?: boolean } = {}): Promise<string> {
  const pages = await pdfTextItems(bytes);
  return joinHyphenatedLines(pages.map((items) => pageText(items, options.rtl ?? false)).join('\n'));
}

/** How a PDF is opened: on the bytes given alone (no fonts, fetches or eval), with the thread's worker. */
function documentParams({ lib, worker }: Reader, bytes: Uint8Array) {
  return {
    // A copy: pdf.js takes over the buffer it is given.
    data: new Uint8Array(bytes),
    worker,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  };
}

/** The text items of each page, as pdf.js gives them (in the order they are drawn). */
export function pdfTextItems(bytes: Uint8Array): Promise<TextItem[][]> {
  // Marked-content boundaries carry no text.
  return eachPage(bytes, async (page) => (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item));
}

/** What `read` finds on each page of a PDF, page after page; a PDF pdf.js cannot read throws. */
async function eachPage<T>(bytes: Uint8Array, read: (page: PDFPageProxy) => Promise<T>): Promise<T[]> {
  const { lib, worker } = await reader();
  const task = lib.getDocument(documentParams({ lib, worker }, bytes));
  try {
    const doc = await task.promise;
    const pages: T[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      pages.push(await read(page));
      page.cleanup();
    }
    return pages;
  } catch (error) {
    throw new Error(`the PDF could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await task.destroy();
  }
}

/** An element of a tagged PDF's structure tree as pdf.js reads it back on one page. */
export interface StructureElement {
  role: string;
  /** Its text on the page: of its marked content and of its elements, in the order the structure gives them. */
  text: string;
  alt?: string;
  lang?: string;
  /** The annotations it holds on the page (a link's), each with its URL, if any, and its description (/Contents). */
  annotations: Array<{ url: string | null; description: string }>;
  children: StructureElement[];
}

/**
 * The structure tree of each page of a tagged PDF (pdf.js's `getStructTree`): the elements
 * that have content or annotations on the page and their ancestors, the root first.
 */
export function pdfStructure(bytes: Uint8Array): Promise<StructureElement[]> {
  return eachPage(bytes, async (page) => {
    // The text of each marked-content sequence with an id (structure content; artifacts have none).
    const texts = new Map<string, string>();
    const open: Array<string | null> = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ('str' in item) {
        const id = open[open.length - 1];
        if (id) texts.set(id, (texts.get(id) ?? '') + item.str);
      } else if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(item.id ?? null);
      else if (item.type === 'endMarkedContent') open.pop();
    }
    const annotations = new Map<string, { url: string | null; description: string }>();
    for (const annotation of (await page.getAnnotations()) as Array<{ id: string; url?: string; contentsObj?: { str: string } }>) {
      annotations.set(annotation.id, { url: annotation.url ?? null, description: annotation.contentsObj?.str ?? '' });
    }
    type Serialized = { role?: string; alt?: string; lang?: string; type?: string; id?: string; children?: Serialized[] };
    const convert = (node: Serialized): StructureElement => {
      const element: StructureElement = { role: node.role ?? '', text: '', annotations: [], children: [] };
      if (node.alt !== undefined) element.alt = node.alt;
      if (node.lang !== undefined) element.lang = node.lang;
      for (const child of node.children ?? []) {
        if (child.type === 'content') element.text += texts.get(child.id!) ?? '';
        else if (child.type === 'object' || child.type === 'annotation') element.annotations.push(annotations.get(child.id!.replace(/^pdfjs_internal_id_/, '')) ?? { url: null, description: '' });
        else {
          const kid = convert(child);
          element.text += kid.text;
          element.children.push(kid);
        }
      }
      return element;
    };
    return convert(((await page.getStructTree()) ?? { role: 'Root', children: [] }) as Serialized);
  });
}

/**
 * The text of a page, line by line. `rtl` says the document is set right to left: its
 * lines are put back in reading order (rtl-lines.ts); in a left-to-right document, the
 * right-to-left words a line quotes are.
 */
function pageText(items: readonly TextItem[], rtl: boolean): string {
  const lines: TextItem[][] = [[]];
  for (const item of items) {
    lines[lines.length - 1]!.push(item);
    if (item.hasEOL) lines.push([]);
  }
  let text = '';
  for (const line of lines) {
    // In a right-to-left document every line reads right to left, even one without a
    // right-to-left letter ("2011." ending a paragraph).
    const ordered = rtl ? logicalOrder(line) : hasRightToLeft(line) ? logicalOrderLtr(line) : line;
    text += ordered.map((item) => item.str).join('');
    if (line.length > 0 && line[line.length - 1]!.hasEOL) text += '\n';
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
