import type { Article } from '../core/types.js';
import type { Logger } from '../logger.js';
import { backoffMs } from '../shared/backoff-ms.js';
import { canonicalUrl } from './canonical-url.js';
import type { ResourceFetcher } from './create-resource-fetcher.js';
import type { IngestOutcome, UrlIngestor } from './create-url-ingestor.js';
import type { FeedState, PendingItem } from './feed-state-store.js';
import { matchesKeywords } from './match-keywords.js';
import { parseFeed, type FeedItem } from './parse-feed.js';
import { errorText } from '../shared/error-text.js';

/** What one feed did in one poll. */
export interface FeedPollResult {
  readonly url: string;
  /** `updated`: a new document was read; `not-modified`: 304; `not-due`: skipped (interval or backoff). */
  readonly outcome: 'updated' | 'not-modified' | 'not-due' | 'failed';
  /** Items in the document. */
  readonly items: number;
  /** New items whose title or summary matched the keywords. */
  readonly matched: number;
  readonly added: readonly Article[];
  /** Items found to be articles the topic already has (same URL or near-identical text). */
  readonly duplicates: number;
  /** Item pages that failed this time (kept for retry unless the failure is permanent). */
  readonly pageFailures: number;
  readonly error?: string;
}

export interface PollFeedContext {
  readonly topicName: string;
  readonly keywords: readonly string[];
  readonly now: Date;
  readonly intervalMs: number;
  readonly backoffCapMs: number;
  readonly maxItems: number;
  readonly fetcher: ResourceFetcher;
  readonly ingestor: UrlIngestor;
  readonly logger: Logger;
}

const maxSeen = 2000;
const maxPageAttempts = 5;
/** A page that is not HTML, too large or not an article will not become one by retrying. */
const permanent = new Set(['bad-url', 'blocked-address', 'content-type', 'too-large', 'too-many-redirects', 'not-html', 'not-an-article']);

/**
 * Polls one feed once, if due, and updates `state` in place: conditional GET with the stored
 * validators, new matching items (and earlier failed pages whose retry time has come) fetched
 * into the topic, failures counted with exponential backoff. A failed poll keeps the last good
 * validators and seen items.
 */
export async function pollFeed(url: string, state: FeedState, ctx: PollFeedContext): Promise<FeedPollResult> {
  const now = ctx.now.getTime();
  const empty = { url, items: 0, matched: 0, added: [], duplicates: 0, pageFailures: 0 };
  if (state.nextAttemptAt && Date.parse(state.nextAttemptAt) > now) return { ...empty, outcome: 'not-due' };
  state.lastAttemptAt = ctx.now.toISOString();
  const answer = await ctx.fetcher.fetch(url, { kind: 'feed', ...validators(state) });
  let fresh: FeedItem[] = [];
  let itemCount = 0;
  if (!answer.ok) return failed(state, ctx, empty, answer.message);
  if (!answer.notModified) {
    const parsed = parseFeed(answer.body, answer.url);
    if (!parsed.ok) return failed(state, ctx, empty, parsed.reason);
    if (answer.etag) state.etag = answer.etag;
    else delete state.etag;
    if (answer.lastModified) state.lastModified = answer.lastModified;
    else delete state.lastModified;
    itemCount = parsed.feed.items.length;
    fresh = newItems(parsed.feed.items, state, ctx.keywords).slice(0, ctx.maxItems);
    for (const item of fresh) state.pending.push(pendingOf(item, parsed.feed.title, ctx.now));
  }
  succeeded(state, ctx);
  const tally = await fetchDuePages(state, ctx);
  return { ...empty, ...tally, outcome: answer.notModified ? 'not-modified' : 'updated', items: itemCount, matched: fresh.length };
}

function validators(state: FeedState): { etag?: string; lastModified?: string } {
  return { ...(state.etag ? { etag: state.etag } : {}), ...(state.lastModified ? { lastModified: state.lastModified } : {}) };
}

