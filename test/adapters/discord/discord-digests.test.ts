/**
 * Digests end to end through Discord: the real discord.js adapter logged in to the loopback
 * stand-in, the real digest service on a SQLite file, and an injected clock. Subscribing is a
 * `/digest` slash command over the gateway; the digest goes out as POST /channels/{id}/messages;
 * a channel that is gone disables its subscription. The Slack counterpart is
 * test/adapters/slack/slack-digests.test.ts. What the poster alone does with Discord's answers (error codes,
 * a 5xx retried by the REST client, a long digest in parts) is in discord-channel-poster.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/create-discord-adapter.js';
import { deliveryNonce } from '../../../src/adapters/discord/create-discord-channel-poster.js';
import type { ChannelPoster } from '../../../src/chat/chat-port.js';
import { createDigestService, type DigestService } from '../../../src/digests/create-digest-service.js';
import { createLogger } from '../../../src/logger.js';
import type { DigestStore } from '../../../src/store/digest-store.js';
import { openSqliteStore } from '../../../src/store/sqlite-digest-store.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { channelId, managerPermissions, memberPermissions, slashCommand, str, sub, type OptionData } from './discord-interactions.js';
import { startDiscordStandIn, type DiscordStandIn, type RestAnswer, type RestCall } from './discord-stand-in.js';
import { writeDiscordTopics } from './topic-fixture.js';

const token = 'MTEwMDAwMDAwMDAwMDAwMDAwMw.fake-digest-token.not-real-0123456789';
const applicationId = '1100000000000000003';
const otherChannel = '1000000000000000012';
const goneChannel = '1000000000000000404';

type Embed = { title?: string; description?: string; author?: { name: string }; footer?: { text: string }; fields?: { name: string; value: string }[] };
type Body = { embeds?: Embed[]; allowed_mentions?: unknown; content?: string; nonce?: string; enforce_nonce?: boolean };

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let digests: DigestService;
let store: DigestStore;
let dir: string;
let fixture: Awaited<ReturnType<typeof writeDiscordTopics>>;
let logLines: string[];
const clock = { now: new Date(0) };

beforeEach(async () => {
  clock.now = new Date('2024-10-30T10:00:00Z');
  logLines = [];
  standIn = await startDiscordStandIn({ token, applicationId });
  fixture = await writeDiscordTopics();
  dir = await mkdtemp(join(tmpdir(), 'sitrep-discord-digests-'));
  const topics = await createTopicLibrary(fixture.root, 'north-korea-troops');
  store = openSqliteStore(join(dir, 'sitrep.sqlite'));
  const logger = createLogger({ level: 'debug', secrets: [token], write: (line) => logLines.push(line) });
  const posters: ChannelPoster[] = [];
  digests = createDigestService({ store, topics, posters, logger, clock: () => clock.now, graceMinutes: 60 });
  adapter = createDiscordAdapter({ config: { token, applicationId, apiUrl: standIn.apiUrl }, deps: { topics, logger, digests: digests.commands }, logger, now: () => clock.now });
  posters.push(adapter.poster);
  await adapter.start();
  await digests.start();
});

afterEach(async () => {
  digests?.stop();
  await adapter?.stop();
  await store?.close();
  await standIn?.close();
  await fixture?.remove();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every piece of text of the embeds of a message body. */
function textOf(body: Body | undefined): string {
  return (body?.embeds ?? [])
    .flatMap((e) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])
    .filter(Boolean)
    .join('\n');
}

/** Runs `/digest <subcommand>` over the gateway in a channel; resolves to the text of the (private) answer. */
async function digestCommand(subcommand: OptionData, channel = channelId, permissions = managerPermissions): Promise<string> {
  const { token: tok, payload } = slashCommand({ applicationId, name: 'digest', options: [subcommand], permissions, channel });
  standIn.dispatch('INTERACTION_CREATE', payload);
  const answer = await standIn.waitFor(() => standIn.callsTo('PATCH', new RegExp(`^/webhooks/${applicationId}/${tok}/messages/@original$`))[0]);
  return textOf(answer.body as Body);
}

const subscribe = (channel = channelId): Promise<string> => digestCommand(sub('subscribe', str('time', '8am'), str('timezone', 'Europe/Kyiv')), channel);
const postsTo = (channel: string): RestCall[] => standIn.callsTo('POST', new RegExp(`^/channels/${channel}/messages$`));
const createdIn = (channel: string) => standIn.created.filter((m) => m.channelId === channel);
const subscriptionIn = async (channel: string) => (await store.listSubscriptions()).find((s) => s.channelId === channel);

