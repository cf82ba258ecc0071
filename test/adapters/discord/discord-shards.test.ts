/**
 * Many servers, many shards: the real discord.js client against a stand-in gateway that shards as
 * Discord does (a guild's dispatches on the connection of shard `(guild_id >> 22) % count`). By
 * default the client asks `GET /gateway/bot` for the shard count and runs every shard; with
 * DISCORD_SHARDS it runs only its slice, and still posts digests to any guild's channel over REST.
 * A dropped connection is resumed per shard, on that shard's session.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/create-discord-adapter.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger, silentLogger } from '../../../src/logger.js';
import type { Message } from '../../../src/render/message.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { slashCommand, str } from './discord-interactions.js';
import { shardOfGuild, startDiscordStandIn, type DiscordStandIn } from './discord-stand-in.js';
import { writeDiscordTopics } from './topic-fixture.js';

const token = 'MTEwMDAwMDAwMDAwMDAwMDAwNg.shards-test-token.not-real-0123456789';
const applicationId = '1100000000000000006';

/** A guild id (a snowflake) that shard `shard` of `count` owns. */
function guildOnShard(shard: number, count: number): string {
  const base = 300_000_000_000n;
  const id = ((base - (base % BigInt(count)) + BigInt(shard)) << 22n) | 7n;
  expect(shardOfGuild(String(id), count)).toBe(shard);
  return String(id);
}

const running: { standIn: DiscordStandIn; adapter: DiscordAdapter; remove: () => Promise<void> }[] = [];

afterAll(async () => {
  for (const { adapter, standIn, remove } of running) {
    await adapter.stop();
    await standIn.close();
    await remove();
  }
});

/** A stand-in recommending `shards`, and an adapter from the environment (`DISCORD_SHARDS` among it), started. */
async function startBot(shards: number, env: Record<string, string> = {}): Promise<{ standIn: DiscordStandIn; adapter: DiscordAdapter; logLines: string[] }> {
  const logLines: string[] = [];
  // max_concurrency 2: both shards may identify at once, without the 5 s between identifies of one bucket.
  const standIn = await startDiscordStandIn({ token, applicationId, shards, maxConcurrency: 2 });
  const fixture = await writeDiscordTopics();
  const topics = await createTopicLibrary(fixture.root, 'north-korea-troops');
  const config = loadConfig({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_API_URL: standIn.apiUrl, ...env }, { checkBriefingsDir: false });
  const logger = createLogger({ level: 'info', secrets: [token], write: (line) => logLines.push(line) });
  const adapter = createDiscordAdapter({ config: config.discord!, deps: { topics, logger: silentLogger }, logger });
  running.push({ standIn, adapter, remove: fixture.remove });
  await adapter.start();
  return { standIn, adapter, logLines };
}

/** Dispatches an /ask from a guild; `answered()` counts its deferrals and its answers at the stand-in. */
function ask(standIn: DiscordStandIn, guild: string, question: string) {
  const { id, token: tok, payload } = slashCommand({ applicationId, name: 'ask', options: [str('question', question)], guild });
  standIn.dispatch('INTERACTION_CREATE', payload);
  return {
    id,
    answered: () => ({
      callbacks: standIn.callsTo('POST', new RegExp(`^/interactions/${id}/${tok}/callback$`)).length,
      answers: standIn.callsTo('PATCH', new RegExp(`^/webhooks/${applicationId}/${tok}/messages/@original$`)).length,
    }),
  };
}

type Asked = ReturnType<typeof ask>;
const answeredOnce = (asked: Asked) => (asked.answered().callbacks && asked.answered().answers ? asked.answered() : undefined);
/** The fields of the start-up log line. */
const started = (logLines: string[]) => logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['msg'] === 'discord adapter started');

/** The shards whose connections carried the interaction. */
const carriedBy = (standIn: DiscordStandIn, asked: Asked) =>
  standIn.deliveries.filter((d) => d.t === 'INTERACTION_CREATE' && (d.d as { id: string }).id === asked.id).map((d) => d.shard);
const shardsIdentified = (standIn: DiscordStandIn) => standIn.identifies.map((d) => d['shard']).sort();

