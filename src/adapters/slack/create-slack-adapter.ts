import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type webApi } from '@slack/bolt';
import type { CommandDeps } from '../../commands/execute-command.js';
import type { SlackConfig } from '../../config.js';
import type { ChannelPoster } from '../../chat/chat-port.js';
import type { Logger } from '../../logger.js';
import { createBoltLogger } from './bolt-logger.js';
import { checkSlackWebApi } from './check-slack-web-api.js';
import { createGuardedHttpReceiver, type GuardedHttpReceiverOptions } from './create-guarded-http-receiver.js';
import { registerSlackListeners } from './register-slack-listeners.js';
import { createSlackChannelPoster, type PosterClock } from './slack-channel-poster.js';
import { createSlackRequestGuard, type SlackRequestGuardOptions } from './slack-request-guard.js';

export interface SlackAdapterOptions {
  readonly config: SlackConfig;
  readonly deps: CommandDeps;
  readonly logger: Logger;
  /** The clock commands see (`CommandContext.now`). */
  readonly now?: () => Date;
  /** The WebClient's retry policy (429s and network errors); tests shrink it. */
  readonly retryConfig?: webApi.RetryOptions;
  /** Digest pacing: least time between posts to one channel (default 1 s), and its clock. */
  readonly posting?: { readonly minIntervalMs?: number; readonly clock?: PosterClock };
  /** How long start-up waits for the Web API's first answer before failing. Default 8 s (with the rest of start-up, under 15 s). */
  readonly startTimeoutMs?: number;
  /** The replay guard of HTTP mode (window, memory bound, clock). */
  readonly replayGuard?: SlackRequestGuardOptions;
  /** What HTTP mode's `GET /readyz` reports (`GET /healthz` is always answered). */
  readonly health?: GuardedHttpReceiverOptions['health'];
}

export interface SlackAdapter {
  /**
   * Calls auth.test (failing within `startTimeoutMs` when the Web API cannot be reached), then
   * listens on config.port and config.host (HTTP) or opens the Socket Mode connection.
   */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts digests to Slack channels; usable once constructed. */
  readonly poster: ChannelPoster;
  /** The port bound in HTTP mode once started (config.port 0 picks a free one); else undefined. */
  readonly port: number | undefined;
}

/**
 * The Slack adapter: a Bolt app that turns slash commands into neutral commands and their replies
 * into Block Kit. HTTP mode serves Bolt's `/slack/events` on config.host and config.port: signed
 * requests only, each answered once, dated within five minutes of now either way (see
 * `createGuardedHttpReceiver`). With `config.appToken` it uses Socket Mode instead and needs no
 * public URL. Constructing it makes no
 * network call; `start` does.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, deps, logger } = options;
  const socketMode = Boolean(config.appToken);
  const boltLogger = createBoltLogger(logger);
  const receiver = socketMode
    ? undefined
    : createGuardedHttpReceiver({ signingSecret: config.signingSecret, guard: createSlackRequestGuard(options.replayGuard), logger, boltLogger, ...(options.health ? { health: options.health } : {}) });
  const app = new App({
    token: config.botToken,
    ...(receiver ? { receiver } : { socketMode: true, ...(config.appToken ? { appToken: config.appToken } : {}) }),
    logger: boltLogger,
    // auth.test runs in start(), not here: nothing talks to the network at construction.
    deferInitialization: true,
    clientOptions: {
      // Every Web API call, Socket Mode's apps.connections.open included (SLACK_API_URL, with its trailing slash).
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    },
  });
  registerSlackListeners(app, { deps, logger, now: options.now ?? (() => new Date()), restrictDigests: config.restrictDigests });
  const poster = createSlackChannelPoster({
    client: app.client,
    logger,
    ...(options.posting?.minIntervalMs !== undefined ? { minIntervalMs: options.posting.minIntervalMs } : {}),
    ...(options.posting?.clock ? { clock: options.posting.clock } : {}),
  });

  let server: Server | undefined;
  let started = false;
  const boundPort = (): number | undefined => {
    const address = server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  };
  return {
    poster,
    get port() {
      return boundPort();
    },
    async start() {
      await checkSlackWebApi({ botToken: config.botToken, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}), timeoutMs: options.startTimeoutMs ?? 8_000, logger });
      await app.init();
      if (receiver) server = await receiver.start(config.port, config.host);
      else await app.start();
      started = true;
      logger.info('slack adapter started', socketMode ? { mode: 'socket' } : { mode: 'http', host: config.host ?? 'all interfaces', port: boundPort() });
    },
    async stop() {
      if (!started) return;
      started = false;
      await app.stop();
      server = undefined;
      logger.info('slack adapter stopped');
    },
  };
}
