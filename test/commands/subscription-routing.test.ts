/**
 * A channel subscribed to a topic's digest in chat follows that topic: commands there that name no
 * topic read it. Through the real Slack adapter (signed slash commands against the stand-in), the
 * real digest service and the SQLite store, as `npm start` wires them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/create-slack-adapter.js';
import { parseCommandLine, type CommandContext } from '../../src/commands/command-request.js';
import { executeCommand } from '../../src/commands/execute-command.js';
import { createDigestService } from '../../src/digests/create-digest-service.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { renderText } from '../../src/render/render-text.js';
import type { DigestStore, Subscription } from '../../src/store/digest-store.js';
import { createMemoryDigestStore } from '../../src/store/memory-digest-store.js';
import { openSqliteStore } from '../../src/store/sqlite-digest-store.js';
import { createTopicLibrary, type TopicLibrary } from '../../src/topics/topic-library.js';
import { startSlackStandIn, type SlackStandIn } from '../adapters/slack/slack-stand-in.js';
import { postSigned, signingSecret, slashCommandBody } from '../adapters/slack/slack-requests.js';
import { writeTopicFolder } from '../adapters/slack/topic-fixture.js';

const seedTitle = 'North Korean troops in Russia';
const defaultTitle = 'Harbor fire';

describe('a channel subscribed in chat, through Slack', () => {
  let standIn: SlackStandIn;
  let adapter: SlackAdapter;
  let n = 0;
  const now = new Date('2024-10-30T10:00:00Z');
  /** What afterEach undoes, last started first. */
  const started: (() => unknown)[] = [];

  beforeEach(async () => {
    standIn = await startSlackStandIn();
    const fixture = await writeTopicFolder();
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-subscription-routing-'));
    const store = openSqliteStore(join(dir, 'sitrep.sqlite'));
    started.push(() => standIn.close(), () => fixture.remove(), () => rm(dir, { recursive: true, force: true }), () => store.close());
    const topics = await createTopicLibrary(fixture.root, 'harbor-fire');
    const digests = createDigestService({ store, topics, posters: [], logger: silentLogger, clock: () => now, graceMinutes: 60 });
    adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test-routing', signingSecret, apiUrl: standIn.apiUrl, port: 0, host: '127.0.0.1', restrictDigests: false },
      deps: { topics, logger: silentLogger, digests: digests.commands, subscriptions: store },
      logger: silentLogger,
      now: () => now,
      retryConfig: { retries: 0 },
    });
    await adapter.start();
    started.push(() => adapter.stop());
    await digests.start();
    started.push(() => digests.stop());
  });

  afterEach(async () => {
    for (const stop of started.splice(0).reverse()) await stop();
  });

  /** A signed slash command in a channel; its reply through response_url, as JSON text. */
  async function command(commandName: string, text: string, channelId: string): Promise<string> {
    const id = `r${++n}`;
    const body = slashCommandBody({ command: commandName, text, responseUrl: standIn.responseUrl(id), channelId });
    expect((await postSigned(`http://127.0.0.1:${adapter.port}/slack/events`, body)).status).toBe(200);
    const replies = await standIn.waitFor(() => (standIn.responsesTo(id).length ? standIn.responsesTo(id) : undefined));
    return JSON.stringify(replies[0]);
  }

  it('answers /brief and /ask with the subscribed topic there, the default elsewhere, until unsubscribed', async () => {
    expect(await command('/brief', '', 'C0PORT')).toContain(defaultTitle);
    expect(await command('/digest', 'subscribe 8am Europe/Kyiv north-korea-troops', 'C0PORT')).toMatch(/every day at 08:00 Europe\/Kyiv/);

    expect(await command('/brief', '', 'C0PORT')).toContain(seedTitle);
    expect(await command('/ask', 'latest troop estimate', 'C0PORT')).toContain('10,000');
    expect(await command('/sitrep', 'numbers', 'C0PORT')).toContain(seedTitle);
    // Another channel, and a topic named outright, are not affected.
    expect(await command('/brief', '', 'C0OTHER')).toContain(defaultTitle);
    expect(await command('/brief', 'injected', 'C0PORT')).not.toContain(seedTitle);

    expect(await command('/digest', 'unsubscribe north-korea-troops', 'C0PORT')).toMatch(/no longer|unsubscribed|stopped/i);
    expect(await command('/brief', '', 'C0PORT')).toContain(defaultTitle);
  });
});

