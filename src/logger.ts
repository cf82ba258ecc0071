/**
 * Structured logs on stderr: one JSON object a line, or, on a terminal, one readable line
 * (`21:08:14 WARN  skipped article file topic=seed path=…`). Secrets are redacted by value (every
 * token the config holds) and by key (`token`, `secret`, `authorization`), in both forms, so a log
 * line can never carry one, whatever an error message quotes.
 */
import { formatPrettyLine } from './format-pretty-line.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const secretKey = /token|secret|authorization|password|signature/i;

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Values to blank wherever they appear. */
  readonly secrets?: readonly string[];
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
  /** `json` (the default) for machines; `pretty` for a person at a terminal, `color` adds ANSI colours. */
  readonly format?: 'json' | 'pretty';
  readonly color?: boolean;
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = order[options.level];
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const now = options.now ?? (() => new Date());
  const scrub = (text: string): string => secrets.reduce((t, s) => t.split(s).join('[redacted]'), text);
  const pretty = options.format === 'pretty';
  const color = options.color ?? false;

  const log = (level: Exclude<LogLevel, 'silent'>, msg: string, fields: Record<string, unknown> = {}): void => {
    if (order[level] < threshold) return;
    const record = { time: now().toISOString(), level, msg, ...fields };
    // Both forms go through the same JSON pass, so key redaction and Error handling are shared.
    const json = JSON.stringify(record, redactKeys);
    write(scrub(pretty ? formatPrettyLine(JSON.parse(json) as typeof record, color) : json));
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

function redactKeys(key: string, value: unknown): unknown {
  if (key && secretKey.test(key) && typeof value === 'string') return '[redacted]';
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A logger that drops everything, for tests and one-shot CLI runs. */
export const silentLogger: Logger = createLogger({ level: 'silent' });
