import type { AddCommandHandler } from '../commands/execute-command.js';
import type { Logger } from '../logger.js';
import { renderAddedMessage, renderAddFailedMessage, renderDuplicateMessage } from '../render/add-message.js';
import type { TopicLibrary } from '../topics/topic-library.js';
import { createResourceFetcher } from './create-resource-fetcher.js';
import { createUrlIngestor, type IngestOutcome, type UrlIngestor } from './create-url-ingestor.js';
import type { ResolveHost } from './guarded-lookup.js';

export interface AddHandlerOptions {
  readonly topics: TopicLibrary;
  readonly logger: Logger;
  /** See `FEEDS_ALLOW_PRIVATE`. Ignored when `ingestor` is given (it has its own fetcher). */
  readonly allowPrivate: boolean;
  /** Total time for one fetch. Default 10 s. */
  readonly fetchTimeoutMs?: number;
  /** Share the feed poller's, so a link and a feed item arriving together are stored once. */
  readonly ingestor?: UrlIngestor;
  readonly resolveHost?: ResolveHost;
}

/**
 * `add <url> [topic]`: fetches the page, stores it as an article of the topic unless it is already
 * there, reloads the topic and replies with the title, the outlet and the figures the briefing
 * found in the new article. Failures (blocked address, timeout, not an article) are replies.
 */
export function createAddHandler(options: AddHandlerOptions): AddCommandHandler {
  const { topics, logger } = options;
  const ingestor =
    options.ingestor ??
    createUrlIngestor({
      topics,
      logger,
      fetcher: createResourceFetcher({
        allowPrivate: options.allowPrivate,
        ...(options.fetchTimeoutMs ? { timeoutMs: options.fetchTimeoutMs } : {}),
        ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
      }),
    });
  return {
    async handle(url, topic, context) {
      const outcome = await ingestor.ingest(topic.name, url, context.now, {}, 'person');
      if (outcome.kind === 'duplicate') return renderDuplicateMessage(topic.title, outcome);
      if (outcome.kind === 'failed') {
        logger.info('add refused', { topic: topic.name, platform: context.platform, code: outcome.code, reason: outcome.message });
        return renderAddFailedMessage(failureReasons[outcome.code], outcome.message);
      }
      // Only the new file is read, and the briefing is updated with it.
      const reloaded = (await topics.reload(topic.name)) ?? topic;
      const figures = reloaded.briefing.figures.filter((f) => f.citation.articleId === outcome.article.id);
      return renderAddedMessage(reloaded.title, outcome.article, outcome.file, figures, reloaded.articles.length);
    },
  };
}

/** Why a link was not added, in words, per failure code (the compiler asks for a new code's). */
const failureReasons: Record<Extract<IngestOutcome, { kind: 'failed' }>['code'], string> = {
  'bad-url': 'That link cannot be fetched',
  'blocked-address': 'That link points to a private or local address, which Sitrep does not fetch',
  timeout: 'The page took too long to load',
  'too-large': 'The page is too large to be an article',
  'too-many-redirects': 'The link redirects too many times',
  'http-status': 'The site refused the request',
  'content-type': 'The link is not a web page',
  network: 'The site could not be reached',
  'not-html': 'That link did not return a web page',
  'not-an-article': 'No article text could be found on that page',
  'unknown-topic': 'That topic is not loaded',
};
