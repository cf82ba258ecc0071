import { decodeBody } from './decode-body.js';
import { findBlockedAddress, guardedLookup, systemResolveHost, type ResolveHost } from './guarded-lookup.js';
import { FetchError, requestOnce, type FetchFailureCode } from './request-once.js';

export type { FetchFailureCode } from './request-once.js';

/** `page`: an article page (HTML). `feed`: an RSS/Atom document (XML). */
export type FetchKind = 'page' | 'feed';

export interface FetchRequest {
  readonly kind: FetchKind;
  /** Validators from the last good answer: sent as If-None-Match / If-Modified-Since. */
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchResult =
  | {
      readonly ok: true;
      readonly notModified: false;
      /** The address the body came from, after redirects. */
      readonly url: string;
      readonly contentType: string;
      readonly body: string;
      readonly etag?: string;
      readonly lastModified?: string;
    }
  | { readonly ok: true; readonly notModified: true; readonly url: string }
  | { readonly ok: false; readonly code: FetchFailureCode; readonly message: string; readonly status?: number };

export interface ResourceFetcherOptions {
  /** Let requests reach private, loopback and link-local addresses (tests, intranets). */
  readonly allowPrivate: boolean;
  /** The whole fetch, redirects included. Default 10 s. */
  readonly timeoutMs?: number;
  /** Connecting one socket. Default 5 s (or `timeoutMs` when shorter). */
  readonly connectTimeoutMs?: number;
  /** Largest body accepted, after decompression. Default 2 MiB. */
  readonly maxBytes?: number;
  /** Default 5. */
  readonly maxRedirects?: number;
  /** Host resolution; `dns.lookup` unless a test injects one. */
  readonly resolveHost?: ResolveHost;
  readonly userAgent?: string;
}

/** Fetches feeds and pages within fixed bounds; see `createResourceFetcher`. */
export interface ResourceFetcher {
  fetch(url: string, request: FetchRequest): Promise<FetchResult>;
}

const accepted: Record<FetchKind, { header: string; type: RegExp }> = {
  page: { header: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', type: /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i },
  feed: {
    header: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1',
    type: /^\s*(application|text)\/([\w.+-]*\+)?(xml|rss|atom|rdf)(\+xml)?\s*(;|$)/i,
  },
};

/**
 * A bounded fetcher for untrusted URLs: http and https only, no credentials in the URL, a total
 * deadline and a connect timeout, a size limit enforced while streaming, at most `maxRedirects`
 * redirects followed by hand (each hop checked again), the content type checked before the body is
 * read, and private addresses refused (every address of the host, at connect time too) unless
 * allowed. Never throws: every failure is a `{ ok: false }` value with a short reason.
 */
export function createResourceFetcher(options: ResourceFetcherOptions): ResourceFetcher {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const connectTimeoutMs = Math.min(options.connectTimeoutMs ?? 5_000, timeoutMs);
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const resolve = options.resolveHost ?? systemResolveHost;
  const lookup = guardedLookup(resolve, options.allowPrivate);
  const userAgent = options.userAgent ?? 'Sitrep/0.1 (news briefing bot)';

  async function fetchOnce(start: string, request: FetchRequest): Promise<FetchResult> {
    let url = httpUrl(start);
    const deadline = Date.now() + timeoutMs;
    const headers = {
      'user-agent': userAgent,
      accept: accepted[request.kind].header,
      'accept-encoding': 'gzip, deflate, br',
      ...(request.etag ? { 'if-none-match': request.etag } : {}),
      ...(request.lastModified ? { 'if-modified-since': request.lastModified } : {}),
    };
    for (let hop = 0; hop <= maxRedirects; hop++) {
      if (!options.allowPrivate) {
        const blocked = await findBlockedAddress(url.hostname, resolve);
        if (blocked) throw new FetchError('blocked-address', `${url.hostname} is a private, loopback or link-local address (${blocked})`);
      }
      const type = accepted[request.kind].type;
      const result = await requestOnce(url, { headers, lookup, deadline, connectTimeoutMs, maxBytes, acceptType: (ct) => type.test(ct) });
      if (result.kind === 'redirect') {
        url = httpUrl(new URL(result.location, url).href);
        continue;
      }
      if (result.kind === 'not-modified') return { ok: true, notModified: true, url: url.href };
      return {
        ok: true,
        notModified: false,
        url: url.href,
        contentType: result.contentType,
        body: decodeBody(result.bytes, result.contentType),
        ...(result.etag ? { etag: result.etag } : {}),
        ...(result.lastModified ? { lastModified: result.lastModified } : {}),
      };
    }
    throw new FetchError('too-many-redirects', `more than ${maxRedirects} redirects`);
  }

  return {
    async fetch(url, request) {
      try {
        return await fetchOnce(url, request);
      } catch (error) {
        if (error instanceof FetchError) return { ok: false, code: error.code, message: error.message, ...(error.status ? { status: error.status } : {}) };
        const e = error as NodeJS.ErrnoException;
        if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return { ok: false, code: 'network', message: `host not found (${e.code})` };
        return { ok: false, code: 'network', message: e.code ? `${e.code}: ${e.message}` : String(e.message ?? e) };
      }
    },
  };
}

function httpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError('bad-url', 'not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('bad-url', `${url.protocol} links are not fetched; only http and https`);
  if (url.username || url.password) throw new FetchError('bad-url', 'links with a user name or password are not fetched');
  return url;
}
