import { LogLevel, webApi, type Logger as BoltLogger } from '@slack/bolt';
import { createBoltLogger } from './create-bolt-logger.js';
import type { Logger } from '../../logger.js';

export interface SlackWebApiCheck {
  /** Checked with auth.test; unset (OAuth: no workspace token yet), the Web API is only reached, with api.test. */
  readonly botToken?: string;
  /** SLACK_API_URL with its trailing slash; undefined: Slack's own. */
  readonly apiUrl?: string;
  /** The whole check. */
  readonly timeoutMs: number;
  readonly logger: Logger;
}

const slacksOwn = 'https://slack.com/api/';

/**
 * One `auth.test`, with no retries and a deadline, before Bolt's own: the WebClient's default
 * policy retries an unreachable Web API for many minutes, so start-up would hang with warnings
 * instead of failing. Throws an error naming the setting to fix (SLACK_API_URL or SLACK_BOT_TOKEN).
 * Without a bot token (OAuth) it calls `api.test`, which needs none.
 */
export async function checkSlackWebApi(check: SlackWebApiCheck): Promise<void> {
  const where = check.apiUrl ? `SLACK_API_URL=${check.apiUrl}` : `${slacksOwn} (SLACK_API_URL is unset)`;
  // Its warnings would repeat the one error thrown below: only errors go to the log.
  const logger = createBoltLogger(check.logger);
  logger.setLevel(LogLevel.ERROR);
  const client = new webApi.WebClient(check.botToken, {
    ...(check.apiUrl ? { slackApiUrl: check.apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: check.timeoutMs,
    logger: quiet(logger),
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${check.timeoutMs} ms`)), check.timeoutMs);
  });
  try {
    await Promise.race([check.botToken ? client.auth.test() : client.api.test(), deadline]);
  } catch (error) {
    throw describeFailure(error, where);
  } finally {
    clearTimeout(timer);
  }
}

function describeFailure(error: unknown, where: string): Error {
  const e = error as { code?: string; message?: string; data?: { error?: string } };
  if (e.code === webApi.ErrorCode.PlatformError) {
    return new Error(`Invalid setting SLACK_BOT_TOKEN: the Slack Web API at ${where} refused it (${e.data?.error ?? 'error'})`);
  }
  return new Error(`cannot reach the Slack Web API at ${where}: ${e.message ?? String(error)}`);
}

/** The WebClient logs through `debug`…`error`; only errors pass. */
function quiet(logger: BoltLogger): BoltLogger {
  const silent = (): void => undefined;
  return { ...logger, debug: silent, info: silent, warn: silent };
}
