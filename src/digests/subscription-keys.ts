import { createHash } from 'node:crypto';
import type { Platform } from '../chat/chat-port.js';
import type { ChannelTopic, Subscription } from '../store/digest-store.js';

/** The id of a channel's chat subscription to a topic: one per channel and topic. */
export function chatSubscriptionId(platform: Platform, channelId: string, topic: string): string {
  return `chat:${platform}:${channelId}:${topic}`;
}

/** The id of a topic.yml digest: a changed schedule is a new subscription (and starts afresh). */
export function configSubscriptionId(platform: Platform, channelId: string, topic: string, cron: string, timezone: string): string {
  return `config:${platform}:${channelId}:${topic}:${cron}:${timezone}`;
}

/** Where a subscription's digests go, which is what its snapshot belongs to. */
export function channelOf(s: Subscription): ChannelTopic {
  return { platform: s.platform, channelId: s.channelId, topic: s.topic };
}

/**
 * The delivery key of one slot: stable, and 25 characters at most so that a Discord poster can
 * use it as the message nonce (Discord accepts up to 25).
 */
export function deliveryKeyFor(subscriptionId: string, slot: string): string {
  return `d${createHash('sha256').update(`${subscriptionId}\n${slot}`).digest('base64url').slice(0, 24)}`;
}
