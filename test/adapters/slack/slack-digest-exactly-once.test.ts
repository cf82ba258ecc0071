/**
 * Digest parts posted to Slack exactly once when posts fail: the real WebClient against the Slack
 * stand-in, with the part ledger in a real SQLite file. A 429 is waited out; a 5xx or a timeout
 * (which may have posted) is looked up in the channel's history by message metadata before the
 * part is sent again; a history Slack will not show means the part is not sent blind.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannelPoster, type PosterClock } from '../../../src/adapters/slack/create-slack-channel-poster.js';
import type { ChannelPoster } from '../../../src/chat/chat-port.js';
import { createStorePartLedger } from '../../../src/digests/create-store-part-ledger.js';
import { silentLogger } from '../../../src/logger.js';
import type { Message } from '../../../src/render/message.js';
import { renderSlackMessage } from '../../../src/adapters/slack/render-slack-message.js';
import type { DigestStore } from '../../../src/store/digest-store.js';
import { openSqliteStore } from '../../../src/store/sqlite-digest-store.js';
import { startSlackStandIn, type ApiAnswer, type SlackStandIn } from './slack-stand-in.js';

const token = 'xoxb-test-3333333333-not-a-real-token';
let standIn: SlackStandIn;
let store: DigestStore;
let dir: string;
let n = 0;

/** Pacing and back-off without waiting; Retry-After is still waited out in real time. */
const clock: PosterClock = { now: () => Date.now(), sleep: async () => undefined };
const poster = (requestTimeoutMs?: number): ChannelPoster =>
  createSlackChannelPoster({
    // The adapter's client would retry 5xx and network errors itself (10 times by default): the poster must not.
    client: new webApi.WebClient(token, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 20 } }),
    logger: silentLogger,
    minIntervalMs: 0,
    clock,
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
  });

/** A digest too long for one Slack message (50 blocks): it goes as several parts. */
const long: Message = {
  title: 'Harbor fire digest',
  sections: [{ heading: 'New', style: 'list', items: Array.from({ length: 130 }, (_, i) => ({ text: `Update number ${i + 1} on the harbor fire came in.`, note: `1 source [${i + 1}]` })) }],
  tone: 'normal',
};

/** A fresh channel and delivery, claimed in the store as the digest service claims it. */
async function delivery(): Promise<{ channel: string; key: string; post: (p: ChannelPoster) => ReturnType<ChannelPoster['post']> }> {
  n += 1;
  const channel = `C0ONCE${n}`;
  const key = `k-once-${n}`;
  await store.claimSlot(`sub-${n}`, '2025-01-02T06:00:00.000Z', new Date(), { leaseMs: 60_000, retryAfterMs: 60_000, maxAttempts: 5 }, key);
  return { channel, key, post: (p) => p.post(channel, long, key, createStorePartLedger(store, key, () => new Date())) };
}

/** Each part's delivery id, once: what the channel must end up with. */
const everyPartOnce = (key: string): string[] => renderSlackMessage(long).map((_, i) => `${key}.${i}`);
const postedTo = (channel: string) => standIn.messages.filter((m) => m.channel === channel);
const deliveryIds = (channel: string) => postedTo(channel).map((m) => (m.metadata as { event_payload: { delivery_id: string } }).event_payload.delivery_id);
/** Answers the `nth` chat.postMessage to `channel` with `answer` (given Slack's own handling), the others as Slack would. */
function onPost(channel: string, nth: number, answer: (defaults: () => ApiAnswer) => ApiAnswer): void {
  let seen = 0;
  standIn.script('chat.postMessage', (call, _n, defaults) => (call.args['channel'] === channel && ++seen === nth ? answer(defaults) : undefined));
}
const historyCalls = (channel: string) => standIn.calls.filter((c) => c.method === 'conversations.history' && c.args['channel'] === channel);

