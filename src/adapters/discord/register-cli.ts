/**
 * `npm run register:discord`: registers the slash commands for DISCORD_APPLICATION_ID globally,
 * for every server the bot is invited to, or, for development, in DISCORD_GUILD_ID's server only
 * (instant). Reads the same .env as `npm start`.
 * Any problem is one line on stderr and exit code 1.
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { registerDiscordCommands } from './register-commands.js';
import { errorText } from '../../shared/error-text.js';

async function main(): Promise<number> {
  let token: string | undefined;
  try {
    const config = loadConfig(undefined, { checkBriefingsDir: false });
    const discord = config.discord;
    if (!discord) throw new ConfigError('set DISCORD_TOKEN and DISCORD_APPLICATION_ID (in .env or the environment) to register Discord commands');
    token = discord.token;
    const { scope, names } = await registerDiscordCommands(discord, createLogger({ level: config.logLevel, secrets: [token] }));
    const where =
      scope === 'guild'
        ? `in server ${discord.guildId ?? ''} only (available now; for development: unset DISCORD_GUILD_ID to register them globally, for every server)`
        : 'globally, for every server the bot is in (new commands can take a while to show up in Discord clients)';
    console.log(`Registered ${names.map((n) => `/${n}`).join(', ')} ${where}.`);
    return 0;
  } catch (error) {
    const message = errorText(error);
    const line = error instanceof ConfigError ? message : `could not register Discord commands: ${message}`;
    console.error(`sitrep: ${token ? line.split(token).join('[redacted]') : line}`);
    return 1;
  }
}

process.exitCode = await main();
