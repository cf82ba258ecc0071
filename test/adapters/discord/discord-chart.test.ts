/**
 * Charts on Discord: /numbers sends the chart after the text as a follow-up, and a digest on its
 * first message, as a multipart attachment an embed shows (`attachment://<file>`); a chart that
 * cannot be sent loses no text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/create-discord-adapter.js';
import { buildBriefing } from '../../../src/core/briefing.js';
import { createLogger } from '../../../src/logger.js';
import { pickChartSeries } from '../../../src/render/chart/chart-series.js';
import type { Message } from '../../../src/render/message.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { pngSize } from '../../render/png-size.js';
import { slashCommand, str } from './discord-interactions.js';
import { startDiscordStandIn, type DiscordStandIn, type RestCall } from './discord-stand-in.js';
import { writeDiscordTopics } from './topic-fixture.js';

const token = 'MTEwMDAwMDAwMDAwMDAwMDAwMw.fake-chart-token.not-real-0123456789';
const applicationId = '1100000000000000003';
let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let fixture: Awaited<ReturnType<typeof writeDiscordTopics>>;
const logLines: string[] = [];

type ChartBody = { embeds?: { title?: string; description?: string; image?: { url?: string } }[]; attachments?: { id: number; filename: string }[]; flags?: number; allowed_mentions?: unknown };

const chart = pickChartSeries(buildBriefing([
  { id: 'a', origin: 'a.txt', text: 'The city transport office said about 40,000 vehicles crossed the bridge every day.' },
  { id: 'b', origin: 'b.txt', text: 'The city transport office said an estimated 52,000 vehicles crossed the bridge every day.' },
]))!;
const digest: Message = { title: 'Digest: Bridge closure', sections: [{ style: 'plain', items: [{ text: 'Where the story stands.' }] }], tone: 'normal', chart };
const createdIn = (channel: string) => standIn.created.filter((m) => m.channelId === channel);

beforeAll(async () => {
  standIn = await startDiscordStandIn({ token, applicationId });
  fixture = await writeDiscordTopics();
  const topics = await createTopicLibrary(fixture.root, 'north-korea-troops');
  const logger = createLogger({ level: 'debug', secrets: [token], write: (line) => logLines.push(line) });
  adapter = createDiscordAdapter({ config: { token, applicationId, apiUrl: standIn.apiUrl }, deps: { topics, logger }, logger, now: () => new Date('2024-10-30T08:00:00Z') });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await fixture?.remove();
});

/** Checks that a message body's embed shows the file it carries, and returns that file. */
function expectChartMessage(body: ChartBody, files: RestCall['files']): Buffer {
  expect(files).toHaveLength(1);
  const [file] = files;
  expect(file!.filename).toMatch(/^chart-[a-z0-9-]+\.png$/);
  expect(file!.contentType).toBe('image/png');
  expect(body.embeds?.[0]?.image?.url).toBe(`attachment://${file!.filename}`);
  expect(body.attachments).toEqual([expect.objectContaining({ id: 0, filename: file!.filename })]);
  expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(pngSize(file!.data)).toEqual({ width: 1600, height: 800 });
  return file!.data;
}

describe('Discord charts', () => {
  it('follows a private /numbers reply with the chart of the main series, attached and shown in its embed', async () => {
    const { token: tok, payload } = slashCommand({ applicationId, name: 'numbers' });
    standIn.dispatch('INTERACTION_CREATE', payload);
    const webhook = new RegExp(`^/webhooks/${applicationId}/${tok}$`);
    const answer = await standIn.waitFor(() => standIn.callsTo('PATCH', new RegExp(`^/webhooks/${applicationId}/${tok}/messages/@original$`))[0]);
    expect(JSON.stringify(answer.body)).toContain('North Korean troops');
    const follow = await standIn.waitFor(() => standIn.callsTo('POST', webhook).find((c) => c.files.length), 10_000);
    expect(follow.at).toBeGreaterThanOrEqual(answer.at);
    const body = follow.body as ChartBody;
    expectChartMessage(body, follow.files);
    expect(body.embeds![0]!.title).toMatch(/North Korean troops/);
    expect(body.flags).toBe(64);
  });

  it('charts the series a /numbers topic word names when it is no topic', async () => {
    const { token: tok, payload } = slashCommand({ applicationId, name: 'numbers', options: [str('topic', 'troops')] });
    standIn.dispatch('INTERACTION_CREATE', payload);
    const follow = await standIn.waitFor(() => standIn.callsTo('POST', new RegExp(`^/webhooks/${applicationId}/${tok}$`)).find((c) => c.files.length), 10_000);
    expect((follow.body as ChartBody).embeds![0]!.title).toMatch(/North Korean troops/);
  });

  it('posts a digest with its chart on its first message, once, even when the slot is posted again', async () => {
    const first = await adapter.poster.post('1000000000000000101', digest, 'bridge:2031-03-05T08:00');
    expect(first.ok).toBe(true);
    const made = createdIn('1000000000000000101');
    expect(made).toHaveLength(1);
    expectChartMessage(made[0]!.body as ChartBody, made[0]!.files);
    expect((made[0]!.body as ChartBody).embeds![0]!.description).toContain('Where the story stands.');
    expect(made[0]!.body['nonce']).toEqual(expect.any(String));
    const again = await adapter.poster.post('1000000000000000101', digest, 'bridge:2031-03-05T08:00');
    expect(again.ok).toBe(true);
    expect(createdIn('1000000000000000101')).toHaveLength(1);
  });

  it('delivers the digest text and logs the chart when Discord refuses the attachment', async () => {
    standIn.script((call) => (call.path === '/channels/1000000000000000102/messages' && call.files.length ? { status: 403, json: { message: 'Missing Permissions', code: 50013 } } : undefined));
    const outcome = await adapter.poster.post('1000000000000000102', digest, 'bridge:2031-03-06T08:00');
    expect(outcome.ok).toBe(true);
    expect(createdIn('1000000000000000102')).toHaveLength(1);
    expect(createdIn('1000000000000000102')[0]!.files).toHaveLength(0);
    expect(logLines.some((l) => l.includes('chart not posted to discord') && l.includes('50013'))).toBe(true);
  });
});
