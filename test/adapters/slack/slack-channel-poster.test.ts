import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/create-slack-adapter.js';
import type { PosterClock } from '../../../src/adapters/slack/create-slack-channel-poster.js';
import { silentLogger } from '../../../src/logger.js';
import type { Message } from '../../../src/render/message.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';
import { injection, writeTopicFolder } from './topic-fixture.js';

const botToken = 'xoxb-test-2222222222-not-a-real-token';
let standIn: SlackStandIn;
let adapter: SlackAdapter;
let fixture: Awaited<ReturnType<typeof writeTopicFolder>>;
const sleeps: number[] = [];
let clockMs = 1_700_000_000_000;
/** A clock that advances when slept on: pacing is checked without waiting. */
const clock: PosterClock = {
  now: () => clockMs,
  sleep: async (ms) => {
    sleeps.push(ms);
    clockMs += ms;
  },
};

const digest = (text: string): Message => ({ title: 'Harbor fire: what changed', sections: [{ heading: 'New', style: 'list', items: [{ text, note: '1 source [2]' }] }], tone: 'normal' });
const postsTo = (channel: string) => standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.args['channel'] === channel);

beforeAll(async () => {
  standIn = await startSlackStandIn();
  fixture = await writeTopicFolder();
  const topics = await createTopicLibrary(fixture.root);
  adapter = createSlackAdapter({
    config: { botToken, signingSecret: 'test-signing-secret-0123456789abcdef', apiUrl: standIn.apiUrl, port: 0, restrictDigests: false },
    deps: { topics, logger: silentLogger },
    logger: silentLogger,
    // WebClient retries in milliseconds, not its default half hour; a 429 still waits its Retry-After.
    retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 },
    posting: { clock },
  });
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await fixture?.remove();
});

describe('Slack channel poster (digests)', () => {
  it('waits out a 429 with Retry-After and posts the message once', async () => {
    standIn.script('chat.postMessage', (call, nth) =>
      call.args['channel'] === 'C0RATE' && nth === 1 ? { status: 429, headers: { 'retry-after': '1' }, json: { ok: false, error: 'ratelimited' } } : undefined,
    );
    const outcome = await adapter.poster.post('C0RATE', digest('The harbor fire was contained on Tuesday morning.'), 'harbor:2024-10-30T08:00');
    expect(outcome).toMatchObject({ ok: true, messageIds: [expect.stringMatching(/^1700000000\./)] });
    const attempts = postsTo('C0RATE');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('does not post twice for a retried delivery key', async () => {
    const message = digest('No one was injured, the mayor said.');
    const first = await adapter.poster.post('C0ONCE', message, 'harbor:slot-1');
    const again = await adapter.poster.post('C0ONCE', message, 'harbor:slot-1');
    expect(again).toEqual(first);
    expect(postsTo('C0ONCE')).toHaveLength(1);
    await adapter.poster.post('C0ONCE', message, 'harbor:slot-2');
    expect(postsTo('C0ONCE')).toHaveLength(2);
  });

  it('paces posts to one channel at least a second apart, and other channels not at all', async () => {
    sleeps.length = 0;
    await Promise.all([
      adapter.poster.post('C0PACE', digest('First.'), 'pace-1'),
      adapter.poster.post('C0PACE', digest('Second.'), 'pace-2'),
      adapter.poster.post('C0OTHER', digest('Elsewhere.'), 'pace-3'),
    ]);
    expect(sleeps).toEqual([1000]);
    expect(postsTo('C0PACE').map((c) => JSON.stringify(c.args['blocks']))).toEqual([expect.stringContaining('First.'), expect.stringContaining('Second.')]);
  });

  it.each([
    ['channel_not_found', 'gone'],
    ['is_archived', 'gone'],
    ['not_in_channel', 'forbidden'],
    ['restricted_action', 'forbidden'],
    ['fatal_error', 'failed'],
  ] as const)('maps %s to %s', async (error, failure) => {
    const channel = `C0${error.toUpperCase()}`;
    standIn.script('chat.postMessage', (call) => (call.args['channel'] === channel ? { json: { ok: false, error } } : undefined));
    const outcome = await adapter.poster.post(channel, digest('Update.'), `k-${error}`);
    expect(outcome).toEqual({ ok: false, failure, detail: error });
  });

  it('posts the parts that did not land when a long digest is retried', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ text: `Update number ${i + 1} on the harbor fire came in.`, note: `1 source [${i + 1}]` }));
    const long: Message = { title: 'Harbor fire digest', sections: [{ heading: 'New', style: 'list', items }], tone: 'normal' };
    let failOnce = true;
    standIn.script('chat.postMessage', (call) => {
      if (call.args['channel'] !== 'C0LONG' || !JSON.stringify(call.args['blocks']).includes('continued') || !failOnce) return undefined;
      failOnce = false;
      return { json: { ok: false, error: 'internal_error' } };
    });
    expect(await adapter.poster.post('C0LONG', long, 'long-1')).toMatchObject({ ok: false, failure: 'failed' });
    const retried = await adapter.poster.post('C0LONG', long, 'long-1');
    expect(retried.ok && retried.messageIds.length).toBeGreaterThanOrEqual(2);
    const parts = postsTo('C0LONG').map((c) => JSON.stringify(c.args['blocks']));
    expect(parts.filter((p) => p.includes('Update number 1 on'))).toHaveLength(1);
  });

  it('sends escaped text and blocks, without link_names or unfurls', async () => {
    await adapter.poster.post('C0SAFE', digest(`Officials said ${injection} that 300 residents left.`), 'safe-1');
    const args = postsTo('C0SAFE')[0]!.args;
    expect(args).not.toHaveProperty('link_names');
    expect(args['unfurl_links']).toBe('false');
    const sent = JSON.stringify([args['text'], args['blocks']]);
    expect(sent).toContain('&lt;!channel&gt; @everyone &lt;@U123&gt;');
    expect(sent).not.toMatch(/<!channel>|<@U123>/);
  });
});
