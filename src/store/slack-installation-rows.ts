import type { SlackInstallationRecord } from './slack-installation-store.js';

/** A row of `slack_installations`, as SQLite and Postgres return it (`installed_at` as ISO text). */
export interface SlackInstallationRow {
  install_key: string;
  team_id: string | null;
  enterprise_id: string | null;
  installation: string;
  installed_at: string;
}

export function toSlackInstallationRecord(row: SlackInstallationRow): SlackInstallationRecord {
  return {
    key: row.install_key,
    ...(row.team_id !== null ? { teamId: row.team_id } : {}),
    ...(row.enterprise_id !== null ? { enterpriseId: row.enterprise_id } : {}),
    installation: row.installation,
    installedAt: row.installed_at,
  };
}
