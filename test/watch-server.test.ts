import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RebuildQueue, resolveRequest, serveOut, type OutServer } from '../src/watch/index.js';
import { EXIT_USAGE } from '../src/cli/index.js';
import { runCli } from './helpers/cli.js';
import { FIXTURES, makeProject, tempDir } from './helpers/project.js';

/** A raw GET: the path goes on the request line exactly as given, `..` and all. */
function get(url: string, rawPath: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves once `check` holds, polling; generous, since the machine may be loaded. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 6000 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('the served output folder', () => {
  const project = tempDir();
  const out = path.join(project, 'out');
  const page = '<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head><body><p>Sample</p></body></html>\n';
  let server: OutServer;

  beforeAll(async () => {
    writeFileSync(path.join(project, 'factsheet.yaml'), 'secret: settings\n');
    mkdirSync(path.join(out, 'en'), { recursive: true });
    mkdirSync(path.join(out, '.factsheet'));
    writeFileSync(path.join(out, '.factsheet/manifest.json'), '{}');
    writeFileSync(path.join(out, 'index.html'), page);
    writeFileSync(path.join(out, 'en/sample.html'), page);
    writeFileSync(path.join(out, 'en/sample.pdf'), '%PDF-1.7\n');
    writeFileSync(path.join(out, 'en/sample.docx'), 'PK');
    symlinkSync(path.join(project, 'factsheet.yaml'), path.join(out, 'en/link.html'));
    server = await serveOut(out, 0);
  });
  afterAll(() => server?.close());

  it('serves outputs with their content types', async () => {
    expect(await get(server.url, '/en/sample.pdf')).toMatchObject({ status: 200, type: 'application/pdf', body: '%PDF-1.7\n' });
    expect((await get(server.url, '/en/sample.docx')).type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await get(server.url, '/en/sample.html')).type).toBe('text/html; charset=utf-8');
  });

  it('adds the live-reload script to pages as it serves them, never to the files', async () => {
    const served = await get(server.url, '/en/sample.html');
    expect(served.body).toContain('<script src="/__live.js" data-paths="en/sample.html"></script>\n</body>');
    expect(readFileSync(path.join(out, 'en/sample.html'), 'utf8')).toBe(page);
    expect((await get(server.url, '/__live.js')).type).toBe('text/javascript; charset=utf-8');
  });

  it('links the preview of every sheet version from the index', async () => {
    const index = await get(server.url, '/');
    expect(index.body).toContain('<a href="/__preview/en/sample">en/sample</a>');
    expect(index.body).toContain('data-paths="index.html"');
  });

  it('shows a version\'s page and PDF side by side in its preview', async () => {
    const preview = await get(server.url, '/__preview/en/sample');
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('<iframe src="/en/sample.html" data-path="en/sample.html"');
    expect(preview.body).toContain('<iframe src="/en/sample.pdf" data-path="en/sample.pdf"');
    expect((await get(server.url, '/__preview/en/other')).status).toBe(404);
  });

  it.each([
    '/../factsheet.yaml',
    '/%2e%2e/factsheet.yaml',
    '/%2E%2E%2Ffactsheet.yaml',
    '/..%2ffactsheet.yaml',
    '/en/..%2f..%2ffactsheet.yaml',
    '/en/%2e%2e/%2e%2e/factsheet.yaml',
  ])('refuses %s, which leads out of the folder', async (raw) => {
    const response = await get(server.url, raw);
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('secret');
  });

  it('serves neither a link that leads out of the folder nor the build\'s own state', async () => {
    for (const raw of ['/en/link.html', '/.factsheet/manifest.json', '/%2efactsheet/manifest.json', '/en/%00.html', '/%zz']) {
      const response = await get(server.url, raw);
      expect(response.status, raw).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('secret');
    }
  });

  it('only reads', async () => {
    expect((await get(server.url, '/en/sample.html', 'POST')).status).toBe(405);
  });

  it('tells open pages what a rebuild wrote, and the problems of the last build', async () => {
    const { port } = new URL(server.url);
    let text = '';
    const req = request({ host: '127.0.0.1', port, path: '/__events' }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
    });
    req.end();
    await until(() => text.includes('event: problems'));
    server.live.setProblems(['sources/a/en.md:1:1: error: broken [rule]']);
    server.live.rebuilt(['en/sample.html']);
    await until(() => text.includes('event: rebuilt'));
    expect(text).toContain('data: {"lines":["sources/a/en.md:1:1: error: broken [rule]"]}');
    expect(text).toContain('event: rebuilt\ndata: {"changed":["en/sample.html"]}');
    req.destroy();
  });
});

