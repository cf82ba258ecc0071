/**
 * Digest parts posted to Discord exactly once after a crash, beyond what `enforce_nonce` covers:
 * the real discord.js REST client against the stand-in, whose nonce memory here is already over
 * (a restart after the claim's lease comes minutes later), with the part ledger in a real SQLite
 * file. A part recorded as `posting` is looked up among the channel's messages before it is sent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordChannelPoster } from '../../../src/adapters/discord/create-discord-channel-poster.js';
import type { ChannelPoster } from '../../../src/chat/chat-port.js';
import { createStorePartLedger } from '../../../src/digests/create-store-part-ledger.js';
import { silentLogger } from '../../../src/logger.js';
import { renderDiscordMessage } from '../../../src/adapters/discord/render-discord-message.js';
import type { Message } from '../../../src/render/message.js';
import type { DigestStore } from '../../../src/store/digest-store.js';
import { openSqliteStore } from '../../../src/store/sqlite-digest-store.js';
import { startDiscordStandIn, type DiscordStandIn } from './discord-stand-in.js';

const token = 'MTEwMDAwMDAwMDAwMDAwMDAwMw.fake-once-token.not-real-0123456789';
const applicationId = '1100000000000000003';
let standIn: DiscordStandIn;
let store: DigestStore;
let dir: string;
let dbPath: string;
const rests: REST[] = [];
let n = 0;

const long: Message = {
  title: 'Bridge closure digest',
  sections: [{ heading: 'New', style: 'list', items: Array.from({ length: 60 }, (_, i) => ({ text: `Update ${i} on the bridge repairs came in from the city transport office today.`, note: `1 source [${i + 1}]` })) }],
  tone: 'normal',
};
const partCount = renderDiscordMessage(long).length;

/** A poster as a freshly started process has it: nothing in memory. */
function freshPoster(): ChannelPoster {
  const rest = new REST({ api: standIn.apiUrl, retries: 1 }).setToken(token);
  rests.push(rest);
  return createDiscordChannelPoster({ rest, logger: silentLogger });
}

async function delivery(): Promise<{ channel: string; key: string; post: (p: ChannelPoster) => ReturnType<ChannelPoster['post']> }> {
  n += 1;
  const channel = `40000000000000000${n}`;
  const key = `k-discord-once-${n}`;
  await store.claimSlot(`sub-${n}`, '2025-01-02T06:00:00.000Z', new Date(), { leaseMs: 60_000, retryAfterMs: 60_000, maxAttempts: 5 }, key);
  return { channel, key, post: (p) => p.post(channel, long, key, createStorePartLedger(store, key, () => new Date())) };
}

/** What a kill -9 between Discord's answer and the ledger's write leaves: parts from `from` on recorded as `posting` only. */
function forgetOutcomes(key: string, from: number): void {
  const db = new Database(dbPath);
  db.prepare(`UPDATE delivery_parts SET status = 'posting', message_id = NULL, posted_at = NULL WHERE delivery_key = ? AND part >= ?`).run(key, from);
  db.close();
}

const createdIn = (channel: string) => standIn.created.filter((m) => m.channelId === channel);
const lookups = (channel: string) => standIn.callsTo('GET', new RegExp(`^/channels/${channel}/messages$`));

beforeAll(async () => {
  standIn = await startDiscordStandIn({ token, applicationId, nonceWindowMs: 0 });
  dir = await mkdtemp(join(tmpdir(), 'sitrep-discord-once-'));
  dbPath = join(dir, 'sitrep.sqlite');
  store = openSqliteStore(dbPath);
});

afterAll(async () => {
  for (const rest of rests) {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  await store?.close();
  await standIn?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Discord digest parts after a crash', () => {
  it('finds the parts Discord had created among the channel messages and posts none of them again', async () => {
    expect(partCount).toBeGreaterThanOrEqual(2);
    const d = await delivery();
    expect((await d.post(freshPoster())).ok).toBe(true);
    expect(createdIn(d.channel)).toHaveLength(partCount);
    forgetOutcomes(d.key, 1);
    const again = await d.post(freshPoster());
    expect(again.ok && again.messageIds).toEqual(createdIn(d.channel).map((m) => m.id));
    expect(createdIn(d.channel)).toHaveLength(partCount);
    expect(lookups(d.channel)[0]?.query.get('after')).toMatch(/^\d+$/);
  });

  it('posts, once, a part whose request Discord never got', async () => {
    const d = await delivery();
    expect((await d.post(freshPoster())).ok).toBe(true);
    forgetOutcomes(d.key, 1);
    // The second part never reached Discord.
    const lost = standIn.created.findIndex((m) => m.channelId === d.channel && m.body['nonce'] === createdIn(d.channel)[1]!.body['nonce']);
    standIn.created.splice(lost, 1);
    expect((await d.post(freshPoster())).ok).toBe(true);
    const nonces = createdIn(d.channel).map((m) => m.body['nonce']);
    expect(nonces).toHaveLength(partCount);
    expect(new Set(nonces).size).toBe(partCount);
  });

  it('does not post a part blind when the channel history cannot be read: the post fails, to be retried', async () => {
    const d = await delivery();
    expect((await d.post(freshPoster())).ok).toBe(true);
    forgetOutcomes(d.key, 1);
    standIn.script((call) => (call.method === 'GET' && call.path === `/channels/${d.channel}/messages` ? { status: 403, json: { message: 'Missing Access', code: 50001 } } : undefined));
    const outcome = await d.post(freshPoster());
    expect(outcome).toMatchObject({ ok: false, failure: 'failed', detail: expect.stringContaining('Missing Access') });
    expect(createdIn(d.channel)).toHaveLength(partCount);
  });
});
