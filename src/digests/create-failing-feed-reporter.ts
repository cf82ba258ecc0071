import type { ChannelPoster } from '../chat/chat-port.js';
import type { Logger } from '../logger.js';
import { renderFailingFeedMessage, type FailingFeed } from '../render/failing-feed-message.js';
import type { SubscriptionStore } from '../store/digest-store.js';

export interface FailingFeedReporterOptions {
  readonly subscriptions: Pick<SubscriptionStore, 'listSubscriptions'>;
  /** Read at report time, so platforms started later are included. */
  readonly posters: readonly ChannelPoster[];
  readonly logger: Logger;
  readonly topicTitle: (topicName: string) => string;
}

/**
 * Tells each channel that gets the topic's digests that a feed is failing (once per run of
 * failures: the poller calls this once). Channels of platforms that are not running are skipped.
 */
export function createFailingFeedReporter(options: FailingFeedReporterOptions): (topicName: string, feed: FailingFeed) => Promise<void> {
  const { logger } = options;
  return async (topicName, feed) => {
    const subscriptions = (await options.subscriptions.listSubscriptions()).filter((s) => s.topic === topicName && !s.disabled);
    const channels = new Map(subscriptions.map((s) => [`${s.platform}:${s.channelId}`, s]));
    const message = renderFailingFeedMessage(options.topicTitle(topicName), feed);
    for (const s of channels.values()) {
      const poster = options.posters.find((p) => p.platform === s.platform);
      if (!poster) continue;
      const outcome = await poster.post(s.channelId, message, `feed-failing:${feed.url}:${feed.since.toISOString()}`);
      if (!outcome.ok) logger.warn('could not report a failing feed', { topic: topicName, feed: feed.url, platform: s.platform, channel: s.channelId, failure: outcome.failure });
    }
  };
}