describe('a bot in many servers', () => {
  it('runs as many shards as GET /gateway/bot recommends, each its own session, and answers a guild of each over its own connection', async () => {
    const { standIn, logLines } = await startBot(2);
    expect(started(logLines)).toMatchObject({ shards: [0, 1], shardCount: 2 });
    expect(standIn.callsTo('GET', /^\/gateway\/bot$/).length).toBeGreaterThan(0);
    expect(shardsIdentified(standIn)).toEqual([
      [0, 2],
      [1, 2],
    ]);

    const onShard0 = ask(standIn, guildOnShard(0, 2), 'latest troop estimate');
    const onShard1 = ask(standIn, guildOnShard(1, 2), 'who confirmed the deployment');
    expect(await standIn.waitFor(() => answeredOnce(onShard0), 10_000)).toEqual({ callbacks: 1, answers: 1 });
    expect(await standIn.waitFor(() => answeredOnce(onShard1), 10_000)).toEqual({ callbacks: 1, answers: 1 });
    expect(carriedBy(standIn, onShard0)).toEqual([[0, 2]]);
    expect(carriedBy(standIn, onShard1)).toEqual([[1, 2]]);
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a double
    expect([onShard0.answered(), onShard1.answered()]).toEqual([
      { callbacks: 1, answers: 1 },
      { callbacks: 1, answers: 1 },
    ]);
  }, 60_000);

  it('resumes each shard on its own session after the gateway drops both, and answers what each missed once', async () => {
    const { standIn } = await startBot(2);
    const sessionOf = (shard: number) => standIn.deliveries.find((d) => d.t !== 'READY' && d.shard[0] === shard)?.sessionId;
    const warmUp = [ask(standIn, guildOnShard(0, 2), 'latest troop estimate'), ask(standIn, guildOnShard(1, 2), 'latest troop estimate')];
    for (const asked of warmUp) await standIn.waitFor(() => answeredOnce(asked), 10_000);
    const sessions = [sessionOf(0), sessionOf(1)];
    expect(new Set(sessions).size).toBe(2);

    standIn.dropConnections(4000);
    const missed = [ask(standIn, guildOnShard(0, 2), 'who confirmed the deployment'), ask(standIn, guildOnShard(1, 2), 'who confirmed the deployment')];
    await standIn.waitFor(() => (standIn.resumes.length === 2 ? true : undefined), 30_000);
    expect(standIn.resumes.map((r) => r['session_id']).sort()).toEqual([...sessions].sort());
    for (const asked of missed) expect(await standIn.waitFor(() => answeredOnce(asked), 10_000)).toEqual({ callbacks: 1, answers: 1 });
    expect(missed.map((asked) => carriedBy(standIn, asked))).toEqual([[[0, 2]], [[1, 2]]]);
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a double
    expect([...warmUp, ...missed].map((asked) => asked.answered())).toEqual([1, 2, 3, 4].map(() => ({ callbacks: 1, answers: 1 })));
    expect(standIn.identifies).toHaveLength(2);
  }, 60_000);

  it('with DISCORD_SHARDS=1/2 identifies shard 1 only, answers its guilds, and still posts a digest to a guild of shard 0 over REST', async () => {
    const { standIn, adapter, logLines } = await startBot(2, { DISCORD_SHARDS: '1/2' });
    expect(started(logLines)).toMatchObject({ shards: [1], shardCount: 2 });
    expect(shardsIdentified(standIn)).toEqual([[1, 2]]);

    const mine = ask(standIn, guildOnShard(1, 2), 'latest troop estimate');
    expect(await standIn.waitFor(() => answeredOnce(mine), 10_000)).toEqual({ callbacks: 1, answers: 1 });
    // Another replica runs shard 0: Discord sends this process none of that guild's interactions.
    const theirs = ask(standIn, guildOnShard(0, 2), 'latest troop estimate');
    expect(carriedBy(standIn, theirs)).toEqual([]);

    const channelOfShard0Guild = '1000000000000000777';
    const digest: Message = { title: 'Troops: what changed', sections: [{ heading: 'New', style: 'list', items: [{ text: 'The estimate rose to 12,000.', note: '1 source [1]' }] }], tone: 'normal' };
    expect(await adapter.poster.post(channelOfShard0Guild, digest, 'troops:2024-10-30T08:00')).toMatchObject({ ok: true });
    const posted = standIn.created.filter((m) => m.channelId === channelOfShard0Guild);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatchObject({ allowed_mentions: { parse: [] }, embeds: expect.arrayContaining([expect.objectContaining({ title: 'Troops: what changed' })]) });
  }, 60_000);
});
