import type { AddCommandHandler } from '../commands/execute-command.js';
import type { Logger } from '../logger.js';
import type { TopicLibrary } from '../topics/topic-library.js';
import { createResourceFetcher } from './create-resource-fetcher.js';
import { createUrlIngestor, type UrlIngestor } from './create-url-ingestor.js';
import type { ResolveHost } from './guarded-lookup.js';
import { renderAddedMessage, renderAddFailedMessage, renderDuplicateMessage } from './render-add-message.js';

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
        return renderAddFailedMessage(outcome);
      }
      // The core has no incremental update yet: the whole topic is rebuilt from its folder.
      const reloaded = (await topics.reload(topic.name)) ?? topic;
      const figures = reloaded.briefing.figures.filter((f) => f.citation.articleId === outcome.article.id);
      return renderAddedMessage(reloaded.title, outcome.article, outcome.file, figures, reloaded.articles.length);
    },
  };
}
