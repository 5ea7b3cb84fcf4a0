import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import mime from 'mime';
import { EVENTS_PATH, LIVE_SCRIPT, LiveReload, SCRIPT_PATH } from './live-reload.js';
import { previewLinks, previewPage, PREVIEW_PATH, withLiveReload, type PreviewVersion } from './preview-page.js';
import { isInside, resolveRequest } from './resolve-request.js';

export interface OutServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  live: LiveReload;
  close(): Promise<void>;
}

/**
 * Serves the output folder read-only on 127.0.0.1 (port 0 picks a free one), with
 * live reload: HTML pages get the reload script as they are served, never in the
 * files; `/__preview/<lang>/<sheet>` shows a version's page and PDF side by side, and
 * the index page links every preview. Nothing outside `outDir` is ever served.
 */
export async function serveOut(outDir: string, port: number): Promise<OutServer> {
  const live = new LiveReload();
  const server = createServer((request, response) => {
    handle(outDir, live, request, response).catch(() => {
      if (!response.headersSent) plain(response, 500, 'the file could not be read');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${bound}/`, live, close: () => closeServer(server, live) };
}

async function handle(outDir: string, live: LiveReload, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return plain(response, 405, 'this server only reads');
  }
  const rawPath = (request.url ?? '/').split(/[?#]/)[0]!;
  if (rawPath === EVENTS_PATH) return live.attach(request, response);
  if (rawPath === SCRIPT_PATH) return send(request, response, 'text/javascript; charset=utf-8', LIVE_SCRIPT);
  if (rawPath.startsWith(PREVIEW_PATH)) return preview(outDir, rawPath.slice(PREVIEW_PATH.length), request, response);

  const resolved = resolveRequest(outDir, rawPath);
  if ('refused' in resolved) return plain(response, resolved.refused, resolved.refused === 403 ? 'outside the output folder' : 'not found');
  let { file, relative } = resolved;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    relative = relative === '' ? 'index.html' : `${relative}/index.html`;
  }
  const bytes = await readContained(outDir, file);
  if (!bytes) return plain(response, 404, 'not found');
  const type = contentType(file);
  if (!type.startsWith('text/html')) return send(request, response, type, bytes);
  const links = relative === 'index.html' ? previewLinks(await versionsIn(outDir)) : '';
  return send(request, response, type, withLiveReload(bytes.toString('utf8'), [relative], links));
}

/** A file's bytes, or null when it is not a file or its real path (through links) leaves the folder. */
async function readContained(outDir: string, file: string): Promise<Buffer | null> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(outDir), realpath(file)]);
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return null;
    return await readFile(realFile);
  } catch {
    return null;
  }
}

async function preview(outDir: string, rest: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const versions = await versionsIn(outDir);
  let name: string;
  try {
    name = decodeURIComponent(rest).replace(/\/$/, '');
  } catch {
    return plain(response, 400, 'bad address');
  }
  if (name === '') return send(request, response, 'text/html; charset=utf-8', withLiveReload(`<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Previews</title></head><body>\n${previewLinks(versions)}</body></html>\n`, ['index.html']));
  const version = versions.find((v) => `${v.lang}/${v.id}` === name);
  if (!version) return plain(response, 404, `no sheet version "${name}" in the output folder`);
  return send(request, response, 'text/html; charset=utf-8', previewPage(version));
}

/** The sheet versions the output folder holds: `<lang>/<id>.html` or `.pdf`. */
async function versionsIn(outDir: string): Promise<PreviewVersion[]> {
  const found = new Map<string, PreviewVersion>();
  for (const lang of (await readdir(outDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory() && !e.name.startsWith('.'))) {
    for (const name of (await readdir(path.join(outDir, lang.name)).catch(() => [] as string[])).sort()) {
      const match = /^(.+)\.(html|pdf)$/.exec(name);
      // Each language's index and ledger pages stand beside its sheets; no sheet takes their names.
      if (!match || match[1] === 'index' || match[1] === 'figures') continue;
      const key = `${lang.name}/${match[1]}`;
      const version = found.get(key) ?? { lang: lang.name, id: match[1]!, html: false, pdf: false };
      version[match[2] as 'html' | 'pdf'] = true;
      found.set(key, version);
    }
  }
  return [...found.values()].sort((a, b) => (a.id === b.id ? cmp(a.lang, b.lang) : cmp(a.id, b.id)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function contentType(file: string): string {
  const type = mime.getType(file) ?? 'application/octet-stream';
  // Every text the build writes is UTF-8.
  return type.startsWith('text/') || type === 'application/json' || type === 'image/svg+xml' ? `${type}; charset=utf-8` : type;
}

function send(request: IncomingMessage, response: ServerResponse, type: string, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  // Always the file as it is now: a rebuilt output must never come from a cache.
  response.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${status} ${text}\n`);
}

async function closeServer(server: Server, live: LiveReload): Promise<void> {
  live.close();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Browsers keep idle connections open; they must not hold the process.
  server.closeAllConnections();
  await closed;
}
