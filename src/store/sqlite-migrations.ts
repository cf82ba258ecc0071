import type { Database } from 'better-sqlite3';

/**
 * The schema, one migration per version; `PRAGMA user_version` records how far a file has come.
 * Append only: never edit a migration that has shipped.
 */
export const migrations: readonly string[] = [
  `CREATE TABLE subscriptions (
     id TEXT PRIMARY KEY,
     platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
     channel_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     cron TEXT NOT NULL,
     timezone TEXT NOT NULL,
     quiet_when_unchanged INTEGER NOT NULL DEFAULT 0,
     owner TEXT NOT NULL CHECK (owner IN ('chat', 'config')),
     created_by TEXT,
     active_from TEXT NOT NULL,
     disabled_reason TEXT,
     disabled_at TEXT
   );
   CREATE INDEX subscriptions_by_channel ON subscriptions (platform, channel_id);
   CREATE TABLE deliveries (
     subscription_id TEXT NOT NULL,
     slot TEXT NOT NULL,
     delivery_key TEXT NOT NULL UNIQUE,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'delivered', 'failed', 'abandoned')),
     attempts INTEGER NOT NULL,
     claimed_at TEXT NOT NULL,
     finished_at TEXT,
     detail TEXT,
     PRIMARY KEY (subscription_id, slot)
   );
   CREATE TABLE snapshots (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     taken_at TEXT NOT NULL,
     snapshot TEXT NOT NULL,
     PRIMARY KEY (platform, channel_id, topic)
   );`,
  // Each part of a digest is recorded before and after it is posted, and the composed digest is
  // kept, so that a retry after a crash posts the same parts and only those not already posted.
  `ALTER TABLE deliveries ADD COLUMN body TEXT;
   CREATE TABLE delivery_parts (
     delivery_key TEXT NOT NULL,
     part INTEGER NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('posting', 'posted')),
     started_at TEXT NOT NULL,
     message_id TEXT,
     posted_at TEXT,
     PRIMARY KEY (delivery_key, part)
   );`,
  // Slack workspaces installed through OAuth, and the channels heard through each: a digest is
  // posted with the token of its channel's workspace.
  `CREATE TABLE slack_installations (
     install_key TEXT PRIMARY KEY,
     team_id TEXT,
     enterprise_id TEXT,
     installation TEXT NOT NULL,
     installed_at TEXT NOT NULL
   );
   CREATE TABLE slack_channels (
     install_key TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     seen_at TEXT NOT NULL,
     PRIMARY KEY (channel_id, install_key)
   );
   CREATE INDEX slack_channels_by_installation ON slack_channels (install_key);`,
];

/**
 * Brings a database up to the latest schema, each step in its own transaction. Throws when the
 * file was written by a newer Sitrep (its schema is unknown here): a configuration error.
 */
export function migrate(db: Database): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > migrations.length) {
    throw new Error(`Database schema version ${current} is newer than this Sitrep understands (${migrations.length}); upgrade Sitrep or use another DATABASE_PATH`);
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return migrations.length;
}
