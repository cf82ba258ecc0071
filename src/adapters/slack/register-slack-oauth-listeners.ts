import type { AllMiddlewareArgs, App, Context } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { installationKey } from './create-bolt-installation-store.js';
import type { SlackWorkspaces } from './create-slack-workspaces.js';

/** The channel a command or a button click came from. */
function channelOf(body: unknown): string | undefined {
  const b = body as { channel_id?: unknown; channel?: { id?: unknown } } | undefined;
  const id = b?.channel_id ?? b?.channel?.id;
  return typeof id === 'string' && id ? id : undefined;
}

const keyOf = (context: Context): string | undefined => installationKey(context);

/**
 * For an app installed through OAuth: remembers which workspace each command's channel belongs to
 * (its digests are posted with that workspace's token), and forgets a workspace that uninstalls
 * the app or revokes its bot token, disabling its channels' digests. Bolt lets these two events
 * through without an installation, which is gone by then.
 */
export function registerSlackOAuthListeners(app: App, workspaces: SlackWorkspaces, logger: Logger): void {
  app.use(async ({ context, body, next }: AllMiddlewareArgs & { body: unknown }) => {
    const key = keyOf(context);
    const channelId = channelOf(body);
    // Written while the listener runs, not before it: the ack is not held.
    const remembered = key && channelId ? workspaces.remember(key, channelId).catch((error: unknown) => logger.warn('slack channel not remembered', { channelId, error })) : undefined;
    await next();
    await remembered;
  });

  app.event('app_uninstalled', async ({ context }) => {
    const key = keyOf(context);
    if (key) await workspaces.remove(key, 'the Slack app was uninstalled from this workspace');
  });

  app.event('tokens_revoked', async ({ event, context }) => {
    const key = keyOf(context);
    // Only the bot token matters: Sitrep keeps no user tokens.
    if (key && (event.tokens.bot?.length ?? 0) > 0) await workspaces.remove(key, "the Slack app's bot token was revoked in this workspace");
  });
}