function newItems(items: readonly FeedItem[], state: FeedState, keywords: readonly string[]): FeedItem[] {
  const seen = new Set(state.seen);
  const pending = new Set(state.pending.map((p) => p.id));
  const out: FeedItem[] = [];
  for (const item of items) {
    const known = seen.has(item.id) || seen.has(canonicalUrl(item.url)) || pending.has(item.id) || out.some((o) => o.id === item.id);
    if (known || !matchesKeywords(`${item.title ?? ''}\n${item.summary ?? ''}`, keywords)) continue;
    out.push(item);
  }
  return out;
}

function pendingOf(item: FeedItem, feedTitle: string | undefined, now: Date): PendingItem {
  return {
    id: item.id,
    url: item.url,
    ...(item.title ? { title: item.title } : {}),
    ...(item.published ? { published: item.published } : {}),
    ...(feedTitle ? { source: feedTitle } : {}),
    failures: 0,
    nextAttemptAt: now.toISOString(),
    error: '',
  };
}

/** Fetches every pending page whose time has come; one at a time, to be polite to the site. */
async function fetchDuePages(state: FeedState, ctx: PollFeedContext): Promise<Pick<FeedPollResult, 'added' | 'duplicates' | 'pageFailures'>> {
  const added: Article[] = [];
  let duplicates = 0;
  let pageFailures = 0;
  for (const item of [...state.pending]) {
    if (Date.parse(item.nextAttemptAt) > ctx.now.getTime()) continue;
    const hints = { ...(item.title ? { title: item.title } : {}), ...(item.source ? { source: item.source } : {}), ...(item.published ? { published: item.published } : {}) };
    const outcome = await ingestSafely(item, hints, ctx);
    if (outcome.kind === 'added') added.push(outcome.article);
    if (outcome.kind === 'duplicate') duplicates++;
    if (outcome.kind === 'failed') {
      pageFailures++;
      item.failures++;
      item.error = outcome.message;
      item.nextAttemptAt = new Date(ctx.now.getTime() + backoffMs(item.failures, ctx.intervalMs, ctx.backoffCapMs)).toISOString();
      const givingUp = permanent.has(outcome.code) || item.failures >= maxPageAttempts;
      ctx.logger.warn(givingUp ? 'feed item page skipped' : 'feed item page failed; will retry', { topic: ctx.topicName, url: item.url, attempts: item.failures, error: outcome.message });
      if (!givingUp) continue;
    }
    markSeen(state, item);
  }
  return { added, duplicates, pageFailures };
}

async function ingestSafely(item: PendingItem, hints: object, ctx: PollFeedContext): Promise<IngestOutcome> {
  try {
    return await ctx.ingestor.ingest(ctx.topicName, item.url, ctx.now, hints);
  } catch (error) {
    ctx.logger.error('storing a feed item failed', { topic: ctx.topicName, url: item.url, error });
    return { kind: 'failed', code: 'network', message: errorText(error) };
  }
}

function markSeen(state: FeedState, item: PendingItem): void {
  state.pending = state.pending.filter((p) => p.id !== item.id);
  state.seen.push(item.id);
  const url = canonicalUrl(item.url);
  if (url !== item.id) state.seen.push(url);
  if (state.seen.length > maxSeen) state.seen = state.seen.slice(-maxSeen);
}

function succeeded(state: FeedState, ctx: PollFeedContext): void {
  if (state.failures > 0) ctx.logger.info('feed recovered', { topic: ctx.topicName, failures: state.failures });
  state.failures = 0;
  state.reported = false;
  delete state.lastError;
  delete state.failingSince;
  state.lastSuccessAt = ctx.now.toISOString();
  state.nextAttemptAt = new Date(ctx.now.getTime() + ctx.intervalMs).toISOString();
}

function failed(state: FeedState, ctx: PollFeedContext, empty: Omit<FeedPollResult, 'outcome'>, error: string): FeedPollResult {
  state.failures++;
  state.lastError = error;
  state.failingSince ??= ctx.now.toISOString();
  state.nextAttemptAt = new Date(ctx.now.getTime() + backoffMs(state.failures, ctx.intervalMs, ctx.backoffCapMs)).toISOString();
  ctx.logger.warn('feed poll failed', { topic: ctx.topicName, feed: empty.url, attempts: state.failures, error });
  return { ...empty, outcome: 'failed', error };
}
