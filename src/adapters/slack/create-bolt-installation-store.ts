import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { SlackInstallationStore } from '../../store/slack-installation-store.js';

/** The key an installation is stored under: the enterprise id of an org-wide install, else the team id. */
export function installationKey(query: { readonly teamId?: string | undefined; readonly enterpriseId?: string | undefined; readonly isEnterpriseInstall?: boolean | undefined }): string | undefined {
  return query.isEnterpriseInstall && query.enterpriseId ? query.enterpriseId : query.teamId;
}

/** The bot token of a stored installation, or undefined when it has none (or cannot be read). */
export function botTokenOf(installationJson: string): string | undefined {
  try {
    return (JSON.parse(installationJson) as Installation).bot?.token;
  } catch {
    return undefined;
  }
}

/**
 * Bolt's InstallationStore over Sitrep's: the OAuth flow stores each workspace's installation
 * here (and token rotation its refreshed tokens), and Bolt's authorize fetches it for every request
 * from that workspace. `onStored` runs after each store.
 */
export function createBoltInstallationStore(store: SlackInstallationStore, logger: Logger, clock: () => Date, onStored?: (key: string) => Promise<unknown>): InstallationStore {
  const keyOf = (query: InstallationQuery<boolean>): string => {
    const key = installationKey(query);
    if (!key) throw new Error('a Slack request names neither a team nor an enterprise');
    return key;
  };
  return {
    async storeInstallation(installation) {
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      const key = installationKey({ teamId, enterpriseId, isEnterpriseInstall: installation.isEnterpriseInstall });
      if (!key) throw new Error('the Slack installation names neither a team nor an enterprise');
      await store.saveInstallation({
        key,
        ...(teamId ? { teamId } : {}),
        ...(enterpriseId ? { enterpriseId } : {}),
        installation: JSON.stringify(installation),
        installedAt: clock().toISOString(),
      });
      logger.info('slack workspace installed', { workspace: key, ...(installation.team?.name ? { name: installation.team.name } : {}) });
      // The install stands even when what follows it fails.
      await onStored?.(key).catch((error: unknown) => logger.warn('slack workspace installed, but its digests were not enabled again', { workspace: key, error }));
    },
    async fetchInstallation(query) {
      const key = keyOf(query);
      const record = await store.getInstallation(key);
      if (!record) throw new Error(`no Slack installation for ${key}`);
      return JSON.parse(record.installation) as Installation;
    },
    async deleteInstallation(query) {
      await store.removeInstallation(keyOf(query));
    },
  };
}
