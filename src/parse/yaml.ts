import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Location } from '../model/position.js';
import type { SourceFile } from '../text/source-file.js';

/**
 * A YAML document read from part of a source file. `base` is the offset of the YAML
 * text in the file, so every node maps back to the author's line and column.
 */
export interface YamlSource {
  file: SourceFile;
  base: number;
  doc: Document.Parsed;
}

export interface YamlEntry {
  key: string;
  keyNode: Node;
  value: Node | null;
  pair: Pair;
}

export function parseYaml(file: SourceFile, text: string, base = 0): { yaml: YamlSource; diagnostics: Diagnostic[] } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    diagnostics.push(
      diagnostic('error', 'yaml-syntax', file.location(base + error.pos[0], base + error.pos[1]), yamlMessage(error.message)),
    );
  }
  for (const warning of doc.warnings) {
    diagnostics.push(
      diagnostic('warning', 'yaml-syntax', file.location(base + warning.pos[0], base + warning.pos[1]), yamlMessage(warning.message)),
    );
  }
  return { yaml: { file, base, doc }, diagnostics };
}

/** yaml's messages sometimes end with a position or a code excerpt; the reporter prints positions. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  // The parser gives up on deep nesting by running out of stack; say what the author can fix.
  if (/maximum call stack/i.test(first)) return 'malformed YAML: nested too deeply';
  return `malformed YAML: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

export function nodeLocation(yaml: YamlSource, node: Node | null | undefined, fallback?: Location): Location {
  const range = node?.range;
  if (!range) return fallback ?? yaml.file.location(yaml.base);
  return yaml.file.location(yaml.base + range[0], yaml.base + range[1]);
}

/** The entries of a mapping in document order, with keys as strings. */
export function mapEntries(node: Node | null | undefined): YamlEntry[] | null {
  if (!isMap(node)) return null;
  const entries: YamlEntry[] = [];
  for (const pair of node.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    entries.push({ key, keyNode, value: (pair.value as Node | null) ?? null, pair });
  }
  return entries;
}

export function scalarValue(node: Node | null): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** Items of a sequence, or null when the node is not one. */
export function seqItems(node: Node | null): Node[] | null {
  return isSeq(node) ? (node.items as Node[]) : null;
}

export function describeYamlValue(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'nothing';
    if (typeof value === 'string') return `the text "${value}"`;
    return `${typeof value} ${String(value)}`;
  }
  return 'an alias';
}
