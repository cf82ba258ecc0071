import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * Routes Bolt's and the WebClient's logging into Sitrep's structured logger, so their lines are
 * filtered by LOG_LEVEL and scrubbed of tokens like every other line.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  let name = 'bolt';
  const line = (parts: unknown[]): string => parts.map(describe).join(' ');
  return {
    debug: (...msg: unknown[]) => logger.debug(line(msg), { from: name }),
    info: (...msg: unknown[]) => logger.info(line(msg), { from: name }),
    warn: (...msg: unknown[]) => logger.warn(line(msg), { from: name }),
    error: (...msg: unknown[]) => logger.error(line(msg), { from: name }),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: (n: string) => void (name = n),
  };
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}