describe('resolveRequest', () => {
  it('maps a path inside the folder to its file', () => {
    expect(resolveRequest('/srv/out', '/en/a%20b.html')).toEqual({ file: '/srv/out/en/a b.html', relative: 'en/a b.html' });
    expect(resolveRequest('/srv/out', '/')).toEqual({ file: '/srv/out', relative: '' });
  });

  it('refuses what resolves outside it, however it is spelt', () => {
    for (const raw of ['/..', '/../out2/x', '/%2e%2e/x', '/a/..%2f..%2fx']) expect(resolveRequest('/srv/out', raw), raw).toEqual({ refused: 403 });
    expect(resolveRequest('/srv/out', '/a/../b.html')).toEqual({ file: '/srv/out/b.html', relative: 'b.html' });
  });
});

describe('RebuildQueue', () => {
  it('runs one build at a time, and changes made during a build make one more', async () => {
    const runs: string[][] = [];
    let running = 0;
    let overlapped = false;
    let release: () => void = () => undefined;
    const queue = new RebuildQueue(async (changed) => {
      running += 1;
      overlapped ||= running > 1;
      runs.push(changed);
      await new Promise<void>((resolve) => (release = resolve));
      running -= 1;
    }, 5);
    queue.runNow();
    await until(() => runs.length === 1);
    queue.changed('sources/a/en.md');
    queue.changed('sources/b/en.md');
    await new Promise((r) => setTimeout(r, 50));
    queue.changed('sources/a/en.md');
    await new Promise((r) => setTimeout(r, 50));
    expect(runs.length).toBe(1); // still the first
    release();
    await until(() => runs.length === 2);
    release();
    await until(() => !queue.busy);
    expect(runs).toEqual([[], ['sources/a/en.md', 'sources/b/en.md']]);
    expect(overlapped).toBe(false);
    await queue.stop();
  });

  it('gathers a burst of changes into one build', async () => {
    const runs: string[][] = [];
    const queue = new RebuildQueue(async (changed) => void runs.push(changed), 20);
    for (const file of ['x', 'y', 'x', 'z']) queue.changed(file);
    await until(() => runs.length === 1 && !queue.busy);
    await queue.stop();
    expect(runs).toEqual([['x', 'y', 'z']]);
  });
});

describe('the command line of watch and serve', () => {
  it('refuses a port that is not one, and --port without serving', async () => {
    const project = makeProject(path.join(FIXTURES, 'base'));
    for (const args of [['serve', '--port', 'http'], ['serve', '--port', '65536'], ['watch', '--port', '4000'], ['watch', '--reporter', 'json']]) {
      const run = await runCli(args, project);
      expect(run.code, args.join(' ')).toBe(EXIT_USAGE);
    }
    expect(existsSync(path.join(project, 'out'))).toBe(false);
  });

  it('says so when the port is taken, without a stack trace', async () => {
    const project = makeProject(path.join(FIXTURES, 'base'));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = taken.address() as AddressInfo;
      for (const command of [['serve'], ['watch', '--serve']]) {
        const run = await runCli([...command, '--port', String(port)], project);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe(`factsheet: cannot serve out: port ${port} is in use; choose another with --port (0 picks a free one)\n`);
      }
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
