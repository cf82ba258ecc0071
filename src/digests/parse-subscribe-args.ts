import { normalizeTimeZone, suggestTimeZones } from './zoned-time.js';

/** A time of day, 24-hour. */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

export interface SubscribeArgs {
  readonly time: TimeOfDay;
  readonly timeZone: string;
  /** A topic named among the words, if any. */
  readonly topic?: string;
}

/** A problem with what the user typed: a title and a sentence that says how to fix it. */
export interface ArgsProblem {
  readonly title: string;
  readonly text: string;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ArgsProblem };

const timeHelp = 'Give a time like 08:00, 8am or 8:30pm.';
const zoneHelp = 'Use an IANA time zone name such as Europe/Kyiv, America/New_York or UTC.';
/** Words people put in a schedule that carry nothing: `subscribe daily at 8am in Europe/Kyiv`. */
const filler = new Set(['at', 'daily', 'every', 'day', 'in', 'tz', 'timezone']);

/**
 * Parses a time of day: `08:00`, `8:30`, `8am`, `8:30pm`, `12am` (midnight), or a bare hour `8`.
 * Returns `undefined` for anything else, including `25:00` and `13pm`.
 */
export function parseTimeOfDay(word: string): TimeOfDay | undefined {
  const w = word.trim().toLowerCase();
  const ampm = /^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$/.exec(w);
  if (ampm) {
    const h = Number(ampm[1]);
    const m = Number(ampm[2] ?? 0);
    if (h < 1 || h > 12 || m > 59) return undefined;
    return { hour: (h % 12) + (ampm[3] === 'p' ? 12 : 0), minute: m };
  }
  const clock = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(w);
  if (!clock) return undefined;
  const h = Number(clock[1]);
  const m = Number(clock[2] ?? 0);
  return h <= 23 && m <= 59 ? { hour: h, minute: m } : undefined;
}

/** `08:00` */
export function formatTimeOfDay(t: TimeOfDay): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** Reads `digest subscribe` words in any order: a time (default 08:00), a time zone (default UTC), a topic. */
export function parseSubscribeArgs(words: readonly string[], topicNames: readonly string[]): ParseResult<SubscribeArgs> {
  let time: TimeOfDay | undefined;
  let timeZone: string | undefined;
  let topic: string | undefined;
  const fail = (title: string, text: string): ParseResult<SubscribeArgs> => ({ ok: false, problem: { title, text } });
  for (const word of words) {
    if (filler.has(word.toLowerCase())) continue;
    const knownTopic = topicNames.find((t) => t.toLowerCase() === word.toLowerCase());
    if (knownTopic) {
      if (topic && topic !== knownTopic) return fail('One topic at a time', `Subscribe to "${topic}" and "${knownTopic}" with two commands.`);
      topic = knownTopic;
    } else if (/^\d/.test(word)) {
      const parsed = parseTimeOfDay(word);
      if (!parsed) return fail(`"${word}" is not a time of day`, timeHelp);
      if (time) return fail('One time at a time', `A digest goes out once a day; got both ${formatTimeOfDay(time)} and ${word}.`);
      time = parsed;
    } else {
      const zone = normalizeTimeZone(word);
      if (!zone) {
        const near = suggestTimeZones(word);
        const hint = near.length ? ` Did you mean ${near.join(' or ')}?` : '';
        const topics = topicNames.length ? ` Topics here: ${topicNames.join(', ')}.` : '';
        return fail(`"${word}" is not a time zone or topic I know`, `${zoneHelp}${hint}${topics}`);
      }
      if (timeZone && timeZone !== zone) return fail('One time zone at a time', `Got both ${timeZone} and ${zone}.`);
      timeZone = zone;
    }
  }
  return { ok: true, value: { time: time ?? { hour: 8, minute: 0 }, timeZone: timeZone ?? 'UTC', ...(topic ? { topic } : {}) } };
}
