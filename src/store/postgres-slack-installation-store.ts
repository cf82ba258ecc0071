import type pg from 'pg';
import { openPostgresPool, type PostgresPoolOptions } from './open-postgres-pool.js';
import { toSlackInstallationRecord as toRecord, type SlackInstallationRow as InstallationRow } from './slack-installation-rows.js';
import type { SlackInstallationStore } from './slack-installation-store.js';

/**
 * The Slack installations in the Postgres database at `url` (the digest store's, on a pool of its
 * own, as the SQLite store has a connection of its own): every replica reads the same workspaces'
 * tokens. Closing the store ends its pool.
 */
export async function openPostgresSlackInstallationStore(url: string, options: PostgresPoolOptions = {}): Promise<SlackInstallationStore> {
  const pool = await openPostgresPool(url, { maxConnections: 2, ...options });
  const rows = async <R extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<R[]> => (await pool.query<R>(sql, values)).rows;
  return {
    async saveInstallation(r) {
      await pool.query(
        `INSERT INTO slack_installations (install_key, team_id, enterprise_id, installation, installed_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (install_key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, installation = excluded.installation, installed_at = excluded.installed_at`,
        [r.key, r.teamId ?? null, r.enterpriseId ?? null, r.installation, r.installedAt],
      );
    },
    async getInstallation(key) {
      const [row] = await rows<InstallationRow>('SELECT * FROM slack_installations WHERE install_key = $1', [key]);
      return row ? toRecord(row) : undefined;
    },
    listInstallations: async () => (await rows<InstallationRow>('SELECT * FROM slack_installations ORDER BY install_key', [])).map(toRecord),
    // One statement, so the channels go with their installation or not at all.
    removeInstallation: async (key) =>
      ((await pool.query('WITH channels AS (DELETE FROM slack_channels WHERE install_key = $1) DELETE FROM slack_installations WHERE install_key = $1', [key])).rowCount ?? 0) > 0,
    async rememberChannel(key, channelId, at) {
      await pool.query(
        'INSERT INTO slack_channels (install_key, channel_id, seen_at) VALUES ($1, $2, $3) ON CONFLICT (channel_id, install_key) DO UPDATE SET seen_at = excluded.seen_at',
        [key, channelId, at],
      );
    },
    channelInstallations: async (channelId) =>
      (await rows<{ install_key: string }>('SELECT install_key FROM slack_channels WHERE channel_id = $1 ORDER BY install_key', [channelId])).map((r) => r.install_key),
    installationChannels: async (key) => (await rows<{ channel_id: string }>('SELECT channel_id FROM slack_channels WHERE install_key = $1 ORDER BY channel_id', [key])).map((r) => r.channel_id),
    close: () => pool.end(),
  };
}
