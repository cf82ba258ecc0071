/**
 * HTTP mode refuses what Bolt alone would answer: a correctly signed request sent a second time,
 * and one dated more than five minutes ahead. Real Bolt, real signatures, over loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import type { SlackStandIn } from './slack-stand-in.js';
import { postSigned, sign, slashCommandBody } from './slack-requests.js';

let harness: SlackHarness;
let standIn: SlackStandIn;
let events: string;
let logLines: string[];
let n = 0;

beforeAll(async () => {
  harness = await startSlackHarness();
  ({ standIn, events, logLines } = harness);
});

afterAll(() => harness?.close());

const nowSec = (): number => Math.floor(Date.now() / 1000);

function briefBody(): { id: string; body: string } {
  const id = `replay${++n}`;
  return { id, body: slashCommandBody({ command: '/brief', text: 'harbor-fire', responseUrl: standIn.responseUrl(id) }) };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 300));

describe('Slack HTTP mode, replays and future timestamps', () => {
  it('answers a signed request once and refuses the same request sent again (401), at once and a second later', async () => {
    const { id, body } = briefBody();
    const timestamp = nowSec();
    const first = await postSigned(events, body, { timestamp });
    expect(first.status).toBe(200);
    await standIn.waitFor(() => (standIn.responsesTo(id).length ? true : undefined));
    const again = await postSigned(events, body, { timestamp });
    expect(again.status).toBe(401);
    await new Promise((r) => setTimeout(r, 1100));
    const later = await postSigned(events, body, { timestamp });
    expect(later.status).toBe(401);
    await settle();
    expect(standIn.responsesTo(id)).toHaveLength(1);
    const refused = logLines.filter((l) => l.includes('slack request refused'));
    expect(refused.at(-1)).toContain('"reason":"replayed"');
    expect(refused.join('\n')).not.toContain(sign(body, timestamp));
  });

  it('refuses a replay even when the first delivery was answered concurrently', async () => {
    const { id, body } = briefBody();
    const timestamp = nowSec();
    const answers = await Promise.all([1, 2, 3].map(() => postSigned(events, body, { timestamp })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401]);
    await standIn.waitFor(() => (standIn.responsesTo(id).length ? true : undefined));
    await settle();
    expect(standIn.responsesTo(id)).toHaveLength(1);
  });

  it.each([
    ['six minutes ahead', 6 * 60],
    ['a day ahead', 24 * 60 * 60],
    ['a year ahead', 365 * 24 * 60 * 60],
  ])('refuses a correctly signed request dated %s (401) and posts nothing', async (_what, aheadSec) => {
    const { id, body } = briefBody();
    const res = await postSigned(events, body, { timestamp: nowSec() + aheadSec });
    expect(res.status).toBe(401);
    await settle();
    expect(standIn.responsesTo(id)).toHaveLength(0);
    expect(logLines.at(-1)).toContain('"reason":"future-dated"');
  });

  it('answers a request dated within five minutes either way (clock skew)', async () => {
    for (const skew of [-4 * 60, 4 * 60]) {
      const { id, body } = briefBody();
      const res = await postSigned(events, body, { timestamp: nowSec() + skew });
      expect(res.status).toBe(200);
      await standIn.waitFor(() => (standIn.responsesTo(id).length ? true : undefined));
    }
  });

  it('does not remember forged requests: a mis-signed copy sent first does not block the real one', async () => {
    const { id, body } = briefBody();
    const timestamp = nowSec();
    const real = sign(body, timestamp);
    // The attacker sends the real signature over a different body: it fails verification, is not recorded.
    expect((await postSigned(events, `${body}&x=1`, { timestamp, signature: real })).status).toBe(401);
    expect((await postSigned(events, body, { timestamp })).status).toBe(200);
    await standIn.waitFor(() => (standIn.responsesTo(id).length ? true : undefined));
  });
});

describe('HOST', () => {
  it('binds the receiver to the configured address only', async () => {
    const bound = harness.another({ host: '127.0.0.2' });
    await bound.start();
    const { id, body } = briefBody();
    expect((await postSigned(`http://127.0.0.2:${bound.port}/slack/events`, body)).status).toBe(200);
    await standIn.waitFor(() => (standIn.responsesTo(id).length ? true : undefined));
    await expect(postSigned(`http://127.0.0.1:${bound.port}/slack/events`, briefBody().body)).rejects.toThrow();
  });
});
