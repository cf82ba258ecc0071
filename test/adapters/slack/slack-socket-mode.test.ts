import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/create-slack-adapter.js';
import { silentLogger } from '../../../src/logger.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';
import { slashCommandFields } from './slack-requests.js';
import { writeTopicFolder } from './topic-fixture.js';

const botToken = 'xoxb-test-1111111111-not-a-real-token';
const appToken = 'xapp-test-1-A0TEST-not-a-real-token';
let standIn: SlackStandIn;
let adapter: SlackAdapter;
let fixture: Awaited<ReturnType<typeof writeTopicFolder>>;

beforeAll(async () => {
  standIn = await startSlackStandIn();
  fixture = await writeTopicFolder();
  const topics = await createTopicLibrary(fixture.root, 'north-korea-troops');
  adapter = createSlackAdapter({
    config: { botToken, signingSecret: '', appToken, apiUrl: standIn.apiUrl, port: 0, restrictDigests: false },
    deps: { topics, logger: silentLogger },
    logger: silentLogger,
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await fixture?.remove();
});

describe('Slack adapter in Socket Mode (real Bolt, WebSocket stand-in)', () => {
  it('opens the connection with the app token through SLACK_API_URL and serves no HTTP port', () => {
    const open = standIn.calls.find((c) => c.method === 'apps.connections.open');
    expect(open?.token).toBe(appToken);
    expect(standIn.calls.find((c) => c.method === 'auth.test')?.token).toBe(botToken);
    expect(adapter.port).toBeUndefined();
  });

  it('acks a slash_commands envelope with its envelope_id and answers at the response_url', async () => {
    const ws = await standIn.socket();
    const payload = slashCommandFields({ command: '/sitrep', text: 'ask how many firefighters harbor-fire', responseUrl: standIn.responseUrl('socket1') });
    ws.send(JSON.stringify({ envelope_id: 'env-0001', type: 'slash_commands', accepts_response_payload: true, payload }));
    const ack = await standIn.waitFor(() => standIn.socketAcks.find((a) => a['envelope_id'] === 'env-0001'));
    expect(ack['envelope_id']).toBe('env-0001');
    const reply = await standIn.waitFor(() => standIn.responsesTo('socket1')[0]);
    expect(reply['response_type']).toBe('ephemeral');
    expect(JSON.stringify(reply['blocks'])).toContain('An estimated 180 firefighters');
  });
});
