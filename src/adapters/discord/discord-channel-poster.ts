import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import type { ChannelPoster, PostFailure, PostOutcome } from '../../digests/channel-poster.js';
import type { Logger } from '../../logger.js';
import { renderDiscordMessage } from '../../render/discord/render-discord-message.js';
import type { Message } from '../../render/message.js';

export interface DiscordChannelPosterOptions {
  /** A REST client holding the bot token; it waits out 429s itself (Retry-After) and retries 5xx. */
  readonly rest: REST;
  readonly logger: Logger;
  /** How many posted parts the duplicate ledger remembers. */
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
 * @discordjs/rest retries after a 5xx does not post twice; a ledger of posted parts makes a later
 * retry of the same digest slot post only the parts that did not land. Posts to one channel go
 * one digest at a time, so parts of two digests never interleave. 429s are waited out by the REST
 * client per route, which also paces each channel.
 */
export function createDiscordChannelPoster(options: DiscordChannelPosterOptions): ChannelPoster {
  const { rest, logger } = options;
  const ledgerSize = options.ledgerSize ?? 5000;
  const ledger = new Map<string, string>();
  const tails = new Map<string, Promise<unknown>>();

  const postParts = async (channelId: string, message: Message, deliveryKey: string): Promise<PostOutcome> => {
    const payloads = renderDiscordMessage(message);
    const ids: string[] = [];
    for (const [part, payload] of payloads.entries()) {
      const nonce = deliveryNonce(channelId, deliveryKey, part);
      const posted = ledger.get(nonce);
      if (posted !== undefined) {
        ids.push(posted);
        continue;
      }
      try {
        const body = { embeds: payload.embeds, allowed_mentions: { parse: [] }, nonce, enforce_nonce: true };
        const created = (await rest.post(Routes.channelMessages(channelId), { body })) as { id?: string };
        const id = created.id ?? '';
        ledger.set(nonce, id);
        if (ledger.size > ledgerSize) ledger.delete(ledger.keys().next().value!);
        ids.push(id);
      } catch (error) {
        const failure = classifyDiscordError(error);
        logger.warn('discord post failed', { channelId, deliveryKey, part: part + 1, parts: payloads.length, ...failure });
        return { ok: false, ...failure };
      }
    }
    return { ok: true, messageIds: ids };
  };

  return {
    platform: 'discord',
    post(channelId, message, deliveryKey) {
      const run = (tails.get(channelId) ?? Promise.resolve()).then(() => postParts(channelId, message, deliveryKey));
      const tail = run.catch(() => undefined);
      tails.set(channelId, tail);
      void tail.then(() => tails.get(channelId) === tail && tails.delete(channelId));
      return run.catch((error: unknown) => ({ ok: false as const, ...classifyDiscordError(error) }));
    },
  };
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
