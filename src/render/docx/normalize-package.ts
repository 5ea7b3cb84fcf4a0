import { inflateSync, strFromU8, strToU8, unzipSync } from 'fflate';
import type { SheetView } from '../view.js';
import { stableFontKeys } from './font-keys.js';
import { storedEntries, zipEntries, type StoredEntry, type ZipEntry } from './zip.js';

/**
 * Makes the package docx wrote depend on the sheet alone, so the same sheet gives the same bytes whenever, wherever
 * and however often it is rendered:
 *
 * - docProps/core.xml: docx dates the document with the clock; it is dated with the view's timestamp instead, and
 *   given the `dc:language` docx has no option for;
 * - relationships: docx names those of hyperlinks with random (nanoid) ids; they get the next free `rIdN` of their
 *   part, in the order docx lists them;
 * - embedded fonts: docx obfuscates each with a random key; each gets a key made from its file, and the stand-in
 *   docx was given for a face of `faces` is replaced by the face (font-keys.ts);
 * - the zip: docx dates every entry with the clock, in the local time zone; entries are written again in a fixed
 *   order, `[Content_Types].xml` first, with the view's timestamp.
 *
 * Only the parts changed here are inflated and deflated again: the others keep the
 * compressed data docx gave them (a pure function of their text), copied as it is.
 * The renderer gives {@link normalizeParts} docx's parts before they are zipped
 * (compiled-parts.ts); a package docx zipped is for where that is not possible.
 */
export function normalizePackage(packed: Uint8Array, view: SheetView, faces: readonly Uint8Array[] = []): Uint8Array {
  const stored = storedEntries(packed);
  return normalizeParts(new Map<string, Uint8Array | StoredEntry>(stored ? stored : Object.entries(unzipSync(packed))), view, faces);
}

/**
 * The package of these parts, normalized as {@link normalizePackage} does: parts given
 * as text or bytes are deflated, those given as stored entries copied as they are.
 */
export function normalizeParts(parts: ReadonlyMap<string, string | Uint8Array | StoredEntry>, view: SheetView, faces: readonly Uint8Array[] = []): Uint8Array {
  const files = new Map<string, string | Uint8Array | StoredEntry>(parts);
  const bytes = (name: string): Uint8Array | null => {
    const data = files.get(name);
    return data === undefined ? null : typeof data === 'string' ? strToU8(data) : data instanceof Uint8Array ? data : inflated(data);
  };
  const text = (name: string): string | null => {
    const data = files.get(name);
    return data === undefined ? null : typeof data === 'string' ? data : strFromU8(bytes(name)!);
  };

  const core = text(CORE);
  if (core !== null) files.set(CORE, fixCoreProperties(core, view));

  for (const name of [...files.keys()].filter((n) => n.endsWith('.rels')).sort(byCodePoint)) {
    const rels = text(name)!;
    const renamed = stableRelationshipIds(rels);
    if (renamed.size === 0) continue;
    files.set(name, replaceAll(rels, renamed));
    const source = relsSource(name);
    const part = text(source);
    if (part !== null) files.set(source, replaceAll(part, renamed));
  }

  const fontTable = text(FONT_TABLE);
  const fontRels = text(FONT_TABLE_RELS);
  if (fontTable !== null && fontRels !== null) {
    const keyed = stableFontKeys(fontTable, fontRels, bytes, faces);
    files.set(FONT_TABLE, keyed.fontTable);
    for (const [name, data] of keyed.parts) files.set(name, data);
  }

  const entries: ZipEntry[] = [...files.keys()].sort(byPackageOrder).map((name) => {
    const data = files.get(name)!;
    if (typeof data === 'string') return { name, data: strToU8(data) };
    return data instanceof Uint8Array ? { name, data } : { name, stored: data };
  });
  return zipEntries(entries, view.timestamp);
}

function inflated(entry: StoredEntry): Uint8Array {
  return entry.method === 0 ? entry.compressed : inflateSync(entry.compressed, { out: new Uint8Array(entry.size) });
}

const CORE = 'docProps/core.xml';
const FONT_TABLE = 'word/fontTable.xml';
const FONT_TABLE_RELS = 'word/_rels/fontTable.xml.rels';

/** The created and modified dates the sheet says, without milliseconds, and the document's language. */
export function fixCoreProperties(xml: string, view: SheetView): string {
  const when = isoSeconds(view.timestamp);
  let out = xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${when}$3`);
  const language = `<dc:language>${escapeXml(view.lang)}</dc:language>`;
  if (/<dc:language\b/.test(out)) out = out.replace(/<dc:language\b[^>]*(\/>|>[^<]*<\/dc:language>)/, language);
  else out = out.replace(/(<cp:lastModifiedBy\b|<\/cp:coreProperties>)/, `${language}$1`);
  return out;
}

/** `2013-02-21T00:00:00Z`: the W3CDTF date Word writes. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * New names for the relationships of a .rels part whose ids are not `rIdN`: the numbers after the highest one, in
 * the order the part lists them.
 */
function stableRelationshipIds(rels: string): Map<string, string> {
  const ids = [...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]*)"/g)].map((m) => m[1]!);
  let next = Math.max(0, ...ids.map((id) => /^rId(\d+)$/.exec(id)).map((m) => (m ? Number(m[1]) : 0)));
  const renamed = new Map<string, string>();
  for (const id of ids) if (!/^rId\d+$/.test(id) && !renamed.has(id)) renamed.set(id, `rId${++next}`);
  return renamed;
}

/** Replaces quoted ids (`"id"`), as attribute values of the .rels part and of the part it belongs to. */
function replaceAll(xml: string, renamed: Map<string, string>): string {
  return xml.replace(/"([^"<>]*)"/g, (quoted, value: string) => {
    const id = renamed.get(value);
    return id === undefined ? quoted : `"${id}"`;
  });
}

/** The part a .rels part holds the relationships of: word/_rels/document.xml.rels -> word/document.xml. */
function relsSource(rels: string): string {
  const slash = rels.lastIndexOf('/_rels/');
  const dir = slash < 0 ? '' : rels.slice(0, slash + 1);
  return dir + rels.slice(slash < 0 ? '_rels/'.length : slash + '/_rels/'.length).replace(/\.rels$/, '');
}

/** The order of entries: the content types first, as Word expects, then the package's own relationships and the main document, then the rest by name. */
const FIRST = ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml', 'word/document.xml', 'word/_rels/document.xml.rels'];

function byPackageOrder(a: string, b: string): number {
  const ra = FIRST.indexOf(a);
  const rb = FIRST.indexOf(b);
  if (ra !== rb) return (ra < 0 ? FIRST.length : ra) - (rb < 0 ? FIRST.length : rb);
  return byCodePoint(a, b);
}

/** Plain code-point order, which depends on no locale. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
