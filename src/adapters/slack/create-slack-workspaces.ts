import type { Logger } from '../../logger.js';
import type { SubscriptionStore } from '../../store/digest-store.js';
import type { SlackInstallationStore } from '../../store/slack-installation-store.js';
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
}

export interface SlackWorkspacesOptions {
  readonly store: SlackInstallationStore;
  /** Where digest subscriptions are disabled; without it only the installation is removed. */
  readonly subscriptions?: Pick<SubscriptionStore, 'listChannelSubscriptions' | 'disableSubscription'>;
  readonly logger: Logger;
  readonly clock: () => Date;
}

export function createSlackWorkspaces(options: SlackWorkspacesOptions): SlackWorkspaces {
  const { store, subscriptions, logger, clock } = options;

  const tokenOfKey = async (key: string): Promise<string | undefined> => {
    const record = await store.getInstallation(key);
    return record ? botTokenOf(record.installation) : undefined;
  };

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
      return installed.length === 1 ? botTokenOf(installed[0]!.installation) : undefined;
    },
    async remove(key, reason) {
      let disabled = 0;
      for (const channelId of await store.installationChannels(key)) {
        const others = (await store.channelInstallations(channelId)).filter((other) => other !== key);
        const reachable = (await Promise.all(others.map(tokenOfKey))).some(Boolean);
        if (!reachable) disabled += await disableChannel(channelId, reason);
      }
      const existed = await store.removeInstallation(key);
      logger.info('slack workspace removed', { workspace: key, reason, existed, subscriptionsDisabled: disabled });
    },
  };
}
