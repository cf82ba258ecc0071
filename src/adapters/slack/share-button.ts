import { z } from 'zod';
import { commandRequestSchema, type CommandRequest } from '../../commands/command-request.js';
import { escapeSlack, unescapeSlack } from './escape-slack.js';
import { slackLimits, type SlackActionsBlock } from './slack-blocks.js';

/** The `action_id` of the "Share in channel" button on private replies. */
export const shareActionId = 'sitrep_share';

const shareValueSchema = z.object({ n: z.string(), t: z.string(), p: z.string().optional() });

/**
 * A "Share in channel" button for a private reply. The button carries the command, not the reply
 * (a button value holds 2,000 characters; a briefing is longer), and sharing runs it again: the
 * engine is deterministic, so the channel sees the same answer unless the articles changed since.
 * Returns nothing when the command is too long to carry.
 */
export function shareButton(request: CommandRequest): SlackActionsBlock | undefined {
  // Escaped like every text Sitrep sends, although Slack never renders a button value.
  const value = escapeSlack(JSON.stringify({ n: request.name, t: request.text, ...(request.topic ? { p: request.topic } : {}) }));
  if (value.length > slackLimits.buttonValue) return undefined;
  return {
    type: 'actions',
    block_id: 'sitrep_share_block',
    elements: [{ type: 'button', action_id: shareActionId, text: { type: 'plain_text', text: 'Share in channel' }, value }],
  };
}

/** The public request a share button stands for, or undefined for a value Sitrep did not make. */
export function parseShareValue(value: string | undefined): CommandRequest | undefined {
  if (!value) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(unescapeSlack(value));
  } catch {
    return undefined;
  }
  const share = shareValueSchema.safeParse(json);
  if (!share.success) return undefined;
  const request = commandRequestSchema.safeParse({ name: share.data.n, text: share.data.t, topic: share.data.p, public: true });
  return request.success ? request.data : undefined;
}
