import { resolve } from 'node:path';
import type { Config } from '../config.js';
import type { FeedStateStore } from '../feeds/feed-state-store.js';
import { createPostgresFeedStateStore } from '../feeds/postgres-feed-state-store.js';
import type { Logger } from '../logger.js';
import type { DigestStore } from '../store/digest-store.js';
import { openPostgresPool } from '../store/open-postgres-pool.js';
import { createPostgresDigestStore } from '../store/postgres-digest-store.js';
import { openSqliteStore } from '../store/sqlite-digest-store.js';

export interface Stores {
  /** Subscriptions, deliveries and snapshots; closing it closes the database. */
  readonly digests: DigestStore;
  /** Set with Postgres, which every replica shares; unset, feed state stays in the topic folders. */
  readonly feedStates?: FeedStateStore;
}

/**
 * The stores DATABASE_URL or DATABASE_PATH names: Postgres (migrated, one pool for all its
 * stores) or the SQLite file. Rejects when the database cannot be opened.
 */
export async function openStores(config: Config, logger: Logger): Promise<Stores> {
  if (!config.postgres) return { digests: openSqliteStore(resolve(config.databasePath)) };
  const pool = await openPostgresPool(config.postgres.url, { logger });
  return { digests: createPostgresDigestStore(pool), feedStates: createPostgresFeedStateStore(pool, logger) };
}
