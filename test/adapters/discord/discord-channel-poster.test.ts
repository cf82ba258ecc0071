/**
 * The Discord poster (digests) through the real discord.js REST client against the stand-in: what
 * it sends, how Discord's errors map to outcomes, 429s waited out, and no duplicate posts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/create-discord-adapter.js';
import { deliveryNonce } from '../../../src/adapters/discord/create-discord-channel-poster.js';
import { silentLogger } from '../../../src/logger.js';
import type { Message } from '../../../src/render/message.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { startDiscordStandIn, type DiscordStandIn, type RestAnswer } from './discord-stand-in.js';
import { writeDiscordTopics } from './topic-fixture.js';

const token = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake-poster-token.not-real-0123456789';
const applicationId = '1100000000000000002';
let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let fixture: Awaited<ReturnType<typeof writeDiscordTopics>>;

const digest = (text: string): Message => ({ title: 'Bridge closure: what changed', sections: [{ heading: 'New', style: 'list', items: [{ text, note: '1 source [2]' }] }], tone: 'normal' });
const long = (label: string): Message => ({
  title: `Bridge closure digest ${label}`,
  sections: [{ heading: 'New', style: 'list', items: Array.from({ length: 60 }, (_, i) => ({ text: `${label} update ${i} on the bridge repairs came in from the city transport office today.`, note: `1 source [${i + 1}]` })) }],
  tone: 'normal',
});
const postsTo = (channel: string) => standIn.callsTo('POST', new RegExp(`^/channels/${channel}/messages$`));
const createdIn = (channel: string) => standIn.created.filter((m) => m.channelId === channel);
const error = (status: number, code: number, message: string): RestAnswer => ({ status, json: { message, code } });

beforeAll(async () => {
  standIn = await startDiscordStandIn({ token, applicationId });
  fixture = await writeDiscordTopics();
  const topics = await createTopicLibrary(fixture.root);
  // Never started: the poster works over REST alone (digests may go out before the gateway is up).
  adapter = createDiscordAdapter({ config: { token, applicationId, apiUrl: standIn.apiUrl }, deps: { topics, logger: silentLogger }, logger: silentLogger });
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await fixture?.remove();
});

describe('Discord channel poster (digests)', () => {
  it('makes no network call when constructed', () => {
    expect(standIn.calls).toHaveLength(0);
    expect(adapter.poster.platform).toBe('discord');
  });

  it('posts embeds with mentions off and a delivery nonce Discord enforces', async () => {
    const outcome = await adapter.poster.post('2000000000000000001', digest('Repairs will take an estimated 6 weeks.'), 'bridge:2024-10-31T08:00');
    const [call] = postsTo('2000000000000000001');
    expect(outcome).toEqual({ ok: true, messageIds: [createdIn('2000000000000000001')[0]!.id] });
    expect(call!.authorization).toBe(`Bot ${token}`);
    const body = call!.body as Record<string, unknown>;
    expect(body['allowed_mentions']).toEqual({ parse: [] });
    expect(body['enforce_nonce']).toBe(true);
    expect(body['nonce']).toBe(deliveryNonce('2000000000000000001', 'bridge:2024-10-31T08:00', 0));
    expect(String(body['nonce']).length).toBeLessThanOrEqual(25);
    expect(JSON.stringify(body['embeds'])).toContain('Repairs will take an estimated 6 weeks.');
    expect(body).not.toHaveProperty('content');
  });

  it('waits out a 429 with Retry-After and posts the message once', async () => {
    let limited = false;
    standIn.script((call) => {
      if (limited || call.path !== '/channels/2000000000000000429/messages') return undefined;
      limited = true;
      return { status: 429, headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' }, json: { message: 'You are being rate limited.', retry_after: 1, global: false } };
    });
    const outcome = await adapter.poster.post('2000000000000000429', digest('Ferries keep running.'), 'bridge:rate');
    expect(outcome.ok).toBe(true);
    const attempts = postsTo('2000000000000000429');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(createdIn('2000000000000000429')).toHaveLength(1);
  });

  it('does not post twice when a request that landed is retried after a 5xx', async () => {
    let failedOnce = false;
    standIn.script((call, defaults) => {
      if (failedOnce || call.path !== '/channels/2000000000000000502/messages') return undefined;
      failedOnce = true;
      defaults(); // Discord created the message, then the gateway in front of it answered 502.
      return { status: 502, json: { message: 'Bad Gateway', code: 0 } };
    });
    const outcome = await adapter.poster.post('2000000000000000502', digest('The bridge reopens in December.'), 'bridge:5xx');
    expect(outcome.ok).toBe(true);
    expect(postsTo('2000000000000000502')).toHaveLength(2);
    expect(createdIn('2000000000000000502')).toHaveLength(1);
  });

  it('does not post again for a delivery key that was already posted', async () => {
    const channel = '2000000000000000002';
    const outcomes = [];
    for (const key of ['bridge:slot-1', 'bridge:slot-1', 'bridge:slot-2']) outcomes.push(await adapter.poster.post(channel, digest('No one was hurt, the city said.'), key));
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[2]).not.toEqual(outcomes[0]);
    expect(postsTo(channel)).toHaveLength(2);
  });

  it("maps Discord's errors: a deleted channel is gone, missing access or permissions forbidden, others failed", async () => {
    const cases = [
      { status: 404, code: 10003, message: 'Unknown Channel', failure: 'gone' },
      { status: 403, code: 50001, message: 'Missing Access', failure: 'forbidden' },
      { status: 403, code: 50013, message: 'Missing Permissions', failure: 'forbidden' },
      { status: 400, code: 50035, message: 'Invalid Form Body', failure: 'failed' },
    ];
    const channelOf = (code: number): string => `3000000000000${code}`;
    for (const c of cases) standIn.script((call) => (call.path === `/channels/${channelOf(c.code)}/messages` ? error(c.status, c.code, c.message) : undefined));
    const outcomes = await Promise.all(cases.map((c) => adapter.poster.post(channelOf(c.code), digest('Update.'), `k-${c.code}`)));
    expect(outcomes).toEqual(cases.map((c) => ({ ok: false, failure: c.failure, detail: `${c.status} (${c.code}): ${c.message}` })));
  });

  it('posts a long digest as several messages, and a retry posts only the parts that did not land', async () => {
    const channel = '2000000000000000003';
    let failOnce = true;
    standIn.script((call) => {
      if (call.path !== `/channels/${channel}/messages` || !failOnce || !JSON.stringify(call.body).includes('continued')) return undefined;
      failOnce = false;
      return error(400, 50035, 'Invalid Form Body');
    });
    expect(await adapter.poster.post(channel, long('A'), 'long-1')).toMatchObject({ ok: false, failure: 'failed' });
    const retried = await adapter.poster.post(channel, long('A'), 'long-1');
    expect(retried.ok && retried.messageIds.length).toBeGreaterThanOrEqual(2);
    const created = createdIn(channel).map((m) => JSON.stringify(m.body));
    expect(created.filter((b) => b.includes('A update 0 on'))).toHaveLength(1);
    expect(created.filter((b) => b.includes('A update 59 on'))).toHaveLength(1);
  });

  it('never interleaves the parts of two digests posted to one channel at once', async () => {
    const channel = '2000000000000000004';
    const [a, b] = await Promise.all([adapter.poster.post(channel, long('A'), 'both-a'), adapter.poster.post(channel, long('B'), 'both-b')]);
    expect(a.ok && b.ok).toBe(true);
    const order = createdIn(channel).map((m) => (JSON.stringify(m.body).includes('digest A') ? 'A' : 'B'));
    expect(order.join('')).toMatch(/^A+B+$/);
  });
});
