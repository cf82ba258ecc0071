import type { Article } from '../core/types.js';
import type { Logger } from '../logger.js';
import type { FailingFeed } from '../render/failing-feed-message.js';
import type { TopicLibrary } from '../topics/topic-library.js';
import { createJsonFeedStateStore } from './create-json-feed-state-store.js';
import { createResourceFetcher, type ResourceFetcher } from './create-resource-fetcher.js';
import { createUrlIngestor, type UrlIngestor } from './create-url-ingestor.js';
import { emptyFeedState, type FeedStateStore, type TopicFeedState } from './feed-state-store.js';
import type { ResolveHost } from './guarded-lookup.js';
import { pollFeed, type FeedPollResult } from './poll-feed.js';

/** What one poll of one topic did. */
export interface PollReport {
  readonly topic: string;
  readonly feeds: readonly FeedPollResult[];
  /** Articles stored by this poll, across its feeds. The topic was reloaded when there are any. */
  readonly added: readonly Article[];
}

export interface FeedPollerOptions {
  readonly topics: TopicLibrary;
  readonly logger: Logger;
  /** The scheduling clock (due times, backoff, dates of undated articles). */
  readonly clock: () => Date;
  /** See `FEEDS_ALLOW_PRIVATE`. */
  readonly allowPrivate: boolean;
  /** Interval between two polls of one feed (the minimum; failures back off from it). */
  readonly pollMinutes: number;
  /** Total time for one fetch. Default 10 s. */
  readonly fetchTimeoutMs?: number;
  /** Called once per run of failures, when a feed reaches `failureThreshold` failed polls. */
  readonly onFeedFailing?: (topic: string, feed: FailingFeed) => void;
  /** Default 3. */
  readonly failureThreshold?: number;
  /** New items fetched per feed and poll; the rest wait for the next poll. Default 20. */
  readonly maxItemsPerPoll?: number;
  /** Default: `.feeds-state.json` in each topic folder. */
  readonly store?: FeedStateStore;
  /** Share one with `createAddHandler` so both see each other's articles at once. */
  readonly ingestor?: UrlIngestor;
  readonly fetcher?: ResourceFetcher;
  readonly resolveHost?: ResolveHost;
  /** How often `start()` looks for due feeds. Default 60 s. */
  readonly tickMs?: number;
}

export interface FeedPoller {
  /** Polls due feeds now and then every `tickMs` until `stop()`. */
  start(): void;
  /** Stops the schedule and waits for a poll in progress to finish. */
  stop(): Promise<void>;
  /** Polls the topic's due feeds once and reloads the topic if articles were added. */
  pollOnce(topicName: string): Promise<PollReport>;
  /** Feeds of the topic failing now (known after the topic's first poll). */
  failingFeeds(topicName: string): FailingFeed[];
}

const sixHours = 6 * 60 * 60 * 1000;

/**
 * Polls the RSS/Atom feeds each topic.yml lists and stores matching items as article files of the
 * topic. State (validators, seen items, failures) persists through `store` between restarts.
 */
export function createFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { topics, logger, clock } = options;
  const threshold = options.failureThreshold ?? 3;
  const intervalMs = Math.max(1, options.pollMinutes) * 60_000;
  const store = options.store ?? createJsonFeedStateStore(logger);
  const fetcher =
    options.fetcher ??
    createResourceFetcher({
      allowPrivate: options.allowPrivate,
      ...(options.fetchTimeoutMs ? { timeoutMs: options.fetchTimeoutMs } : {}),
      ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
    });
  const ingestor = options.ingestor ?? createUrlIngestor({ topics, fetcher, logger });
  const states = new Map<string, TopicFeedState>();
  const running = new Map<string, Promise<PollReport>>();
  let timer: NodeJS.Timeout | undefined;
  let tick: Promise<void> | undefined;

  async function stateOf(topicName: string): Promise<TopicFeedState | undefined> {
    const topic = topics.get(topicName);
    if (!topic) return undefined;
    let state = states.get(topicName);
    if (!state) states.set(topicName, (state = await store.load(topic)));
    return state;
  }

  async function poll(topicName: string): Promise<PollReport> {
    const topic = topics.get(topicName);
    const state = await stateOf(topicName);
    if (!topic || !state) return { topic: topicName, feeds: [], added: [] };
    const ctx = {
      topicName,
      keywords: topic.settings.keywords,
      now: clock(),
      intervalMs,
      backoffCapMs: sixHours,
      maxItems: options.maxItemsPerPoll ?? 20,
      fetcher,
      ingestor,
      logger,
    };
    const feeds: FeedPollResult[] = [];
    for (const url of topic.settings.feeds) {
      const feedState = (state.feeds[url] ??= emptyFeedState());
      feeds.push(await pollFeed(url, feedState, ctx));
      reportIfFailing(topicName, url);
    }
    for (const url of Object.keys(state.feeds)) if (!topic.settings.feeds.includes(url)) delete state.feeds[url];
    await store.save(topic, state);
    const added = feeds.flatMap((f) => f.added);
    if (added.length) await topics.reload(topicName);
    return { topic: topicName, feeds, added };
  }

  function reportIfFailing(topicName: string, url: string): void {
    const feed = states.get(topicName)?.feeds[url];
    if (!feed || feed.failures < threshold || feed.reported) return;
    feed.reported = true;
    const failing = failingOf(url, feed);
    logger.warn('feed is failing', { topic: topicName, feed: url, failures: feed.failures, since: failing.since.toISOString(), error: failing.error });
    try {
      options.onFeedFailing?.(topicName, failing);
    } catch (error) {
      logger.error('onFeedFailing callback failed', { topic: topicName, feed: url, error });
    }
  }

  async function pollDue(): Promise<void> {
    for (const name of topics.names()) {
      if (!topics.get(name)?.settings.feeds.length) continue;
      await poller.pollOnce(name).catch((error: unknown) => logger.error('feed poll failed', { topic: name, error }));
    }
  }

  const poller: FeedPoller = {
    start() {
      if (timer) return;
      const run = (): void => {
        tick ??= pollDue().finally(() => (tick = undefined));
      };
      timer = setInterval(run, options.tickMs ?? 60_000);
      timer.unref();
      run();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await tick;
    },
    pollOnce(topicName) {
      let current = running.get(topicName);
      if (!current) {
        current = poll(topicName).finally(() => running.delete(topicName));
        running.set(topicName, current);
      }
      return current;
    },
    failingFeeds(topicName) {
      const state = states.get(topicName);
      if (!state) return [];
      return Object.entries(state.feeds)
        .filter(([, feed]) => feed.failures >= threshold)
        .map(([url, feed]) => failingOf(url, feed));
    },
  };
  return poller;
}

function failingOf(url: string, feed: TopicFeedState['feeds'][string]): FailingFeed {
  return {
    url,
    since: new Date(feed.failingSince ?? feed.lastAttemptAt ?? 0),
    error: feed.lastError ?? 'unknown error',
    failures: feed.failures,
  };
}
