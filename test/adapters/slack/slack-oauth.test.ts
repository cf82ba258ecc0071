/**
 * Many workspaces through Slack's OAuth flow, end to end: the real Bolt adapter with its
 * InstallProvider on the guarded HTTP server, the real digest service and installation store on
 * one SQLite file, and the Slack stand-in answering oauth.v2.access. Installs go over loopback as a
 * browser makes them (the install link, its state cookie, Slack's redirect back with a code).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/create-slack-adapter.js';
import { slackBotScopes } from '../../../src/adapters/slack/slack-scopes.js';
import type { ChannelPoster } from '../../../src/chat/chat-port.js';
import { createDigestService, type DigestService } from '../../../src/digests/create-digest-service.js';
import { createLogger } from '../../../src/logger.js';
import type { DigestStore } from '../../../src/store/digest-store.js';
import type { SlackInstallationStore } from '../../../src/store/slack-installation-store.js';
import { openSqliteStore } from '../../../src/store/sqlite-digest-store.js';
import { openSqliteSlackInstallationStore } from '../../../src/store/sqlite-slack-installation-store.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';
import { eventCallbackBody, postSigned, postSignedEvent, signingSecret, slashCommandBody } from './slack-requests.js';
import { writeTopicFolder } from './topic-fixture.js';

const stateSecret = 'test-state-secret-0123456789abcdef';
const workspaces = {
  alpha: { teamId: 'T0ALPHA', teamName: 'Alpha News', botToken: 'xoxb-test-alpha-not-a-real-token', channel: 'C0ALPHA' },
  beta: { teamId: 'T0BETA', teamName: 'Beta Desk', botToken: 'xoxb-test-beta-not-a-real-token', channel: 'C0BETA' },
  /** Token rotation on: its first token expires within the hour. */
  gamma: { teamId: 'T0GAMMA', teamName: 'Gamma Wire', botToken: 'xoxb-test-gamma-not-a-real-token', channel: 'C0GAMMA', expiresIn: 3600 },
} as const;
type Workspace = (typeof workspaces)[keyof typeof workspaces];

let standIn: SlackStandIn;
let adapter: SlackAdapter;
let digests: DigestService;
let store: DigestStore;
let installations: SlackInstallationStore;
let dir: string;
let fixture: Awaited<ReturnType<typeof writeTopicFolder>>;
let base: string;
const logLines: string[] = [];
const clock = { now: new Date(0) };
let n = 0;

beforeEach(async () => {
  clock.now = new Date('2024-10-30T10:00:00Z');
  standIn = await startSlackStandIn();
  standIn.users.set('U0ADMIN', { is_admin: true });
  fixture = await writeTopicFolder();
  dir = await mkdtemp(join(tmpdir(), 'sitrep-slack-oauth-'));
  const topics = await createTopicLibrary(fixture.root, 'north-korea-troops');
  store = openSqliteStore(join(dir, 'sitrep.sqlite'));
  installations = openSqliteSlackInstallationStore(join(dir, 'sitrep.sqlite'));
  const logger = createLogger({ level: 'debug', write: (line) => logLines.push(line) });
  const posters: ChannelPoster[] = [];
  digests = createDigestService({ store, topics, posters, logger, clock: () => clock.now, graceMinutes: 60 });
  adapter = createSlackAdapter({
    config: { oauth: { clientId: standIn.oauth.clientId, clientSecret: standIn.oauth.clientSecret, stateSecret }, signingSecret, apiUrl: standIn.apiUrl, port: 0, host: '127.0.0.1', restrictDigests: true },
    deps: { topics, logger, digests: digests.commands, subscriptions: store },
    logger,
    now: () => clock.now,
    posting: { minIntervalMs: 0 },
    retryConfig: { retries: 0 },
    installations,
    subscriptions: store,
  });
  posters.push(adapter.poster);
  await adapter.start();
  await digests.start();
  base = `http://127.0.0.1:${adapter.port}`;
});

afterEach(async () => {
  digests.stop();
  await adapter.stop();
  await installations.close();
  await store.close();
  await standIn.close();
  await fixture.remove();
  await rm(dir, { recursive: true, force: true });
});

/** The install link as a browser follows it: Slack's consent URL, and the state cookie set with it. */
async function startInstall(): Promise<{ location: URL; cookie: string; state: string }> {
  const res = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { location, cookie, state: location.searchParams.get('state') ?? '' };
}

