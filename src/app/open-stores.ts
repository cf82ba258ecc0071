import { resolve } from 'node:path';
import type { Config } from '../config.js';
import type { FeedStateStore } from '../feeds/feed-state-store.js';
import { createPostgresFeedStateStore } from '../feeds/postgres-feed-state-store.js';
import type { Logger } from '../logger.js';
import type { DigestStore } from '../store/digest-store.js';
import { openPostgresPool } from '../store/open-postgres-pool.js';
import { createPostgresDigestStore } from '../store/postgres-digest-store.js';
import { createPostgresSeenRequests } from '../store/postgres-seen-requests.js';
import { openPostgresSlackInstallationStore } from '../store/postgres-slack-installation-store.js';
import type { SeenRequests } from '../store/seen-requests.js';
import type { SlackInstallationStore } from '../store/slack-installation-store.js';
import { openSqliteStore } from '../store/sqlite-digest-store.js';
import { openSqliteSlackInstallationStore } from '../store/sqlite-slack-installation-store.js';

export interface Stores {
  /** Subscriptions, deliveries and snapshots; closing it closes the database. */
  readonly digests: DigestStore;
  /** Set with Postgres, which every replica shares; unset, feed state stays in the topic folders. */
  readonly feedStates?: FeedStateStore;
  /** Set with SLACK_CLIENT_ID: the workspaces that installed the Slack app; closed on its own. */
  readonly slackInstallations?: SlackInstallationStore;
  /** Set with Postgres: the Slack request signatures any replica has answered, for the replay guard. */
  readonly slackSeenRequests?: SeenRequests;
}

/**
 * The stores DATABASE_URL or DATABASE_PATH names: Postgres (migrated, one pool for all its
 * stores) or the SQLite file. Rejects when the database cannot be opened.
 */
export async function openStores(config: Config, logger: Logger): Promise<Stores> {
  if (!config.postgres) {
    const path = resolve(config.databasePath);
    return { digests: openSqliteStore(path), ...(config.slack?.oauth ? { slackInstallations: openSqliteSlackInstallationStore(path) } : {}) };
  }
  const pool = await openPostgresPool(config.postgres.url, { logger });
  const slackInstallations = config.slack?.oauth ? await openPostgresSlackInstallationStore(config.postgres.url, { logger }) : undefined;
  return { digests: createPostgresDigestStore(pool), feedStates: createPostgresFeedStateStore(pool, logger), slackSeenRequests: createPostgresSeenRequests(pool, { logger }), ...(slackInstallations ? { slackInstallations } : {}) };
}
