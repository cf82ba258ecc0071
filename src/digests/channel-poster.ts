import type { Message } from '../render/message.js';

/** Why a post did not land. `gone` and `forbidden` disable the subscription; `failed` is retried later. */
export type PostFailure = 'gone' | 'forbidden' | 'failed';

export type PostOutcome =
  | { readonly ok: true; readonly messageIds: readonly string[] }
  | { readonly ok: false; readonly failure: PostFailure; readonly detail: string };

/**
 * Posts a message to a channel of one platform. Implemented by each adapter (Slack, Discord,
 * console); renders the neutral `Message` natively, splits it within the platform's limits, waits
 * out 429s and paces per channel. `deliveryKey` is stable for one digest slot so that an
 * implementation may use it to avoid a duplicate post.
 */
export interface ChannelPoster {
  readonly platform: 'slack' | 'discord' | 'console';
  post(channelId: string, message: Message, deliveryKey: string): Promise<PostOutcome>;
}
