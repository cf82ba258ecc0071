import type { Message } from '../render/message.js';
import type { PartLedger } from './part-ledger.js';

/** Why a post did not land. `gone` and `forbidden` disable the subscription; `failed` is retried later. */
export type PostFailure = 'gone' | 'forbidden' | 'failed';

export type PostOutcome =
  | { readonly ok: true; readonly messageIds: readonly string[] }
  | { readonly ok: false; readonly failure: PostFailure; readonly detail: string };

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
  readonly platform: 'slack' | 'discord' | 'console';
  post(channelId: string, message: Message, deliveryKey: string, parts?: PartLedger): Promise<PostOutcome>;
}
