import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction, type REST } from 'discord.js';
import { commandRequestSchema, type CommandContext, type CommandRequest } from '../../commands/command-request.js';
import { executeCommand, type CommandDeps } from '../../commands/execute-command.js';
import type { Logger } from '../../logger.js';
import { commandFailedMessage, errorMessage } from '../../render/help-message.js';
import { canManageChannel } from './can-manage-channel.js';
import { sendDiscordReply } from './send-discord-reply.js';
import { optionNames } from './slash-command-definitions.js';

export interface InteractionEnv {
  readonly deps: CommandDeps;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Where replies after the deferral go (see `sendDiscordReply`). */
  readonly replies: REST;
}

/** Discord shows at most 25 autocomplete choices, each name and value at most 100 characters. */
const maxChoices = 25;
const maxChoiceLength = 100;

/** Routes an interaction: slash commands run, `topic` autocompletes; anything else is ignored. */
export async function handleInteraction(interaction: Interaction, env: InteractionEnv): Promise<void> {
  if (interaction.isAutocomplete()) await answerAutocomplete(interaction, env);
  else if (interaction.isChatInputCommand()) await runCommand(interaction, env);
}

/**
 * The neutral request a slash command stands for. `/digest <sub>` becomes the text the digest
 * commands read (`subscribe 08:00 Europe/Kyiv`): a time typed with spaces (`8 am`) is closed up,
 * and spaces in a zone name (`America/New York`) become underscores, so each stays one word.
 */
export function toCommandRequest(interaction: ChatInputCommandInteraction): CommandRequest | { error: string } {
  const options = interaction.options;
  const word = (name: string): string => options.getString(name)?.trim() ?? '';
  let text = '';
  switch (interaction.commandName) {
    case 'ask':
      text = word(optionNames.question);
      break;
    case 'add':
      text = word(optionNames.url);
      break;
    case 'digest':
      text = [options.getSubcommand(false) ?? 'status', word(optionNames.time).replace(/\s+/g, ''), word(optionNames.timezone).replace(/\s+/g, '_')]
        .filter(Boolean)
        .join(' ');
      break;
  }
  const topic = word(optionNames.topic);
  const parsed = commandRequestSchema.safeParse({
    name: interaction.commandName,
    text,
    ...(topic ? { topic } : {}),
    public: options.getBoolean(optionNames.public) ?? false,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { error: issue?.path[0] === 'name' ? `/${interaction.commandName} is not a Sitrep command.` : `That /${interaction.commandName} command ${issue?.message ?? 'is invalid'}.` };
}

/** The topics whose names start with what was typed (case-insensitive), at most 25. */
export function topicChoices(names: readonly string[], typed: string): { name: string; value: string }[] {
  const prefix = typed.trim().toLowerCase();
  return names
    .filter((n) => n.toLowerCase().startsWith(prefix) && n.length <= maxChoiceLength)
    .slice(0, maxChoices)
    .map((n) => ({ name: n, value: n }));
}

async function answerAutocomplete(interaction: AutocompleteInteraction, env: InteractionEnv): Promise<void> {
  try {
    const focused = interaction.options.getFocused(true);
    const choices = focused.name === optionNames.topic ? topicChoices(env.deps.topics.names(), String(focused.value)) : [];
    await interaction.respond(choices);
  } catch (error) {
    env.logger.error('discord autocomplete failed', { command: interaction.commandName, error });
  }
}

async function runCommand(interaction: ChatInputCommandInteraction, env: InteractionEnv): Promise<void> {
  const where = { command: interaction.commandName, channelId: interaction.channelId, guildId: interaction.guildId };
  try {
    const request = toCommandRequest(interaction);
    const isPublic = !('error' in request) && request.public;
    // Discord's 3-second deadline for the first response: acknowledge before any work.
    await interaction.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
    if ('error' in request) {
      await sendDiscordReply(interaction, errorMessage('Not a Sitrep command', `${request.error} Type /help for the list.`), 'private', env.replies);
      return;
    }
    const reply = await executeCommand(request, contextOf(interaction, env), env.deps);
    await sendDiscordReply(interaction, reply.message, reply.visibility, env.replies, env.logger);
  } catch (error) {
    // The cause goes to the log; the user gets a short message, never a stack trace or a token.
    env.logger.error('discord command failed', { ...where, error });
    try {
      await sendDiscordReply(interaction, commandFailedMessage, 'private', env.replies);
    } catch (replyError) {
      env.logger.error('discord reply failed', { ...where, error: replyError });
    }
  }
}

function contextOf(interaction: ChatInputCommandInteraction, env: InteractionEnv): CommandContext {
  return {
    platform: 'discord',
    channelId: interaction.channelId,
    userId: interaction.user.id,
    canManageChannel: canManageChannel(interaction.memberPermissions),
    now: env.now(),
  };
}
