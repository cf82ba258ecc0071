import { MessageFlags, Routes, type ChatInputCommandInteraction, type InteractionReplyOptions, type REST } from 'discord.js';
import type { Logger } from '../../logger.js';
import type { DiscordPayload } from './discord-embeds.js';
import { renderDiscordMessage } from './render-discord-message.js';
import type { Message } from '../../render/message.js';
import { discordChartMessage } from './discord-chart.js';

/** No text Sitrep sends can ping: user, role, `@everyone` and `@here` mentions are all off. */
const noMentions = { parse: [] };

/**
 * Answers a slash command with a rendered message. The first part replaces the deferred
 * "thinking…" reply (or is the reply, when nothing was deferred); further parts are follow-ups
 * with the same visibility. A private answer to a public deferral (a failure) deletes the public
 * placeholder and follows up privately, so the channel never sees it. Every part is sent with
 * mentions off. A chart goes last, as a follow-up whose embed shows its attached PNG; one that
 * cannot be drawn or sent is logged (with `logger`) and the text stands.
 *
 * Edits, follow-ups and the delete go to the interaction's webhook through `replies`, a REST client
 * of its own: Discord keeps interaction endpoints out of the bot's global rate limit, but
 * discord.js's client-wide 50 requests/s cap would otherwise queue replies behind it under load.
 */
export async function sendDiscordReply(interaction: ChatInputCommandInteraction, message: Message, visibility: 'private' | 'public', replies: REST, logger?: Logger): Promise<void> {
  const parts = renderDiscordMessage(message);
  const original = Routes.webhookMessage(interaction.applicationId, interaction.token, '@original');
  const ephemeral = visibility === 'private' ? ({ flags: MessageFlags.Ephemeral } as const) : {};
  let rest = parts.slice(1);
  if (!interaction.deferred && !interaction.replied) {
    // The interaction callback: discord.js already keeps it out of the global cap.
    await interaction.reply({ embeds: parts[0]!.embeds, ...ephemeral } satisfies InteractionReplyOptions);
  } else if (visibility === 'public' || interaction.ephemeral) {
    await replies.patch(original, { body: { embeds: parts[0]!.embeds, allowed_mentions: noMentions }, auth: false });
  } else {
    await replies.delete(original, { auth: false });
    rest = parts;
  }
  // wait=true: Discord answers once the message exists, so a follow-up that failed is known.
  const query = new URLSearchParams({ wait: 'true' });
  for (const part of rest) await replies.post(Routes.webhook(interaction.applicationId, interaction.token), { body: followUp(part, ephemeral), query, auth: false });
  if (!message.chart) return;
  try {
    const chart = await discordChartMessage(message.chart);
    await replies.post(Routes.webhook(interaction.applicationId, interaction.token), { body: { ...chart.body, ...ephemeral }, files: chart.files, query, auth: false });
  } catch (error) {
    logger?.warn('chart not posted to discord', { interaction: interaction.id, detail: error instanceof Error ? error.message.slice(0, 200) : String(error) });
  }
}

function followUp(part: DiscordPayload, ephemeral: { readonly flags?: MessageFlags }): Record<string, unknown> {
  return { embeds: part.embeds, allowed_mentions: noMentions, ...ephemeral };
}
