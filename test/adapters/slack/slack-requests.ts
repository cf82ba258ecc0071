/** Signed requests as Slack sends them to /slack/events. */
import { createHmac } from 'node:crypto';

export const signingSecret = 'test-signing-secret-0123456789abcdef';

/** `v0=` + hex HMAC-SHA256(secret, `v0:<ts>:<raw body>`), over the exact bytes sent. */
export function sign(body: string, timestamp: number, secret = signingSecret): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Unix seconds; defaults to now. */
  readonly timestamp?: number;
  /** Override the signature; null sends none. */
  readonly signature?: string | null;
  /** Sign with this secret instead of the app's. */
  readonly secret?: string;
}

/** POSTs a form body, exactly `application/x-www-form-urlencoded` (no charset: Bolt would answer 400). */
export async function postSigned(url: string, body: string, options: SendOptions = {}, contentType = 'application/x-www-form-urlencoded'): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature === undefined ? sign(body, timestamp, options.secret) : options.signature;
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      ...(signature === null ? {} : { 'x-slack-signature': signature }),
    },
    body,
  });
  return { status: res.status, text: await res.text(), ms: Date.now() - started };
}

export interface SlashCommand {
  readonly command: string;
  readonly text: string;
  readonly responseUrl: string;
  readonly userId?: string;
  readonly channelId?: string;
  /** The workspace it comes from. Default T0TEST. */
  readonly teamId?: string;
}

let triggers = 0;
/** Slack gives every command and click its own trigger id (and so its own signature). */
const nextTriggerId = (): string => `1234567890.${String(++triggers).padStart(6, '0')}.abcdef`;

/** The fields Slack posts for a slash command. */
export function slashCommandFields(c: SlashCommand): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: c.teamId ?? 'T0TEST',
    team_domain: 'sitrep-test',
    channel_id: c.channelId ?? 'C0NEWS',
    channel_name: 'news',
    user_id: c.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: c.command,
    text: c.text,
    api_app_id: 'A0TEST',
    is_enterprise_install: 'false',
    response_url: c.responseUrl,
    trigger_id: nextTriggerId(),
  };
}

export function slashCommandBody(c: SlashCommand): string {
  return new URLSearchParams(slashCommandFields(c)).toString();
}

/** A click on a button of an ephemeral message, as a block_actions interaction (form field `payload`). */
export function buttonClickBody(opts: { actionId: string; value: string; responseUrl: string; userId?: string; channelId?: string }): string {
  const payload = {
    type: 'block_actions',
    user: { id: opts.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000001.000100', channel_id: opts.channelId ?? 'C0NEWS', is_ephemeral: true },
    trigger_id: nextTriggerId(),
    team: { id: 'T0TEST', domain: 'sitrep-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: opts.channelId ?? 'C0NEWS', name: 'news' },
    response_url: opts.responseUrl,
    actions: [
      { action_id: opts.actionId, block_id: 'sitrep_share_block', text: { type: 'plain_text', text: 'Share in channel' }, value: opts.value, type: 'button', action_ts: '1700000002.000200' },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let events = 0;

/** An Events API callback (`event_callback`) from a workspace, as JSON: POST it with `postSignedEvent`. */
export function eventCallbackBody(teamId: string, event: Record<string, unknown>): string {
  const id = String(++events).padStart(6, '0');
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A0TEST',
    event: { event_ts: `1700000100.${id}`, ...event },
    type: 'event_callback',
    event_id: `Ev0${id}`,
    event_time: 1700000100,
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: `U0BOT${teamId}`, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** POSTs a signed JSON body, as Slack sends events. */
export function postSignedEvent(url: string, body: string, options: SendOptions = {}): Promise<{ status: number; text: string; ms: number }> {
  return postSigned(url, body, options, 'application/json');
}
