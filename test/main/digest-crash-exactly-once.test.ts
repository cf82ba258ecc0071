/**
 * Exactly once across kill -9: the real bot (`npm start`'s dist/main.js) posts a due digest to the
 * Slack or Discord stand-in, which holds the answer to the post; the process is killed with SIGKILL
 * while the post is in flight, then started again after the claim's lease (DIGEST_LEASE_SECONDS)
 * has run out. Whether or not the platform had posted the message, the channel ends up with each
 * part once. Discord's stand-in forgets nonces at once here (a restart after the lease comes later
 * than `enforce_nonce`'s few minutes), so the nonce alone cannot save it.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveryNonce } from '../../src/adapters/discord/create-discord-channel-poster.js';
import { chatSubscriptionId } from '../../src/digests/subscription-keys.js';
import type { Platform } from '../../src/chat/chat-port.js';
import type { DigestStore } from '../../src/store/digest-store.js';
import { openSqliteStore } from '../../src/store/sqlite-digest-store.js';
import { startDiscordStandIn } from '../adapters/discord/discord-stand-in.js';
import { startSlackStandIn, type ApiAnswer } from '../adapters/slack/slack-stand-in.js';
import { seedDir } from '../support/seed.js';
import { spawnStart, until, watch } from './entry-points.js';

const leaseSeconds = 3;

/** One platform's stand-in, as this test needs it. */
interface Rig {
  readonly channel: string;
  readonly env: Record<string, string>;
  /** Requests to post to the channel the stand-in has received. */
  posts(): number;
  /** What the channel holds, one entry per message: the part each message is. */
  messages(): string[];
  /** The part each recorded part should be, as `messages()` names it. */
  expected(deliveryKey: string, part: number): string;
  /** Holds the first post's answer forever, after posting the message or not. */
  holdFirstPost(posted: boolean): void;
  /** Whether the platform was asked what the channel holds. */
  looked(): boolean;
  close(): Promise<void>;
}

async function slackRig(): Promise<Rig> {
  const standIn = await startSlackStandIn();
  const channel = 'C0CRASH';
  return {
    channel,
    env: { SLACK_BOT_TOKEN: 'xoxb-test-crash-not-a-real-token', SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789abcdef', SLACK_API_URL: standIn.apiUrl, PORT: '0', HOST: '127.0.0.1' },
    posts: () => standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.args['channel'] === channel).length,
    messages: () => standIn.messages.filter((m) => m.channel === channel).map((m) => String((m.metadata as { event_payload?: { delivery_id?: string } } | undefined)?.event_payload?.delivery_id)),
    expected: (key, part) => `${key}.${part}`,
    holdFirstPost(posted) {
      let seen = 0;
      standIn.script('chat.postMessage', (call, _nth, defaults): ApiAnswer | undefined =>
        call.args['channel'] !== channel || ++seen > 1 ? undefined : { ...(posted ? defaults() : { json: {} }), hold: new Promise(() => undefined) },
      );
    },
    looked: () => standIn.calls.some((c) => c.method === 'conversations.history' && c.args['channel'] === channel),
    close: () => standIn.close(),
  };
}

async function discordRig(): Promise<Rig> {
  const token = 'MTEwMDAwMDAwMDAwMDAwMDAwNA.crash-test-token.not-real-0123456789';
  const applicationId = '1100000000000000004';
  const standIn = await startDiscordStandIn({ token, applicationId, nonceWindowMs: 0 });
  const channel = '4100000000000000001';
  const path = `/channels/${channel}/messages`;
  return {
    channel,
    env: { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_API_URL: standIn.apiUrl },
    posts: () => standIn.callsTo('POST', new RegExp(`^${path}$`)).length,
    messages: () => standIn.created.filter((m) => m.channelId === channel).map((m) => String(m.body['nonce'])),
    expected: (key, part) => deliveryNonce(channel, key, part),
    holdFirstPost(posted) {
      let seen = 0;
      standIn.script((call, defaults) =>
        call.method !== 'POST' || call.path !== path || ++seen > 1 ? undefined : { ...(posted ? defaults() : { status: 200, json: {} }), hold: new Promise(() => undefined) },
      );
    },
    looked: () => standIn.callsTo('GET', new RegExp(`^${path}$`)).length > 0,
    close: () => standIn.close(),
  };
}

