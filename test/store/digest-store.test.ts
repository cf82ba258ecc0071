import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { DigestSnapshot } from '../../src/core/diff-briefings.js';
import type { ClaimPolicy, ClaimResult, DigestStore, Subscription } from '../../src/store/digest-store.js';
import { createMemoryDigestStore } from '../../src/store/memory-digest-store.js';
import { openPostgresStore } from '../../src/store/postgres-digest-store.js';
import { postgresMigrations } from '../../src/store/postgres-migrations.js';
import { openSqliteStore } from '../../src/store/sqlite-digest-store.js';
import { migrations } from '../../src/store/sqlite-migrations.js';
import { useTestPostgres } from './support/use-test-postgres.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// One real server for the file; each test opens its store on a database of its own.
const postgresServer = useTestPostgres();
const withClient = async (url: string, use: (client: pg.Client) => Promise<void>): Promise<void> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
};

/**
 * Two processes claim the same `count` slots: one walks them forwards, the other backwards, so
 * they meet in the middle, where both try the same slots at once (how far each gets depends on
 * the machine, so only the sum is asserted).
 */
async function expectOneWinnerPerSlot(target: string, count: number): Promise<void> {
  const script = fileURLToPath(new URL('./support/claim-slots.ts', import.meta.url));
  const run = (who: string): Promise<string[]> =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', script, target, String(count), who]).then((r) => JSON.parse(r.stdout) as string[]);
  const [a, b] = await Promise.all([run('forward'), run('reverse')]);
  expect(a.length + b.length).toBe(count);
  expect(new Set([...a, ...b]).size).toBe(count);
}

const policy: ClaimPolicy = { leaseMs: 10 * 60_000, retryAfterMs: 60_000, maxAttempts: 3 };
const at = (iso: string): Date => new Date(iso);
const subscription: Subscription = {
  id: 'chat:slack:C1:troops',
  platform: 'slack',
  channelId: 'C1',
  topic: 'troops',
  cron: '0 8 * * *',
  timezone: 'Europe/Kyiv',
  quietWhenUnchanged: false,
  owner: 'chat',
  createdBy: 'U1',
  activeFrom: '2025-01-01T00:00:00.000Z',
};
const snapshot: DigestSnapshot = { version: 1, takenAt: '2025-01-02T06:00:00.000Z', articleIds: ['a1'], figures: { 'troops||estimate': { value: 3000, display: '3,000', speaker: '' } }, keyPoints: ['p'] };

const stores: [string, () => Promise<DigestStore>][] = [
  ['memory', async () => createMemoryDigestStore()],
  ['sqlite', async () => openSqliteStore(join(tempDir(), 'nested', 'dir', 'sitrep.sqlite'))],
  ['postgres', async () => openPostgresStore(await postgresServer().createDatabase())],
];

