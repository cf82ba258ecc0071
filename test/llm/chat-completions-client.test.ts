import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatCompletionsClient, retryAfterMs } from '../../src/llm/create-chat-completions-client.js';
import { startChatStandIn, type ChatStandIn } from './chat-completions-stand-in.js';

let standIn: ChatStandIn;
beforeAll(async () => (standIn = await startChatStandIn()));
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const client = (timeoutMs: number) => createChatCompletionsClient({ baseUrl: standIn.baseUrl, model: 'stand-in', timeoutMs, backoffBaseMs: 20 });
const ask = [{ role: 'user' as const, content: 'Summarise.' }];

describe('chat-completions client', () => {
  it('sends the wire format and reads choices[0].message.content', async () => {
    standIn.script({ content: 'A sentence [1].' });
    expect(await client(2000).complete(ask)).toEqual({ ok: true, content: 'A sentence [1].', attempts: 1 });
    const { body, headers } = standIn.requests[0]!;
    expect(body).toMatchObject({ model: 'stand-in', messages: ask, stream: false, temperature: 0 });
    expect(headers['content-type']).toBe('application/json');
    expect(headers.authorization).toBeUndefined();
  });

  it('waits out Retry-After on a 429, then backs off on 5xx, within one budget', async () => {
    standIn.script({ status: 429, retryAfter: '1' }, { status: 503 }, { content: 'ok' });
    const result = await client(4000).complete(ask);
    expect(result).toEqual({ ok: true, content: 'ok', attempts: 3 });
    const [first, second] = standIn.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when the Retry-After would outlast the budget', async () => {
    standIn.script({ status: 429, retryAfter: '30' }, { content: 'too late' });
    const started = Date.now();
    const result = await client(1000).complete(ask);
    expect(Date.now() - started).toBeLessThan(500);
    expect(result).toMatchObject({ ok: false, failure: 'http', attempts: 1 });
    expect(standIn.requests).toHaveLength(1);
  });

  it('ends a slow reply at the budget, and does not retry a 4xx or garbage', async () => {
    standIn.script({ content: 'slow', delayMs: 3000 });
    const started = Date.now();
    expect(await client(300).complete(ask)).toMatchObject({ ok: false, failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(800);
    standIn.reset();
    standIn.script({ status: 401 }, { content: 'never asked' });
    expect(await client(1000).complete(ask)).toMatchObject({ ok: false, failure: 'http', detail: 'HTTP 401', attempts: 1 });
    expect(standIn.requests).toHaveLength(1);
    standIn.reset();
    standIn.script({ raw: 'definitely not json' });
    expect(await client(1000).complete(ask)).toMatchObject({ ok: false, failure: 'garbage' });
  });

  it('reports a server that is not there as a failure, not a throw', async () => {
    const gone = createChatCompletionsClient({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 500, backoffBaseMs: 10 });
    expect(await gone.complete(ask)).toMatchObject({ ok: false });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2', 0)).toBe(2000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:05 GMT', 1000)).toBe(4000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});
