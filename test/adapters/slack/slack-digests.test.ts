/**
 * Digests end to end through Slack: the real Bolt adapter, the real digest service on a SQLite file,
 * and the Slack stand-in. Subscribing is a signed slash command; the digest goes out through
 * chat.postMessage; a channel that is gone disables its subscription.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/create-slack-adapter.js';
import type { ChannelPoster } from '../../../src/chat/chat-port.js';
import { createDigestService, type DigestService } from '../../../src/digests/create-digest-service.js';
import { silentLogger } from '../../../src/logger.js';
import type { DigestStore } from '../../../src/store/digest-store.js';
import { openSqliteStore } from '../../../src/store/sqlite-digest-store.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';
import { postSigned, signingSecret, slashCommandBody } from './slack-requests.js';
import { writeTopicFolder } from './topic-fixture.js';

let standIn: SlackStandIn;
let adapter: SlackAdapter;
let digests: DigestService;
let store: DigestStore;
let dir: string;
let fixture: Awaited<ReturnType<typeof writeTopicFolder>>;
const clock = { now: new Date(0) };
let n = 0;

beforeEach(async () => {
  clock.now = new Date('2024-10-30T10:00:00Z');
  standIn = await startSlackStandIn();
  fixture = await writeTopicFolder();
  dir = await mkdtemp(join(tmpdir(), 'sitrep-slack-digests-'));
  const topics = await createTopicLibrary(fixture.root, 'north-korea-troops');
  store = openSqliteStore(join(dir, 'sitrep.sqlite'));
  const posters: ChannelPoster[] = [];
  digests = createDigestService({ store, topics, posters, logger: silentLogger, clock: () => clock.now, graceMinutes: 60 });
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-digests', signingSecret, apiUrl: standIn.apiUrl, port: 0, restrictDigests: false },
    deps: { topics, logger: silentLogger, digests: digests.commands },
    logger: silentLogger,
    now: () => clock.now,
    posting: { minIntervalMs: 0 },
    retryConfig: { retries: 0 },
  });
  posters.push(adapter.poster);
  await adapter.start();
  await digests.start();
});

afterEach(async () => {
  digests.stop();
  await adapter.stop();
  await store.close();
  await standIn.close();
  await fixture.remove();
  await rm(dir, { recursive: true, force: true });
});

async function command(commandName: string, text: string, channelId = 'C0NEWS'): Promise<string> {
  const id = `d${++n}`;
  const res = await postSigned(`http://127.0.0.1:${adapter.port}/slack/events`, slashCommandBody({ command: commandName, text, responseUrl: standIn.responseUrl(id), channelId }));
  expect(res.status).toBe(200);
  const [reply] = await standIn.waitFor(() => (standIn.responsesTo(id).length ? standIn.responsesTo(id) : undefined));
  return JSON.stringify(reply);
}

const posts = (channel: string) => standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.args['channel'] === channel);

describe('digests through Slack', () => {
  it('subscribes with /digest, posts at 08:00 in the channel zone, and unsubscribes with /sitrep digest', async () => {
    expect(await command('/digest', 'subscribe 8am Europe/Kyiv')).toMatch(/every day at 08:00 Europe\/Kyiv/);
    expect(await command('/sitrep', 'digest status')).toMatch(/every day at 08:00 Europe\/Kyiv/);

    clock.now = new Date('2024-10-31T06:00:00Z'); // 08:00 in Kyiv (EET, UTC+2)
    await digests.runDue(clock.now);
    const [post] = posts('C0NEWS');
    expect(JSON.stringify(post?.args['blocks'])).toMatch(/Digest/);
    expect(JSON.stringify(post?.args['blocks'])).toContain('10,000');

    await digests.runDue(clock.now); // the same slot again: already delivered
    expect(posts('C0NEWS')).toHaveLength(1);

    expect(await command('/sitrep', 'digest unsubscribe')).toMatch(/no longer|unsubscribed|stopped/i);
    clock.now = new Date('2024-11-01T06:00:00Z');
    await digests.runDue(clock.now);
    expect(posts('C0NEWS')).toHaveLength(1);
  });

  it('refuses a bad time or zone with a helpful reply and subscribes nothing', async () => {
    expect(await command('/digest', 'subscribe 25:99 Mars/Olympus')).toMatch(/time|zone/i);
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('disables the subscription of a channel that is gone, and keeps the others', async () => {
    await command('/digest', 'subscribe 08:00', 'C0GONE');
    await command('/digest', 'subscribe 08:00', 'C0NEWS');
    standIn.script('chat.postMessage', (call) => (call.args['channel'] === 'C0GONE' ? { json: { ok: false, error: 'channel_not_found' } } : undefined));
    clock.now = new Date('2024-10-31T08:00:00Z');
    await digests.runDue(clock.now);
    const subscriptions = await store.listSubscriptions();
    expect(subscriptions.find((s) => s.channelId === 'C0GONE')?.disabled?.reason).toMatch(/channel_not_found|gone/);
    expect(subscriptions.find((s) => s.channelId === 'C0NEWS')?.disabled).toBeUndefined();
    expect(posts('C0NEWS')).toHaveLength(1);
  });
});
