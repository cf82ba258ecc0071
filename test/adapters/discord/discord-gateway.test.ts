/**
 * The Discord adapter end to end: the real discord.js client logs in to the stand-in's gateway,
 * slash commands arrive as INTERACTION_CREATE dispatches, and the replies are read off the REST
 * calls the client makes (deferral callback, edit of the original, follow-ups).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/create-discord-adapter.js';
import type { CommandContext, CommandRequest } from '../../../src/commands/command-request.js';
import type { CommandDeps } from '../../../src/commands/execute-command.js';
import { createDigestCommands } from '../../../src/digests/create-digest-commands.js';
import { createLogger } from '../../../src/logger.js';
import type { Message } from '../../../src/render/message.js';
import { createMemoryDigestStore } from '../../../src/store/memory-digest-store.js';
import { createTopicLibrary, type TopicLibrary } from '../../../src/topics/topic-library.js';
import { autocomplete, bool, channelId, managerPermissions, memberPermissions, slashCommand, str, sub, userId, type InteractionInput } from './discord-interactions.js';
import { startDiscordStandIn, type DiscordStandIn, type RestCall } from './discord-stand-in.js';
import { discordInjection, writeDiscordTopics } from './topic-fixture.js';

const token = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake-bot-token.not-real-0123456789';
const applicationId = '1100000000000000001';

type Embed = { title?: string; description?: string; author?: { name: string }; footer?: { text: string }; fields?: { name: string; value: string; inline?: boolean }[]; color?: number };
type Body = { embeds?: Embed[]; flags?: number; allowed_mentions?: unknown; content?: string };

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let fixture: Awaited<ReturnType<typeof writeDiscordTopics>>;
let explodeTopics = false;
let brokenClock = false;
const digestCalls: { request: CommandRequest; context: CommandContext }[] = [];
const logLines: string[] = [];

/** A reply longer than one Discord message allows (about 14,000 characters): 80 points of 3 sentences each. */
const longReply: Message = {
  title: 'Added: a very long article',
  sections: [
    {
      heading: 'What it says',
      style: 'list',
      items: Array.from({ length: 80 }, (_, i) => ({
        text: `Point ${i} reports that crews worked on the bridge through the night. The city said the work went to plan. Ferries kept running all day.`,
        note: `1 source [${i + 1}]`,
      })),
    },
  ],
  tone: 'normal',
};

