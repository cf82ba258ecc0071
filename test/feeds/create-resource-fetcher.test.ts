import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResourceFetcher } from '../../src/feeds/create-resource-fetcher.js';
import { guardedLookup } from '../../src/feeds/guarded-lookup.js';
import { startNewsServer, type NewsServer } from './support/news-server.js';

let server: NewsServer;

beforeAll(async () => {
  server = await startNewsServer();
  server.serve('/article', '<html><body><p>Hello</p></body></html>');
  server.route('/slow', (_req, res) => {
    const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>late</p>'), 3_000);
    res.on('close', () => clearTimeout(timer));
  });
  server.route('/huge', (_req, res) => {
    // No Content-Length: the limit has to be enforced while streaming.
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = '<p>' + 'x'.repeat(64 * 1024) + '</p>';
    let sent = 0;
    const push = (): void => {
      while (sent < 3 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', push);
      }
      res.end();
    };
    res.on('error', () => undefined);
    push();
  });
  server.route('/declared-huge', (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5 * 1024 * 1024) }).end());
  server.route('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
  server.route('/loop-b', (_req, res) => res.writeHead(301, { location: server.url('/loop-a') }).end());
  server.route('/hop-1', (_req, res) => res.writeHead(301, { location: '/hop-2' }).end());
  server.route('/hop-2', (_req, res) => res.writeHead(307, { location: '/article?from=hop' }).end());
  server.route('/to-file', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
  server.route('/broken', (_req, res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Oops</h1>'));
  server.serve('/picture', 'PNG', 'image/png');
  server.route('/gzipped', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync('<p>Café crème</p>')));
  server.serve('/latin1', Buffer.from('<p>caf\xe9</p>', 'latin1'), 'text/html; charset=iso-8859-1');
});

afterAll(() => server.close());

const fetcher = createResourceFetcher({ allowPrivate: true, timeoutMs: 400 });

describe('fetching within bounds', () => {
  it('gives up on a slow page at the timeout', async () => {
    const started = Date.now();
    const result = await fetcher.fetch(server.url('/slow'), { kind: 'page' });
    expect(result).toMatchObject({ ok: false, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('aborts an oversized page while streaming, and refuses one that declares its size', async () => {
    expect(await createResourceFetcher({ allowPrivate: true }).fetch(server.url('/huge'), { kind: 'page' })).toMatchObject({ ok: false, code: 'too-large' });
    expect(await fetcher.fetch(server.url('/declared-huge'), { kind: 'page' })).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('follows at most 5 redirects and stops a redirect loop', async () => {
    const before = server.requests.length;
    expect(await fetcher.fetch(server.url('/loop-a'), { kind: 'page' })).toMatchObject({ ok: false, code: 'too-many-redirects' });
    expect(server.requests.length - before).toBe(6);
    expect(await fetcher.fetch(server.url('/hop-1'), { kind: 'page' })).toMatchObject({ ok: true, url: server.url('/article?from=hop'), body: '<html><body><p>Hello</p></body></html>' });
  });

  it('does not follow a redirect to anything but http(s)', async () => {
    expect(await fetcher.fetch(server.url('/to-file'), { kind: 'page' })).toMatchObject({ ok: false, code: 'bad-url' });
    expect(await fetcher.fetch('ftp://127.0.0.1/x', { kind: 'page' })).toMatchObject({ ok: false, code: 'bad-url' });
  });

  it('reports 404 and 500 with their status', async () => {
    expect(await fetcher.fetch(server.url('/missing'), { kind: 'page' })).toMatchObject({ ok: false, code: 'http-status', status: 404 });
    expect(await fetcher.fetch(server.url('/broken'), { kind: 'page' })).toMatchObject({ ok: false, code: 'http-status', status: 500, message: 'HTTP 500 Internal Server Error' });
  });

  it('checks the content type: HTML for pages, XML for feeds', async () => {
    expect(await fetcher.fetch(server.url('/picture'), { kind: 'page' })).toMatchObject({ ok: false, code: 'content-type', message: 'unexpected content type image/png' });
    expect(await fetcher.fetch(server.url('/article'), { kind: 'feed' })).toMatchObject({ ok: false, code: 'content-type' });
  });

  it('decompresses gzip and decodes the declared charset', async () => {
    expect(await fetcher.fetch(server.url('/gzipped'), { kind: 'page' })).toMatchObject({ ok: true, body: '<p>Café crème</p>' });
    expect(await fetcher.fetch(server.url('/latin1'), { kind: 'page' })).toMatchObject({ ok: true, body: '<p>café</p>' });
  });
});

describe('private addresses', () => {
  it('are refused before any request when not allowed', async () => {
    const strict = createResourceFetcher({ allowPrivate: false, timeoutMs: 400 });
    const before = server.requests.length;
    expect(await strict.fetch(server.url('/article'), { kind: 'page' })).toMatchObject({ ok: false, code: 'blocked-address' });
    expect(await strict.fetch(server.url('/article').replace('127.0.0.1', '[::1]'), { kind: 'page' })).toMatchObject({ ok: false, code: 'blocked-address' });
    expect(server.requests.length).toBe(before);
  });

  it('are refused when any address of a host name is private', async () => {
    const resolveHost = async (host: string) =>
      host === 'intranet.example' ? [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.8', family: 4 }] : [];
    const strict = createResourceFetcher({ allowPrivate: false, timeoutMs: 400, resolveHost });
    expect(await strict.fetch('http://intranet.example/x', { kind: 'page' })).toMatchObject({ ok: false, code: 'blocked-address', message: expect.stringContaining('10.0.0.8') });
  });

  it('reports a host name that does not resolve as not found', async () => {
    const resolveHost = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' });
    };
    const strict = createResourceFetcher({ allowPrivate: false, resolveHost });
    expect(await strict.fetch('http://nowhere.invalid/x', { kind: 'page' })).toEqual({ ok: false, code: 'network', message: 'host not found (ENOTFOUND)' });
  });

  it('are refused at connect time too, when a host changes its answer after the first check', async () => {
    let calls = 0;
    const lookup = guardedLookup(async () => [{ address: ++calls === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }], false);
    const first = await new Promise((resolve) => lookup('rebind.example', {}, (error, address) => resolve(error ?? address)));
    const second = await new Promise((resolve) => lookup('rebind.example', {}, (error, address) => resolve(error ?? address)));
    expect(first).toBe('93.184.216.34');
    expect(second).toMatchObject({ code: 'EBLOCKED' });
  });
});
