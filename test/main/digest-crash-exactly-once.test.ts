/**
 * Exactly once across kill -9: the real bot (`npm start`'s dist/main.js) posts a due digest to the
 * Slack stand-in, which holds the chat.postMessage answer; the process is killed with SIGKILL while
 * the post is in flight, then started again after the claim's lease (DIGEST_LEASE_SECONDS) has run
 * out. Whether or not Slack had posted the message, the channel ends up with each part once.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatSubscriptionId } from '../../src/digests/subscription-keys.js';
import type { Delivery, DigestStore } from '../../src/store/digest-store.js';
import { openSqliteStore } from '../../src/store/sqlite-digest-store.js';
import { startSlackStandIn, type ApiAnswer, type SlackStandIn } from '../slack/slack-stand-in.js';
import { seedDir } from '../support/seed.js';
import { spawnStart, until, watch } from './entry-points.js';

const botToken = 'xoxb-test-crash-not-a-real-token';
const signingSecret = 'test-signing-secret-0123456789abcdef';
const channel = 'C0CRASH';
const subscriptionId = chatSubscriptionId('slack', channel, 'seed');
const leaseSeconds = 3;

let standIn: SlackStandIn;
let dir: string;
let store: DigestStore;
const children: ChildProcessWithoutNullStreams[] = [];

beforeEach(async () => {
  standIn = await startSlackStandIn();
  dir = await mkdtemp(join(tmpdir(), 'sitrep-crash-'));
  await cp(seedDir, join(dir, 'briefings/seed'), { recursive: true });
  store = openSqliteStore(join(dir, 'data/sitrep.sqlite'));
  // A daily digest whose slot was five minutes ago: due at start-up, and still the latest slot after a restart.
  const slot = new Date(Date.now() - 5 * 60_000);
  await store.saveSubscription({
    id: subscriptionId,
    platform: 'slack',
    channelId: channel,
    topic: 'seed',
    cron: `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`,
    timezone: 'UTC',
    quietWhenUnchanged: false,
    owner: 'chat',
    activeFrom: new Date(Date.now() - 2 * 86_400_000).toISOString(),
  });
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  store.close();
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

function startBot(): ReturnType<typeof watch> & { child: ChildProcessWithoutNullStreams } {
  const child = spawnStart(dir, {
    LOG_LEVEL: 'info',
    BRIEFINGS_DIR: join(dir, 'briefings'),
    DATABASE_PATH: join(dir, 'data/sitrep.sqlite'),
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: standIn.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    DIGEST_LEASE_SECONDS: String(leaseSeconds),
  });
  children.push(child);
  return { child, ...watch(child) };
}

const delivery = async (): Promise<Delivery | undefined> => (await store.listDeliveries(subscriptionId))[0];
const postsTo = () => standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.args['channel'] === channel);
const deliveryIds = () => standIn.messages.filter((m) => m.channel === channel).map((m) => (m.metadata as { event_payload?: { delivery_id?: string } } | undefined)?.event_payload?.delivery_id);

/** Holds the first chat.postMessage to the channel forever, after posting it or not. */
function holdFirstPost(posted: boolean): void {
  let seen = 0;
  standIn.script('chat.postMessage', (call, _nth, defaults): ApiAnswer | undefined => {
    if (call.args['channel'] !== channel || ++seen > 1) return undefined;
    return { ...(posted ? defaults() : { json: {} }), hold: new Promise(() => undefined) };
  });
}

async function killWhilePosting(): Promise<Delivery> {
  const first = startBot();
  await until(() => postsTo().length === 1, 30_000, 'the digest post to reach Slack');
  first.child.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');
  const claimed = (await delivery())!;
  expect(claimed.status).toBe('claimed');
  // The part was recorded before its request went out; its outcome never was.
  expect((await store.listParts(claimed.deliveryKey)).map((p) => p.status)).toEqual(['posting']);
  return claimed;
}

async function restartAfterLease(claimed: Delivery): Promise<void> {
  await until(() => Date.now() > Date.parse(claimed.claimedAt) + leaseSeconds * 1000 + 500, 10_000, 'the lease to run out');
  const second = startBot();
  await until(() => second.err().includes('digest delivered'), 90_000, 'the restarted bot to deliver the digest');
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
}

describe('a digest post cut off by kill -9', () => {
  it('is not posted again after a restart when Slack had posted it: the restart finds it in the history', async () => {
    holdFirstPost(true);
    const claimed = await killWhilePosting();
    await restartAfterLease(claimed);
    const parts = await store.listParts(claimed.deliveryKey);
    expect(parts.map((p) => p.status)).toEqual(parts.map(() => 'posted'));
    expect(deliveryIds()).toEqual(parts.map((p) => `${claimed.deliveryKey}.${p.part}`));
    expect(standIn.calls.some((c) => c.method === 'conversations.history' && c.args['channel'] === channel)).toBe(true);
    expect(await delivery()).toMatchObject({ status: 'delivered', attempts: 2 });
  }, 150_000);

  it('is posted once after a restart when Slack never got it', async () => {
    holdFirstPost(false);
    const claimed = await killWhilePosting();
    expect(deliveryIds()).toEqual([]);
    await restartAfterLease(claimed);
    const parts = await store.listParts(claimed.deliveryKey);
    expect(deliveryIds()).toEqual(parts.map((p) => `${claimed.deliveryKey}.${p.part}`));
    expect(await delivery()).toMatchObject({ status: 'delivered', attempts: 2 });
  }, 150_000);
});
