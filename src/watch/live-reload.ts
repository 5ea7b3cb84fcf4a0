import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where pages listen for rebuilds, and the script that does it. */
export const EVENTS_PATH = '/__events';
export const SCRIPT_PATH = '/__live.js';

/**
 * The browsers' side of live reload, over Server-Sent Events. After a rebuild the
 * server sends the output paths it wrote; a page reloads when one of the paths it
 * shows (`data-paths` of its script tag) is among them. A preview page reloads only
 * the frame that changed; a page inside a preview's frame leaves that to the preview.
 * The page marks itself `data-factsheet-live="on"` once it listens.
 */
export const LIVE_SCRIPT = `(() => {
  const me = document.currentScript;
  const paths = (me.dataset.paths || '').split(' ').filter(Boolean);
  const preview = me.hasAttribute('data-preview');
  if (window.top !== window && !preview) return;
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('open', () => document.documentElement.setAttribute('data-factsheet-live', 'on'));
  events.addEventListener('rebuilt', (event) => {
    const changed = JSON.parse(event.data).changed;
    if (!changed.some((p) => paths.includes(p))) return;
    if (!preview) return location.reload();
    for (const frame of document.querySelectorAll('iframe[data-path]')) {
      if (changed.includes(frame.dataset.path)) frame.src = '/' + frame.dataset.path + '?v=' + Date.now();
    }
  });
  events.addEventListener('problems', (event) => {
    const lines = JSON.parse(event.data).lines;
    let box = document.getElementById('__factsheet-problems');
    if (lines.length === 0) return box && box.remove();
    if (!box) {
      box = document.createElement('pre');
      box.id = '__factsheet-problems';
      box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;margin:0;max-height:40vh;overflow:auto;padding:.5em 1em;background:#fff3cd;color:#000;border-top:2px solid #c00;font:12px/1.4 monospace;z-index:2147483647;white-space:pre-wrap';
      document.body.append(box);
    }
    box.textContent = lines.join('\\n');
  });
})();
`;

/**
 * The open event streams. `rebuilt` tells them which outputs changed; `problems`
 * carries the diagnostics of the last build (empty when clean), sent again to every
 * page that connects so a page loaded while the sources have errors says so.
 */
export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  private problems: string[] = [];

  attach(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // A lost connection is retried after a second (the server restarted, say).
    response.write('retry: 1000\n\n');
    send(response, 'problems', { lines: this.problems });
    this.clients.add(response);
    request.on('close', () => this.clients.delete(response));
  }

  /** Output paths (relative to the output folder, `en/partnerships.html`) a build wrote or removed. */
  rebuilt(changed: readonly string[]): void {
    if (changed.length === 0) return;
    for (const client of this.clients) send(client, 'rebuilt', { changed });
  }

  /** The diagnostic lines of the last build, none when it was clean. */
  setProblems(lines: readonly string[]): void {
    this.problems = [...lines];
    for (const client of this.clients) send(client, 'problems', { lines: this.problems });
  }

  /** Ends every stream, so that the server can close. */
  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

function send(response: ServerResponse, event: string, data: unknown): void {
  // A page that went away between its last event and its 'close' is not written to.
  if (response.writableEnded || response.destroyed) return;
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
