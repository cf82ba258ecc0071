import { channelPlatforms, type Platform } from '../chat/chat-port.js';
import type { Logger } from '../logger.js';
import type { Subscription, SubscriptionStore } from '../store/digest-store.js';
import type { TopicLibrary } from '../topics/topic-library.js';
import { checkCron } from './due-slots.js';
import { configSubscriptionId } from './subscription-keys.js';
import { normalizeTimeZone } from './zoned-time.js';

export interface SyncResult {
  readonly added: number;
  readonly kept: number;
  readonly removed: number;
  /** topic.yml entries skipped for a bad cron or time zone (logged). */
  readonly invalid: number;
}

/** The subscriptions topic.yml asks for, keyed by id; bad entries are logged and skipped. */
function wantedSubscriptions(topics: TopicLibrary, now: Date, logger: Logger): { wanted: Map<string, Subscription>; invalid: number } {
  const wanted = new Map<string, Subscription>();
  let invalid = 0;
  for (const name of topics.names()) {
    for (const entry of topics.get(name)?.settings.digests ?? []) {
      const cron = checkCron(entry.cron);
      const timezone = normalizeTimeZone(entry.timezone);
      if (!cron.ok || !timezone) {
        invalid++;
        logger.warn('topic.yml digest skipped', { topic: name, cron: entry.cron, timezone: entry.timezone, reason: cron.ok ? 'unknown time zone' : cron.reason });
        continue;
      }
      const channels = channelPlatforms.flatMap((p) => entry[p].map((c): [Platform, string] => [p, c]));
      for (const [platform, channelId] of channels) {
        const id = configSubscriptionId(platform, channelId, name, entry.cron, timezone);
        wanted.set(id, { id, platform, channelId, topic: name, cron: entry.cron, timezone, quietWhenUnchanged: entry.quietWhenUnchanged, owner: 'config', activeFrom: now.toISOString() });
      }
    }
  }
  return { wanted, invalid };
}

/**
 * Makes the store's config-owned subscriptions match the topics' topic.yml `digests` entries, at
 * start-up: new entries are added (their slots count from `now`), vanished ones removed, kept ones
 * keep their start and are re-enabled (a restart is how an operator retries a channel that was
 * gone or forbidden). Chat subscriptions are left alone.
 */
export async function syncConfigSubscriptions(store: SubscriptionStore, topics: TopicLibrary, now: Date, logger: Logger): Promise<SyncResult> {
  const { wanted, invalid } = wantedSubscriptions(topics, now, logger);
  const existing = (await store.listSubscriptions()).filter((s) => s.owner === 'config');
  let removed = 0;
  for (const s of existing) {
    if (!wanted.has(s.id)) {
      await store.removeSubscription(s.id);
      removed++;
    }
  }
  let kept = 0;
  for (const s of wanted.values()) {
    const before = existing.find((e) => e.id === s.id);
    if (before) {
      kept++;
      if (before.disabled) logger.info('topic.yml digest re-enabled at start-up', { subscription: s.id, was: before.disabled.reason });
    }
    await store.saveSubscription(before ? { ...s, activeFrom: before.activeFrom } : s);
  }
  const chat = (await store.listSubscriptions()).filter((s) => s.owner === 'chat');
  for (const s of wanted.values()) {
    if (chat.some((c) => c.platform === s.platform && c.channelId === s.channelId && c.topic === s.topic)) {
      logger.warn('channel has both a topic.yml digest and a chat subscription of one topic', { subscription: s.id });
    }
  }
  return { added: wanted.size - kept, kept, removed, invalid };
}
