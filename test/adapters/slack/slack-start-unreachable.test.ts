/** Start-up against a Web API that cannot be reached fails fast, naming SLACK_API_URL. */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../src/adapters/slack/create-slack-adapter.js';
import { createLogger } from '../../../src/logger.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { startSlackStandIn } from './slack-stand-in.js';
import { signingSecret } from './slack-requests.js';
import { writeTopicFolder } from './topic-fixture.js';

const botToken = 'xoxb-test-0000000000-not-a-real-token';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A TCP server that accepts connections and never answers (a black hole at the HTTP level). */
async function silentServer(): Promise<{ url: string }> {
  const server: Server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  const sockets = new Set<Socket>();
  server.on('connection', (s) => sockets.add(s));
  cleanups.unshift(async () => sockets.forEach((s) => s.destroy()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/` };
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/api/`;
}

async function adapterFor(apiUrl: string, startTimeoutMs?: number) {
  const fixture = await writeTopicFolder();
  cleanups.push(fixture.remove);
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', secrets: [botToken, signingSecret], write: (line) => lines.push(line) });
  const topics = await createTopicLibrary(fixture.root, 'harbor-fire');
  const adapter = createSlackAdapter({ config: { botToken, signingSecret, apiUrl, port: 0, restrictDigests: false }, deps: { topics, logger }, logger, ...(startTimeoutMs ? { startTimeoutMs } : {}) });
  cleanups.push(() => adapter.stop());
  return { adapter, lines };
}

describe('Slack start-up with the Web API out of reach', () => {
  it('fails at once, naming SLACK_API_URL, when nothing listens there', async () => {
    const url = await closedPortUrl();
    const { adapter, lines } = await adapterFor(url);
    const started = Date.now();
    await expect(adapter.start()).rejects.toThrow(`cannot reach the Slack Web API at SLACK_API_URL=${url}`);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(lines.filter((l) => /"level":"(warn|error)"/.test(l))).toEqual([]);
  });

  it('fails after the start-up deadline when the Web API never answers', async () => {
    const { url } = await silentServer();
    const { adapter } = await adapterFor(url, 600);
    const started = Date.now();
    await expect(adapter.start()).rejects.toThrow(/cannot reach the Slack Web API at SLACK_API_URL=.*(timeout|no answer)/i);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('names SLACK_BOT_TOKEN, not the URL, when the Web API answers but refuses the token', async () => {
    const standIn = await startSlackStandIn();
    cleanups.push(() => standIn.close());
    standIn.script('auth.test', () => ({ json: { ok: false, error: 'invalid_auth' } }));
    const { adapter } = await adapterFor(standIn.apiUrl);
    await expect(adapter.start()).rejects.toThrow(/Invalid setting SLACK_BOT_TOKEN: .*invalid_auth/);
  });
});
