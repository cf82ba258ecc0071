import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type InstallationQuery, type webApi } from '@slack/bolt';
import type { CommandDeps } from '../../commands/execute-command.js';
import type { SlackConfig, SlackOAuthConfig } from '../../config.js';
import type { ChannelPoster } from '../../chat/chat-port.js';
import type { Logger } from '../../logger.js';
import type { SlackInstallationStore } from '../../store/slack-installation-store.js';
import { createBoltLogger } from './create-bolt-logger.js';
import { createBoltInstallationStore } from './create-bolt-installation-store.js';
import { createSlackWorkspaces, type SlackWorkspacesOptions } from './create-slack-workspaces.js';
import { checkSlackWebApi } from './check-slack-web-api.js';
import { createGuardedHttpReceiver, type GuardedHttpReceiver, type GuardedHttpReceiverOptions } from './create-guarded-http-receiver.js';
import { registerSlackListeners } from './register-slack-listeners.js';
import { registerSlackOAuthListeners } from './register-slack-oauth-listeners.js';
import { createSlackChannelPoster, type PosterClock } from './create-slack-channel-poster.js';
import { createSlackRequestGuard, type SlackRequestGuardOptions } from './create-slack-request-guard.js';
import { slackBotScopes } from './slack-scopes.js';

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
  /** Where each workspace's installation is kept; required with `config.oauth`. */
  readonly installations?: SlackInstallationStore;
  /** Where a removed workspace's digest subscriptions are disabled, and enabled again when it is installed again (with `config.oauth`). */
  readonly subscriptions?: SlackWorkspacesOptions['subscriptions'];
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
 * public URL. With `config.oauth`, any workspace installs the app at `GET /slack/install` (Bolt's
 * OAuth flow, on the same guarded server): each installation is stored, every request is answered
 * with its workspace's token, and digests are posted with the token of their channel's workspace.
 * Constructing it makes no network call; `start` does.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, deps, logger } = options;
  const socketMode = Boolean(config.appToken);
  const boltLogger = createBoltLogger(logger);
  const now = options.now ?? (() => new Date());
  const clientOptions = {
    // Every Web API call, Socket Mode's apps.connections.open and OAuth's oauth.v2.access included (SLACK_API_URL, with its trailing slash).
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
  };
  // Digests are posted with tokens the receiver's InstallProvider authorizes (and rotates); it exists once the receiver does.
  const installer = (): GuardedHttpReceiver['installer'] => receiver?.installer;
  const oauth = config.oauth ? oauthParts(config.oauth, options, clientOptions, now, installer) : undefined;
  if (oauth && socketMode) throw new Error('the Slack OAuth flow is served in HTTP mode: SLACK_APP_TOKEN must be unset');
  const receiver = socketMode
    ? undefined
    : createGuardedHttpReceiver({
        signingSecret: config.signingSecret,
        guard: createSlackRequestGuard({ logger, ...options.replayGuard }),
        logger,
        boltLogger,
        ...(options.health ? { health: options.health } : {}),
        ...(oauth ? { oauth: oauth.receiver } : {}),
      });
  const app = new App({
    ...(config.botToken ? { token: config.botToken } : {}),
    ...(receiver ? { receiver } : { socketMode: true, ...(config.appToken ? { appToken: config.appToken } : {}) }),
    logger: boltLogger,
    // auth.test runs in start(), not here: nothing talks to the network at construction.
    deferInitialization: true,
    clientOptions,
  });
  registerSlackListeners(app, { deps, logger, now, restrictDigests: config.restrictDigests });
  if (oauth) registerSlackOAuthListeners(app, oauth.workspaces, logger);
  const poster = createSlackChannelPoster({
    client: app.client,
    ...(oauth ? { tokenFor: oauth.workspaces.tokenFor } : {}),
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
      await checkSlackWebApi({ ...(config.botToken ? { botToken: config.botToken } : {}), ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}), timeoutMs: options.startTimeoutMs ?? 8_000, logger });
      await app.init();
      if (receiver) server = await receiver.start(config.port, config.host);
      else await app.start();
      started = true;
      logger.info('slack adapter started', socketMode ? { mode: 'socket' } : { mode: 'http', host: config.host ?? 'all interfaces', port: boundPort(), ...(oauth ? { install: '/slack/install' } : {}) });
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

/** The workspaces and the receiver's OAuth options: the installation store, the bot scopes, a direct install link. */
function oauthParts(oauth: SlackOAuthConfig, options: SlackAdapterOptions, clientOptions: webApi.WebClientOptions, now: () => Date, installer: () => GuardedHttpReceiver['installer']) {
  const { installations, logger } = options;
  if (!installations) throw new Error('the Slack OAuth flow needs an installation store');
  const authorize = async (query: { readonly teamId?: string; readonly enterpriseId?: string; readonly isEnterpriseInstall: boolean }): Promise<string | undefined> => {
    const provider = installer();
    if (!provider) throw new Error('the Slack OAuth receiver is not set up');
    // Sitrep's records always carry the id their key names (the team's, or the enterprise's when org-wide).
    return (await provider.authorize(query as InstallationQuery<boolean>)).botToken;
  };
  const workspaces = createSlackWorkspaces({ store: installations, logger, clock: now, authorize, ...(options.subscriptions ? { subscriptions: options.subscriptions } : {}) });
  const receiver: NonNullable<GuardedHttpReceiverOptions['oauth']> = {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...slackBotScopes],
    installationStore: createBoltInstallationStore(installations, logger, now, (key) => workspaces.restore(key)),
    // GET /slack/install redirects straight to Slack's consent page, with the state in a cookie.
    installerOptions: { directInstall: true, clientOptions },
  };
  return { workspaces, receiver };
}
