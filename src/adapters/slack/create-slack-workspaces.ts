import type { Logger } from '../../logger.js';
import type { SubscriptionStore } from '../../store/digest-store.js';
import type { SlackInstallationRecord, SlackInstallationStore } from '../../store/slack-installation-store.js';
import { botTokenOf } from './create-bolt-installation-store.js';

/** The workspaces of a Slack app installed through OAuth, as the adapter uses them. */
export interface SlackWorkspaces {
  /** Records that a request from `channelId` came through installation `key`. */
  remember(key: string, channelId: string): Promise<void>;
  /**
   * The bot token to post to `channelId` with: that of a workspace the channel was heard through,
   * else, while only one workspace is installed, that one's (a topic.yml channel nobody has used a
   * command in yet); undefined when no installed workspace is known to reach it.
   */
  tokenFor(channelId: string): Promise<string | undefined>;
  /**
   * Forgets installation `key` (uninstalled, or its bot token revoked) and disables the digest
   * subscriptions of its channels, unless another installed workspace still reaches the channel
   * (a channel shared between workspaces).
   */
  remove(key: string, reason: string): Promise<void>;
  /**
   * Installation `key` was stored (installed, installed again, or its token rotated): the digest
   * subscriptions its removal disabled take effect again from now (slots missed meanwhile are not
   * sent). Returns how many.
   */
  restore(key: string): Promise<number>;
}

/** The tail of the disabled reason of a subscription disabled by the removal of workspace `key`. */
const removedTail = (key: string): string => ` (Slack workspace ${key})`;

export interface SlackWorkspacesOptions {
  readonly store: SlackInstallationStore;
  /** Where digest subscriptions are disabled; without it only the installation is removed. */
  readonly subscriptions?: Pick<SubscriptionStore, 'listChannelSubscriptions' | 'disableSubscription' | 'listSubscriptions' | 'saveSubscription'>;
  readonly logger: Logger;
  readonly clock: () => Date;
  /**
   * The bot token of an installation as Bolt's InstallProvider authorizes it: with token rotation
   * on, a token that expires within two hours is refreshed at oauth.v2.access and stored again, so
   * a digest never goes out with an expired token. Without it the stored token is used as it is.
   */
  readonly authorize?: (query: { readonly teamId?: string; readonly enterpriseId?: string; readonly isEnterpriseInstall: boolean }) => Promise<string | undefined>;
}

export function createSlackWorkspaces(options: SlackWorkspacesOptions): SlackWorkspaces {
  const { store, subscriptions, logger, clock } = options;

  const tokenOf = async (record: SlackInstallationRecord | undefined): Promise<string | undefined> => {
    if (!record) return undefined;
    if (!options.authorize) return botTokenOf(record.installation);
    const query = { ...(record.teamId ? { teamId: record.teamId } : {}), ...(record.enterpriseId ? { enterpriseId: record.enterpriseId } : {}), isEnterpriseInstall: record.key !== record.teamId };
    try {
      return await options.authorize(query);
    } catch (error) {
      logger.warn('slack workspace token could not be authorized', { workspace: record.key, error });
      return undefined;
    }
  };
  const tokenOfKey = async (key: string): Promise<string | undefined> => tokenOf(await store.getInstallation(key));

  const disableChannel = async (channelId: string, reason: string): Promise<number> => {
    if (!subscriptions) return 0;
    let disabled = 0;
    for (const subscription of await subscriptions.listChannelSubscriptions('slack', channelId)) {
      if (subscription.disabled) continue;
      await subscriptions.disableSubscription(subscription.id, reason, clock());
      disabled++;
    }
    return disabled;
  };

  return {
    remember: (key, channelId) => store.rememberChannel(key, channelId, clock()),
    async tokenFor(channelId) {
      for (const key of await store.channelInstallations(channelId)) {
        const token = await tokenOfKey(key);
        if (token) return token;
      }
      const installed = await store.listInstallations();
      return installed.length === 1 ? tokenOf(installed[0]) : undefined;
    },
    async remove(key, reason) {
      let disabled = 0;
      for (const channelId of await store.installationChannels(key)) {
        const others = (await store.channelInstallations(channelId)).filter((other) => other !== key);
        const reachable = (await Promise.all(others.map(tokenOfKey))).some(Boolean);
        if (!reachable) disabled += await disableChannel(channelId, reason + removedTail(key));
      }
      const existed = await store.removeInstallation(key);
      logger.info('slack workspace removed', { workspace: key, reason, existed, subscriptionsDisabled: disabled });
    },
    async restore(key) {
      if (!subscriptions) return 0;
      const tail = removedTail(key);
      let restored = 0;
      for (const { disabled, ...subscription } of await subscriptions.listSubscriptions()) {
        if (subscription.platform !== 'slack' || !disabled?.reason.endsWith(tail)) continue;
        await subscriptions.saveSubscription({ ...subscription, activeFrom: clock().toISOString() });
        restored++;
      }
      if (restored) logger.info('slack workspace digests enabled again', { workspace: key, subscriptions: restored });
      return restored;
    },
  };
}
