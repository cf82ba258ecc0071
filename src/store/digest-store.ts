/**
 * The digests' persistence, as three small ports with an in-memory twin
 * (`createMemoryDigestStore`), a SQLite implementation (`openSqliteStore`, the embedded default)
 * and a Postgres one (`openPostgresStore`, which many processes can share). Every method is async,
 * `close()` included, so that a networked store implements them as they are.
 */
import type { Platform } from '../chat/chat-port.js';
import type { DigestSnapshot } from '../core/diff-briefings.js';

/** One channel's digest of one topic on one schedule. */
export interface Subscription {
  /** Stable: `chat:<platform>:<channel>:<topic>`, or `config:…` for topic.yml entries. */
  readonly id: string;
  readonly platform: Platform;
  readonly channelId: string;
  readonly topic: string;
  /** 5- or 6-field cron expression, read in `timezone`. */
  readonly cron: string;
  /** IANA time zone name. */
  readonly timezone: string;
  /** Post nothing (rather than "no new reporting") when nothing changed. */
  readonly quietWhenUnchanged: boolean;
  /** `config` subscriptions come from topic.yml and are replaced at each start-up. */
  readonly owner: 'chat' | 'config';
  /** Who subscribed, for chat subscriptions. */
  readonly createdBy?: string;
  /** ISO instant the schedule took effect: earlier slots are never sent. */
  readonly activeFrom: string;
  /** Set when a post found the channel gone or forbidden; no digest is sent while set. */
  readonly disabled?: { readonly reason: string; readonly at: string };
}

export interface SubscriptionStore {
  listSubscriptions(): Promise<Subscription[]>;
  /** The subscriptions of one channel, by id: what a command there reads when it names no topic. */
  listChannelSubscriptions(platform: Platform, channelId: string): Promise<Subscription[]>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  /** Inserts or replaces by id. */
  saveSubscription(subscription: Subscription): Promise<void>;
  /** Returns whether it existed. */
  removeSubscription(id: string): Promise<boolean>;
  disableSubscription(id: string, reason: string, at: Date): Promise<void>;
}

/** When a claimed slot may be claimed again. */
export interface ClaimPolicy {
  /** A claim not marked delivered after this long is presumed crashed and may be retried. */
  readonly leaseMs: number;
  /** A failed attempt may be retried after this long. */
  readonly retryAfterMs: number;
  /** Attempts after which a failing slot is left alone. */
  readonly maxAttempts: number;
}

export type ClaimResult =
  | { readonly claimed: true; readonly deliveryKey: string; readonly attempt: number }
  | { readonly claimed: false; readonly reason: 'delivered' | 'in-flight' | 'retry-later' | 'gave-up' | 'abandoned' };

export type DeliveryStatus = 'claimed' | 'delivered' | 'failed' | 'abandoned';

/** One scheduled slot's delivery record. */
export interface Delivery {
  readonly subscriptionId: string;
  /** The slot time (ISO 8601, UTC). */
  readonly slot: string;
  /** Stable for the slot across retries: posters may dedupe on it. */
  readonly deliveryKey: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly claimedAt: string;
  readonly finishedAt?: string;
  readonly detail?: string;
}

/** One part (one platform message) of a slot's digest: `posting` is written before the request, `posted` after. */
export interface PartDelivery {
  readonly deliveryKey: string;
  /** 0-based index of the message within the digest. */
  readonly part: number;
  readonly status: 'posting' | 'posted';
  /** When the first attempt at this part began: the platform is searched from there on. */
  readonly startedAt: string;
  readonly messageId?: string;
  readonly postedAt?: string;
}

/**
 * Exactly-once bookkeeping per slot: `claim` wins for one caller only (a unique key on
 * subscription + slot), and a record keeps its `deliveryKey` for every retry.
 */
export interface DeliveryLog {
  /** Claims `slot` for delivery; `newKey` is used only when the slot was never claimed. */
  claimSlot(subscriptionId: string, slot: string, now: Date, policy: ClaimPolicy, newKey: string): Promise<ClaimResult>;
  markDelivered(deliveryKey: string, at: Date, detail?: string): Promise<void>;
  /** Retryable: the slot may be claimed again after `retryAfterMs`. */
  markFailed(deliveryKey: string, at: Date, detail: string): Promise<void>;
  /** Final: the slot is never retried. */
  markAbandoned(deliveryKey: string, at: Date, detail: string): Promise<void>;
  /** Newest slot first. */
  listDeliveries(subscriptionId: string, limit?: number): Promise<Delivery[]>;
  /**
   * Keeps the composed digest of a slot (JSON), so that every retry posts the same parts; the
   * first body saved for a key wins.
   */
  saveDigestBody(deliveryKey: string, body: string): Promise<void>;
  getDigestBody(deliveryKey: string): Promise<string | undefined>;
  /** The parts of a delivery recorded so far, by part index. */
  listParts(deliveryKey: string): Promise<PartDelivery[]>;
  /** Records, before posting, that a part is being posted; an earlier record (and its start) is kept. */
  markPartPosting(deliveryKey: string, part: number, at: Date): Promise<void>;
  /** Records, after the platform accepted it (or was found to have it), that a part is posted. */
  markPartPosted(deliveryKey: string, part: number, messageId: string, at: Date): Promise<void>;
}

/** Where a digest goes, for the per-channel snapshot. */
export interface ChannelTopic {
  readonly platform: Platform;
  readonly channelId: string;
  readonly topic: string;
}

/** What each channel was last told about each topic. */
export interface SnapshotStore {
  getSnapshot(channel: ChannelTopic): Promise<DigestSnapshot | undefined>;
  saveSnapshot(channel: ChannelTopic, snapshot: DigestSnapshot): Promise<void>;
}

export interface DigestStore extends SubscriptionStore, DeliveryLog, SnapshotStore {
  /** Releases the file or the connections; resolves once they are closed. */
  close(): Promise<void>;
}
