import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import type { ChannelPoster, PartLedger, PostFailure, PostOutcome } from '../../chat/chat-port.js';
import { createMemoryPartLedgers } from '../../chat/create-memory-part-ledgers.js';
import { postParts, type SendFailure } from '../../chat/post-parts.js';
import type { Logger } from '../../logger.js';
import type { ChartSeries } from '../../render/chart/chart-series.js';
import type { DiscordPayload } from './discord-embeds.js';
import { renderDiscordMessage } from './render-discord-message.js';
import { discordChartMessage } from './discord-chart.js';
import { findDiscordPart } from './discord-part-lookup.js';
import type { Message } from '../../render/message.js';
import { createSerialQueue } from '../../shared/create-serial-queue.js';


export interface DiscordChannelPosterOptions {
  /** A REST client holding the bot token; it waits out 429s itself (Retry-After) and retries 5xx. */
  readonly rest: REST;
  readonly logger: Logger;
  /** How many deliveries the in-memory ledger (for posts without a delivery log) remembers. */
  readonly ledgerSize?: number;
}

/** Discord's JSON error codes that mean the channel is gone, or that Sitrep may not post there. */
const unknownChannel = 10003;
const forbiddenCodes = new Set([50001 /* Missing Access */, 50013 /* Missing Permissions */]);

/** Discord accepts a nonce of at most 25 characters. */
const nonceLength = 25;

/**
 * The nonce of one part of one delivery: the same for a retried request, so with `enforce_nonce`
 * Discord returns the message it already created instead of posting it again.
 */
export function deliveryNonce(channelId: string, deliveryKey: string, part: number): string {
  return createHash('sha256').update(`${channelId}\u0000${deliveryKey}\u0000${part}`).digest('base64url').slice(0, nonceLength);
}

/**
 * Posts digests to Discord channels (`POST /channels/{id}/messages`) as embeds, with mentions off.
 * Each part carries a nonce derived from the delivery key with `enforce_nonce`, so a request that
 * @discordjs/rest retries after a 5xx, or that is sent again within Discord's few minutes, returns
 * the message already created. Each part is recorded in the part ledger before and after it is
 * posted; a part whose outcome was lost (a crash, a 5xx, a timeout) is looked up among the
 * channel's messages since it was begun (the bot's own message with the same embeds) before it is
 * sent again, which needs Read Message History. Posts to one channel go one digest at a time, so
 * parts of two digests never interleave. 429s are waited out by the REST client per route.
 */
export function createDiscordChannelPoster(options: DiscordChannelPosterOptions): ChannelPoster {
  const { rest, logger } = options;
  const memoryLedger = createMemoryPartLedgers(options.ledgerSize ?? 5000);
  const perChannel = createSerialQueue();
  let botId: Promise<string> | undefined;
  const self = (): Promise<string> => {
    botId ??= (rest.get(Routes.user()) as Promise<{ id: string }>).then((u) => u.id);
    botId.catch(() => (botId = undefined));
    return botId;
  };

  const send = async (channelId: string, payload: DiscordPayload, nonce: string, chart: ChartSeries | undefined): Promise<string> => {
    const body = { embeds: payload.embeds, allowed_mentions: { parse: [] }, nonce, enforce_nonce: true };
    if (chart) {
      // The chart rides on the first message, shown in its first embed. Best effort: one that cannot be
      // drawn, or that Discord refuses (Attach Files missing, too big), is logged and the text goes alone.
      // Drawn again on a retry of the part: charts are not kept.
      try {
        const drawn = await discordChartMessage(chart);
        const [first, ...others] = payload.embeds;
        const embeds = [{ ...first, image: { url: `attachment://${drawn.files[0]!.name}` } }, ...others];
        const created = (await rest.post(Routes.channelMessages(channelId), { body: { ...body, embeds, attachments: drawn.body['attachments'] }, files: drawn.files })) as { id?: string };
        return created.id ?? '';
      } catch (error) {
        // A channel that is gone, or that Sitrep cannot see, refuses the text too: no second request.
        if (error instanceof DiscordAPIError && (error.status === 404 || error.code === unknownChannel || error.code === 50001)) throw error;
        // Sent again without it under the same nonce: had the first request landed after all, Discord returns that message.
        logger.warn('chart not posted to discord', { channelId, ...classifyDiscordError(error) });
      }
    }
    const created = (await rest.post(Routes.channelMessages(channelId), { body })) as { id?: string };
    return created.id ?? '';
  };
  const post = (channelId: string, message: Message, deliveryKey: string, ledger: PartLedger): Promise<PostOutcome> =>
    postParts(renderDiscordMessage(message), ledger, {
      send: (part, payload) => send(channelId, payload, deliveryNonce(channelId, deliveryKey, part), part === 0 ? message.chart : undefined),
      // The chart's image is no part of what identifies a message: a first part is found with or without it.
      find: async (part, payload, since) => findDiscordPart(rest, channelId, await self(), deliveryNonce(channelId, deliveryKey, part), payload, since),
      classify: classifyDiscordSend,
    }, { logger, tries: 2, backoff: () => new Promise((resolve) => setTimeout(resolve, 1000)), fields: { channelId, deliveryKey } });

  return {
    platform: 'discord',
    post(channelId, message, deliveryKey, parts) {
      const ledger = parts ?? memoryLedger(`${channelId}\u0000${deliveryKey}`);
      return perChannel.run(channelId, () => post(channelId, message, deliveryKey, ledger)).catch((error: unknown) => ({ ok: false as const, ...classifyDiscordError(error) }));
    },
  };
}

/** A failed request as `postParts` needs it: a 5xx or network failure may have posted (the REST client has retried it already). */
function classifyDiscordSend(error: unknown): SendFailure {
  const { failure, detail } = classifyDiscordError(error);
  if (error instanceof DiscordAPIError) return { failure, detail, landed: error.status >= 500 ? 'maybe' : 'no', retry: error.status >= 500 };
  return { failure, detail, landed: 'maybe', retry: true };
}

/** Maps a REST error to a post failure; the detail names Discord's status and code, never a token or URL. */
export function classifyDiscordError(error: unknown): { failure: PostFailure; detail: string } {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    const failure: PostFailure =
      code === unknownChannel || error.status === 404 ? 'gone' : (code !== undefined && forbiddenCodes.has(code)) || error.status === 403 ? 'forbidden' : 'failed';
    return { failure, detail: `${error.status}${code !== undefined ? ` (${code})` : ''}: ${error.message}`.slice(0, 200) };
  }
  if (error instanceof HTTPError) return { failure: 'failed', detail: `http ${error.status}` };
  if (error instanceof RateLimitError) return { failure: 'failed', detail: 'rate limited' };
  return { failure: 'failed', detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown error' };
}