describe.each(stores)('%s digest store', (_name, open) => {
  it('saves, lists, disables and removes subscriptions', async () => {
    const store = await open();
    await store.saveSubscription(subscription);
    await store.saveSubscription({ ...subscription, id: 'config:discord:42:troops:0 8 * * *:UTC', platform: 'discord', channelId: '42', owner: 'config' });
    expect(await store.getSubscription(subscription.id)).toEqual(subscription);
    await store.disableSubscription(subscription.id, 'the channel is gone', at('2025-01-03T00:00Z'));
    expect((await store.getSubscription(subscription.id))?.disabled).toEqual({ reason: 'the channel is gone', at: '2025-01-03T00:00:00.000Z' });
    expect((await store.listSubscriptions()).map((s) => s.id)).toEqual(['chat:slack:C1:troops', 'config:discord:42:troops:0 8 * * *:UTC']);
    expect(await store.removeSubscription(subscription.id)).toBe(true);
    expect(await store.removeSubscription(subscription.id)).toBe(false);
    await store.close();
  });

  it('lets one caller claim a slot, keeps its delivery key for retries, and never re-claims a delivered one', async () => {
    const store = await open();
    const slot = '2025-01-02T06:00:00.000Z';
    const first = await store.claimSlot('s1', slot, at('2025-01-02T06:00Z'), policy, 'key-1');
    expect(first).toEqual({ claimed: true, deliveryKey: 'key-1', attempt: 1 });
    expect(await store.claimSlot('s1', slot, at('2025-01-02T06:00Z'), policy, 'key-2')).toEqual({ claimed: false, reason: 'in-flight' });
    await store.markFailed('key-1', at('2025-01-02T06:00:05Z'), 'timeout');
    expect(await store.claimSlot('s1', slot, at('2025-01-02T06:00:30Z'), policy, 'key-3')).toEqual({ claimed: false, reason: 'retry-later' });
    expect(await store.claimSlot('s1', slot, at('2025-01-02T06:01:10Z'), policy, 'key-4')).toEqual({ claimed: true, deliveryKey: 'key-1', attempt: 2 });
    await store.markDelivered('key-1', at('2025-01-02T06:01:11Z'));
    expect(await store.claimSlot('s1', slot, at('2025-01-03T00:00Z'), policy, 'key-5')).toEqual({ claimed: false, reason: 'delivered' });
    expect(await store.listDeliveries('s1')).toEqual([
      { subscriptionId: 's1', slot, deliveryKey: 'key-1', status: 'delivered', attempts: 2, claimedAt: '2025-01-02T06:01:10.000Z', finishedAt: '2025-01-02T06:01:11.000Z', detail: 'timeout' },
    ]);
    await store.close();
  });

  it('re-claims an unfinished claim only after its lease, and gives up after the last attempt', async () => {
    const store = await open();
    const slot = '2025-01-02T06:00:00.000Z';
    await store.claimSlot('s1', slot, at('2025-01-02T06:00Z'), policy, 'k');
    expect(await store.claimSlot('s1', slot, at('2025-01-02T06:09:59Z'), policy, 'x')).toEqual({ claimed: false, reason: 'in-flight' });
    expect(await store.claimSlot('s1', slot, at('2025-01-02T06:10Z'), policy, 'x')).toEqual({ claimed: true, deliveryKey: 'k', attempt: 2 });
    expect(await store.claimSlot('s1', slot, at('2025-01-02T06:20Z'), policy, 'x')).toEqual({ claimed: true, deliveryKey: 'k', attempt: 3 });
    expect(await store.claimSlot('s1', slot, at('2025-01-02T06:30Z'), policy, 'x')).toEqual({ claimed: false, reason: 'gave-up' });
    await store.claimSlot('s2', slot, at('2025-01-02T06:00Z'), policy, 'k2');
    await store.markAbandoned('k2', at('2025-01-02T06:00Z'), 'gone');
    expect(await store.claimSlot('s2', slot, at('2025-01-02T07:00Z'), policy, 'x')).toEqual({ claimed: false, reason: 'abandoned' });
    await store.close();
  });

  it('records each part of a delivery before and after posting, keeping the first start', async () => {
    const store = await open();
    await store.claimSlot('s1', '2025-01-02T06:00:00.000Z', at('2025-01-02T06:00Z'), policy, 'k');
    expect(await store.listParts('k')).toEqual([]);
    await store.markPartPosting('k', 0, at('2025-01-02T06:00:01Z'));
    await store.markPartPosted('k', 0, '1700000000.000001', at('2025-01-02T06:00:02Z'));
    await store.markPartPosting('k', 1, at('2025-01-02T06:00:03Z'));
    // A retry of part 1 begins again: its record keeps the first start, where a search must begin.
    await store.markPartPosting('k', 1, at('2025-01-02T06:12:00Z'));
    await store.markPartPosting('other', 0, at('2025-01-02T06:00:03Z'));
    expect(await store.listParts('k')).toEqual([
      { deliveryKey: 'k', part: 0, status: 'posted', startedAt: '2025-01-02T06:00:01.000Z', messageId: '1700000000.000001', postedAt: '2025-01-02T06:00:02.000Z' },
      { deliveryKey: 'k', part: 1, status: 'posting', startedAt: '2025-01-02T06:00:03.000Z' },
    ]);
    await store.markPartPosted('k', 1, 'm2', at('2025-01-02T06:12:01Z'));
    expect((await store.listParts('k'))[1]).toEqual({ deliveryKey: 'k', part: 1, status: 'posted', startedAt: '2025-01-02T06:00:03.000Z', messageId: 'm2', postedAt: '2025-01-02T06:12:01.000Z' });
    await store.close();
  });

  it('keeps the first digest body saved for a delivery, for every retry to post', async () => {
    const store = await open();
    await store.claimSlot('s1', '2025-01-02T06:00:00.000Z', at('2025-01-02T06:00Z'), policy, 'k');
    expect(await store.getDigestBody('k')).toBeUndefined();
    await store.saveDigestBody('k', '{"first":true}');
    await store.saveDigestBody('k', '{"first":false}');
    expect(await store.getDigestBody('k')).toBe('{"first":true}');
    await store.close();
  });

  it('keeps one snapshot per channel and topic', async () => {
    const store = await open();
    const channel = { platform: 'slack' as const, channelId: 'C1', topic: 'troops' };
    expect(await store.getSnapshot(channel)).toBeUndefined();
    await store.saveSnapshot(channel, snapshot);
    await store.saveSnapshot({ ...channel, topic: 'other' }, { ...snapshot, articleIds: [] });
    expect(await store.getSnapshot(channel)).toEqual(snapshot);
    await store.close();
  });
});

