import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/create-slack-adapter.js';
import type { CommandContext } from '../../../src/commands/command-request.js';
import type { CommandDeps } from '../../../src/commands/execute-command.js';
import { createLogger } from '../../../src/logger.js';
import { createTopicLibrary, type TopicLibrary } from '../../../src/topics/topic-library.js';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';
import { buttonClickBody, postSigned, sign, signingSecret, slashCommandBody } from './slack-requests.js';
import { writeTopicFolder } from './topic-fixture.js';

const botToken = 'xoxb-test-0000000000-not-a-real-token';
let standIn: SlackStandIn;
let adapter: SlackAdapter;
let fixture: Awaited<ReturnType<typeof writeTopicFolder>>;
let events: string;
let explode = false;
let openGate: () => void = () => undefined;
const digestContexts: CommandContext[] = [];
const logLines: string[] = [];
let n = 0;

type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text?: string; value?: string; action_id?: string }[] };

beforeAll(async () => {
  standIn = await startSlackStandIn();
  standIn.users.set('U0ALICE', {});
  standIn.users.set('U0ADMIN', { is_admin: true });
  fixture = await writeTopicFolder();
  const library = await createTopicLibrary(fixture.root, 'north-korea-troops');
  const topics: TopicLibrary = {
    ...library,
    names: () => {
      if (explode) throw new Error(`topic index corrupt near ${botToken}`);
      return library.names();
    },
  };
  const logger = createLogger({ level: 'debug', secrets: [botToken, signingSecret], write: (line) => logLines.push(line) });
  const deps: CommandDeps = {
    topics,
    logger,
    digests: {
      // Holds its answer until the test opens the gate: proves the ack does not wait for the work.
      async handle(_request, topic, context) {
        digestContexts.push(context);
        await new Promise<void>((resolve) => (openGate = resolve));
        return { title: `Digest for ${topic.title}`, sections: [{ style: 'plain', items: [{ text: 'No digest yet.' }] }], tone: 'normal' };
      },
    },
  };
  adapter = createSlackAdapter({
    config: { botToken, signingSecret, apiUrl: standIn.apiUrl, port: 0, restrictDigests: true },
    deps,
    logger,
    now: () => new Date('2024-10-30T08:00:00Z'),
  });
  await adapter.start();
  events = `http://127.0.0.1:${adapter.port}/slack/events`;
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await fixture?.remove();
});

/** Sends a signed slash command and returns the HTTP answer and the reply posted to its response_url. */
async function command(commandName: string, text: string, userId = 'U0ALICE'): Promise<{ status: number; ms: number; replies: Record<string, unknown>[]; id: string }> {
  const id = `r${++n}`;
  const res = await postSigned(events, slashCommandBody({ command: commandName, text, responseUrl: standIn.responseUrl(id), userId }));
  const replies = res.status === 200 ? await standIn.waitFor(() => (standIn.responsesTo(id).length ? standIn.responsesTo(id) : undefined)) : [];
  return { status: res.status, ms: res.ms, replies, id };
}

function blocksOf(reply: Record<string, unknown> | undefined): Block[] {
  return (reply?.['blocks'] ?? []) as Block[];
}

function textOf(blocks: Block[]): string {
  return blocks.map((b) => [b.text?.text, ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text)].filter(Boolean).join('\n')).join('\n');
}

