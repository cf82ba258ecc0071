import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** Why a fetch gave up. Expected outcomes, not bugs: every one reaches callers as a value. */
export type FetchFailureCode =
  | 'bad-url'
  | 'blocked-address'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'content-type'
  | 'network';

/** Carries a failure out of the stream callbacks; `fetchResource` turns it into a value. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(readonly code: FetchFailureCode, message: string, readonly status?: number) {
    super(message);
  }
}

/** What one HTTP request (one hop of a redirect chain) ended with. */
export type Hop =
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'body'; readonly bytes: Buffer; readonly contentType: string; readonly etag?: string; readonly lastModified?: string };

export interface HopOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly lookup: LookupFunction;
  /** `Date.now()` value after which the whole fetch has failed. */
  readonly deadline: number;
  readonly connectTimeoutMs: number;
  readonly maxBytes: number;
  readonly acceptType: (contentType: string) => boolean;
}

const redirectStatus = new Set([301, 302, 303, 307, 308]);

/**
 * One GET, without following redirects: the body is streamed, decompressed and counted, and the
 * request is destroyed as soon as the size limit or the deadline is passed.
 */
export function requestOnce(url: URL, options: HopOptions): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const remaining = options.deadline - Date.now();
    if (remaining <= 0) return reject(new FetchError('timeout', 'ran out of time following redirects'));
    const client = url.protocol === 'https:' ? https : http;
    // agent:false: a fresh socket per request, so the connect timer always sees a real connect and
    // no idle keep-alive socket outlives the fetch.
    const req = client.request(url, { method: 'GET', headers: options.headers, lookup: options.lookup, agent: false });
    let settled = false;
    const settle = (outcome: Hop | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      req.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const total = setTimeout(() => settle(new FetchError('timeout', `no complete answer within ${Math.round(remaining)} ms`)), remaining);
    const connect = setTimeout(
      () => settle(new FetchError('timeout', `could not connect within ${options.connectTimeoutMs} ms`)),
      Math.min(options.connectTimeoutMs, remaining),
    );
    req.on('socket', (socket) => socket.once('connect', () => clearTimeout(connect)));
    req.on('error', (error) => settle(asFetchError(error)));
    req.on('response', (res) => {
      clearTimeout(connect);
      onResponse(res, options, settle);
    });
    req.end();
  });
}

function onResponse(res: IncomingMessage, options: HopOptions, settle: (outcome: Hop | Error) => void): void {
  // Destroying the request to stop early makes the response emit an error: it must have a listener.
  res.on('error', (error) => settle(asFetchError(error)));
  const status = res.statusCode ?? 0;
  const location = res.headers.location;
  if (redirectStatus.has(status) && location) return settle({ kind: 'redirect', location });
  if (status === 304) return settle({ kind: 'not-modified' });
  if (status < 200 || status > 299) {
    return settle(new FetchError('http-status', `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, status));
  }
  const contentType = res.headers['content-type'] ?? '';
  if (!options.acceptType(contentType)) {
    return settle(new FetchError('content-type', `unexpected content type ${contentType.split(';')[0] || '(none)'}`));
  }
  const declared = Number(res.headers['content-length'] ?? 0);
  if (declared > options.maxBytes) return settle(new FetchError('too-large', `larger than ${options.maxBytes} bytes (${declared})`));
  const body = decompressed(res);
  if (!body) return settle(new FetchError('network', `unsupported content encoding ${String(res.headers['content-encoding'])}`));
  const chunks: Buffer[] = [];
  let size = 0;
  body.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > options.maxBytes) settle(new FetchError('too-large', `larger than ${options.maxBytes} bytes`));
    else chunks.push(chunk);
  });
  body.on('error', (error) => settle(asFetchError(error)));
  body.on('end', () => {
    const etag = res.headers.etag;
    const lastModified = res.headers['last-modified'];
    settle({
      kind: 'body',
      bytes: Buffer.concat(chunks),
      contentType,
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    });
  });
}

/** The body stream, decoded per Content-Encoding; the size limit counts decoded bytes (zip bombs). */
function decompressed(res: IncomingMessage): Readable | undefined {
  const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return res;
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return undefined;
}

function asFetchError(error: unknown): FetchError {
  if (error instanceof FetchError) return error;
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EBLOCKED') return new FetchError('blocked-address', e.message);
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return new FetchError('network', `host not found (${e.code})`);
  return new FetchError('network', e.code ? `${e.code}: ${e.message}` : e.message);
}
