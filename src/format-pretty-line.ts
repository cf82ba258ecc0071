/** A log record as one line a person reads at a terminal: local time, level, message, then `key=value` fields. */
export interface LogRecord {
  readonly time: string;
  readonly level: string;
  readonly msg: string;
  readonly [field: string]: unknown;
}

const colors: Record<string, string> = { debug: '\x1b[90m', info: '\x1b[36m', warn: '\x1b[33m', error: '\x1b[31m' };
const reset = '\x1b[0m';
const dim = '\x1b[2m';

export function formatPrettyLine(record: LogRecord, color: boolean): string {
  const { time, level, msg, ...fields } = record;
  const clock = new Date(time).toTimeString().slice(0, 8);
  const label = level.toUpperCase().padEnd(5);
  const parts = Object.entries(fields).map(([key, value]) => `${key}=${formatValue(value)}`);
  const stack = errorStack(fields);
  const safeMsg = JSON.stringify(msg).slice(1, -1).replace(c1, escapeChar);
  const head = color ? `${dim}${clock}${reset} ${colors[level] ?? ''}${label}${reset} ${safeMsg}` : `${clock} ${label} ${safeMsg}`;
  const rest = parts.length ? ` ${color ? dim : ''}${parts.join(' ')}${color ? reset : ''}` : '';
  return head + rest + (stack ? `\n${stack}` : '');
}

// eslint-disable-next-line no-control-regex
const needsQuotes = /[\s"=\u0000-\u001f\u007f-\u009f]/;
const c1 = /[\u007f-\u009f]/g;

/** Strings are quoted (and their control characters escaped) when bare they would be ambiguous or drive the terminal. */
function formatValue(value: unknown): string {
  if (typeof value === 'string') return needsQuotes.test(value) || value === '' ? quote(value) : value;
  if (isErrorJson(value)) return quote(`${value.name}: ${value.message}`);
  return (JSON.stringify(value) ?? String(value)).replace(c1, escapeChar);
}

function quote(text: string): string {
  return JSON.stringify(text).replace(c1, escapeChar);
}

function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

interface ErrorJson {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

function isErrorJson(value: unknown): value is ErrorJson {
  return typeof value === 'object' && value !== null && 'name' in value && 'message' in value && typeof (value as ErrorJson).message === 'string';
}

/** The first error's stack, indented under the line, without its first line (the message, shown already). */
function errorStack(fields: Record<string, unknown>): string | undefined {
  const error = Object.values(fields).find(isErrorJson);
  const frames = error?.stack?.split('\n').slice(1);
  return frames?.length ? frames.map((f) => `    ${quote(f.trim()).slice(1, -1)}`).join('\n') : undefined;
}
