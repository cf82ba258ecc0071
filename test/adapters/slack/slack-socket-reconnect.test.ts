/**
 * Socket Mode after the connection drops: the real Bolt app opens a new connection through
 * apps.connections.open, and the next slash command on it is acknowledged and answered once.
 * Slack drops connections both ways: abruptly, and with a `disconnect` message before a refresh.
 */
import type { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/create-slack-adapter.js';
import { silentLogger } from '../../../src/logger.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';
import { slashCommandFields } from './slack-requests.js';
import { writeTopicFolder } from './topic-fixture.js';

let standIn: SlackStandIn;
let adapter: SlackAdapter;
let fixture: Awaited<ReturnType<typeof writeTopicFolder>>;

beforeEach(async () => {
  standIn = await startSlackStandIn();
  fixture = await writeTopicFolder();
  const topics = await createTopicLibrary(fixture.root, 'north-korea-troops');
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-reconnect-not-a-real-token', signingSecret: '', appToken: 'xapp-test-1-A0TEST-reconnect', apiUrl: standIn.apiUrl, port: 0, restrictDigests: false },
    deps: { topics, logger: silentLogger },
    logger: silentLogger,
  });
  await adapter.start();
});

afterEach(async () => {
  await adapter.stop();
  await standIn.close();
  await fixture.remove();
});

const opens = (): number => standIn.calls.filter((c) => c.method === 'apps.connections.open').length;

/** Sends a slash command over `ws`; resolves with its acks and its replies once it is answered (and a little after, for doubles). */
async function command(ws: WebSocket, envelopeId: string): Promise<{ acks: number; replies: Record<string, unknown>[] }> {
  const payload = slashCommandFields({ command: '/ask', text: 'how many firefighters harbor-fire', responseUrl: standIn.responseUrl(envelopeId) });
  ws.send(JSON.stringify({ envelope_id: envelopeId, type: 'slash_commands', accepts_response_payload: true, payload }));
  await standIn.waitFor(() => standIn.responsesTo(envelopeId)[0], 10_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { acks: standIn.socketAcks.filter((a) => a['envelope_id'] === envelopeId).length, replies: standIn.responsesTo(envelopeId) };
}

/** The connection Bolt opens after `old`. */
async function nextSocket(old: WebSocket): Promise<WebSocket> {
  await standIn.waitFor(() => (opens() >= 2 ? true : undefined), 20_000);
  for (;;) {
    const ws = await standIn.socket();
    if (ws !== old && ws.readyState === ws.OPEN) return ws;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('Slack Socket Mode reconnecting', () => {
  it.each([
    ['the socket is cut off', (ws: WebSocket) => ws.terminate()],
    ['Slack asks for a refresh (disconnect, then close)', (ws: WebSocket) => {
      ws.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'standin' } }));
      setTimeout(() => ws.close(1000), 50);
    }],
  ])('reconnects when %s, and answers the next command once', async (_how, drop) => {
    const first = await standIn.socket();
    expect(await command(first, 'env-before')).toMatchObject({ acks: 1, replies: [expect.anything()] });
    drop(first);
    const second = await nextSocket(first);
    const after = await command(second, 'env-after');
    expect(after.acks).toBe(1);
    expect(after.replies).toHaveLength(1);
    expect(JSON.stringify(after.replies[0])).toContain('180 firefighters');
    expect(standIn.socketAcks.filter((a) => a['envelope_id'] === 'env-before')).toHaveLength(1);
  }, 40_000);
});