describe('SQLite store file', () => {
  it('creates its directory, runs in WAL mode, records its schema version, and keeps data across reopen', async () => {
    const path = join(tempDir(), 'data', 'sitrep.sqlite');
    const store = openSqliteStore(path);
    await store.saveSubscription(subscription);
    await store.claimSlot('s1', '2025-01-02T06:00:00.000Z', at('2025-01-02T06:00Z'), policy, 'k');
    await store.close();
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
    raw.close();
    const again = openSqliteStore(path);
    expect(await again.getSubscription(subscription.id)).toEqual(subscription);
    expect(await again.claimSlot('s1', '2025-01-02T06:00:00.000Z', at('2025-01-02T06:01Z'), policy, 'k2')).toEqual({ claimed: false, reason: 'in-flight' });
    await again.close();
  });

  it('migrates a file of the first schema, keeping its deliveries, and records parts for them', async () => {
    const path = join(tempDir(), 'v1.sqlite');
    const raw = new Database(path);
    raw.exec(migrations[0]!);
    raw.pragma('user_version = 1');
    raw.prepare(`INSERT INTO deliveries (subscription_id, slot, delivery_key, status, attempts, claimed_at) VALUES ('s1', '2025-01-02T06:00:00.000Z', 'k', 'claimed', 1, '2025-01-02T06:00:00.000Z')`).run();
    raw.close();
    const store = openSqliteStore(path);
    expect((await store.listDeliveries('s1')).map((d) => d.deliveryKey)).toEqual(['k']);
    await store.markPartPosting('k', 0, at('2025-01-02T06:00:01Z'));
    expect(await store.listParts('k')).toHaveLength(1);
    await store.close();
  });

  it('reads a damaged or unknown snapshot row as no snapshot, so the next digest is a first one', async () => {
    const path = join(tempDir(), 'snapshots.sqlite');
    const store = openSqliteStore(path);
    await store.saveSnapshot({ platform: 'slack', channelId: 'C1', topic: 'troops' }, snapshot);
    await store.saveSnapshot({ platform: 'slack', channelId: 'C2', topic: 'troops' }, snapshot);
    const raw = new Database(path);
    raw.prepare(`UPDATE snapshots SET snapshot = '{"version":1,"articleIds":' WHERE channel_id = 'C1'`).run();
    raw.prepare(`UPDATE snapshots SET snapshot = '{"version":2,"takenAt":"x","articleIds":[],"keyPoints":[]}' WHERE channel_id = 'C2'`).run();
    raw.close();
    expect(await store.getSnapshot({ platform: 'slack', channelId: 'C1', topic: 'troops' })).toBeUndefined();
    expect(await store.getSnapshot({ platform: 'slack', channelId: 'C2', topic: 'troops' })).toBeUndefined();
    await store.close();
  });

  it('refuses a database written by a newer Sitrep', () => {
    const path = join(tempDir(), 'future.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openSqliteStore(path)).toThrow(/newer than this Sitrep understands/);
  });

  it('lets exactly one of two connections on one file claim a slot', async () => {
    const path = join(tempDir(), 'race.sqlite');
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    const results = await Promise.all([a, b, a, b].map((s, i) => s.claimSlot('s1', '2025-01-02T06:00:00.000Z', at('2025-01-02T06:00Z'), policy, `k${i}`)));
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('lets exactly one of two processes racing on one file claim each slot', async () => {
    const path = join(tempDir(), 'processes.sqlite');
    await openSqliteStore(path).close();
    await expectOneWinnerPerSlot(path, 5000);
  }, 120_000);
});

describe('Postgres store database', () => {
  const slot = '2025-01-02T06:00:00.000Z';

  it('records its schema version at start, keeps data across reopen, and refuses a schema from a newer Sitrep', async () => {
    const url = await postgresServer().createDatabase();
    const store = await openPostgresStore(url);
    await store.saveSubscription(subscription);
    await store.claimSlot('s1', slot, at('2025-01-02T06:00Z'), policy, 'k');
    await store.close();
    const again = await openPostgresStore(url);
    expect(await again.getSubscription(subscription.id)).toEqual(subscription);
    expect(await again.claimSlot('s1', slot, at('2025-01-02T06:01Z'), policy, 'k2')).toEqual({ claimed: false, reason: 'in-flight' });
    await again.close();
    await withClient(url, async (client) => {
      expect((await client.query('SELECT version FROM sitrep_schema ORDER BY version')).rows).toEqual(postgresMigrations.map((_, i) => ({ version: i + 1 })));
      await client.query('INSERT INTO sitrep_schema (version) VALUES ($1)', [postgresMigrations.length + 1]);
    });
    await expect(openPostgresStore(url)).rejects.toThrow(/newer than this Sitrep understands/);
  });

  it('migrates once when several replicas start together', async () => {
    const url = await postgresServer().createDatabase();
    const replicas = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
    await Promise.all(replicas.map((r) => r.close()));
    await withClient(url, async (client) => {
      expect((await client.query('SELECT version FROM sitrep_schema')).rowCount).toBe(postgresMigrations.length);
    });
  });

  it('lets exactly one of many connections claim a fresh slot, and exactly one take over an expired lease', async () => {
    const url = await postgresServer().createDatabase();
    const replicas = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
    const race = (now: string): Promise<ClaimResult[]> =>
      Promise.all([...replicas, ...replicas, ...replicas].map((s, i) => s.claimSlot('s1', slot, at(now), policy, `k${i}`)));
    const fresh = await race('2025-01-02T06:00Z');
    expect(fresh.filter((r) => r.claimed)).toHaveLength(1);
    expect(fresh.filter((r) => !r.claimed).map((r) => (r.claimed ? '' : r.reason))).toEqual(Array(8).fill('in-flight'));
    // The winner "crashed": once its lease is over, one replica (and only one) takes the slot over, with its key.
    const takeover = await race('2025-01-02T06:10Z');
    const winner = fresh.find((r) => r.claimed);
    expect(takeover.filter((r) => r.claimed)).toEqual([{ ...winner, attempt: 2 }]);
    await Promise.all(replicas.map((r) => r.close()));
  });

  it('lets exactly one of two processes claim each slot of one database', async () => {
    await expectOneWinnerPerSlot(await postgresServer().createDatabase(), 1000);
  }, 120_000);
});
