/**
 * A due digest through the real Slack adapter (its WebClient as the bot builds it, default retry
 * policy) and the real digest service on SQLite, while Slack answers chat.postMessage with a 429
 * and Retry-After, or with a 500 before or after posting: every part reaches the channel once,
 * the delivery is recorded once, and a second tick of the scheduler posts nothing more.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/create-slack-adapter.js';
import type { ChannelPoster } from '../../../src/chat/chat-port.js';
import { createDigestService, type DigestService } from '../../../src/digests/create-digest-service.js';
import { chatSubscriptionId } from '../../../src/digests/subscription-keys.js';
import { silentLogger } from '../../../src/logger.js';
import type { DigestStore } from '../../../src/store/digest-store.js';
import { openSqliteStore } from '../../../src/store/sqlite-digest-store.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { startSlackStandIn, type ApiAnswer, type SlackStandIn } from './slack-stand-in.js';
import { signingSecret } from './slack-requests.js';
import { writeTopicFolder } from './topic-fixture.js';

const channel = 'C0RETRY';
const topic = 'north-korea-troops';
const slot = new Date('2024-10-31T08:00:00Z');
let standIn: SlackStandIn;
let adapter: SlackAdapter;
let digests: DigestService;
let store: DigestStore;
let dir: string;
let fixture: Awaited<ReturnType<typeof writeTopicFolder>>;

beforeEach(async () => {
  standIn = await startSlackStandIn();
  fixture = await writeTopicFolder();
  dir = await mkdtemp(join(tmpdir(), 'sitrep-slack-retries-'));
  const topics = await createTopicLibrary(fixture.root, topic);
  store = openSqliteStore(join(dir, 'sitrep.sqlite'));
  const posters: ChannelPoster[] = [];
  digests = createDigestService({ store, topics, posters, logger: silentLogger, clock: () => slot, graceMinutes: 60 });
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-retries', signingSecret, apiUrl: standIn.apiUrl, port: 0, restrictDigests: false },
    deps: { topics, logger: silentLogger, digests: digests.commands },
    logger: silentLogger,
    posting: { minIntervalMs: 0 },
  });
  posters.push(adapter.poster);
  await adapter.start();
  await store.saveSubscription({
    id: chatSubscriptionId('slack', channel, topic),
    platform: 'slack',
    channelId: channel,
    topic,
    cron: '0 8 * * *',
    timezone: 'UTC',
    quietWhenUnchanged: false,
    owner: 'chat',
    activeFrom: '2024-10-29T00:00:00.000Z',
  });
});

afterEach(async () => {
  digests.stop();
  await adapter.stop();
  await store.close();
  await Promise.all([standIn.close(), fixture.remove(), rm(dir, { recursive: true, force: true })]);
});

const posted = () => standIn.messages.filter((m) => m.channel === channel);
const deliveryIds = () => posted().map((m) => (m.metadata as { event_payload: { delivery_id: string } }).event_payload.delivery_id);
const postCalls = () => standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.args['channel'] === channel);

/** Answers the first chat.postMessage to the channel with `answer`, the rest as Slack would. */
function failFirstPost(answer: (defaults: () => ApiAnswer) => ApiAnswer): void {
  let seen = 0;
  standIn.script('chat.postMessage', (call, _nth, defaults) => (call.args['channel'] === channel && ++seen === 1 ? answer(defaults) : undefined));
}

/** Runs the due slot twice (the scheduler's next tick comes again) and checks the channel holds each part once. */
async function expectDeliveredOnce(): Promise<void> {
  await digests.runDue(slot);
  await digests.runDue(new Date(slot.getTime() + 60_000));
  const deliveries = await store.listDeliveries(chatSubscriptionId('slack', channel, topic));
  expect(deliveries).toHaveLength(1);
  expect(deliveries[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  const parts = await store.listParts(deliveries[0]!.deliveryKey);
  expect(parts.length).toBeGreaterThan(0);
  expect(parts.map((p) => p.status)).toEqual(parts.map(() => 'posted'));
  expect(deliveryIds()).toEqual(parts.map((p) => `${deliveries[0]!.deliveryKey}.${p.part}`));
}

describe('a Slack digest post that Slack refuses at first', () => {
  it('waits out a 429 with Retry-After, then posts the digest once', async () => {
    failFirstPost(() => ({ status: 429, headers: { 'retry-after': '1' }, json: { ok: false, error: 'ratelimited' } }));
    const started = Date.now();
    await expectDeliveredOnce();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(postCalls().length).toBe(posted().length + 1);
  }, 30_000);

  it('posts the digest once after a 500 that came before Slack posted it', async () => {
    failFirstPost(() => ({ status: 500, json: { ok: false, error: 'internal_error' } }));
    await expectDeliveredOnce();
    expect(postCalls().length).toBe(posted().length + 1);
  }, 30_000);

  it('does not post twice after a 500 that came once Slack had posted it', async () => {
    failFirstPost((defaults) => {
      defaults(); // posted; the answer is lost in a 500
      return { status: 500, json: { ok: false, error: 'internal_error' } };
    });
    await expectDeliveredOnce();
  }, 30_000);
});