let rig: Rig | undefined;
let dir: string | undefined;
let store: DigestStore | undefined;
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await store?.close();
  await rig?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A daily digest whose slot was five minutes ago: due at start-up, and still the latest slot after a restart. */
async function setUp(platform: Platform, make: () => Promise<Rig>): Promise<{ rig: Rig; store: DigestStore; subscriptionId: string }> {
  rig = await make();
  dir = await mkdtemp(join(tmpdir(), 'sitrep-crash-'));
  await cp(seedDir, join(dir, 'briefings/seed'), { recursive: true });
  store = openSqliteStore(join(dir, 'data/sitrep.sqlite'));
  const subscriptionId = chatSubscriptionId(platform, rig.channel, 'seed');
  const slot = new Date(Date.now() - 5 * 60_000);
  await store.saveSubscription({
    id: subscriptionId,
    platform,
    channelId: rig.channel,
    topic: 'seed',
    cron: `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`,
    timezone: 'UTC',
    quietWhenUnchanged: false,
    owner: 'chat',
    activeFrom: new Date(Date.now() - 2 * 86_400_000).toISOString(),
  });
  return { rig, store, subscriptionId };
}

function startBot(): ReturnType<typeof watch> & { child: ChildProcessWithoutNullStreams } {
  const child = spawnStart(dir!, {
    LOG_LEVEL: 'info',
    BRIEFINGS_DIR: join(dir!, 'briefings'),
    DATABASE_PATH: join(dir!, 'data/sitrep.sqlite'),
    DIGEST_LEASE_SECONDS: String(leaseSeconds),
    ...rig!.env,
  });
  children.push(child);
  return { child, ...watch(child) };
}

async function crashAndRestart(platform: Platform, make: () => Promise<Rig>, posted: boolean): Promise<void> {
  const { rig, store, subscriptionId } = await setUp(platform, make);
  rig.holdFirstPost(posted);
  const first = startBot();
  await until(() => rig.posts() === 1, 45_000, 'the digest post to reach the platform');
  first.child.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');
  const claimed = (await store.listDeliveries(subscriptionId))[0]!;
  expect(claimed.status).toBe('claimed');
  // The part was recorded before its request went out; its outcome never was.
  expect((await store.listParts(claimed.deliveryKey)).map((p) => p.status)).toEqual(['posting']);
  expect(rig.messages()).toHaveLength(posted ? 1 : 0);

  await until(() => Date.now() > Date.parse(claimed.claimedAt) + leaseSeconds * 1000 + 500, 10_000, 'the lease to run out');
  const second = startBot();
  await until(() => second.err().includes('digest delivered'), 90_000, 'the restarted bot to deliver the digest');
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);

  const parts = await store.listParts(claimed.deliveryKey);
  expect(parts.map((p) => p.status)).toEqual(parts.map(() => 'posted'));
  expect(rig.messages()).toEqual(parts.map((p) => rig.expected(claimed.deliveryKey, p.part)));
  expect(rig.looked()).toBe(true);
  expect((await store.listDeliveries(subscriptionId))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
}

describe.each([
  ['slack', slackRig],
  ['discord', discordRig],
] as const)('a %s digest post cut off by kill -9', (platform, make) => {
  it('is not posted again after a restart when the platform had posted it: the restart finds it', () => crashAndRestart(platform, make, true), 150_000);
  it('is posted once after a restart when the platform never got it', () => crashAndRestart(platform, make, false), 150_000);
});
