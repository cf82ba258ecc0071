import type { RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { Message } from '../../render/message.js';
import { renderSlackMessage } from './render-slack-message.js';
import type { SlackBlock } from './slack-blocks.js';
import { uploadSlackChart } from './upload-slack-chart.js';

/** Slack accepts at most 5 posts to one response_url (within 30 minutes). */
export const responseUrlPosts = 5;

export interface SlackReplyOptions {
  readonly visibility: 'private' | 'public';
  /** Blocks under the last message (the share button). */
  readonly trailer?: readonly SlackBlock[];
  /** Posts to the response_url already used (sharing deletes the original afterwards). */
  readonly reserve?: number;
  /** Where a public reply's chart is uploaded (a file cannot be ephemeral: private replies carry none). */
  readonly upload?: { readonly client: webApi.WebClient; readonly channelId: string };
}

/**
 * Sends a reply through `respond()` (the response_url): ephemeral unless public. A reply that
 * needs more messages than the response_url allows ends with a note saying what was left out.
 */
export async function sendSlackReply(respond: RespondFn, message: Message, options: SlackReplyOptions, logger: Logger): Promise<void> {
  const responseType = options.visibility === 'public' ? 'in_channel' : 'ephemeral';
  let payloads = renderSlackMessage(message, options.trailer ? { trailer: options.trailer } : {});
  const room = responseUrlPosts - (options.reserve ?? 0);
  if (payloads.length > room) {
    logger.warn('slack reply longer than the response_url allows', { parts: payloads.length, sent: room });
    const cut = `The rest of "${message.title}" did not fit in this reply; ask a narrower question, or use /numbers or /sources.`;
    payloads = [...payloads.slice(0, room - 1), renderSlackMessage({ title: '', sections: [{ style: 'plain', items: [{ text: cut }] }], tone: 'normal' })[0]!];
  }
  for (const payload of payloads) {
    // response_url posts never carry link_names, and Slack does not unfurl them here by default.
    const args: RespondArguments = { response_type: responseType, replace_original: false, text: payload.text, blocks: payload.blocks };
    await respond(args);
  }
  // After the text, which never waits on the chart nor fails with it.
  if (message.chart && options.visibility === 'public' && options.upload) await uploadSlackChart(options.upload.client, options.upload.channelId, message.chart, logger);
}
