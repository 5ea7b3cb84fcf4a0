/** Where the YAML frontmatter of a Markdown file is: between a first line `---` and the next `---` or `...`. */
export interface FrontmatterSplit {
  /** Offset of the first YAML character. */
  yamlStart: number;
  yamlEnd: number;
  /** Offset where the Markdown body starts. */
  bodyStart: number;
}

export type FrontmatterResult = { kind: 'found'; split: FrontmatterSplit } | { kind: 'missing' } | { kind: 'unclosed' };

/** Finds the frontmatter of normalized text (LF line endings, no BOM). It does not parse the YAML. */
export function splitFrontmatter(text: string): FrontmatterResult {
  const opening = /^---[ \t]*\n/.exec(text);
  if (!opening) return { kind: 'missing' };
  const closing = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(opening[0].length);
  const match = closing.exec(rest);
  if (!match) return { kind: 'unclosed' };
  const yamlStart = opening[0].length;
  const yamlEnd = yamlStart + match.index;
  const afterClosing = yamlEnd + match[0].length;
  return { kind: 'found', split: { yamlStart, yamlEnd, bodyStart: Math.min(text.length, afterClosing + 1) } };
}

/**
 * The body with the frontmatter blanked out (every character but newlines made a
 * space), so a Markdown parser reports positions in the whole file.
 */
export function blankFrontmatter(text: string, bodyStart: number): string {
  return text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + text.slice(bodyStart);
}
