/**
 * Which instants a cron schedule fires at in a time zone, computed rather than waited for: the
 * scheduler asks "which slots fell in (from, to]?" with times from an injected clock, so a test
 * can step across a DST switch without sleeping. Fields are expanded by node-cron's own parser and
 * matched as node-cron matches them (day of month AND day of week; `L`, `LW`, `15W`, `L-2`, `5L`,
 * `1#2`), so a slot computed here is a tick node-cron fires.
 */
import { parse, validateDetailed, type ParsedFields } from 'node-cron';
import { localParts, steadyOffsetOfDay, zonedToUtc } from './zoned-time.js';

export type CronCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Validates a 5- or 6-field cron expression (seconds first when 6). */
export function checkCron(cron: string): CronCheck {
  const result = validateDetailed(cron);
  if (result.valid) return { ok: true };
  const first = result.errors[0];
  return { ok: false, reason: first ? `${first.field}: ${first.message}` : 'invalid cron expression' };
}

const parsed = new Map<string, ParsedFields>();

function fieldsOf(cron: string): ParsedFields {
  let fields = parsed.get(cron);
  if (!fields) {
    fields = parse(cron);
    fields = { ...fields, second: [...fields.second].sort((a, b) => a - b), minute: [...fields.minute].sort((a, b) => a - b), hour: [...fields.hour].sort((a, b) => a - b) };
    parsed.set(cron, fields);
  }
  return fields;
}

const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const weekdayOf = (year: number, month: number, day: number): number => new Date(Date.UTC(year, month - 1, day)).getUTCDay();

function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDay(year, month);
  if (target < 1 || target > last) return -1;
  const wd = weekdayOf(year, month, target);
  if (wd === 6) return target === 1 ? 3 : target - 1;
  if (wd === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function matchesDayOfMonth(field: readonly (number | string)[], year: number, month: number, day: number): boolean {
  return field.some((v) => {
    if (v === day) return true;
    if (typeof v !== 'string') return false;
    if (v === 'L') return day === lastDay(year, month);
    const w = /^(\d{1,2}|L)W$/.exec(v);
    if (w) return nearestWeekday(year, month, w[1] === 'L' ? lastDay(year, month) : Number(w[1])) === day;
    const offset = /^L-(\d{1,2})$/.exec(v);
    return offset ? lastDay(year, month) - Number(offset[1]) === day : false;
  });
}

function matchesDayOfWeek(field: readonly (number | string)[], year: number, month: number, day: number): boolean {
  const wd = weekdayOf(year, month, day);
  return field.some((v) => {
    if (v === wd) return true;
    if (typeof v !== 'string') return false;
    const nth = /^([0-7])#([1-5])$/.exec(v);
    if (nth) return Number(nth[1]) % 7 === wd && Math.floor((day - 1) / 7) + 1 === Number(nth[2]);
    const last = /^([0-7])L$/i.exec(v);
    return last ? Number(last[1]) % 7 === wd && day + 7 > lastDay(year, month) : false;
  });
}

interface LocalDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The slot instants (ms) of one local day, in ascending order. */
function slotsOfDay(fields: ParsedFields, d: LocalDay, timeZone: string): number[] {
  if (!fields.month.includes(d.month) || !matchesDayOfMonth(fields.dayOfMonth, d.year, d.month, d.day) || !matchesDayOfWeek(fields.dayOfWeek, d.year, d.month, d.day)) {
    return [];
  }
  const steady = steadyOffsetOfDay(d.year, d.month, d.day, timeZone);
  const out: number[] = [];
  for (const hour of fields.hour) {
    for (const minute of fields.minute) {
      for (const second of fields.second) {
        const t = steady !== undefined ? Date.UTC(d.year, d.month - 1, d.day, hour, minute, second) - steady : zonedToUtc({ ...d, hour, minute, second }, timeZone);
        if (t !== undefined) out.push(t);
      }
    }
  }
  // Around a switch the conversion can reorder (an hour repeated); keep ascending and distinct.
  return steady !== undefined ? out : [...new Set(out)].sort((a, b) => a - b);
}

/** Local days from the one holding `fromMs` to the one holding `toMs`, inclusive. */
function localDays(fromMs: number, toMs: number, timeZone: string): LocalDay[] {
  const first = localParts(fromMs, timeZone);
  const last = localParts(toMs, timeZone);
  const days: LocalDay[] = [];
  for (let t = Date.UTC(first.year, first.month - 1, first.day); t <= Date.UTC(last.year, last.month - 1, last.day); t += 86_400_000) {
    days.push(dayAt(t));
  }
  return days;
}

function dayAt(utcMidnight: number): LocalDay {
  const d = new Date(utcMidnight);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The slots of `cron` in `timeZone` that fall in (from, to], oldest first, at most `limit` (the
 * latest ones kept). A wall time skipped by a spring-forward switch has no slot; one repeated by a
 * fall-back switch has one, the first. Throws on an invalid expression (validate with `checkCron`).
 */
export function dueSlots(cron: string, timeZone: string, from: Date, to: Date, limit = 1000): Date[] {
  const fields = fieldsOf(cron);
  const lo = from.getTime();
  const hi = to.getTime();
  if (hi <= lo) return [];
  const out: number[] = [];
  for (const day of localDays(lo, hi, timeZone)) {
    for (const t of slotsOfDay(fields, day, timeZone)) if (t > lo && t <= hi) out.push(t);
  }
  return out.slice(-limit).map((t) => new Date(t));
}

/** The latest slot in (from, to], or `undefined`. Walks days backwards, so it is cheap for a long window. */
export function latestSlot(cron: string, timeZone: string, from: Date, to: Date): Date | undefined {
  const fields = fieldsOf(cron);
  const lo = from.getTime();
  const hi = to.getTime();
  if (hi <= lo) return undefined;
  const days = localDays(lo, hi, timeZone);
  for (let i = days.length - 1; i >= 0; i--) {
    const inRange = slotsOfDay(fields, days[i]!, timeZone).filter((t) => t > lo && t <= hi);
    const last = inRange.at(-1);
    if (last !== undefined) return new Date(last);
  }
  return undefined;
}

/** The first slot after `after`, looking up to `horizonDays` ahead (a 29 February needs four years). */
export function nextSlot(cron: string, timeZone: string, after: Date, horizonDays = 1500): Date | undefined {
  const fields = fieldsOf(cron);
  const lo = after.getTime();
  const start = localParts(lo, timeZone);
  const startDay = Date.UTC(start.year, start.month - 1, start.day);
  for (let i = 0; i <= horizonDays; i++) {
    const t = slotsOfDay(fields, dayAt(startDay + i * 86_400_000), timeZone).find((s) => s > lo);
    if (t !== undefined) return new Date(t);
  }
  return undefined;
}