describe('the channel topic read from the store', () => {
  const context = (over: Partial<CommandContext> = {}): CommandContext => ({ platform: 'discord', channelId: 'D-NEWS', userId: 'U1', canManageChannel: false, now: new Date('2031-03-03T09:00:00Z'), ...over });
  const subscription = (topic: string, activeFrom: string, over: Partial<Subscription> = {}): Subscription => ({
    id: `chat:discord:D-NEWS:${topic}`,
    platform: 'discord',
    channelId: 'D-NEWS',
    topic,
    cron: '0 8 * * *',
    timezone: 'UTC',
    quietWhenUnchanged: false,
    owner: 'chat',
    activeFrom,
    ...over,
  });
  let fixture: Awaited<ReturnType<typeof writeTopicFolder>>;
  let topics: TopicLibrary;

  beforeEach(async () => {
    fixture = await writeTopicFolder();
    topics = await createTopicLibrary(fixture.root, 'harbor-fire');
  });
  afterEach(() => fixture.remove());

  async function brief(store: Pick<DigestStore, 'listChannelSubscriptions'>, over: Partial<CommandContext> = {}, logger = silentLogger): Promise<string> {
    const request = parseCommandLine('/brief', topics.names());
    if ('error' in request) throw new Error(request.error);
    return renderText((await executeCommand(request, context(over), { topics, logger, subscriptions: store })).message);
  }

  it.each([
    ['memory', async () => ({ store: createMemoryDigestStore(), done: async () => {} })],
    [
      'SQLite',
      async () => {
        const dir = await mkdtemp(join(tmpdir(), 'sitrep-channel-subs-'));
        const store = openSqliteStore(join(dir, 'sitrep.sqlite'));
        const done = async (): Promise<void> => {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        };
        return { store, done };
      },
    ],
  ])('lists one channel\'s subscriptions (%s store) and follows the first subscribed', async (_name, open) => {
    const { store, done } = await open();
    try {
      await store.saveSubscription(subscription('injected', '2031-03-02T00:00:00Z'));
      await store.saveSubscription(subscription('north-korea-troops', '2031-03-01T00:00:00Z'));
      await store.saveSubscription(subscription('injected', '2031-03-01T00:00:00Z', { id: 'chat:slack:D-NEWS:injected', platform: 'slack' }));
      await store.saveSubscription(subscription('injected', '2031-03-01T00:00:00Z', { id: 'chat:discord:D-ELSE:injected', channelId: 'D-ELSE' }));
      expect((await store.listChannelSubscriptions('discord', 'D-NEWS')).map((s) => s.id)).toEqual(['chat:discord:D-NEWS:injected', 'chat:discord:D-NEWS:north-korea-troops']);
      expect(await brief(store)).toContain(seedTitle);
      expect(await brief(store, { channelId: 'D-ELSE' })).toContain('== Injected ==');
      expect(await brief(store, { channelId: 'D-NONE' })).toContain(defaultTitle);
      // The console has one channel and follows DEFAULT_TOPIC, whatever it subscribed to.
      await store.saveSubscription(subscription('injected', '2031-03-01T00:00:00Z', { id: 'chat:console:console:injected', platform: 'console', channelId: 'console' }));
      expect(await brief(store, { platform: 'console', channelId: 'console' })).toContain(defaultTitle);
    } finally {
      await done();
    }
  });

  it('passes over a subscription to a topic no longer loaded, and answers with the default when the store cannot be read', async () => {
    const store = createMemoryDigestStore();
    await store.saveSubscription(subscription('gone-topic', '2031-01-01T00:00:00Z'));
    expect(await brief(store)).toContain(defaultTitle);

    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', secrets: [], write: (line) => lines.push(line) });
    const broken = { listChannelSubscriptions: () => Promise.reject(new Error('database is locked')) };
    expect(await brief(broken, {}, logger)).toContain(defaultTitle);
    expect(lines.join('\n')).toContain('channel subscriptions could not be read');
  });
});
