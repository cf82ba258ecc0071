import { Routes, type REST } from 'discord.js';
import type { DiscordEmbed, DiscordPayload } from './discord-embeds.js';

/** Discord's epoch (2015-01-01), the origin of snowflake timestamps. */
const discordEpoch = 1_420_070_400_000n;
/** Pages of 100 messages read at most when looking for a part. */
const maxPages = 5;

/** The smallest snowflake of an instant: `after` it means "created at or after". */
export function snowflakeAt(time: Date): string {
  return String((BigInt(Math.max(0, time.getTime())) - discordEpoch) << 22n);
}

interface ChannelMessage {
  readonly id: string;
  readonly author?: { readonly id?: string };
  readonly nonce?: string | number;
  readonly embeds?: readonly DiscordEmbed[];
}

/** What Discord keeps of an embed as sent, for comparison (it adds `type` and may drop empty parts). */
const essence = (embeds: readonly DiscordEmbed[] | undefined): string =>
  JSON.stringify(
    (embeds ?? []).map((e) => [e.title ?? '', e.description ?? '', (e.fields ?? []).map((f) => [f.name, f.value]), e.footer?.text ?? '', e.author?.name ?? '']),
  );

/**
 * Looks among the channel's messages created since `since` (`GET /channels/{id}/messages?after=`,
 * paged) for the part: the bot's own message carrying its nonce or, as Discord lists messages
 * without their nonce, the same embeds. Returns its id; throws when Discord cannot be asked (Read
 * Message History missing) or more messages came since than the pages read.
 */
export async function findDiscordPart(rest: REST, channelId: string, botId: string, nonce: string, payload: DiscordPayload, since: Date): Promise<string | undefined> {
  const wanted = essence(payload.embeds);
  let after = snowflakeAt(since);
  for (let page = 0; page < maxPages; page++) {
    const messages = (await rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ after, limit: '100' }) })) as ChannelMessage[];
    const found = messages.find((m) => m.author?.id === botId && (String(m.nonce ?? '') === nonce || essence(m.embeds) === wanted));
    if (found) return found.id;
    if (messages.length < 100) return undefined;
    after = messages.reduce((max, m) => (BigInt(m.id) > BigInt(max) ? m.id : max), after);
  }
  throw new Error(`more than ${maxPages * 100} messages since the part was begun`);
}
