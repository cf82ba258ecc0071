import { configuredPlatforms, type PlatformContext } from '../adapters/platforms.js';
import type { CommandDeps } from '../commands/execute-command.js';
import type { Config } from '../config.js';
import type { ChannelPoster } from '../chat/chat-port.js';
import type { Logger } from '../logger.js';
import type { Shutdown } from './graceful-shutdown.js';
import type { Readiness } from './create-readiness.js';

export interface PlatformWiring {
  readonly config: Config;
  readonly deps: CommandDeps;
  readonly logger: Logger;
  /** The clock commands see, passed to every adapter. */
  readonly clock: () => Date;
  readonly shutdown: Shutdown;
  /** Each started platform's poster is added, wrapped by `track`. */
  readonly posters: ChannelPoster[];
  readonly track: (poster: ChannelPoster) => ChannelPoster;
  /** Each platform is expected, then marked ready once started and not ready once stopped. */
  readonly readiness: Readiness;
  readonly subscriptions?: PlatformContext['subscriptions'];
  readonly slackInstallations?: PlatformContext['slackInstallations'];
  readonly slackSeenRequests?: PlatformContext['slackSeenRequests'];
}

/**
 * Starts every chat platform of the registry (`adapters/platforms.ts`) that the config switches on,
 * in turn, and returns how many started. Each adapter's libraries are imported only as it is made:
 * the console alone never loads Bolt or discord.js.
 */
export async function startPlatforms(wiring: PlatformWiring): Promise<number> {
  const { config, deps, logger, shutdown } = wiring;
  const configured = configuredPlatforms({
    config,
    deps,
    logger,
    clock: wiring.clock,
    health: wiring.readiness.report,
    ...(wiring.subscriptions ? { subscriptions: wiring.subscriptions } : {}),
    ...(wiring.slackInstallations ? { slackInstallations: wiring.slackInstallations } : {}),
    ...(wiring.slackSeenRequests ? { slackSeenRequests: wiring.slackSeenRequests } : {}),
  });
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
