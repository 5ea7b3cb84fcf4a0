import { SCRIPT_PATH } from './live-reload.js';

/** Where the preview of a sheet version is served: `/__preview/<lang>/<sheet>`. */
export const PREVIEW_PATH = '/__preview/';

/** A sheet version the output folder holds, with the formats a preview can show. */
export interface PreviewVersion {
  lang: string;
  id: string;
  html: boolean;
  pdf: boolean;
}

/**
 * The preview of one sheet version: its web page and its PDF side by side (the PDF in
 * the browser's own viewer), each frame reloaded when its file is rebuilt.
 */
export function previewPage(version: PreviewVersion): string {
  const name = `${version.lang}/${version.id}`;
  const frames = [
    version.html ? frame(`${name}.html`, 'HTML') : '',
    version.pdf ? frame(`${name}.pdf`, 'PDF') : '',
  ].join('');
  const paths = [version.html ? `${name}.html` : '', version.pdf ? `${name}.pdf` : ''].filter(Boolean).join(' ');
  return `<!DOCTYPE html>
<html lang="${escape(version.lang)}">
<head>
<meta charset="utf-8">
<title>Preview ${escape(name)}</title>
<style>
html, body { margin: 0; height: 100%; }
body { display: flex; }
iframe { flex: 1 1 50%; height: 100%; border: 0; border-left: 1px solid #ccc; }
</style>
</head>
<body>
${frames}<script src="${SCRIPT_PATH}" data-preview data-paths="${escape(paths)}"></script>
</body>
</html>
`;
}

function frame(path: string, title: string): string {
  return `<iframe src="/${escape(path)}" data-path="${escape(path)}" title="${title}"></iframe>\n`;
}

/** The links to every preview, added to the index page as it is served. */
export function previewLinks(versions: readonly PreviewVersion[]): string {
  if (versions.length === 0) return '';
  const items = versions.map((v) => `<li><a href="${PREVIEW_PATH}${escape(encodeURIComponent(v.lang))}/${escape(encodeURIComponent(v.id))}">${escape(`${v.lang}/${v.id}`)}</a></li>`);
  // Styled inline: the page's own style sheet knows nothing of it.
  const style = 'max-width:960px;margin:2rem auto;padding:0 1rem;font:14px/1.5 system-ui,sans-serif;color:#333';
  return `<nav id="__factsheet-previews" aria-label="Previews" style="${style}"><p>Previews, web page and PDF side by side:</p><ul>${items.join('')}</ul></nav>\n`;
}

/**
 * An HTML page as served: the live-reload script (and on the index, the preview
 * links) inserted before `</body>`, or at the end when there is none. The file on
 * disk is never changed.
 */
export function withLiveReload(html: string, paths: readonly string[], extra = ''): string {
  const tag = `${extra}<script src="${SCRIPT_PATH}" data-paths="${escape(paths.join(' '))}"></script>\n`;
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