beforeAll(async () => {
  standIn = await startDiscordStandIn({ token, applicationId });
  fixture = await writeDiscordTopics();
  const library = await createTopicLibrary(fixture.root, 'north-korea-troops');
  const topics: TopicLibrary = {
    ...library,
    get: (name) => {
      if (explodeTopics) throw new Error(`topic index corrupt near ${token}`);
      return library.get(name);
    },
  };
  const digests = createDigestCommands({ store: createMemoryDigestStore(), topics, onChange: async () => undefined });
  const logger = createLogger({ level: 'debug', secrets: [token], write: (line) => logLines.push(line) });
  const deps: CommandDeps = {
    topics,
    logger,
    digests: {
      handle: (request, topic, context) => {
        digestCalls.push({ request, context });
        return digests.handle(request, topic, context);
      },
    },
    add: { handle: async () => longReply },
  };
  adapter = createDiscordAdapter({
    config: { token, applicationId, apiUrl: standIn.apiUrl },
    deps,
    logger,
    now: () => {
      if (brokenClock) throw new Error('clock source unavailable');
      return new Date('2024-10-30T08:00:00Z');
    },
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await fixture?.remove();
});

const webhook = (tok: string, suffix = ''): RegExp => new RegExp(`^/webhooks/${applicationId}/${tok}${suffix}$`);
const bodyOf = (call: RestCall): Body => call.body as Body;

/** Sends a slash command over the gateway; resolves once its deferral and first answer have arrived. */
async function command(input: Omit<InteractionInput, 'applicationId'>): Promise<{ sentAt: number; callback: RestCall; answer: RestCall; token: string }> {
  const { id, token: tok, payload } = slashCommand({ applicationId, ...input });
  const sentAt = Date.now();
  standIn.dispatch('INTERACTION_CREATE', payload);
  const callback = await standIn.waitFor(() => standIn.callsTo('POST', new RegExp(`^/interactions/${id}/${tok}/callback$`))[0]);
  const answer = await standIn.waitFor(() => [...standIn.callsTo('PATCH', webhook(tok, '/messages/@original')), ...standIn.callsTo('POST', webhook(tok))][0]);
  return { sentAt, callback, answer, token: tok };
}

/** Every piece of text of the embeds of a message body. */
function textOf(body: Body): string {
  return (body.embeds ?? [])
    .flatMap((e) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])
    .filter(Boolean)
    .join('\n');
}

describe('Discord adapter over the gateway (real discord.js, loopback stand-in)', () => {
  it('identifies with the Guilds intent only and the bot token', () => {
    expect(standIn.identifies).toHaveLength(1);
    expect(standIn.identifies[0]).toMatchObject({ token, intents: 1, shard: [0, 1] });
    expect(standIn.callsTo('GET', /^\/gateway\/bot$/)[0]?.authorization).toBe(`Bot ${token}`);
  });

  it("answers /ask latest troop estimate privately with the Pentagon's 10,000, not South Korea's 12,000 projection", async () => {
    const { sentAt, callback, answer } = await command({ name: 'ask', options: [str('question', 'latest troop estimate')] });
    // Deferred first (type 5), ephemeral, within Discord's 3 seconds, without the bot token.
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(callback.at - sentAt).toBeLessThan(3000);
    expect(callback.authorization).toBeUndefined();
    expect(answer.method).toBe('PATCH');
    const [first] = bodyOf(answer).embeds!;
    expect(first!.title).toBe('latest troop estimate');
    expect(first!.description).toContain('10,000');
    expect(first!.description).not.toContain('12,000');
  });

  it('posts the reply for everyone when public is true', async () => {
    const { callback, answer } = await command({ name: 'brief', options: [str('topic', 'bridge-closure'), bool('public', true)] });
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const body = bodyOf(answer);
    expect(body.flags ?? 0).toBe(0);
    expect(body.embeds![0]!.title).toBe('Bridge closure');
    expect(textOf(body)).toMatch(/40,000 vehicles/);
    expect(textOf(body)).toMatch(/6 weeks/);
  });

  it('answers topic autocomplete with the topics that start with what was typed', async () => {
    const ask = (typed: string) => {
      const { id, token: tok, payload } = autocomplete({ applicationId, name: 'brief', options: [{ name: 'topic', type: 3, value: typed, focused: true }] });
      standIn.dispatch('INTERACTION_CREATE', payload);
      return standIn.waitFor(() => standIn.callsTo('POST', new RegExp(`^/interactions/${id}/${tok}/callback$`))[0]);
    };
    expect((await ask('Br')).body).toEqual({ type: 8, data: { choices: [{ name: 'bridge-closure', value: 'bridge-closure' }] } });
    const all = (await ask('')).body as { data: { choices: { value: string }[] } };
    expect(all.data.choices.map((c) => c.value).sort()).toEqual(['bridge-closure', 'injected', 'north-korea-troops']);
    expect((await ask('zz')).body).toEqual({ type: 8, data: { choices: [] } });
  });

  it('refuses /digest subscribe to a member without Manage Channels, and subscribes for one with it', async () => {
    const options = [sub('subscribe', str('time', '8 am'), str('timezone', 'Europe/Kyiv'), str('topic', 'bridge-closure'))];
    const refused = await command({ name: 'digest', options, permissions: memberPermissions });
    expect(textOf(bodyOf(refused.answer))).toMatch(/Only channel managers can change digests/);
    expect(digestCalls.at(-1)).toMatchObject({
      request: { name: 'digest', text: 'subscribe 8am Europe/Kyiv', topic: 'bridge-closure', public: false },
      context: { platform: 'discord', channelId, userId, canManageChannel: false, now: new Date('2024-10-30T08:00:00Z') },
    });

    const done = await command({ name: 'digest', options, permissions: managerPermissions });
    expect(digestCalls.at(-1)!.context.canManageChannel).toBe(true);
    expect(textOf(bodyOf(done.answer))).toMatch(/Digest subscribed[\s\S]*Bridge closure every day at 08:00 Europe\/Kyiv/);

    const status = await command({ name: 'digest', options: [sub('status')] });
    expect(textOf(bodyOf(status.answer))).toMatch(/every day at 08:00 Europe\/Kyiv/);
  });

  it('lets a member with Manage Server unsubscribe', async () => {
    const { answer } = await command({ name: 'digest', options: [sub('unsubscribe', str('topic', 'bridge-closure'))], permissions: memberPermissions | 32n });
    expect(textOf(bodyOf(answer))).toMatch(/Digest stopped/);
  });

  it('previews the digest in the channel with /digest now public', async () => {
    const { callback, answer } = await command({ name: 'digest', options: [sub('now', str('topic', 'bridge-closure'), bool('public', true))] });
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(digestCalls.at(-1)!.request).toMatchObject({ name: 'digest', text: 'now', topic: 'bridge-closure', public: true });
    expect(textOf(bodyOf(answer))).toMatch(/Preview · not subscribed here/);
  });

  it('neutralizes mentions and markdown from articles and from the question', async () => {
    const brief = await command({ name: 'brief', options: [str('topic', 'injected'), bool('public', true)] });
    const ask = await command({ name: 'ask', options: [str('question', 'who said @everyone <@123> evacuated'), str('topic', 'injected')] });
    for (const call of [brief.answer, ask.answer]) {
      const body = bodyOf(call);
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(body.content ?? '').toBe('');
      const text = textOf(body);
      for (const raw of ['@everyone', '@here', '<@123>', '<@!124>', '<@&456>', '<#789>', '[your bank](', '||spoiler||', '**loud**']) expect(text).not.toContain(raw);
    }
    const text = textOf(bodyOf(brief.answer));
    expect(text).toContain('@\u200beveryone @\u200bhere <@\u200b123> <@\u200b!124> <@\u200b&456> <#\u200b789>');
    expect(text).toContain('\\[your bank\\](https://evil.example)');
    expect(bodyOf(ask.answer).embeds![0]!.title).toBe('who said @\u200beveryone <@\u200b123> evacuated');
    expect(discordInjection).toContain('@everyone');
  });

  it('sends a reply too long for one message as the edited original plus private follow-ups, each within limits', async () => {
    const { answer, token: tok } = await command({ name: 'add', options: [str('url', 'https://news.example/long-read')], permissions: managerPermissions });
    expect(answer.method).toBe('PATCH');
    const followUps = await standIn.waitFor(() => {
      const calls = standIn.callsTo('POST', webhook(tok));
      return calls.length && textOf(bodyOf(calls.at(-1)!)).includes('Point 79') ? calls : undefined;
    });
    for (const call of followUps) expect(bodyOf(call).flags).toBe(64);
    const all = [answer, ...followUps].map(bodyOf);
    for (const body of all) {
      expect(body.embeds!.length).toBeLessThanOrEqual(10);
      expect(textOf(body).replace(/\n/g, '').length).toBeLessThanOrEqual(6000);
    }
    const text = all.map(textOf).join('\n');
    expect(followUps.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 80; i++) expect(text).toContain(`Point ${i} reports that crews worked on the bridge through the night.`);
    expect(followUps[0]!.query.get('wait')).toBe('true');
  });

  it('answers an unknown command with a hint', async () => {
    const { answer } = await command({ name: 'frobnicate' });
    expect(textOf(bodyOf(answer))).toMatch(/Not a Sitrep command[\s\S]*\/help/);
  });

  it('answers a failing command with a short private message, logs the cause without the token, and keeps serving', async () => {
    explodeTopics = true;
    let failed: Awaited<ReturnType<typeof command>>;
    try {
      failed = await command({ name: 'brief', options: [str('topic', 'bridge-closure'), bool('public', true)] });
    } finally {
      explodeTopics = false;
    }
    // The public "thinking…" placeholder is deleted; the apology goes to the caller alone.
    expect(failed.answer.method).toBe('POST');
    expect(bodyOf(failed.answer).flags).toBe(64);
    expect(standIn.callsTo('DELETE', webhook(failed.token, '/messages/@original'))).toHaveLength(1);
    expect(textOf(bodyOf(failed.answer))).toMatch(/Something went wrong/);
    expect(JSON.stringify(failed.answer.body)).not.toMatch(/corrupt|MTEw|at .*\.ts:\d+/);

    brokenClock = true;
    let broken: Awaited<ReturnType<typeof command>>;
    try {
      broken = await command({ name: 'numbers', options: [str('topic', 'bridge-closure')] });
    } finally {
      brokenClock = false;
    }
    expect(broken.answer.method).toBe('PATCH');
    expect(textOf(bodyOf(broken.answer))).toMatch(/Something went wrong/);
    expect(logLines.find((l) => l.includes('discord command failed'))).toContain('clock source unavailable');
    expect(logLines.find((l) => l.includes('command failed') && l.includes('topic index corrupt'))).toBeDefined();
    expect(logLines.join('\n')).not.toContain(token);

    const after = await command({ name: 'ask', options: [str('question', 'how many vehicles'), str('topic', 'bridge-closure')] });
    expect(textOf(bodyOf(after.answer))).toContain('40,000');
  });

  it('answers a burst of 60 commands without queueing replies behind the bot-wide rate limit', async () => {
    const before = logLines.length;
    const answers = await Promise.all(Array.from({ length: 60 }, () => command({ name: 'ask', options: [str('question', 'latest troop estimate')] })));
    for (const { answer } of answers) expect(bodyOf(answer).embeds![0]!.description).toContain('10,000');
    // Interaction webhooks are outside Discord's global limit; discord.js's own 50/s cap must not hold them back.
    expect(logLines.slice(before).filter((l) => l.includes('discord rate limited'))).toEqual([]);
  });

  it('sent every message body with allowed_mentions parse [] and never pinged', () => {
    const messages = standIn.calls.filter((c) => (c.method === 'PATCH' || c.method === 'POST') && /^\/webhooks\//.test(c.path));
    expect(messages.length).toBeGreaterThanOrEqual(14);
    for (const call of messages) {
      expect(bodyOf(call).allowed_mentions).toEqual({ parse: [] });
      expect(bodyOf(call).content ?? '').toBe('');
    }
    // Deferrals and autocomplete answers carry no message text at all.
    for (const call of standIn.calls.filter((c) => c.path.endsWith('/callback'))) expect([5, 8]).toContain((call.body as { type: number }).type);
  });
});

describe('Discord adapter start-up', () => {
  it('rejects start() when Discord refuses the token, without logging it', async () => {
    const lines: string[] = [];
    const wrong = 'MTEwMDAwMDAwMDAwMDAwMDAwOQ.wrong-bot-token.not-real-0123456789';
    const topics = await createTopicLibrary(fixture.root);
    const logger = createLogger({ level: 'debug', secrets: [wrong], write: (line) => lines.push(line) });
    const refused = createDiscordAdapter({ config: { token: wrong, applicationId, apiUrl: standIn.apiUrl }, deps: { topics, logger }, logger });
    await expect(refused.start()).rejects.toThrow(/invalid token/i);
    await refused.stop();
    expect(standIn.identifies).toHaveLength(1);
    expect(lines.join('\n')).not.toContain(wrong);
  });
});
