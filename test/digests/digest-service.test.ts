import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTasks } from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command-request.js';
import { createDigestService, defaultClaimPolicy, type DigestService } from '../../src/digests/create-digest-service.js';
import { chatSubscriptionId, deliveryKeyFor } from '../../src/digests/subscription-keys.js';
import { silentLogger } from '../../src/logger.js';
import { renderText } from '../../src/render/render-text.js';
import type { DigestStore } from '../../src/store/digest-store.js';
import { openSqliteStore } from '../../src/store/sqlite-digest-store.js';
import type { TopicLibrary } from '../../src/topics/topic-library.js';
import { dayOne, dayTwo, makeBriefing } from './support/briefing-fixture.js';
import { createRecordingPoster, type RecordingPoster } from './support/recording-poster.js';
import { makeTopic, makeTopics } from './support/topic-fixture.js';

let dir: string;
const opened: { store: DigestStore; service: DigestService }[] = [];
beforeEach(() => {
  clock.now = new Date('2025-03-27T12:00:00Z');
  dir = mkdtempSync(join(tmpdir(), 'sitrep-digests-'));
});
afterEach(async () => {
  for (const { store, service } of opened.splice(0)) {
    service.stop();
    await store.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

const title = 'North Korean troops in Russia';
const clock = { now: new Date(0) };

/** A service on the test's SQLite file, with its own connection, as another process would have. */
function open(topics: TopicLibrary, poster: RecordingPoster, graceMinutes = 360, concurrency?: number): { store: DigestStore; service: DigestService } {
  const store = openSqliteStore(join(dir, 'data', 'sitrep.sqlite'));
  const service = createDigestService({ store, topics, posters: [poster], logger: silentLogger, clock: () => clock.now, graceMinutes, ...(concurrency ? { concurrency } : {}) });
  opened.push({ store, service });
  return { store, service };
}

async function close(o: { store: DigestStore; service: DigestService }): Promise<void> {
  o.service.stop();
  await o.store.close();
  opened.splice(opened.indexOf(o), 1);
}

const troops = (spec = dayOne): TopicLibrary => makeTopics(makeTopic('troops', title, makeBriefing(spec)));
const manager = (over: Partial<CommandContext> = {}): CommandContext => ({ platform: 'slack', channelId: 'C1', userId: 'U1', canManageChannel: true, now: clock.now, ...over });
const subscribe = (service: DigestService, topics: TopicLibrary, text: string, over: Partial<CommandContext> = {}): Promise<unknown> =>
  service.commands.handle({ name: 'digest', text: `subscribe ${text}`, public: false }, topics.get('troops')!, manager(over));
const at = (iso: string): Date => (clock.now = new Date(iso));
const subId = chatSubscriptionId('slack', 'C1', 'troops');

describe('scheduled digests', () => {
  it('posts 08:00 Kyiv every day across the switch to summer time, reporting what changed since the last one', async () => {
    const topics = troops();
    const poster = createRecordingPoster();
    const { service } = open(topics, poster);
    await subscribe(service, topics, '08:00 Europe/Kyiv');
    const days = ['2025-03-28T06:00:30Z', '2025-03-29T06:00:30Z', '2025-03-30T05:00:30Z', '2025-03-31T05:00:30Z'];
    await service.runDue(at('2025-03-28T05:59:00Z'));
    expect(poster.posts).toHaveLength(0);
    for (const [i, day] of days.entries()) {
      if (i === 2) topics.put(makeTopic('troops', title, makeBriefing(dayTwo)));
      await service.runDue(at(day));
      await service.runDue(at(day)); // a second tick in the same minute changes nothing
    }
    expect(poster.posts.map((p) => p.deliveryKey)).toEqual(days.map((d) => deliveryKeyFor(subId, new Date(Date.parse(d) - 30_000).toISOString())));
    const texts = poster.posts.map((p) => renderText(p.message));
    expect(texts[0]).toContain('Where the story stands');
    expect(texts[1]).toContain('No new reporting since Fri, 28 Mar 2025, 08:00 (Europe/Kyiv).');
    expect(texts[2]).toContain('North Korean troops estimate: 10,000, up from 3,000 — Pentagon');
    expect(texts[2]).toContain('Since Fri, 28 Mar 2025, 08:00 (Europe/Kyiv)');
    expect(texts[3]).toContain('No new reporting since Sun, 30 Mar 2025, 08:00 (Europe/Kyiv).');
  });

  it('sends only the latest missed slot at start-up, within the grace period, and only once across restarts', async () => {
    const topics = troops();
    const poster = createRecordingPoster();
    const first = open(topics, poster);
    await subscribe(first.service, topics, '08:00');
    await close(first);
    // Down for three days; back at 10:00 UTC, two hours after today's 08:00 UTC slot.
    at('2025-03-30T10:00:00Z');
    const second = open(topics, poster);
    await second.service.start();
    expect(poster.posts.map((p) => p.deliveryKey)).toEqual([deliveryKeyFor(subId, '2025-03-30T08:00:00.000Z')]);
    await close(second);
    at('2025-03-30T10:05:00Z');
    await open(topics, poster).service.start();
    expect(poster.posts).toHaveLength(1);
  });

  it('does not send a slot missed by more than the grace period', async () => {
    const topics = troops();
    const poster = createRecordingPoster();
    const { service } = open(topics, poster, 60);
    await subscribe(service, topics, '08:00');
    await service.runDue(at('2025-03-28T09:30:00Z'));
    expect(poster.posts).toHaveLength(0);
  });

  it('posts once when a restart comes between claiming a slot and posting it', async () => {
    const topics = troops();
    const poster = createRecordingPoster();
    const first = open(topics, poster);
    await subscribe(first.service, topics, '08:00');
    const slot = '2025-03-28T08:00:00.000Z';
    // The first process claims the slot, then dies before posting.
    await first.store.claimSlot(subId, slot, at('2025-03-28T08:00:01Z'), defaultClaimPolicy, deliveryKeyFor(subId, slot));
    await close(first);
    const second = open(topics, poster);
    await second.service.runDue(at('2025-03-28T08:05:00Z'));
    expect(poster.posts).toHaveLength(0); // the claim is still within its lease
    await second.service.runDue(at('2025-03-28T08:11:00Z'));
    await second.service.runDue(at('2025-03-28T08:12:00Z'));
    expect(poster.posts.map((p) => p.deliveryKey)).toEqual([deliveryKeyFor(subId, slot)]);
    expect((await second.store.listDeliveries(subId))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('retries a post that may have landed before a crash with the same delivery key, for the poster to dedupe', async () => {
    const topics = troops();
    const poster = createRecordingPoster();
    const first = open(topics, poster);
    await subscribe(first.service, topics, '08:00');
    poster.hold(); // the post is sent but its answer never comes: the process dies here
    void first.service.runDue(at('2025-03-28T08:00:01Z'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(poster.attempts).toHaveLength(1);
    const second = createRecordingPoster();
    const { service } = open(topics, second);
    await service.runDue(at('2025-03-28T08:10:02Z'));
    expect(second.posts.map((p) => p.deliveryKey)).toEqual([poster.attempts[0]!.deliveryKey]);
  });

  it('posts once when two services on one database race for the same slot', async () => {
    const topics = troops();
    const poster = createRecordingPoster();
    const a = open(topics, poster);
    const b = open(topics, poster);
    await subscribe(a.service, topics, '08:00');
    const gate = poster.hold();
    const runs = [a.service.runDue(at('2025-03-28T08:00:01Z')), b.service.runDue(clock.now), a.service.runDue(clock.now), b.service.runDue(clock.now)];
    await new Promise((resolve) => setImmediate(resolve));
    gate.release();
    await Promise.all(runs);
    expect(poster.attempts).toHaveLength(1);
    expect(poster.posts).toHaveLength(1);
  });

  it('posts to `concurrency` channels at once, not one after another, and reaches every channel once', async () => {
    const topics = troops();
    const poster = createRecordingPoster();
    const { service } = open(topics, poster, 360, 3);
    const channels = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'];
    for (const channelId of channels) await subscribe(service, topics, '08:00', { channelId });
    const gate = poster.hold();
    const run = service.runDue(at('2025-03-28T08:00:01Z'));
    // Every post is held: the posts in hand are all the scheduler starts before one finishes.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(poster.attempts).toHaveLength(3);
    gate.release();
    await run;
    expect(poster.posts.map((p) => p.channelId).sort()).toEqual(channels);
  });

  it("retries a 'failed' post a minute later with the same key, and keeps the snapshot until it lands", async () => {
    const topics = troops();
    const poster = createRecordingPoster();
    const { service, store } = open(topics, poster);
    await subscribe(service, topics, '08:00');
    poster.failNext('failed');
    await service.runDue(at('2025-03-28T08:00:01Z'));
    await service.runDue(at('2025-03-28T08:00:40Z'));
    expect(poster.posts).toHaveLength(0);
    expect(await store.getSnapshot({ platform: 'slack', channelId: 'C1', topic: 'troops' })).toBeUndefined();
    await service.runDue(at('2025-03-28T08:01:10Z'));
    expect(poster.posts).toHaveLength(1);
    expect(poster.attempts.map((p) => p.deliveryKey)).toEqual([poster.posts[0]!.deliveryKey, poster.posts[0]!.deliveryKey]);
    // The retry posts the digest the first attempt composed (and kept), so the snapshot is that one's.
    expect((await store.getSnapshot({ platform: 'slack', channelId: 'C1', topic: 'troops' }))?.takenAt).toBe('2025-03-28T08:00:01.000Z');
  });

  it("disables a subscription whose channel is 'gone', and only that one", async () => {
    const topics = troops();
    const poster = createRecordingPoster();
    const { service, store } = open(topics, poster);
    await subscribe(service, topics, '08:00');
    await subscribe(service, topics, '08:00', { channelId: 'C2' });
    poster.failAlways('C1', 'gone');
    await service.runDue(at('2025-03-28T08:00:01Z'));
    await service.runDue(at('2025-03-29T08:00:01Z'));
    expect(poster.posts.map((p) => p.channelId)).toEqual(['C2', 'C2']);
    expect(poster.attempts.filter((p) => p.channelId === 'C1')).toHaveLength(1);
    expect((await store.getSubscription(subId))?.disabled?.reason).toMatch(/the channel is gone/);
    const status = await service.commands.handle({ name: 'digest', text: 'status', public: false }, topics.get('troops')!, manager());
    expect(renderText(status)).toMatch(/Paused since .*the channel is gone/);
    await subscribe(service, topics, '08:00');
    expect((await store.getSubscription(subId))?.disabled).toBeUndefined();
  });
});

describe('topic.yml digests', () => {
  const configured = (digests: Parameters<typeof makeTopic>[3]): TopicLibrary => makeTopics(makeTopic('troops', title, makeBriefing(dayOne), digests));

  it('are synced into the store at start-up, owned by the config, and replaced when the file changes', async () => {
    const poster = createRecordingPoster();
    at('2025-03-28T07:00:00Z');
    const topics = configured([
      { cron: '0 8 * * 1-5', timezone: 'Europe/Kyiv', slack: ['C9'], discord: ['1234567'], quietWhenUnchanged: true },
      { cron: 'not a cron', slack: ['C8'] },
      { cron: '0 8 * * *', timezone: 'Mars/Base', slack: ['C7'] },
    ]);
    const first = open(topics, poster);
    await first.service.start();
    const subs = await first.store.listSubscriptions();
    expect(subs.map((s) => [s.platform, s.channelId, s.owner, s.cron, s.timezone, s.quietWhenUnchanged])).toEqual([
      ['discord', '1234567', 'config', '0 8 * * 1-5', 'Europe/Kyiv', true],
      ['slack', 'C9', 'config', '0 8 * * 1-5', 'Europe/Kyiv', true],
    ]);
    const refused = await first.service.commands.handle({ name: 'digest', text: 'subscribe 09:00', public: false }, topics.get('troops')!, manager({ channelId: 'C9' }));
    expect(renderText(refused)).toContain('This channel already gets North Korean troops in Russia every weekday (Monday to Friday) at 08:00 Europe/Kyiv; change it in the topic\'s topic.yml.');
    await close(first);

    at('2025-03-28T07:30:00Z');
    const second = open(configured([{ cron: '30 8 * * *', timezone: 'UTC', slack: ['C9'] }]), poster);
    await second.service.start();
    expect((await second.store.listSubscriptions()).map((s) => [s.channelId, s.cron, s.timezone, s.activeFrom])).toEqual([['C9', '30 8 * * *', 'UTC', '2025-03-28T07:30:00.000Z']]);
  });

  it('stay quiet when nothing changed if they ask to', async () => {
    const poster = createRecordingPoster();
    at('2025-03-27T12:00:00Z');
    const { service } = open(configured([{ cron: '0 8 * * *', slack: ['C9'], quietWhenUnchanged: true }]), poster);
    await service.start();
    await service.runDue(at('2025-03-28T08:00:01Z'));
    await service.runDue(at('2025-03-29T08:00:01Z'));
    expect(poster.posts.map((p) => renderText(p.message).split('\n')[1])).toEqual(['Where the story stands · 2 articles · 1 key number']);
  });

  it('sweeps every minute even with no subscription yet, so one another replica saves later is still posted', async () => {
    const poster = createRecordingPoster();
    const before = getTasks().size;
    const first = open(troops(), poster);
    await first.service.start();
    const sweep = [...getTasks().values()].find((t) => t.name === 'digest retry sweep');
    expect(getTasks().size - before).toBe(1);
    // Another process on the same database subscribes C1; this one never heard of it.
    const other = open(troops(), createRecordingPoster());
    await subscribe(other.service, troops(), '08:00');
    at('2025-03-28T08:00:30Z');
    await sweep?.execute();
    for (let i = 0; i < 100 && poster.posts.length < 1; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(poster.posts.map((p) => p.channelId)).toEqual(['C1']);
  });

  it('start schedules one node-cron task per distinct schedule plus the retry sweep, and stop removes them', async () => {
    const poster = createRecordingPoster();
    const before = getTasks().size;
    const { service } = open(configured([{ cron: '0 8 * * *', timezone: 'Europe/Kyiv', slack: ['C1', 'C2'] }]), poster);
    await service.start();
    expect(getTasks().size - before).toBe(2);
    // A tick of the Kyiv task asks the injected clock for "now" and runs what is due then.
    const task = [...getTasks().values()].find((t) => t.name === 'digest 0 8 * * * Europe/Kyiv');
    at('2025-03-28T06:00:00Z');
    await task?.execute();
    for (let i = 0; i < 100 && poster.posts.length < 2; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(poster.posts.map((p) => p.channelId)).toEqual(['C1', 'C2']);
    service.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(getTasks().size).toBe(before);
  });
});
