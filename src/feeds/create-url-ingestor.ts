import { join } from 'node:path';
import type { Article } from '../core/types.js';
import { readArticleFile } from '../ingest/read-article-set.js';
import type { Logger } from '../logger.js';
import type { Topic, TopicLibrary } from '../topics/topic-library.js';
import { canonicalUrl } from './canonical-url.js';
import type { FetchFailureCode, ResourceFetcher } from './create-resource-fetcher.js';
import { createTopicQueue, type QueuePriority } from './create-topic-queue.js';
import { extractArticle, type ExtractedArticle } from './extract-article.js';
import { findNearDuplicate, findSameUrl } from './near-duplicate.js';
import { writeArticleFile } from './write-article-file.js';

/** What a feed already says about the item; the page's own metadata fills the gaps. */
export interface ItemHints {
  readonly title?: string;
  /** The feed's title, used when the page names no site. */
  readonly source?: string;
  readonly published?: string;
}

export type IngestOutcome =
  | { readonly kind: 'added'; readonly article: Article; readonly file: string }
  | { readonly kind: 'duplicate'; readonly of: Article; readonly match: 'same-url' | 'same-text' }
  | { readonly kind: 'failed'; readonly code: FetchFailureCode | 'not-html' | 'not-an-article' | 'unknown-topic'; readonly message: string };

/** Fetches one page and stores it as an article file of a topic, once. */
export interface UrlIngestor {
  /**
   * `now` dates an article whose feed and page give no date. `priority` `person` (an `add`) is
   * stored before waiting feed items of the topic; the default is `feed`.
   */
  ingest(topicName: string, url: string, now: Date, hints?: ItemHints, priority?: QueuePriority): Promise<IngestOutcome>;
}

export interface UrlIngestorOptions {
  readonly topics: TopicLibrary;
  readonly fetcher: ResourceFetcher;
  readonly logger: Logger;
}

/**
 * The one way an article from the web enters a topic folder, shared by the feed poller and `add`:
 * skip a URL already in the set (canonical form), fetch, extract with Readability, skip a
 * near-identical text (a syndicated copy), write `<date>_<slug>.md`, and read it back the way
 * ingest reads it. Fetches run side by side, so a slow page delays no one; the duplicate checks
 * and the write run one article at a time per topic, people's `add` before feed items, so two
 * arrivals of the same story cannot both pass the duplicate check. Does not reload the topic;
 * callers do, once.
 */
export function createUrlIngestor(options: UrlIngestorOptions): UrlIngestor {
  const { topics, fetcher, logger } = options;
  const queue = createTopicQueue();
  // Articles written since the topic was last loaded: `base` is the Topic they are newer than.
  const written = new Map<string, { base: Topic; articles: Article[] }>();

  function known(topic: Topic): { articles: Article[]; recent: Article[] } {
    let entry = written.get(topic.name);
    if (!entry || entry.base !== topic) written.set(topic.name, (entry = { base: topic, articles: [] }));
    return { articles: [...topic.articles, ...entry.articles], recent: entry.articles };
  }

  async function ingestNow(topicName: string, url: string, now: Date, hints: ItemHints, priority: QueuePriority): Promise<IngestOutcome> {
    const topic = topics.get(topicName);
    if (!topic) return { kind: 'failed', code: 'unknown-topic', message: `unknown topic ${topicName}` };
    // A link already in the set is not fetched at all; `store` checks again under the lane.
    const sameUrl = findSameUrl(url, known(topic).articles);
    if (sameUrl) return { kind: 'duplicate', of: sameUrl, match: 'same-url' };
    const page = await fetcher.fetch(url, { kind: 'page' });
    if (!page.ok) return { kind: 'failed', code: page.code, message: page.message };
    if (page.notModified) return { kind: 'failed', code: 'network', message: 'unexpected 304 for an unconditional request' };
    const extracted = extractArticle(page.body, page.url);
    if (!extracted.ok) return { kind: 'failed', code: extracted.code, message: extracted.reason };
    return queue.run(topicName, priority, () => store(topicName, { url, pageUrl: page.url, found: extracted.article }, now, hints));
  }

  async function store(topicName: string, fetched: { url: string; pageUrl: string; found: ExtractedArticle }, now: Date, hints: ItemHints): Promise<IngestOutcome> {
    const topic = topics.get(topicName);
    if (!topic) return { kind: 'failed', code: 'unknown-topic', message: `unknown topic ${topicName}` };
    const { articles, recent } = known(topic);
    const { url, pageUrl, found } = fetched;
    const alias = findSameUrl(url, articles) ?? findSameUrl(pageUrl, articles) ?? (found.canonical ? findSameUrl(found.canonical, articles) : undefined);
    if (alias) return { kind: 'duplicate', of: alias, match: 'same-url' };
    const copy = findNearDuplicate(found.text, articles);
    if (copy) return { kind: 'duplicate', of: copy, match: 'same-text' };
    const title = hints.title ?? found.title;
    const source = found.siteName ?? hints.source ?? new URL(pageUrl).hostname.replace(/^www\./, '');
    const meta = { ...(title ? { title } : {}), source, url: canonicalUrl(pageUrl), published: hints.published ?? found.published ?? now.toISOString() };
    const file = await writeArticleFile(topic.dir, meta, found.text);
    const read = await readArticleFile(join(topic.dir, file));
    if ('reason' in read) {
      logger.warn('fetched article was written but cannot be read back', { topic: topicName, file, reason: read.reason });
      return { kind: 'failed', code: 'not-an-article', message: read.reason };
    }
    recent.push(read);
    logger.info('article added', { topic: topicName, file, url: meta.url });
    return { kind: 'added', article: read, file };
  }

  return {
    ingest(topicName, url, now, hints = {}, priority = 'feed') {
      return ingestNow(topicName, url, now, hints, priority);
    },
  };
}
