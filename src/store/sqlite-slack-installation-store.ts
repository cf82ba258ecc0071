import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { toSlackInstallationRecord as toRecord, type SlackInstallationRow as InstallationRow } from './slack-installation-rows.js';
import type { SlackInstallationStore } from './slack-installation-store.js';
import { migrate } from './sqlite-migrations.js';

/**
 * Opens (creating it if needed) and migrates the SQLite file at `path` — the same file as the
 * digest store, on a connection of its own — for the Slack installations.
 */
export function openSqliteSlackInstallationStore(path: string): SlackInstallationStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  migrate(db);

  const q = {
    save: db.prepare(`INSERT OR REPLACE INTO slack_installations (install_key, team_id, enterprise_id, installation, installed_at)
      VALUES (@key, @teamId, @enterpriseId, @installation, @installedAt)`),
    get: db.prepare<[string], InstallationRow>('SELECT * FROM slack_installations WHERE install_key = ?'),
    list: db.prepare<[], InstallationRow>('SELECT * FROM slack_installations ORDER BY install_key'),
    remove: db.prepare<[string]>('DELETE FROM slack_installations WHERE install_key = ?'),
    forgetChannels: db.prepare<[string]>('DELETE FROM slack_channels WHERE install_key = ?'),
    remember: db.prepare<[string, string, string]>(
      'INSERT INTO slack_channels (install_key, channel_id, seen_at) VALUES (?, ?, ?) ON CONFLICT (channel_id, install_key) DO UPDATE SET seen_at = excluded.seen_at',
    ),
    byChannel: db.prepare<[string], { install_key: string }>('SELECT install_key FROM slack_channels WHERE channel_id = ? ORDER BY install_key'),
    byInstallation: db.prepare<[string], { channel_id: string }>('SELECT channel_id FROM slack_channels WHERE install_key = ? ORDER BY channel_id'),
  };
  const remove = db.transaction((key: string) => {
    q.forgetChannels.run(key);
    return q.remove.run(key).changes > 0;
  });

  return {
    async saveInstallation(record) {
      q.save.run({ key: record.key, teamId: record.teamId ?? null, enterpriseId: record.enterpriseId ?? null, installation: record.installation, installedAt: record.installedAt });
    },
    getInstallation: async (key) => {
      const row = q.get.get(key);
      return row ? toRecord(row) : undefined;
    },
    listInstallations: async () => q.list.all().map(toRecord),
    removeInstallation: async (key) => remove(key),
    async rememberChannel(key, channelId, at) {
      q.remember.run(key, channelId, at.toISOString());
    },
    channelInstallations: async (channelId) => q.byChannel.all(channelId).map((r) => r.install_key),
    installationChannels: async (key) => q.byInstallation.all(key).map((r) => r.channel_id),
    async close() {
      db.close();
    },
  };
}
