import { createHash } from 'node:crypto';
import { canonicalJson } from '../text/canonical-json.js';
import type { Template } from '../model/template.js';
import type { Format } from '../render/renderer.js';
import type { SheetView } from '../render/view.js';

/** What an output of one sheet version depends on, besides the view its renderer receives. */
export interface KeyParts {
  format: Format;
  /** The tool's version: another version may render the same view differently. */
  tool: string;
  sourceDateEpoch: number | null;
}

/**
 * The key of one output: a SHA-256 over a canonical serialisation of the view its
 * renderer receives (the resolved sheet with its figure texts, labels, contact, the
 * template with its files and font bytes, the other languages it links), the format
 * and the tool's version. It is derived from the view object itself rather than from a
 * list of fields, so an input added to the view later is keyed without anyone
 * remembering to; a value the serialisation does not know (a function, a class
 * instance) is a defect and throws rather than being left out of the key.
 */
export function outputKey(view: SheetView, parts: KeyParts): string {
  let serialised = viewJson.get(view);
  if (serialised === undefined) {
    // The template is the same object for every sheet that uses it: serialised and hashed once.
    serialised = canonicalJson({ ...view, template: { sha256: templateHash(view.template) } });
    viewJson.set(view, serialised);
  }
  return createHash('sha256').update(canonicalJson(parts)).update('\n').update(serialised).digest('hex');
}

/**
 * The key of a project page (the index, the ledger): its template's source and the
 * context the template lays out, which holds everything the page says.
 */
export function pageKey(relative: string, templateSource: string, context: unknown, tool: string): string {
  return createHash('sha256').update(canonicalJson({ relative, templateSource, context, tool })).digest('hex');
}

/** A view is keyed in each of its formats: serialised once. */
const viewJson = new WeakMap<SheetView, string>();
const templateHashes = new WeakMap<Template, string>();

function templateHash(template: Template): string {
  let hash = templateHashes.get(template);
  if (hash === undefined) {
    hash = createHash('sha256').update(canonicalJson(template)).digest('hex');
    templateHashes.set(template, hash);
  }
  return hash;
}

