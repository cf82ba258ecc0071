/**
 * The chat port: the one list of platforms and what every platform implements to post to a
 * channel. Adapters implement it; digests, feeds, commands and the store only name it, so adding a
 * platform adds a member here and a folder under `src/adapters/`, and nothing else learns its name.
 */
import type { Message } from '../render/message.js';

/**
 * Every platform Sitrep talks through. The SQLite schema's `CHECK (platform IN …)` lists the same
 * names (migrations are append only): a new member needs a migration that widens it.
 */
export const platforms = ['slack', 'discord', 'console'] as const;

export type Platform = (typeof platforms)[number];

/** The platforms whose channels a topic.yml `digests` entry may name (the console has one, unnamed). */
export const channelPlatforms = ['slack', 'discord'] as const satisfies readonly Platform[];

export type ChannelPlatform = (typeof channelPlatforms)[number];

/** Why a post did not land. `gone` and `forbidden` disable the subscription; `failed` is retried later. */
export type PostFailure = 'gone' | 'forbidden' | 'failed';

export type PostOutcome =
  | { readonly ok: true; readonly messageIds: readonly string[] }
  | { readonly ok: false; readonly failure: PostFailure; readonly detail: string };

/** What is known of one part (one platform message) of a delivery from earlier attempts. */
export interface PartRecord {
  /** `posting`: the request was sent, or about to be, and its outcome is not known. */
  readonly status: 'posting' | 'posted';
  /** When the first attempt at the part began. */
  readonly startedAt: Date;
  readonly messageId?: string;
}

/**
 * The record of one delivery's parts, written before and after each is posted. A poster reads it
 * to skip parts already posted and to ask the platform about a part whose outcome was lost.
 */
export interface PartLedger {
  load(): Promise<ReadonlyMap<number, PartRecord>>;
  /** Before the request: a crash from here on leaves the part `posting`. */
  posting(part: number): Promise<void>;
  /** After the platform accepted the part, or was found to have it. */
  posted(part: number, messageId: string): Promise<void>;
}

/**
 * Posts a message to a channel of one platform. Implemented by each adapter (Slack, Discord,
 * console); renders the neutral `Message` natively, splits it within the platform's limits, waits
 * out 429s and paces per channel. `deliveryKey` is stable for one digest slot so that an
 * implementation may use it to avoid a duplicate post. `parts`, when given, is the durable record
 * of the slot's parts: a chat poster records each part in it before and after posting, skips the
 * parts it lists as posted and asks the platform about those whose outcome was lost (see
 * `postParts`); without it a poster keeps such a record in memory.
 */
export interface ChannelPoster {
  readonly platform: Platform;
  post(channelId: string, message: Message, deliveryKey: string, parts?: PartLedger): Promise<PostOutcome>;
}
