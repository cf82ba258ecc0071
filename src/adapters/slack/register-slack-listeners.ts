import type { App, BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import { commandNames, parseCommandLine, type CommandContext, type CommandRequest } from '../../commands/command-request.js';
import { executeCommand, type CommandDeps } from '../../commands/execute-command.js';
import type { Logger } from '../../logger.js';
import { commandFailedMessage as friendlyFailure, errorMessage } from '../../render/help-message.js';
import { unescapeSlack } from './escape-slack.js';
import { canManageChannel } from './can-manage-channel.js';
import { sendSlackReply } from './send-slack-reply.js';
import { parseShareValue, shareActionId, shareButton } from './share-button.js';

export interface SlackListenerEnv {
  readonly deps: CommandDeps;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly restrictDigests: boolean;
}

/** The slash commands of slack/manifest.json; any other name is read as `/sitrep`. */
export const slackCommands = ['/sitrep', '/brief', '/ask', '/numbers', '/sources', '/digest', '/add'] as const;

/**
 * The line `parseCommandLine` reads for a slash command: `/ask foo` → `ask foo`, `/sitrep ask foo`
 * → `ask foo`. Slack sends the text with `&`, `<`, `>` escaped; they are unescaped here and
 * escaped again by the renderer. A renamed command (`/sitrep-ask`, for a clash) maps by its suffix.
 */
export function commandLine(command: string, text: string): string {
  const name = command.replace(/^\//, '').toLowerCase().replace(/^sitrep[-_]/, '');
  const rest = unescapeSlack(text).trim();
  return (commandNames as readonly string[]).includes(name) ? `${name} ${rest}`.trim() : rest;
}

const staleButton = errorMessage('That button no longer works', 'Run the command again, then share the new reply.');

/** Registers the slash commands and the share button on a Bolt app. */
export function registerSlackListeners(app: App, env: SlackListenerEnv): void {
  // Every command is matched, so one renamed in the app settings is still acknowledged in time.
  app.command(/^\/.+/, async ({ command, ack, respond, client }) => {
    // Slack's 3-second deadline (Bolt answers 404 itself after 3,001 ms): acknowledge before any work.
    // Fetching a page can take seconds: /add says so at once, in the acknowledgement itself.
    if (/^add\b/i.test(commandLine(command.command, command.text))) await ack({ response_type: 'ephemeral', text: 'Fetching the link…' });
    else await ack();
    await runCommand({ command: command.command, text: command.text, channelId: command.channel_id, userId: command.user_id, respond, client }, env);
  });

  app.action<BlockAction<ButtonAction>>({ action_id: shareActionId }, async ({ ack, body, action, respond, client }) => {
    await ack();
    const channelId = body.channel?.id ?? String(body.container['channel_id'] ?? '');
    await shareReply({ value: action.value, channelId, userId: body.user.id, respond, client }, env);
  });

  app.error(async (error) => {
    env.logger.error('slack request failed', { code: error.code, error });
  });
}

interface CommandInput {
  readonly command: string;
  readonly text: string;
  readonly channelId: string;
  readonly userId: string;
  readonly respond: RespondFn;
  readonly client: webApi.WebClient;
}

async function runCommand(input: CommandInput, env: SlackListenerEnv): Promise<void> {
  const { deps, logger } = env;
  try {
    const parsed = parseCommandLine(commandLine(input.command, input.text), deps.topics.names());
    if ('error' in parsed) {
      const help = errorMessage('Not a Sitrep command', `${parsed.error} Type /sitrep help for the list.`);
      await sendSlackReply(input.respond, help, { visibility: 'private' }, logger);
      return;
    }
    const reply = await executeCommand(parsed, await contextOf(input, env), deps);
    const share = reply.visibility === 'private' && reply.message.tone !== 'error' ? shareButton(parsed) : undefined;
    await sendSlackReply(input.respond, reply.message, { visibility: reply.visibility, upload: { client: input.client, channelId: input.channelId }, ...(share ? { trailer: [share] } : {}) }, logger);
  } catch (error) {
    await fail(input.respond, error, { command: input.command, channelId: input.channelId }, logger);
  }
}

interface ShareInput {
  readonly value: string | undefined;
  readonly channelId: string;
  readonly userId: string;
  readonly respond: RespondFn;
  readonly client: webApi.WebClient;
}

/**
 * "Share in channel": the command runs again as public, its reply is posted in the channel through
 * the button's response_url, then the private copy is deleted (an ephemeral message cannot be
 * turned into a public one with replace_original, so it is posted anew).
 */
async function shareReply(input: ShareInput, env: SlackListenerEnv): Promise<void> {
  const { deps, logger } = env;
  try {
    const request: CommandRequest | undefined = parseShareValue(input.value);
    if (!request) {
      logger.warn('slack share button with an unreadable value', { channelId: input.channelId });
      await sendSlackReply(input.respond, staleButton, { visibility: 'private' }, logger);
      return;
    }
    const reply = await executeCommand(request, await contextOf(input, env), deps);
    // One response_url post is kept for deleting the private copy.
    await sendSlackReply(input.respond, reply.message, { visibility: reply.visibility, reserve: 1, upload: { client: input.client, channelId: input.channelId } }, logger);
    if (reply.visibility === 'public') await input.respond({ delete_original: true });
  } catch (error) {
    await fail(input.respond, error, { action: shareActionId, channelId: input.channelId }, logger);
  }
}

async function contextOf(input: { channelId: string; userId: string; client: webApi.WebClient }, env: SlackListenerEnv): Promise<CommandContext> {
  return {
    platform: 'slack',
    channelId: input.channelId,
    userId: input.userId,
    canManageChannel: await canManageChannel(input.client, input.userId, env.restrictDigests, env.logger),
    now: env.now(),
  };
}

/** The cause goes to the log; the user gets a short message, never a stack trace or a token. */
async function fail(respond: RespondFn, error: unknown, where: Record<string, unknown>, logger: Logger): Promise<void> {
  logger.error('slack command failed', { ...where, error });
  try {
    await sendSlackReply(respond, friendlyFailure, { visibility: 'private' }, logger);
  } catch (replyError) {
    logger.error('slack reply failed', { ...where, error: replyError });
  }
}
