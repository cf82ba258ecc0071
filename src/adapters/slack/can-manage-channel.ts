import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * May this user manage the channel's digests and add articles? Everyone may, unless SLACK_RESTRICT_DIGESTS is set:
 * then only workspace admins and owners (`users.info`, scope users:read). A failed look-up denies.
 */
export async function canManageChannel(client: webApi.WebClient, userId: string, restrict: boolean, logger: Logger): Promise<boolean> {
  if (!restrict) return true;
  try {
    const { user } = await client.users.info({ user: userId });
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch (error) {
    logger.warn('slack users.info failed; treating the user as not an admin', { userId, error });
    return false;
  }
}
