/**
 * The Slack replay guard of two replicas, each with its own pool on one Postgres database: a
 * request answered by one is refused as replayed by the other, and when the database cannot be
 * reached each replica falls back to its own memory instead of refusing everything.
 */
import type pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createSlackRequestGuard } from '../../src/adapters/slack/create-slack-request-guard.js';
import { silentLogger } from '../../src/logger.js';
import { openPostgresPool } from '../../src/store/open-postgres-pool.js';
import { createPostgresSeenRequests } from '../../src/store/postgres-seen-requests.js';
import { useTestPostgres } from './support/use-test-postgres.js';

const postgres = useTestPostgres();
const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

async function pool(url: string): Promise<pg.Pool> {
  const opened = await openPostgresPool(url, { maxConnections: 2 });
  pools.push(opened);
  return opened;
}

describe('two replicas screening Slack requests on one Postgres database', () => {
  it('refuse on the second a signature the first answered, and answer a different one on both', async () => {
    const url = await postgres().createDatabase();
    const now = 1_700_000_000_000;
    const [a, b] = await Promise.all([pool(url), pool(url)]);
    const first = createSlackRequestGuard({ now: () => now, shared: createPostgresSeenRequests(a, { now: () => now }) });
    const second = createSlackRequestGuard({ now: () => now, shared: createPostgresSeenRequests(b, { now: () => now }) });
    const ts = now / 1000;
    expect(await first.screen(ts, 'v0=same')).toBe('fresh');
    expect(await second.screen(ts, 'v0=same')).toBe('replayed');
    expect(await first.screen(ts, 'v0=same')).toBe('replayed');
    expect(await second.screen(ts, 'v0=other')).toBe('fresh');
    expect(await first.screen(ts, 'v0=third')).toBe('fresh');
    // The timestamp checks still answer at once, without the database.
    expect(first.screen(ts + 301, 'v0=ahead')).toBe('future-dated');
    expect(second.screen(ts - 301, 'v0=old')).toBe('stale');
  });

  it('answer a signature offered to both at once exactly once between them', async () => {
    const url = await postgres().createDatabase();
    const now = Date.now();
    const [a, b] = await Promise.all([pool(url), pool(url)]);
    const guards = [a, b].map((p) => createSlackRequestGuard({ shared: createPostgresSeenRequests(p) }));
    const verdicts = await Promise.all(Array.from({ length: 20 }, (_, i) => guards[i % 2]!.screen(now / 1000, 'v0=race')));
    expect(verdicts.filter((v) => v === 'fresh')).toHaveLength(1);
  });

  it('delete expired signatures now and then', async () => {
    const url = await postgres().createDatabase();
    let now = 1_700_000_000_000;
    const shared = createPostgresSeenRequests(await pool(url), { now: () => now, sweepEveryMs: 60_000 });
    const guard = createSlackRequestGuard({ now: () => now, shared });
    expect(await guard.screen(now / 1000, 'v0=old')).toBe('fresh');
    now += 301_000;
    expect(await guard.screen(now / 1000, 'v0=new')).toBe('fresh');
    // The sweep is not awaited by the call that starts it.
    await vi.waitFor(async () => {
      const { rows } = await pools.at(-1)!.query<{ signature: string }>('SELECT signature FROM slack_seen_requests ORDER BY signature');
      expect(rows.map((r) => r.signature)).toEqual(['v0=new']);
    });
  });

  it('fall back to the process memory, and say so, when the database cannot be reached', async () => {
    const url = await postgres().createDatabase();
    const down = await pool(url);
    await pools.splice(pools.indexOf(down), 1)[0]!.end();
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (message: string) => void warnings.push(message) };
    const now = Date.now();
    const guard = createSlackRequestGuard({ shared: createPostgresSeenRequests(down), logger });
    expect(await guard.screen(now / 1000, 'v0=x')).toBe('fresh');
    expect(await guard.screen(now / 1000, 'v0=x')).toBe('replayed');
    expect(warnings.some((w) => w.includes('unreachable'))).toBe(true);
  });
});
