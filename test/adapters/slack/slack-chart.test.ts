/**
 * Charts on Slack: a public /numbers reply and a digest upload the chart to the channel with
 * files.uploadV2 (getUploadURLExternal → the upload → completeUploadExternal) after the text; a
 * private reply uploads nothing (a file cannot be ephemeral); a failed upload loses no text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../../src/core/briefing.js';
import { pickChartSeries } from '../../../src/render/chart/chart-series.js';
import type { Message } from '../../../src/render/message.js';
import { pngSize } from '../../render/png-size.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { postSigned, slashCommandBody } from './slack-requests.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

let ids = 0;
async function numbers(text: string, channelId: string): Promise<Record<string, unknown>[]> {
  const id = `chart${++ids}`;
  const res = await postSigned(h.events, slashCommandBody({ command: '/numbers', text, responseUrl: h.standIn.responseUrl(id), channelId }));
  expect(res.status).toBe(200);
  return h.standIn.waitFor(() => (h.standIn.responsesTo(id).length ? h.standIn.responsesTo(id) : undefined));
}
const uploadsTo = (channel: string) => h.standIn.uploads.filter((u) => u.channel === channel);
const chart = pickChartSeries(buildBriefing([
  { id: 'a', origin: 'a.txt', text: 'The fire service said about 120 firefighters were at the scene.' },
  { id: 'b', origin: 'b.txt', text: 'The fire service said an estimated 180 firefighters had worked through the night.' },
]))!;
const digest: Message = { title: 'Digest: Harbor fire', sections: [{ style: 'plain', items: [{ text: 'Where the story stands.' }] }], tone: 'normal', chart };

describe('Slack charts', () => {
  it('uploads the chart of the main series to the channel after a public /numbers reply', async () => {
    const replies = await numbers('harbor-fire public', 'C0CHART');
    expect(replies[0]!['response_type']).toBe('in_channel');
    const [upload] = await h.standIn.waitFor(() => (uploadsTo('C0CHART').length ? uploadsTo('C0CHART') : undefined));
    expect(upload!.filename).toBe('chart-firefighters.png');
    expect(upload!.altText).toMatch(/firefighters.*about 120 → an estimated 180/);
    expect(upload!.title).toBe('Chart: firefighters, as reported');
    expect(pngSize(upload!.body)).toEqual({ width: 1600, height: 800 });
    const methods = h.standIn.calls.map((c) => c.method).filter((m) => m.startsWith('files.'));
    expect(methods).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    const complete = h.standIn.calls.find((c) => c.method === 'files.completeUploadExternal')!;
    expect(complete.args['channel_id']).toBe('C0CHART');
    expect(complete.token).toMatch(/^xoxb-test-/);
  });

  it('uploads nothing for a private reply, whose text still comes', async () => {
    const replies = await numbers('harbor-fire', 'C0PRIVATE');
    expect(replies[0]!['response_type']).toBe('ephemeral');
    await new Promise((r) => setTimeout(r, 300));
    expect(uploadsTo('C0PRIVATE')).toHaveLength(0);
  });

  it('sends the text and logs the failure when the upload is refused (no files:write)', async () => {
    h.standIn.script('files.getUploadURLExternal', (call) => (call.args['filename'] ? { json: { ok: false, error: 'missing_scope', needed: 'files:write' } } : undefined));
    try {
      const replies = await numbers('harbor-fire public', 'C0NOSCOPE');
      expect(JSON.stringify(replies[0]!['blocks'])).toContain('firefighters');
      const line = await h.standIn.waitFor(() => h.logLines.find((l) => l.includes('chart not posted to slack')));
      expect(line).toContain('missing_scope');
      expect(uploadsTo('C0NOSCOPE')).toHaveLength(0);
    } finally {
      h.standIn.script('files.getUploadURLExternal', () => undefined);
    }
  });

  it('uploads a digest\'s chart after its text, once, and not again when the slot is posted again', async () => {
    const first = await h.adapter.poster.post('C0DIGEST', digest, 'harbor:2031-03-05T08:00');
    // The chart is no part of the digest's record: its parts are the messages.
    expect(first).toMatchObject({ ok: true, messageIds: [expect.stringMatching(/^1700000000\./)] });
    expect(h.standIn.messages.filter((m) => m.channel === 'C0DIGEST')).toHaveLength(1);
    expect(uploadsTo('C0DIGEST')).toHaveLength(1);
    const again = await h.adapter.poster.post('C0DIGEST', digest, 'harbor:2031-03-05T08:00');
    expect(again.ok).toBe(true);
    expect(uploadsTo('C0DIGEST')).toHaveLength(1);
    expect(h.standIn.messages.filter((m) => m.channel === 'C0DIGEST')).toHaveLength(1);
  });

  it('delivers a digest whose chart upload fails: the text is posted and the post counts as done', async () => {
    h.standIn.script('files.completeUploadExternal', () => ({ json: { ok: false, error: 'not_in_channel' } }));
    try {
      const outcome = await h.adapter.poster.post('C0FAILUP', digest, 'harbor:2031-03-06T08:00');
      expect(outcome.ok).toBe(true);
      expect(h.standIn.messages.filter((m) => m.channel === 'C0FAILUP')).toHaveLength(1);
      expect(uploadsTo('C0FAILUP')).toHaveLength(0);
    } finally {
      h.standIn.script('files.completeUploadExternal', () => undefined);
    }
  });
});
