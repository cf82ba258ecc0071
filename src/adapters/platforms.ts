/**
 * The registry of chat platforms: how each is switched on by the config and how its adapter is
 * made. `startPlatforms` starts every configured one from here, so a new platform is a folder under
 * `src/adapters/` plus one entry below (and its name in `channelPlatforms`, which makes this table
 * fail to compile until the entry exists). The console is no entry: it is the embedded default
 * that start-up runs when no chat platform is configured, or when asked to.
 */
import { channelPlatforms, type ChannelPlatform, type ChannelPoster } from '../chat/chat-port.js';
import type { CommandDeps } from '../commands/execute-command.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { SlackAdapterOptions } from './slack/create-slack-adapter.js';
import type { SeenRequests } from '../store/seen-requests.js';

/** What every chat adapter gives start-up. */
export interface PlatformAdapter {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly poster: ChannelPoster;
}

/** What an adapter is made from. */
export interface PlatformContext {
  readonly config: Config;
  readonly deps: CommandDeps;
  readonly logger: Logger;
  /** The clock commands see (`CommandContext.now`). */
  readonly clock: () => Date;
  /** What an HTTP endpoint of the platform reports on `GET /readyz`. */
  readonly health: NonNullable<SlackAdapterOptions['health']>;
  /** Where a platform disables the digests of a workspace that removed the app. */
  readonly subscriptions?: SlackAdapterOptions['subscriptions'];
  /** The workspaces that installed the Slack app through OAuth (SLACK_CLIENT_ID). */
  readonly slackInstallations?: SlackAdapterOptions['installations'];
  /** With a shared database: the Slack request signatures every replica has seen. */
  readonly slackSeenRequests?: SeenRequests;
}

/**
 * Makes the adapter when the config switches the platform on, else `undefined`. The adapter module
 * (and with it Bolt or discord.js) is imported only when made: the console alone never loads them.
 */
export type PlatformEntry = (context: PlatformContext) => (() => Promise<PlatformAdapter>) | undefined;

const registry: { readonly [P in ChannelPlatform]: PlatformEntry } = {
  slack: ({ config: { slack }, deps, logger, clock, health, subscriptions, slackInstallations, slackSeenRequests }) =>
    slack &&
    (async () =>
      (await import('./slack/create-slack-adapter.js')).createSlackAdapter({
        config: slack,
        deps,
        logger,
        now: clock,
        health,
        ...(subscriptions ? { subscriptions } : {}),
        ...(slackInstallations ? { installations: slackInstallations } : {}),
        ...(slackSeenRequests ? { replayGuard: { shared: slackSeenRequests } } : {}),
      })),
  discord: ({ config: { discord }, deps, logger, clock }) =>
    discord && (async () => (await import('./discord/create-discord-adapter.js')).createDiscordAdapter({ config: discord, deps, logger, now: clock })),
};

/** The configured chat platforms, in start order, each with the factory of its adapter. */
export function configuredPlatforms(context: PlatformContext): [ChannelPlatform, () => Promise<PlatformAdapter>][] {
  return channelPlatforms.flatMap((name) => {
    const create = registry[name](context);
    return create ? [[name, create] as [ChannelPlatform, () => Promise<PlatformAdapter>]] : [];
  });
}
