import type { ClientOptions } from 'discord.js';
import type { DiscordShards } from '../../config.js';

/**
 * The discord.js client's shard options: the given ids out of the given total (DISCORD_SHARDS, one
 * slice per replica) or, unset, `auto`: the client asks `GET /gateway/bot` for Discord's
 * recommended count and runs every shard. All shards of a process share one connection manager,
 * which spaces their IDENTIFYs by the session start limit's `max_concurrency`.
 */
export function discordShardOptions(shards: DiscordShards | undefined): Pick<ClientOptions, 'shards' | 'shardCount'> {
  return shards ? { shards: [...shards.ids], shardCount: shards.count } : { shards: 'auto' };
}
