import type { AddCommandHandler, FeedHealth } from '../commands/execute-command.js';
import type { ChannelPoster } from '../chat/chat-port.js';
import type { FeedStateStore } from '../feeds/feed-state-store.js';
import { createFailingFeedReporter } from '../digests/create-failing-feed-reporter.js';
import type { Logger } from '../logger.js';
import { describeFailingFeed } from '../render/failing-feed-message.js';
import type { SubscriptionStore } from '../store/digest-store.js';
import type { TopicLibrary } from '../topics/topic-library.js';

export interface OnDemandFeedsOptions {
  readonly topics: TopicLibrary;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly subscriptions: SubscriptionStore;
  readonly posters: readonly ChannelPoster[];
  readonly allowPrivate: boolean;
  readonly pollMinutes: number;
  /** False: never poll (FEEDS_POLL=0, a replica that leaves polling to another); `add` still fetches. */
  readonly poll?: boolean;
  /** Where feed state lives; unset, a dot-file in each topic folder. */
  readonly feedStates?: FeedStateStore;
}

export interface OnDemandFeeds {
  /** `add <url>`: loads the fetch and extraction stack on first use. */
  readonly add: AddCommandHandler;
  readonly health: FeedHealth;
  /** Starts polling once some topic lists feeds; call at start-up and whenever a topic reloads. */
  startIfNeeded(): Promise<void>;
  stop(): Promise<void>;
}

type FeedStack = Awaited<ReturnType<typeof loadFeedStack>>;

/**
 * The feed stack (fetcher, Readability + linkedom, the RSS parser) imported only when a topic
 * has feeds or someone adds a link: most runs need neither, and the import costs a quarter of a
 * second of start-up.
 */
export function createOnDemandFeeds(options: OnDemandFeedsOptions): OnDemandFeeds {
  let stack: Promise<FeedStack> | undefined;
  let loaded: FeedStack | undefined;
  let polling = false;
  let stopped = false;
  const load = (): Promise<FeedStack> => (stack ??= loadFeedStack(options).then((s) => (loaded = s)));
  const hasFeeds = (): boolean => options.topics.names().some((name) => (options.topics.get(name)?.settings.feeds.length ?? 0) > 0);

  return {
    add: { handle: async (url, topic, context) => (await load()).add.handle(url, topic, context) },
    health: { failing: (topic) => (loaded ? loaded.poller.failingFeeds(topic).map(loaded.describe) : []) },
    async startIfNeeded() {
      if (polling || stopped || options.poll === false || !hasFeeds()) return;
      polling = true;
      const { poller } = await load();
      if (!stopped) poller.start();
    },
    async stop() {
      stopped = true;
      if (stack) await (await stack).poller.stop();
    },
  };
}

async function loadFeedStack(options: OnDemandFeedsOptions) {
  const [{ createResourceFetcher }, { createUrlIngestor }, { createFeedPoller }, { createAddHandler }] = await Promise.all([
    import('../feeds/create-resource-fetcher.js'),
    import('../feeds/create-url-ingestor.js'),
    import('../feeds/create-feed-poller.js'),
    import('../feeds/create-add-handler.js'),
  ]);
  const { topics, logger, allowPrivate } = options;
  const fetcher = createResourceFetcher({ allowPrivate });
  const ingestor = createUrlIngestor({ topics, fetcher, logger });
  const report = createFailingFeedReporter({ subscriptions: options.subscriptions, posters: options.posters, logger, topicTitle: (name) => topics.get(name)?.title ?? name });
  const poller = createFeedPoller({
    topics,
    logger,
    clock: options.clock,
    ingestor,
    fetcher,
    allowPrivate,
    pollMinutes: options.pollMinutes,
    ...(options.feedStates ? { store: options.feedStates } : {}),
    onFeedFailing: (topic, feed) => void report(topic, feed).catch((error: unknown) => logger.error('failing-feed report failed', { topic, error })),
  });
  return { poller, describe: describeFailingFeed, add: createAddHandler({ topics, logger, ingestor, allowPrivate }) };
}