beforeAll(async () => {
  standIn = await startSlackStandIn();
  dir = await mkdtemp(join(tmpdir(), 'sitrep-slack-once-'));
  store = openSqliteStore(join(dir, 'sitrep.sqlite'));
});

afterAll(async () => {
  await store?.close();
  await standIn?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Slack digest parts, exactly once', () => {
  it('carries each part\'s delivery id in message metadata and records every part as posted', async () => {
    const d = await delivery();
    const outcome = await d.post(poster());
    expect(everyPartOnce(d.key).length).toBeGreaterThanOrEqual(3);
    expect(outcome.ok && outcome.messageIds).toHaveLength(everyPartOnce(d.key).length);
    expect(deliveryIds(d.channel)).toEqual(everyPartOnce(d.key));
    expect(postedTo(d.channel)[0]!.metadata).toEqual({ event_type: 'sitrep_delivery', event_payload: { delivery_id: `${d.key}.0` } });
    expect((await store.listParts(d.key)).map((p) => p.status)).toEqual(everyPartOnce(d.key).map(() => 'posted'));
  });

  it('does not post a part again when Slack posted it but answered 503: it finds it in the history', async () => {
    const d = await delivery();
    onPost(d.channel, 2, (defaults) => {
      defaults(); // Slack posted it; the answer is lost in a 503
      return { status: 503, json: { ok: false, error: 'service_unavailable' } };
    });
    const outcome = await d.post(poster());
    expect(outcome.ok).toBe(true);
    expect(deliveryIds(d.channel)).toEqual(everyPartOnce(d.key));
    expect(historyCalls(d.channel)[0]?.args).toMatchObject({ include_all_metadata: 'true', oldest: expect.stringMatching(/^\d+\.\d{6}$/) });
  });

  it('posts a part again, once, when a 500 came before Slack posted it', async () => {
    const d = await delivery();
    onPost(d.channel, 1, () => ({ status: 500, json: { ok: false } }));
    expect((await d.post(poster())).ok).toBe(true);
    expect(deliveryIds(d.channel)).toEqual(everyPartOnce(d.key));
  });

  it('waits out a 429 for its Retry-After and posts each part once', async () => {
    const d = await delivery();
    onPost(d.channel, 2, () => ({ status: 429, headers: { 'retry-after': '1' }, json: { ok: false, error: 'ratelimited' } }));
    const started = Date.now();
    expect((await d.post(poster())).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(deliveryIds(d.channel)).toEqual(everyPartOnce(d.key));
  });

  it('finds a part whose answer never came (a timeout) instead of posting it twice', async () => {
    const d = await delivery();
    onPost(d.channel, 2, (defaults) => ({ ...defaults(), hold: new Promise(() => undefined) }));
    expect((await d.post(poster(300))).ok).toBe(true);
    expect(deliveryIds(d.channel)).toEqual(everyPartOnce(d.key));
  });

  it('skips the parts already posted when a delivery is posted again, as after a restart', async () => {
    const d = await delivery();
    expect((await d.post(poster())).ok).toBe(true);
    // A new process: nothing in memory, the same database.
    const again = await d.post(poster());
    expect(again.ok).toBe(true);
    expect(deliveryIds(d.channel)).toEqual(everyPartOnce(d.key));
  });

  it('does not post a part blind when the history cannot be read: the post fails, to be retried', async () => {
    const d = await delivery();
    standIn.script('conversations.history', (call) => (call.args['channel'] === d.channel ? { json: { ok: false, error: 'missing_scope' } } : undefined));
    onPost(d.channel, 1, () => ({ status: 502, json: { ok: false } }));
    const outcome = await d.post(poster());
    expect(outcome).toMatchObject({ ok: false, failure: 'failed', detail: expect.stringContaining('missing_scope') });
    expect(deliveryIds(d.channel)).toEqual([]);
    expect((await store.listParts(d.key)).map((p) => p.status)).toEqual(['posting']);
  });
});