/** Slack's redirect back after consent, with a code the stand-in will trade for the workspace's token. */
async function finishInstall(workspace: Workspace, query: string, cookie: string | undefined): Promise<{ status: number; text: string }> {
  standIn.oauth.codes.set(`code-${workspace.teamId}`, workspace);
  const res = await fetch(`${base}/slack/oauth_redirect?${query}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: res.status, text: await res.text() };
}

async function install(workspace: Workspace): Promise<void> {
  const { cookie, state } = await startInstall();
  const done = await finishInstall(workspace, `code=code-${workspace.teamId}&state=${encodeURIComponent(state)}`, cookie);
  expect(done.status).toBe(200);
}

/** A signed slash command from a workspace's channel; resolves with its replies (none if `expectReply` is false). */
async function command(workspace: Workspace, text: string, expectReply = true): Promise<string> {
  const id = `o${++n}`;
  const body = slashCommandBody({ command: '/digest', text, responseUrl: standIn.responseUrl(id), channelId: workspace.channel, teamId: workspace.teamId, userId: 'U0ADMIN' });
  const res = await postSigned(`${base}/slack/events`, body);
  expect(res.status).toBe(200);
  if (!expectReply) {
    await new Promise((r) => setTimeout(r, 300));
    return JSON.stringify(standIn.responsesTo(id));
  }
  return JSON.stringify(await standIn.waitFor(() => standIn.responsesTo(id)[0]));
}

const event = (workspace: Workspace, payload: Record<string, unknown>) => postSignedEvent(`${base}/slack/events`, eventCallbackBody(workspace.teamId, payload));
const callsOf = (method: string) => standIn.calls.filter((c) => c.method === method);
const postsTo = (channel: string) => callsOf('chat.postMessage').filter((c) => c.args['channel'] === channel);

describe('Slack OAuth: many workspaces', () => {
  it('sends /slack/install to Slack with the client id, the bot scopes and a state also set as a cookie', async () => {
    const { location, cookie, state } = await startInstall();
    expect(`${location.origin}${location.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe(standIn.oauth.clientId);
    expect(location.searchParams.get('scope')?.split(',')).toEqual([...slackBotScopes]);
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
  });

  it('trades the code at oauth.v2.access with the client credentials and stores the workspace with its bot token', async () => {
    await install(workspaces.alpha);
    const [exchange] = callsOf('oauth.v2.access');
    expect(exchange?.args).toMatchObject({ code: 'code-T0ALPHA', client_id: standIn.oauth.clientId, client_secret: standIn.oauth.clientSecret });
    const stored = await installations.getInstallation('T0ALPHA');
    expect(stored).toMatchObject({ key: 'T0ALPHA', teamId: 'T0ALPHA' });
    expect(JSON.parse(stored!.installation)).toMatchObject({ team: { id: 'T0ALPHA', name: 'Alpha News' }, bot: { token: workspaces.alpha.botToken, userId: 'U0BOTT0ALPHA' } });
    expect(logLines.some((l) => l.includes('slack workspace installed'))).toBe(true);
  });

  it("answers each workspace's commands with its own token and posts each channel's digest with its workspace's token", async () => {
    await install(workspaces.alpha);
    await install(workspaces.beta);
    expect(await command(workspaces.alpha, 'subscribe 08:00')).toMatch(/every day at 08:00/);
    expect(await command(workspaces.beta, 'subscribe 08:00')).toMatch(/every day at 08:00/);
    // SLACK_RESTRICT_DIGESTS: each command looked up its user with its own workspace's token.
    expect(callsOf('users.info').map((c) => c.token)).toEqual([workspaces.alpha.botToken, workspaces.beta.botToken]);

    clock.now = new Date('2024-10-31T08:00:00Z');
    await digests.runDue(clock.now);
    expect(postsTo('C0ALPHA').map((c) => c.token)).toEqual([workspaces.alpha.botToken]);
    expect(postsTo('C0BETA').map((c) => c.token)).toEqual([workspaces.beta.botToken]);
  });

  it("app_uninstalled removes the workspace and disables its channels' digests; the other workspace carries on", async () => {
    await install(workspaces.alpha);
    await install(workspaces.beta);
    await command(workspaces.alpha, 'subscribe 08:00');
    await command(workspaces.beta, 'subscribe 08:00');

    expect((await event(workspaces.alpha, { type: 'app_uninstalled' })).status).toBe(200);
    await waitUntil(async () => (await installations.getInstallation('T0ALPHA')) === undefined);
    const subscriptions = await store.listSubscriptions();
    expect(subscriptions.find((s) => s.channelId === 'C0ALPHA')?.disabled?.reason).toMatch(/uninstalled/);
    expect(subscriptions.find((s) => s.channelId === 'C0BETA')?.disabled).toBeUndefined();
    expect(await installations.getInstallation('T0BETA')).toBeDefined();

    // A command from the removed workspace is acknowledged and goes no further.
    expect(await command(workspaces.alpha, 'status', false)).toBe('[]');
    clock.now = new Date('2024-10-31T08:00:00Z');
    await digests.runDue(clock.now);
    expect(postsTo('C0ALPHA')).toHaveLength(0);
    expect(postsTo('C0BETA').map((c) => c.token)).toEqual([workspaces.beta.botToken]);
  });

  it('installed again after app_uninstalled, a workspace gets its digests back from then on', async () => {
    await install(workspaces.alpha);
    await command(workspaces.alpha, 'subscribe 08:00');
    await event(workspaces.alpha, { type: 'app_uninstalled' });
    await waitUntil(async () => (await installations.getInstallation('T0ALPHA')) === undefined);
    expect((await store.listSubscriptions())[0]?.disabled?.reason).toMatch(/uninstalled/);

    clock.now = new Date('2024-10-31T09:00:00Z');
    await install(workspaces.alpha);
    const [again] = await store.listSubscriptions();
    expect(again?.disabled).toBeUndefined();
    expect(again?.activeFrom).toBe('2024-10-31T09:00:00.000Z');
    // The 08:00 missed while it was uninstalled is not sent; the next one is.
    await digests.runDue(new Date('2024-10-31T09:00:30Z'));
    expect(postsTo('C0ALPHA')).toHaveLength(0);
    clock.now = new Date('2024-11-01T08:00:00Z');
    await digests.runDue(clock.now);
    expect(postsTo('C0ALPHA').map((c) => c.token)).toEqual([workspaces.alpha.botToken]);
  });

  it('with token rotation, a digest is posted with a refreshed token (oauth.v2.access refresh_token), and the new one is stored', async () => {
    await install(workspaces.gamma);
    const installed = JSON.parse((await installations.getInstallation('T0GAMMA'))!.installation) as { bot: { refreshToken?: string; expiresAt?: number } };
    expect(installed.bot.refreshToken).toMatch(/^xoxe-1-test-refresh-/);
    // Subscribed without a command (which would have refreshed the token on its way in).
    await store.saveSubscription({ id: 'chat:slack:C0GAMMA:north-korea-troops', platform: 'slack', channelId: 'C0GAMMA', topic: 'north-korea-troops', cron: '0 8 * * *', timezone: 'UTC', quietWhenUnchanged: false, owner: 'chat', activeFrom: clock.now.toISOString() });
    clock.now = new Date('2024-10-31T08:00:00Z');
    await digests.runDue(clock.now);
    const refreshes = callsOf('oauth.v2.access').filter((c) => c.args['grant_type'] === 'refresh_token');
    expect(refreshes.map((c) => c.args['refresh_token'])).toEqual([installed.bot.refreshToken]);
    const [post] = postsTo('C0GAMMA');
    expect(post?.token).toMatch(/^xoxb-test-gamma-not-a-real-token-rotated-/);
    const stored = JSON.parse((await installations.getInstallation('T0GAMMA'))!.installation) as { bot: { token: string } };
    expect(stored.bot.token).toBe(post?.token);
  });

  it('tokens_revoked for the bot token removes the workspace; a revoked user token alone keeps it', async () => {
    await install(workspaces.alpha);
    await install(workspaces.beta);
    expect((await event(workspaces.beta, { type: 'tokens_revoked', tokens: { oauth: ['U0INSTALLER'] } })).status).toBe(200);
    expect((await event(workspaces.alpha, { type: 'tokens_revoked', tokens: { bot: ['U0BOTT0ALPHA'] } })).status).toBe(200);
    await waitUntil(async () => (await installations.getInstallation('T0ALPHA')) === undefined);
    expect(await installations.getInstallation('T0BETA')).toBeDefined();
  });

  it.each([
    ['no state', () => 'code=code-T0ALPHA', true],
    ['a state that is not the cookie\'s', (state: string) => `code=code-T0ALPHA&state=${encodeURIComponent(state.slice(0, -2) + 'xx')}`, true],
    ['no state cookie', (state: string) => `code=code-T0ALPHA&state=${encodeURIComponent(state)}`, false],
  ] as const)('refuses an install redirect with %s (400), trades no code and stores nothing', async (_, query, withCookie) => {
    const { cookie, state } = await startInstall();
    const res = await finishInstall(workspaces.alpha, query(state), withCookie ? cookie : undefined);
    expect(res.status).toBe(400);
    expect(callsOf('oauth.v2.access')).toHaveLength(0);
    expect(await installations.listInstallations()).toEqual([]);
  });

  it('refuses a state the app did not sign, even when the cookie matches it', async () => {
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJpbnN0YWxsT3B0aW9ucyI6eyJzY29wZXMiOltdfX0.bm90LXNpZ25lZA';
    const res = await finishInstall(workspaces.alpha, `code=code-T0ALPHA&state=${forged}`, `slack-app-oauth-state=${forged}`);
    expect(res.status).toBe(400);
    expect(callsOf('oauth.v2.access')).toHaveLength(0);
  });

  it('serves the install pages on the guarded server: /healthz answers and a replayed event is refused', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await install(workspaces.alpha);
    const body = eventCallbackBody('T0ALPHA', { type: 'tokens_revoked', tokens: { oauth: ['U0INSTALLER'] } });
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await postSignedEvent(`${base}/slack/events`, body, { timestamp })).status).toBe(200);
    expect((await postSignedEvent(`${base}/slack/events`, body, { timestamp })).status).toBe(401);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
