import type { RawFile } from 'discord.js';
import type { ChartSeries } from '../../render/chart/chart-series.js';
import { chartAlt, chartFilename, renderChartPng } from '../../render/chart/render-chart.js';
import type { DiscordEmbed } from './discord-embeds.js';
import { escapeDiscord } from './escape-discord.js';

/** Discord's limit on an embed title. */
const titleLimit = 256;

/**
 * The embed that shows a chart: its image is the message's attachment (`attachment://<file>`).
 * Pure, so that a digest part can be looked up by it without drawing the chart again.
 */
export function discordChartEmbed(series: ChartSeries): DiscordEmbed & { readonly image: { readonly url: string } } {
  const title = escapeDiscord(`Chart: ${series.label || 'key number'}, as reported`).slice(0, titleLimit);
  return { title, image: { url: `attachment://${chartFilename(series)}` } };
}

/** The chart drawn as a message body and its file, for a webhook follow-up or a channel post (multipart). */
export async function discordChartMessage(series: ChartSeries): Promise<{ body: Record<string, unknown>; files: RawFile[] }> {
  const image = await renderChartPng(series);
  return {
    body: { embeds: [discordChartEmbed(series)], attachments: [{ id: 0, filename: image.filename, description: chartAlt(series).slice(0, 1024) }], allowed_mentions: { parse: [] } },
    files: [{ name: image.filename, data: image.png, contentType: 'image/png' }],
  };
}
