/**
 * The rows of the SQL stores and how they become port values, shared by SQLite and Postgres: both
 * hand instants over as ISO 8601 text (Postgres through the pool's `timestamptz` parser), so a
 * value reads back exactly as it was saved.
 */
import type { Platform } from '../chat/chat-port.js';
import type { Delivery, DeliveryStatus, PartDelivery, Subscription } from './digest-store.js';

export interface SubscriptionRow {
  id: string;
  platform: Platform;
  channel_id: string;
  topic: string;
  cron: string;
  timezone: string;
  /** 0/1 in SQLite, a boolean in Postgres. */
  quiet_when_unchanged: number | boolean;
  owner: 'chat' | 'config';
  created_by: string | null;
  active_from: string;
  disabled_reason: string | null;
  disabled_at: string | null;
}

export interface DeliveryRow {
  subscription_id: string;
  slot: string;
  delivery_key: string;
  status: DeliveryStatus;
  attempts: number;
  claimed_at: string;
  finished_at: string | null;
  detail: string | null;
}

export interface PartRow {
  delivery_key: string;
  part: number;
  status: PartDelivery['status'];
  started_at: string;
  message_id: string | null;
  posted_at: string | null;
}

export const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  platform: r.platform,
  channelId: r.channel_id,
  topic: r.topic,
  cron: r.cron,
  timezone: r.timezone,
  quietWhenUnchanged: r.quiet_when_unchanged === true || r.quiet_when_unchanged === 1,
  owner: r.owner,
  ...(r.created_by !== null ? { createdBy: r.created_by } : {}),
  activeFrom: r.active_from,
  ...(r.disabled_reason !== null ? { disabled: { reason: r.disabled_reason, at: r.disabled_at ?? r.active_from } } : {}),
});

export const toPart = (r: PartRow): PartDelivery => ({
  deliveryKey: r.delivery_key,
  part: r.part,
  status: r.status,
  startedAt: r.started_at,
  ...(r.message_id !== null ? { messageId: r.message_id } : {}),
  ...(r.posted_at !== null ? { postedAt: r.posted_at } : {}),
});

export const toDelivery = (r: DeliveryRow): Delivery => ({
  subscriptionId: r.subscription_id,
  slot: r.slot,
  deliveryKey: r.delivery_key,
  status: r.status,
  attempts: r.attempts,
  claimedAt: r.claimed_at,
  ...(r.finished_at !== null ? { finishedAt: r.finished_at } : {}),
  ...(r.detail !== null ? { detail: r.detail } : {}),
});
