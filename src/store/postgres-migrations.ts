import type { Pool } from 'pg';

/**
 * The Postgres schema, one migration per version; `sitrep_schema` records how far a database has
 * come. Append only: never edit a migration that has shipped. Instants are `timestamptz`; a slot
 * stays the ISO text the scheduler names it by (it is a key, compared as written), and ids and
 * slots sort byte-wise (`COLLATE "C"`), as in SQLite, whatever the server's locale.
 */
export const postgresMigrations: readonly string[] = [
  `CREATE TABLE subscriptions (
     id TEXT COLLATE "C" PRIMARY KEY,
     platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
     channel_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     cron TEXT NOT NULL,
     timezone TEXT NOT NULL,
     quiet_when_unchanged BOOLEAN NOT NULL DEFAULT false,
     owner TEXT NOT NULL CHECK (owner IN ('chat', 'config')),
     created_by TEXT,
     active_from TIMESTAMPTZ NOT NULL,
     disabled_reason TEXT,
     disabled_at TIMESTAMPTZ
   );
   CREATE INDEX subscriptions_by_channel ON subscriptions (platform, channel_id);
   CREATE TABLE deliveries (
     subscription_id TEXT NOT NULL,
     slot TEXT COLLATE "C" NOT NULL,
     delivery_key TEXT NOT NULL UNIQUE,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'delivered', 'failed', 'abandoned')),
     attempts INTEGER NOT NULL,
     claimed_at TIMESTAMPTZ NOT NULL,
     finished_at TIMESTAMPTZ,
     detail TEXT,
     body TEXT,
     PRIMARY KEY (subscription_id, slot)
   );
   CREATE TABLE delivery_parts (
     delivery_key TEXT NOT NULL,
     part INTEGER NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('posting', 'posted')),
     started_at TIMESTAMPTZ NOT NULL,
     message_id TEXT,
     posted_at TIMESTAMPTZ,
     PRIMARY KEY (delivery_key, part)
   );
   CREATE TABLE snapshots (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     taken_at TIMESTAMPTZ NOT NULL,
     snapshot JSONB NOT NULL,
     PRIMARY KEY (platform, channel_id, topic)
   );
   CREATE TABLE feed_states (
     topic TEXT PRIMARY KEY,
     state JSONB NOT NULL,
     saved_at TIMESTAMPTZ NOT NULL
   );`,
  // Slack workspaces installed through OAuth, and the channels heard through each.
  `CREATE TABLE slack_installations (
     install_key TEXT COLLATE "C" PRIMARY KEY,
     team_id TEXT,
     enterprise_id TEXT,
     installation TEXT NOT NULL,
     installed_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE slack_channels (
     install_key TEXT COLLATE "C" NOT NULL,
     channel_id TEXT COLLATE "C" NOT NULL,
     seen_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (channel_id, install_key)
   );
   CREATE INDEX slack_channels_by_installation ON slack_channels (install_key);`,
  // Signatures of Slack requests already answered by some replica, until their window is over.
  `CREATE TABLE slack_seen_requests (
     signature TEXT COLLATE "C" PRIMARY KEY,
     expires_at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX slack_seen_requests_by_expiry ON slack_seen_requests (expires_at);`,
];

/** Any constant works; it only has to be the same in every Sitrep process. */
const migrationLock = 0x5_17_2e_9;

/**
 * Brings a database up to the latest schema, all pending steps in one transaction (Postgres DDL
 * is transactional). An advisory lock makes replicas that start together migrate one after the
 * other. Throws when the database was written by a newer Sitrep: a configuration error.
 */
export async function migratePostgres(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await client.query('CREATE TABLE IF NOT EXISTS sitrep_schema (version INTEGER NOT NULL, migrated_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM sitrep_schema');
    const current = rows[0]?.version ?? 0;
    if (current > postgresMigrations.length) {
      throw new Error(`Database schema version ${current} is newer than this Sitrep understands (${postgresMigrations.length}); upgrade Sitrep or use another DATABASE_URL`);
    }
    for (let version = current; version < postgresMigrations.length; version++) {
      await client.query(postgresMigrations[version]!);
      await client.query('INSERT INTO sitrep_schema (version) VALUES ($1)', [version + 1]);
    }
    await client.query('COMMIT');
    return postgresMigrations.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
