import { webApi } from '@slack/bolt';

/** The metadata event type that marks Sitrep's digest messages. */
export const deliveryEventType = 'sitrep_delivery';

/** History pages read at most when looking for a part (200 messages each). */
const maxPages = 5;

/** The id of one part of one delivery, carried in the message's metadata. */
export function slackDeliveryId(deliveryKey: string, part: number): string {
  return `${deliveryKey}.${part}`;
}

/** Message metadata for `chat.postMessage`: `{ event_type, event_payload: { delivery_id } }`. */
export function slackDeliveryMetadata(deliveryKey: string, part: number): { event_type: string; event_payload: { delivery_id: string } } {
  return { event_type: deliveryEventType, event_payload: { delivery_id: slackDeliveryId(deliveryKey, part) } };
}

interface HistoryMessage {
  readonly ts?: string;
  readonly metadata?: { readonly event_type?: string; readonly event_payload?: Record<string, unknown> };
}

/**
 * Looks for a part in the channel's history from `since` on (`conversations.history` with
 * `include_all_metadata`, newest first, paged) and returns its ts. Throws when Slack cannot be
 * asked (needs `channels:history` / `groups:history`) or the history since then is longer than
 * the pages read, so that the caller does not post a part it could not rule out.
 */
export async function findSlackDelivery(client: webApi.WebClient, channel: string, deliveryKey: string, part: number, since: Date): Promise<string | undefined> {
  const wanted = slackDeliveryId(deliveryKey, part);
  const oldest = (since.getTime() / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const args = { channel, oldest, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) };
    const result = await client.conversations.history(args).catch(async (error: unknown) => {
      await waitOutRateLimit(error);
      return client.conversations.history(args);
    });
    const found = (result.messages as HistoryMessage[] | undefined)?.find(
      (m) => m.metadata?.event_type === deliveryEventType && m.metadata.event_payload?.['delivery_id'] === wanted,
    );
    if (found) return found.ts ?? '';
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) return undefined;
  }
  throw new Error(`more than ${maxPages * 200} messages since the part was begun`);
}

/** Slack's Retry-After is waited out in real time, whatever the pacing clock: it is Slack's to set. */
export async function waitOutRateLimit(error: unknown): Promise<void> {
  const e = error as { code?: string; retryAfter?: number };
  if (e.code === webApi.ErrorCode.RateLimitedError) await new Promise((resolve) => setTimeout(resolve, Math.max(1, e.retryAfter ?? 1) * 1000));
}
