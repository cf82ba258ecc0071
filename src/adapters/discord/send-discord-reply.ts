import { MessageFlags, type ChatInputCommandInteraction, type InteractionReplyOptions } from 'discord.js';
import type { DiscordPayload } from '../../render/discord/discord-embeds.js';
import { renderDiscordMessage } from '../../render/discord/render-discord-message.js';
import type { Message } from '../../render/message.js';

/**
 * Answers a slash command with a rendered message. The first part replaces the deferred
 * "thinking…" reply (or is the reply, when nothing was deferred); further parts are follow-ups
 * with the same visibility. A private answer to a public deferral (a failure) deletes the public
 * placeholder and follows up privately, so the channel never sees it. Mentions are off for every
 * part through the client's `allowedMentions`.
 */
export async function sendDiscordReply(interaction: ChatInputCommandInteraction, message: Message, visibility: 'private' | 'public'): Promise<void> {
  const parts = renderDiscordMessage(message);
  const options = (part: DiscordPayload): InteractionReplyOptions => ({
    embeds: part.embeds,
    ...(visibility === 'private' ? { flags: MessageFlags.Ephemeral } : {}),
  });
  let rest = parts.slice(1);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(options(parts[0]!));
  } else if (visibility === 'public' || interaction.ephemeral) {
    await interaction.editReply({ embeds: parts[0]!.embeds });
  } else {
    await interaction.deleteReply();
    rest = parts;
  }
  for (const part of rest) await interaction.followUp(options(part));
}
