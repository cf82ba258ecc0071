import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';

/**
 * May this member manage the channel's digests? Those with Manage Channels or Manage Server (and
 * administrators, whom Discord grants every permission) may. The permissions are the member's in
 * the channel, as Discord sends them with the interaction; none (a DM) denies.
 */
export function canManageChannel(permissions: Readonly<PermissionsBitField> | null): boolean {
  if (!permissions) return false;
  return permissions.any([PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageGuild]);
}
