/** HTTP mode answers /healthz (the process is up) and /readyz (every part is up) beside Bolt's /slack/events, and /add's acknowledgement says it is fetching. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/create-slack-adapter.js';
import { createReadiness } from '../../../src/app/create-readiness.js';
import { silentLogger } from '../../../src/logger.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { postSigned, signingSecret, slashCommandBody } from './slack-requests.js';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';
import { writeTopicFolder } from './topic-fixture.js';

let standIn: SlackStandIn;
let adapter: SlackAdapter;
let fixture: Awaited<ReturnType<typeof writeTopicFolder>>;
const readiness = createReadiness();
const url = (path: string): string => `http://127.0.0.1:${adapter.port}${path}`;

beforeAll(async () => {
  standIn = await startSlackStandIn();
  fixture = await writeTopicFolder();
  const topics = await createTopicLibrary(fixture.root, 'harbor-fire');
  readiness.set('topics', true);
  readiness.expect('slack');
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-0000000000-not-a-real-token', signingSecret, apiUrl: standIn.apiUrl, port: 0, host: '127.0.0.1', restrictDigests: false },
    deps: { topics, logger: silentLogger },
    logger: silentLogger,
    health: readiness.report,
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await fixture?.remove();
});

describe('health endpoints', () => {
  it('answers /healthz with 200 while the process serves', async () => {
    const res = await fetch(url('/healthz'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok\n');
  });

  it('answers /readyz 503 until every part is up, then 200, with the parts', async () => {
    const waiting = await fetch(url('/readyz'));
    expect(waiting.status).toBe(503);
    expect(await waiting.json()).toEqual({ ready: false, parts: { topics: true, slack: false } });
    readiness.set('slack', true);
    const ready = await fetch(url('/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, parts: { topics: true, slack: true } });
  });

  it('leaves every other path to Bolt (an unsigned POST to /slack/events is refused)', async () => {
    const res = await fetch(url('/slack/events'), { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(401);
    expect((await fetch(url('/nowhere'))).status).toBe(404);
  });
});

describe('/add on Slack', () => {
  it('says it is fetching in the acknowledgement itself, before any work', async () => {
    const body = slashCommandBody({ command: '/add', text: 'https://news.example/a', responseUrl: standIn.responseUrl('add1') });
    const ack = await postSigned(url('/slack/events'), body);
    expect(ack.status).toBe(200);
    expect(JSON.parse(ack.text)).toMatchObject({ response_type: 'ephemeral', text: 'Fetching the link…' });
  });
});
