/**
 * INTERACTION_CREATE payloads as Discord sends them over the gateway: a slash command (type 2) or
 * an autocomplete request (type 4) in a guild text channel, with the member and their permissions.
 */
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';

export const guildId = '1000000000000000001';
export const channelId = '1000000000000000002';
export const userId = '1000000000000000003';

/** What an ordinary member may do in a channel: read, write, use commands; not manage it. */
export const memberPermissions = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseApplicationCommands,
  PermissionFlagsBits.EmbedLinks,
]).bitfield;
export const managerPermissions = memberPermissions | PermissionFlagsBits.ManageChannels;

/** A command option as Discord sends it: 3 string, 5 boolean, 1 subcommand. */
export interface OptionData {
  readonly name: string;
  readonly type: 1 | 3 | 5;
  readonly value?: string | boolean;
  readonly options?: readonly OptionData[];
  readonly focused?: boolean;
}

export const str = (name: string, value: string): OptionData => ({ name, type: 3, value });
export const bool = (name: string, value: boolean): OptionData => ({ name, type: 5, value });
export const sub = (name: string, ...options: OptionData[]): OptionData => ({ name, type: 1, options });

export interface InteractionInput {
  readonly applicationId: string;
  readonly name: string;
  readonly options?: readonly OptionData[];
  readonly permissions?: bigint;
  readonly channel?: string;
  readonly user?: string;
  /** The guild it comes from; default `guildId`. */
  readonly guild?: string;
}

let counter = 0;

/** A fresh interaction id and token; the token stands in for Discord's long random one. */
export function nextInteraction(): { id: string; token: string } {
  counter++;
  return { id: String(1_400_000_000_000_000_000n + BigInt(counter)), token: `aW50ZXJhY3Rpb246test-token-${counter}` };
}

function interaction(type: 2 | 4, input: InteractionInput): { id: string; token: string; payload: Record<string, unknown> } {
  const { id, token } = nextInteraction();
  const channel = input.channel ?? channelId;
  const guild = input.guild ?? guildId;
  const permissions = String(input.permissions ?? memberPermissions);
  const payload = {
    id,
    application_id: input.applicationId,
    type,
    token,
    version: 1,
    guild_id: guild,
    guild: { id: guild, locale: 'en-US', features: [] },
    channel_id: channel,
    channel: { id: channel, type: 0, guild_id: guild, name: 'news', position: 0, flags: 0, parent_id: null, nsfw: false, permissions },
    member: {
      user: { id: input.user ?? userId, username: 'alice', discriminator: '0', global_name: 'Alice', avatar: null },
      roles: [],
      permissions,
      joined_at: '2024-01-01T00:00:00.000000+00:00',
      nick: null,
      avatar: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
    },
    data: { id: '1500000000000000001', name: input.name, type: 1, ...(input.options?.length ? { options: input.options } : {}) },
    app_permissions: String(memberPermissions),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': guild },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
  return { id, token, payload };
}

export const slashCommand = (input: InteractionInput) => interaction(2, input);
export const autocomplete = (input: InteractionInput) => interaction(4, input);
