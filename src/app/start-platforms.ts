import type { CommandDeps } from '../commands/execute-command.js';
import type { Config } from '../config.js';
import type { ChannelPoster } from '../chat/chat-port.js';
import type { Logger } from '../logger.js';
import type { Shutdown } from './graceful-shutdown.js';
import type { Readiness } from './readiness.js';

export interface PlatformWiring {
  readonly config: Config;
  readonly deps: CommandDeps;
  readonly logger: Logger;
  readonly shutdown: Shutdown;
  /** Each started platform's poster is added, wrapped by `track`. */
  readonly posters: ChannelPoster[];
  readonly track: (poster: ChannelPoster) => ChannelPoster;
  /** Each platform is expected, then marked ready once started and not ready once stopped. */
  readonly readiness: Readiness;
}

interface PlatformAdapter {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly poster: ChannelPoster;
}

/**
 * Starts Slack and Discord when configured and returns how many started. Bolt and discord.js are
 * imported only here, for the platforms configured: the console alone never loads them.
 */
export async function startPlatforms(wiring: PlatformWiring): Promise<number> {
  const { config, deps, logger, shutdown } = wiring;
  const { slack, discord } = config;
  const configured: [string, () => Promise<PlatformAdapter>][] = [];
  if (slack) configured.push(['slack', async () => (await import('../adapters/slack/create-slack-adapter.js')).createSlackAdapter({ config: slack, deps, logger, health: wiring.readiness.report })]);
  if (discord) configured.push(['discord', async () => (await import('../adapters/discord/create-discord-adapter.js')).createDiscordAdapter({ config: discord, deps, logger })]);
  for (const [name] of configured) wiring.readiness.expect(name);
  let started = 0;
  for (const [name, create] of configured) {
    if (shutdown.requested) break;
    const adapter = await create();
    await adapter.start();
    wiring.readiness.set(name, true);
    shutdown.add({ name, stop: () => (wiring.readiness.set(name, false), adapter.stop()) });
    wiring.posters.push(wiring.track(adapter.poster));
    started++;
  }
  return started;
}
