import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { ChartSeries } from '../../render/chart/chart-series.js';
import { renderChartPng } from '../../render/chart/render-chart.js';
import { classify } from './create-slack-channel-poster.js';

/**
 * Draws a chart and shares it to a channel with files.uploadV2 (files.getUploadURLExternal, the
 * upload, files.completeUploadExternal; needs the `files:write` scope). Never throws: a chart that
 * cannot be drawn or uploaded is logged and left out, and whatever text it came with stands.
 * Returns the file's id, or undefined when it was not posted.
 */
export async function uploadSlackChart(client: webApi.WebClient, channelId: string, series: ChartSeries, logger: Logger): Promise<string | undefined> {
  try {
    const image = await renderChartPng(series);
    const title = `Chart: ${series.label || 'key number'}, as reported`;
    const result = await client.files.uploadV2({ channel_id: channelId, file: image.png, filename: image.filename, title, alt_text: image.alt });
    const files = (result as { files?: { files?: { id?: string }[] }[] }).files ?? [];
    return files[0]?.files?.[0]?.id ?? '';
  } catch (error) {
    logger.warn('chart not posted to slack', { channelId, detail: classify(error).detail });
    return undefined;
  }
}
