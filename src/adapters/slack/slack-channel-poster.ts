import { webApi } from '@slack/bolt';
import type { ChannelPoster, PostFailure, PostOutcome } from '../../digests/channel-poster.js';
import type { Logger } from '../../logger.js';
import type { Message } from '../../render/message.js';
import { renderSlackMessage } from '../../render/slack/render-slack-message.js';

/** Time for the poster's pacing; tests pass one that advances without waiting. */
export interface PosterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface SlackChannelPosterOptions {
  /** A WebClient holding the bot token; it waits out 429s itself (Retry-After) per its retryConfig. */
  readonly client: webApi.WebClient;
  readonly logger: Logger;
  /** Least time between two posts to one channel (Slack allows about one message a second). */
  readonly minIntervalMs?: number;
  readonly clock?: PosterClock;
  /** How many posted parts the duplicate ledger remembers. */
  readonly ledgerSize?: number;
}

const systemClock: PosterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Errors that mean the channel is no more, or that Sitrep may not post there. */
const goneErrors = new Set(['channel_not_found', 'is_archived', 'channel_is_archived']);
const forbiddenErrors = new Set([
  'not_in_channel',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  'team_access_not_granted',
  'access_denied',
  'missing_scope',
]);

/**
 * Posts digests to Slack channels with `chat.postMessage`. Posts to one channel go one at a time,
 * at least `minIntervalMs` apart (the WebClient paces nothing per channel). A message too big for
 * one Slack message goes as several. Each posted part is remembered by delivery key, so a retry
 * of the same digest slot posts only the parts that did not land.
 */
export function createSlackChannelPoster(options: SlackChannelPosterOptions): ChannelPoster {
  const { client, logger } = options;
  const minInterval = options.minIntervalMs ?? 1000;
  const clock = options.clock ?? systemClock;
  const ledgerSize = options.ledgerSize ?? 5000;
  const ledger = new Map<string, string>();
  const lastPostAt = new Map<string, number>();
  const queues = new Map<string, Promise<unknown>>();

  const pace = async (channel: string): Promise<void> => {
    const last = lastPostAt.get(channel);
    const wait = last === undefined ? 0 : last + minInterval - clock.now();
    if (wait > 0) await clock.sleep(wait);
  };

  const remember = (key: string, ts: string): void => {
    ledger.set(key, ts);
    if (ledger.size > ledgerSize) ledger.delete(ledger.keys().next().value!);
  };

  const postNow = async (channel: string, message: Message, deliveryKey: string): Promise<PostOutcome> => {
    const ids: string[] = [];
    const payloads = renderSlackMessage(message);
    for (const [i, payload] of payloads.entries()) {
      const key = `${channel}\u0000${deliveryKey}\u0000${i}`;
      const done = ledger.get(key);
      if (done !== undefined) {
        ids.push(done);
        continue;
      }
      await pace(channel);
      try {
        // Never `link_names`: mentions in article text must stay text. No unfurls: a digest is not a link preview.
        const result = await client.chat.postMessage({ channel, text: payload.text, blocks: payload.blocks, unfurl_links: false, unfurl_media: false });
        const ts = result.ts ?? '';
        remember(key, ts);
        ids.push(ts);
      } catch (error) {
        const failure = classify(error);
        logger.warn('slack post failed', { channel, deliveryKey, part: i + 1, parts: payloads.length, ...failure });
        return { ok: false, ...failure };
      } finally {
        lastPostAt.set(channel, clock.now());
      }
    }
    return { ok: true, messageIds: ids };
  };

  return {
    platform: 'slack',
    post(channelId, message, deliveryKey) {
      const previous = queues.get(channelId) ?? Promise.resolve();
      const run = previous.then(() => postNow(channelId, message, deliveryKey));
      const settled = run.catch(() => undefined);
      queues.set(channelId, settled);
      void settled.then(() => {
        if (queues.get(channelId) === settled) queues.delete(channelId);
      });
      return run.catch((error: unknown) => ({ ok: false as const, ...classify(error) }));
    },
  };
}

/** Maps a WebClient error to a post failure; the detail is Slack's error code, never a token. */
export function classify(error: unknown): { failure: PostFailure; detail: string } {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number };
  if (e.code === webApi.ErrorCode.PlatformError && e.data?.error) {
    const code = e.data.error;
    return { failure: goneErrors.has(code) ? 'gone' : forbiddenErrors.has(code) ? 'forbidden' : 'failed', detail: code };
  }
  if (e.code === webApi.ErrorCode.HTTPError) return { failure: 'failed', detail: `http ${e.statusCode ?? 'error'}` };
  if (e.code === webApi.ErrorCode.RateLimitedError) return { failure: 'failed', detail: 'rate limited' };
  if (e.code === webApi.ErrorCode.RequestError) return { failure: 'failed', detail: 'request failed' };
  return { failure: 'failed', detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown error' };
}