describe('digests through Discord (real discord.js, loopback stand-in, SQLite)', () => {
  it('subscribes with /digest, posts at 08:00 Kyiv time as embeds with mentions off, once per slot, and stops on unsubscribe', async () => {
    expect(await subscribe()).toMatch(/Digest subscribed[\s\S]*every day at 08:00 Europe\/Kyiv/);
    expect(await digestCommand(sub('status'), channelId, memberPermissions)).toMatch(/every day at 08:00 Europe\/Kyiv/);
    const sub1 = await subscriptionIn(channelId);
    expect(sub1).toMatchObject({ platform: 'discord', topic: 'north-korea-troops', timezone: 'Europe/Kyiv', owner: 'chat' });

    clock.now = new Date('2024-10-31T05:59:00Z'); // 07:59 in Kyiv (EET, UTC+2 since 27 October): not yet
    await digests.runDue(clock.now);
    expect(postsTo(channelId)).toHaveLength(0);

    clock.now = new Date('2024-10-31T06:00:00Z'); // 08:00 in Kyiv
    await digests.runDue(clock.now);
    const [post] = postsTo(channelId);
    expect(post?.authorization).toBe(`Bot ${token}`);
    const body = post?.body as Body;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content ?? '').toBe('');
    expect(body.embeds?.[0]?.title).toMatch(/^Digest: /);
    expect(textOf(body)).toContain('10,000');
    expect(createdIn(channelId)).toHaveLength(1);
    const [delivery] = await store.listDeliveries(sub1!.id);
    expect(delivery).toMatchObject({ slot: '2024-10-31T06:00:00.000Z', status: 'delivered', detail: createdIn(channelId)[0]!.id });
    // The nonce Discord enforces is derived from the slot's delivery key in the store.
    expect(body.nonce).toBe(deliveryNonce(channelId, delivery!.deliveryKey, 0));
    expect(body.enforce_nonce).toBe(true);

    await digests.runDue(clock.now); // the same slot again: already delivered
    clock.now = new Date('2024-10-31T06:30:00Z'); // still within the grace period of that slot
    await digests.runDue(clock.now);
    expect(postsTo(channelId)).toHaveLength(1);
    expect(await store.listDeliveries(sub1!.id)).toEqual([delivery]); // not even claimed again

    expect(await digestCommand(sub('status'))).toMatch(/Last: /);
    expect(await digestCommand(sub('unsubscribe'))).toMatch(/Digest stopped/);
    expect(await store.listSubscriptions()).toEqual([]);
    clock.now = new Date('2024-11-01T06:00:00Z');
    await digests.runDue(clock.now);
    expect(postsTo(channelId)).toHaveLength(1);
  });

  it('posts one message when a slot whose post landed is retried later (the same nonce, kept by the delivery log)', async () => {
    await subscribe();
    // Discord creates the message, but every answer to this first slot is a 502 (the REST client retries it 3 times).
    let failing = true;
    standIn.script((call, defaults) => {
      if (!failing || call.path !== `/channels/${channelId}/messages`) return undefined;
      defaults();
      return { status: 502, json: { message: 'Bad Gateway', code: 0 } };
    });
    clock.now = new Date('2024-10-31T06:00:00Z');
    await digests.runDue(clock.now);
    const sub1 = (await subscriptionIn(channelId))!;
    expect((await store.listDeliveries(sub1.id))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(createdIn(channelId)).toHaveLength(1);

    failing = false;
    clock.now = new Date('2024-10-31T06:01:01Z'); // past the retry delay: the slot is claimed again, with its key
    await digests.runDue(clock.now);
    const [delivery] = await store.listDeliveries(sub1.id);
    expect(delivery).toMatchObject({ slot: '2024-10-31T06:00:00.000Z', status: 'delivered', attempts: 2 });
    const nonces = new Set(postsTo(channelId).map((c) => (c.body as Body).nonce));
    expect(postsTo(channelId).length).toBeGreaterThanOrEqual(2);
    expect([...nonces]).toEqual([deliveryNonce(channelId, delivery!.deliveryKey, 0)]);
    expect(createdIn(channelId)).toHaveLength(1);
    expect(delivery!.detail).toBe(createdIn(channelId)[0]!.id);
  });

  it('disables the subscription of a channel that is gone (404, Unknown Channel), and still posts to the others', async () => {
    await subscribe(goneChannel);
    await subscribe(otherChannel);
    standIn.script((call): RestAnswer | undefined =>
      call.path === `/channels/${goneChannel}/messages` ? { status: 404, json: { message: 'Unknown Channel', code: 10003 } } : undefined,
    );
    clock.now = new Date('2024-10-31T06:00:00Z');
    await digests.runDue(clock.now);

    expect((await subscriptionIn(goneChannel))?.disabled?.reason).toMatch(/gone.*10003/);
    expect((await subscriptionIn(otherChannel))?.disabled).toBeUndefined();
    expect(createdIn(goneChannel)).toHaveLength(0);
    expect(createdIn(otherChannel)).toHaveLength(1);
    expect(textOf(postsTo(otherChannel)[0]?.body as Body)).toContain('10,000');
    expect(logLines.some((l) => l.includes('digest subscription disabled') && l.includes(goneChannel))).toBe(true);

    clock.now = new Date('2024-11-01T06:00:00Z'); // the next slot: nothing more is tried in the gone channel
    await digests.runDue(clock.now);
    expect(postsTo(goneChannel)).toHaveLength(1);
    expect(createdIn(otherChannel)).toHaveLength(2);
  });

  it('waits out a 429 on the first post (bucket exhausted, Retry-After) and posts the digest once', async () => {
    await subscribe();
    let limited = false;
    // As Discord answers it: the route's bucket headers say it is exhausted for another 0.3 s.
    const headers = { 'retry-after': '0.3', 'x-ratelimit-scope': 'user', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.3', 'x-ratelimit-bucket': 'digest-bucket' };
    standIn.script((call) => {
      if (limited || call.path !== `/channels/${channelId}/messages`) return undefined;
      limited = true;
      return { status: 429, headers, json: { message: 'You are being rate limited.', retry_after: 0.3, global: false } };
    });
    clock.now = new Date('2024-10-31T06:00:00Z');
    await digests.runDue(clock.now);

    const attempts = postsTo(channelId);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(280);
    expect(createdIn(channelId)).toHaveLength(1);
    const sub1 = (await subscriptionIn(channelId))!;
    expect((await store.listDeliveries(sub1.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    // The adapter logs the wait, by route (ids as placeholders), never the token.
    const warning = logLines.find((l) => l.includes('discord rate limited'));
    expect(warning).toMatch(/"route":"\/channels\/:id\/messages"/);
    expect(logLines.join('\n')).not.toContain(token);
  });
});
