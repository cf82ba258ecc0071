import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import { slashCommandDefinitions } from './slash-command-definitions.js';

export interface RegistrationResult {
  /** `guild` commands appear at once in that server; `global` ones in every server, within minutes. */
  readonly scope: 'guild' | 'global';
  readonly names: readonly string[];
}

/**
 * Registers Sitrep's slash commands with Discord's bulk overwrite (`PUT`): globally, so they work
 * in every server the bot is invited to, or in DISCORD_GUILD_ID's server only when set (for
 * development: guild commands update at once). Commands Sitrep no longer has are removed by the same call.
 * Uses DISCORD_API_URL when set. Throws the REST error when Discord refuses.
 */
export async function registerDiscordCommands(config: DiscordConfig, logger: Logger): Promise<RegistrationResult> {
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const body = slashCommandDefinitions();
  const route = config.guildId ? Routes.applicationGuildCommands(config.applicationId, config.guildId) : Routes.applicationCommands(config.applicationId);
  await rest.put(route, { body });
  const result: RegistrationResult = { scope: config.guildId ? 'guild' : 'global', names: body.map((c) => c.name) };
  logger.info('discord commands registered', { ...result, applicationId: config.applicationId, ...(config.guildId ? { guildId: config.guildId } : {}) });
  return result;
}