describe('Slack adapter over HTTP (real Bolt, signed requests)', () => {
  it('acknowledges a signed /ask at once and answers at the response_url, privately, with a share button', async () => {
    const { status, ms, replies } = await command('/ask', 'how many firefighters harbor-fire');
    expect(status).toBe(200);
    expect(ms).toBeLessThan(3000);
    const reply = replies[0]!;
    expect(reply['response_type']).toBe('ephemeral');
    expect(reply).not.toHaveProperty('link_names');
    const blocks = blocksOf(reply);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'how many firefighters' } });
    expect(textOf(blocks)).toContain('An estimated 180 firefighters');
    expect(blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ action_id: 'sitrep_share' }] });
    expect(String(reply['text'])).toContain('180');
  });

  it("answers /ask latest troop estimate on the seed topic with the Pentagon's 10,000, not South Korea's 12,000 projection", async () => {
    const { replies } = await command('/ask', 'latest troop estimate');
    const blocks = blocksOf(replies[0]);
    // The answer is the first section under the header; projections are listed below it, labelled.
    const answer = blocks.find((b) => b.type === 'section')?.text?.text ?? '';
    expect(answer).toContain('10,000');
    expect(answer).not.toContain('12,000');
    const all = textOf(blocks);
    expect(all).toContain('10,000');
    if (all.includes('12,000')) expect(all.slice(all.indexOf('Projections'))).toMatch(/projection: around 12,000/);
  });

  it('takes other commands as /sitrep subcommands, and /sitrep alone is help', async () => {
    const numbers = await command('/sitrep', 'numbers harbor-fire');
    expect(textOf(blocksOf(numbers.replies[0]))).toMatch(/Key numbers: Harbor fire[\s\S]*firefighters/);
    const help = await command('/sitrep', '');
    expect(textOf(blocksOf(help.replies[0]))).toContain('/ask');
  });

  it('answers bad command text with help, not silence', async () => {
    const unknown = await command('/sitrep', 'frobnicate now');
    expect(textOf(blocksOf(unknown.replies[0]))).toMatch(/Unknown command "frobnicate"[\s\S]*\/sitrep help/);
    const empty = await command('/ask', '');
    expect(textOf(blocksOf(empty.replies[0]))).toMatch(/What would you like to know\?/);
    expect(blocksOf(empty.replies[0]).some((b) => b.type === 'actions')).toBe(false);
    const topic = await command('/brief', 'topic:atlantis');
    expect(textOf(blocksOf(topic.replies[0]))).toMatch(/Unknown topic "atlantis"[\s\S]*harbor-fire/);
  });

  it('posts in the channel when asked to share publicly', async () => {
    const { replies } = await command('/brief', 'harbor-fire public');
    expect(replies[0]!['response_type']).toBe('in_channel');
    expect(blocksOf(replies[0])[0]).toMatchObject({ type: 'header', text: { text: 'Harbor fire' } });
    expect(replies.flatMap((r) => blocksOf(r)).some((b) => b.type === 'actions')).toBe(false);
  });

  it('shares a private reply in the channel from its button, then deletes the private copy', async () => {
    const first = await command('/ask', 'how many firefighters harbor-fire');
    const button = blocksOf(first.replies.at(-1)).find((b) => b.type === 'actions')!.elements![0]!;
    const res = await postSigned(events, buttonClickBody({ actionId: 'sitrep_share', value: button.value!, responseUrl: standIn.responseUrl('share1') }));
    expect(res.status).toBe(200);
    const posts = await standIn.waitFor(() => (standIn.responsesTo('share1').length >= 2 ? standIn.responsesTo('share1') : undefined));
    expect(posts[0]).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(textOf(blocksOf(posts[0]))).toContain('An estimated 180 firefighters');
    expect(blocksOf(posts[0]).some((b) => b.type === 'actions')).toBe(false);
    expect(posts.at(-1)).toEqual({ delete_original: true });
  });

  it('answers a click on a button it cannot read with a hint, not silence', async () => {
    const res = await postSigned(events, buttonClickBody({ actionId: 'sitrep_share', value: '{"n":"rm"}', responseUrl: standIn.responseUrl('stale1') }));
    expect(res.status).toBe(200);
    const reply = await standIn.waitFor(() => standIn.responsesTo('stale1')[0]);
    expect(reply['response_type']).toBe('ephemeral');
    expect(textOf(blocksOf(reply))).toContain('That button no longer works');
  });

  it('acknowledges before the work is done, and lets only workspace admins manage digests when restricted', async () => {
    const id = `gate${++n}`;
    const res = await postSigned(events, slashCommandBody({ command: '/digest', text: 'status harbor-fire', responseUrl: standIn.responseUrl(id) }));
    expect(res.status).toBe(200);
    expect(standIn.responsesTo(id)).toHaveLength(0);
    await standIn.waitFor(() => (digestContexts.length ? true : undefined));
    openGate();
    const reply = await standIn.waitFor(() => standIn.responsesTo(id)[0]);
    expect(textOf(blocksOf(reply))).toContain('No digest yet.');
    expect(digestContexts[0]).toMatchObject({ platform: 'slack', channelId: 'C0NEWS', userId: 'U0ALICE', canManageChannel: false });

    const adminId = `gate${++n}`;
    await postSigned(events, slashCommandBody({ command: '/digest', text: 'status harbor-fire', responseUrl: standIn.responseUrl(adminId), userId: 'U0ADMIN' }));
    await standIn.waitFor(() => (digestContexts.length > 1 ? true : undefined));
    openGate();
    await standIn.waitFor(() => standIn.responsesTo(adminId)[0]);
    expect(digestContexts[1]).toMatchObject({ userId: 'U0ADMIN', canManageChannel: true });
  });

  it('escapes mentions and markup from articles and from users, and never sets link_names', async () => {
    const raws = ['<!channel>', '<!here>', '<@U123>', '<@U999>', '<!everyone>', '<reopened>'];
    for (const [name, text] of [['/brief', 'injected'], ['/ask', 'evacuated valley injected'], ['/ask', 'who said <!here> <@U999> evacuated injected']] as const) {
      const { replies } = await command(name, text);
      const json = JSON.stringify(replies);
      if (name === '/brief' || text.startsWith('evacuated')) expect(json).toMatch(/Officials said &lt;!channel&gt; @everyone &lt;@U123&gt; that 300/);
      else expect(blocksOf(replies[0])[0]?.text?.text).toBe('who said &lt;!here&gt; &lt;@U999&gt; evacuated');
      for (const raw of raws) expect(json).not.toContain(raw);
      for (const reply of replies) {
        expect(reply).not.toHaveProperty('link_names');
        expect(String(reply['text'])).not.toMatch(/<[!@]/);
      }
    }
  });

  it('answers a failure with a short message and logs the cause, never the stack or a token', async () => {
    explode = true;
    try {
      const { replies } = await command('/brief', 'harbor-fire');
      const json = JSON.stringify(replies);
      expect(json).toContain('Something went wrong');
      expect(json).not.toMatch(/corrupt|xoxb-|at .*\.ts:\d+/);
    } finally {
      explode = false;
    }
    const logged = logLines.find((l) => l.includes('slack command failed'));
    expect(logged).toContain('topic index corrupt');
    expect(logged).not.toContain(botToken);
  });

  it.each([
    ['a bad signature', { signature: sign('other body', Math.floor(Date.now() / 1000)) }],
    ['no signature', { signature: null }],
    ['a signature older than five minutes', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a signature made with another secret', { secret: 'not-the-signing-secret' }],
    ['a malformed signature', { signature: 'v0=' + '0'.repeat(64) }],
  ] as const)('rejects a request with %s (401) and posts nothing', async (_, options) => {
    const id = `unsigned${++n}`;
    const res = await postSigned(events, slashCommandBody({ command: '/brief', text: 'harbor-fire', responseUrl: standIn.responseUrl(id) }), options);
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(standIn.responsesTo(id)).toHaveLength(0);
  });
});
