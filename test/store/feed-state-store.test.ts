import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createJsonFeedStateStore } from '../../src/feeds/create-json-feed-state-store.js';
import type { FeedStateStore, TopicFeedState } from '../../src/feeds/feed-state-store.js';
import { createPostgresFeedStateStore } from '../../src/feeds/postgres-feed-state-store.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { openPostgresPool } from '../../src/store/open-postgres-pool.js';
import type { Topic } from '../../src/topics/topic-library.js';
import { useTestPostgres } from './support/use-test-postgres.js';

const postgres = useTestPostgres();
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});

const warnings: string[] = [];
const logger: Logger = createLogger({ level: 'warn', write: (line) => warnings.push(line) });
const topicIn = (dir: string, name: string): Topic => ({ name, dir: join(dir, name) }) as Topic;
const state: TopicFeedState = {
  version: 1,
  feeds: { 'https://example.org/feed.xml': { etag: '"v2"', seen: ['item-1', 'https://example.org/a'], failures: 0, reported: false, pending: [], lastSuccessAt: '2025-01-02T06:00:00.000Z' } },
};

interface Opened {
  readonly store: FeedStateStore;
  /** A second store on the same place, as another process (or replica) would open it. */
  readonly again: () => FeedStateStore;
  readonly dir: string;
}

const stores: [string, () => Promise<Opened>][] = [
  [
    'json file',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sitrep-feed-state-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      await Promise.all(['troops', 'other'].map((t) => mkdir(join(dir, t))));
      return { store: createJsonFeedStateStore(logger), again: () => createJsonFeedStateStore(logger), dir };
    },
  ],
  [
    'postgres',
    async () => {
      const pool = await openPostgresPool(await postgres().createDatabase());
      cleanups.push(() => pool.end());
      return { store: createPostgresFeedStateStore(pool, logger), again: () => createPostgresFeedStateStore(pool, logger), dir: '/nowhere' };
    },
  ],
];

describe.each(stores)('%s feed state store', (_name, open) => {
  it('starts a topic fresh, keeps what was saved for it alone, and replaces it at the next save', async () => {
    const { store, again, dir } = await open();
    const troops = topicIn(dir, 'troops');
    expect(await store.load(troops)).toEqual({ version: 1, feeds: {} });
    await store.save(troops, state);
    expect(await again().load(troops)).toEqual(state);
    expect(await again().load(topicIn(dir, 'other'))).toEqual({ version: 1, feeds: {} });
    await store.save(troops, { version: 1, feeds: {} });
    expect(await again().load(troops)).toEqual({ version: 1, feeds: {} });
  });
});

describe('Postgres feed state', () => {
  it('reads a row that no longer validates as a fresh start, with a warning', async () => {
    const url = await postgres().createDatabase();
    const pool = await openPostgresPool(url);
    cleanups.push(() => pool.end());
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO feed_states (topic, state, saved_at) VALUES ('troops', '{"version": 9}', now())`);
    await client.end();
    warnings.length = 0;
    expect(await createPostgresFeedStateStore(pool, logger).load(topicIn('/nowhere', 'troops'))).toEqual({ version: 1, feeds: {} });
    expect(warnings.join('\n')).toMatch(/feed state is invalid; starting fresh/);
  });
});
