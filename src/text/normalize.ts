/**
 * Source text as the rest of the pipeline sees it: no byte-order mark and `\n`
 * line endings. Removing a BOM and turning `\r\n` into `\n` changes no line or
 * column an editor shows, so positions computed on the normalized text are the
 * positions the author sees.
 */
export function normalizeText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return withoutBom.replace(/\r\n?/g, '\n');
}
