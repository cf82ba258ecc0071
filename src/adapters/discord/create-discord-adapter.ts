import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, REST, RESTEvents } from 'discord.js';
import type { CommandDeps } from '../../commands/execute-command.js';
import type { DiscordConfig } from '../../config.js';
import type { ChannelPoster } from '../../chat/chat-port.js';
import type { Logger } from '../../logger.js';
import { createDiscordChannelPoster } from './create-discord-channel-poster.js';
import { discordShardOptions } from './discord-shard-options.js';
import { handleInteraction } from './handle-interaction.js';

export interface DiscordAdapterOptions {
  readonly config: DiscordConfig;
  readonly deps: CommandDeps;
  readonly logger: Logger;
  /** The clock commands see (`CommandContext.now`). */
  readonly now?: () => Date;
}

export interface DiscordAdapter {
  /** Logs in to the gateway; resolves once the client is ready to take interactions. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts digests to Discord channels over REST; usable once constructed. */
  readonly poster: ChannelPoster;
}

/**
 * The Discord adapter: a discord.js gateway client (Guilds intent only: slash commands need no
 * privileged intents) that turns slash commands into neutral commands and their replies into
 * embeds. Every message it sends has mentions off (`allowedMentions.parse` empty). Constructing it
 * makes no network call; `start` does. Register the commands with `npm run register:discord`.
 * It runs its shards in this process (DISCORD_SHARDS, or every shard Discord recommends): Discord
 * sends a guild's interactions over the connection of the shard that owns it, while digests go
 * over REST, to any channel, from whichever process posts them.
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { config, deps, logger } = options;
  // REST and, through GET /gateway/bot, the gateway URL (DISCORD_API_URL, e.g. https://discord.com/api).
  const api = config.apiUrl ? { api: config.apiUrl } : {};
  const client = new Client({ intents: [GatewayIntentBits.Guilds], allowedMentions: { parse: [] }, rest: api, ...discordShardOptions(config.shards) });
  // The poster posts over REST without the gateway, so it works before (and without) start.
  client.rest.setToken(config.token);
  // Interaction webhooks (reply edits, follow-ups) are outside Discord's global rate limit; their
  // own per-token buckets still apply. This client has no token: those routes need none.
  const replies = new REST({ ...api, globalRequestsPerSecond: Number.MAX_SAFE_INTEGER });
  // The route has its ids as placeholders: an interaction token (in webhook URLs) never reaches the log.
  for (const rest of [client.rest, replies]) {
    rest.on(RESTEvents.RateLimited, (info) =>
      logger.warn('discord rate limited', { route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope }),
    );
  }
  const env = { deps, logger, now: options.now ?? (() => new Date()), replies };

  client.on(Events.InteractionCreate, (interaction) => {
    handleInteraction(interaction, env).catch((error: unknown) => logger.error('discord interaction failed', { error }));
  });
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.Warn, (message) => logger.warn('discord client warning', { message }));
  client.on(Events.ShardError, (error, shardId) => logger.warn('discord gateway connection error', { shardId, error }));
  // A close code Discord does not let a shard reconnect after (4010 invalid shard, 4011 sharding required): it stays down.
  client.on(Events.ShardDisconnect, (event, shardId) => logger.error('discord shard disconnected for good', { shardId, code: event.code }));

  const poster = createDiscordChannelPoster({ rest: client.rest, logger });
  let started = false;
  return {
    poster,
    async start() {
      const controller = new AbortController();
      // login() resolves at the gateway's READY; the client is ready once its guilds are in.
      const ready = once(client, Events.ClientReady, { signal: controller.signal });
      ready.catch(() => undefined);
      try {
        await client.login(config.token);
        await ready;
      } finally {
        controller.abort();
      }
      started = true;
      const applicationId = client.application?.id;
      if (applicationId && applicationId !== config.applicationId) {
        logger.warn('DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN; commands may be registered to the wrong app', { applicationId });
      }
      logger.info('discord adapter started', { user: client.user?.tag, applicationId, shards: [...client.ws.shards.keys()], shardCount: client.options.shardCount });
    },
    async stop() {
      if (!started) return;
      started = false;
      await client.destroy();
      replies.clearHashSweeper();
      replies.clearHandlerSweeper();
      logger.info('discord adapter stopped');
    },
  };
}
