import { parse, type DefaultTreeAdapterMap } from 'parse5';

/** A web page parsed as a browser parses it: its tree, and the parse errors on the way. */
export interface ParsedPage {
  document: DefaultTreeAdapterMap['document'];
  /** `code line:column` for each parse error; a page that is not UTF-8 has that one problem. */
  problems: string[];
}

const parsed = new WeakMap<Uint8Array, ParsedPage>();

/**
 * The page in `bytes`, parsed once however many readings of it ask (validity, text,
 * figures): parsing was most of what reading a page back cost, and it was done three
 * times. The parse is kept with the bytes object, which nothing writes to once rendered.
 */
export function parsedPage(bytes: Uint8Array): ParsedPage {
  let page = parsed.get(bytes);
  if (!page) {
    const problems: string[] = [];
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      problems.push('it is not valid UTF-8');
      text = new TextDecoder('utf-8').decode(bytes);
    }
    const utf8 = problems.length === 0;
    const document = parse(text, { onParseError: (error) => void (utf8 && problems.push(`${error.code} at ${error.startLine}:${error.startCol}`)) });
    page = { document, problems };
    parsed.set(bytes, page);
  }
  return page;
}
