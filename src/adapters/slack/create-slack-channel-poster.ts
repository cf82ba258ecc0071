import { webApi } from '@slack/bolt';
import type { ChannelPoster, PartLedger, PostFailure, PostOutcome } from '../../chat/chat-port.js';
import { createMemoryPartLedgers } from '../../chat/create-memory-part-ledgers.js';
import { postParts, type SendFailure } from '../../chat/post-parts.js';
import type { Logger } from '../../logger.js';
import type { Message } from '../../render/message.js';
import { renderSlackMessage } from './render-slack-message.js';
import { createBoltLogger } from './create-bolt-logger.js';
import { findSlackDelivery, slackDeliveryMetadata, waitOutRateLimit } from './slack-delivery-lookup.js';
import { uploadSlackChart } from './upload-slack-chart.js';
import { createSerialQueue } from '../../shared/create-serial-queue.js';


/** Time for the poster's pacing; tests pass one that advances without waiting. */
export interface PosterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface SlackChannelPosterOptions {
  /** A WebClient holding the bot token and Web API URL; digests are posted through a copy that never retries on its own. */
  readonly client: webApi.WebClient;
  /**
   * Many workspaces (OAuth): the bot token of the workspace a channel belongs to, used instead of
   * the client's; undefined when no installed workspace reaches the channel (the post fails).
   */
  readonly tokenFor?: (channelId: string) => Promise<string | undefined>;
  readonly logger: Logger;
  /** Least time between two posts to one channel (Slack allows about one message a second). */
  readonly minIntervalMs?: number;
  readonly clock?: PosterClock;
  /** How many deliveries the in-memory ledger (for posts without a delivery log) remembers. */
  readonly ledgerSize?: number;
  /** How long one chat.postMessage may take before its outcome counts as unknown. Default 30 s. */
  readonly requestTimeoutMs?: number;
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
/** Slack's own failures, after which the message may exist all the same. */
const unsureErrors = new Set(['internal_error', 'fatal_error', 'request_timeout', 'service_unavailable']);

/**
 * Posts digests to Slack channels with `chat.postMessage`. Posts to one channel go one at a time,
 * at least `minIntervalMs` apart (the WebClient paces nothing per channel). A message too big for
 * one Slack message goes as several. Each part carries message metadata with its delivery id and
 * is recorded in the part ledger before and after it is posted; a part whose outcome was lost (a
 * crash, a 5xx, a timeout) is looked up in the channel's history before it is posted again.
 * The WebClient's own retries are off for posts (a retried 5xx could post twice); 429s are waited
 * out for their Retry-After and tried again, other transient failures after a pause and a lookup.
 */
export function createSlackChannelPoster(options: SlackChannelPosterOptions): ChannelPoster {
  const { client, logger } = options;
  const minInterval = options.minIntervalMs ?? 1000;
  const clock = options.clock ?? systemClock;
  const memoryLedger = createMemoryPartLedgers(options.ledgerSize ?? 5000);
  const boltLogger = createBoltLogger(logger);
  const makeClient = (token: string | undefined): webApi.WebClient =>
    new webApi.WebClient(token, { slackApiUrl: client.slackApiUrl, logger: boltLogger, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: options.requestTimeoutMs ?? 30_000 });
  const single = makeClient(client.token);
  /** One posting client per workspace token. */
  const perToken = new Map<string, webApi.WebClient>();
  const clientFor = async (channel: string): Promise<webApi.WebClient | undefined> => {
    if (!options.tokenFor) return single;
    const token = await options.tokenFor(channel);
    if (!token) return undefined;
    let made = perToken.get(token);
    if (!made) perToken.set(token, (made = makeClient(token)));
    return made;
  };
  const lastPostAt = new Map<string, number>();
  const perChannel = createSerialQueue();

  const pace = async (channel: string): Promise<void> => {
    const last = lastPostAt.get(channel);
    const wait = last === undefined ? 0 : last + minInterval - clock.now();
    if (wait > 0) await clock.sleep(wait);
  };

  const postNow = async (channel: string, message: Message, deliveryKey: string, ledger: PartLedger): Promise<PostOutcome> => {
    const poster = await clientFor(channel);
    // Tried again at the next attempt: the workspace may be installed, or the channel used, by then.
    if (!poster) return { ok: false, failure: 'failed', detail: 'no installed Slack workspace is known for this channel' };
    const payloads = renderSlackMessage(message);
    let sent = false;
    const outcome = await postParts(payloads, ledger, {
      async send(part, payload) {
        await pace(channel);
        sent = true;
        try {
          // Never `link_names`: mentions in article text must stay text. No unfurls: a digest is not a link preview.
          const result = await poster.chat.postMessage({
            channel,
            text: payload.text,
            blocks: payload.blocks,
            unfurl_links: false,
            unfurl_media: false,
            metadata: slackDeliveryMetadata(deliveryKey, part),
          });
          return result.ts ?? '';
        } catch (error) {
          await waitOutRateLimit(error);
          throw error;
        } finally {
          lastPostAt.set(channel, clock.now());
        }
      },
      find: (part, _payload, since) => findSlackDelivery(poster, channel, deliveryKey, part, since),
      classify: classifySend,
    }, { logger, backoff: () => clock.sleep(1000), fields: { channel, deliveryKey } });
    // The chart follows the text, outside the part record: a file carries no metadata to look it up
    // by after a crash. It goes only when this call posted the digest's text, so a retry of a slot
    // whose text was already out uploads no second copy (at most once); a failure is only logged.
    if (outcome.ok && sent && message.chart) {
      await pace(channel);
      await uploadSlackChart(poster, channel, message.chart, logger);
      lastPostAt.set(channel, clock.now());
    }
    return outcome;
  };

  return {
    platform: 'slack',
    post(channelId, message, deliveryKey, parts) {
      const ledger = parts ?? memoryLedger(`${channelId}\u0000${deliveryKey}`);
      return perChannel.run(channelId, () => postNow(channelId, message, deliveryKey, ledger)).catch((error: unknown) => ({ ok: false as const, ...classify(error) }));
    },
  };
}

/** A failed request as `postParts` needs it: may it have been posted, and is it worth trying again now. */
function classifySend(error: unknown): SendFailure {
  const { failure, detail } = classify(error);
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number };
  switch (e.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { failure, detail, landed: 'no', retry: true };
    case webApi.ErrorCode.HTTPError:
      return { failure, detail, landed: 'maybe', retry: (e.statusCode ?? 500) >= 500 };
    case webApi.ErrorCode.RequestError:
      return { failure, detail, landed: 'maybe', retry: true };
    case webApi.ErrorCode.PlatformError:
      return { failure, detail, landed: unsureErrors.has(e.data?.error ?? '') ? 'maybe' : 'no', retry: false };
    default:
      return { failure, detail, landed: 'maybe', retry: false };
  }
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
