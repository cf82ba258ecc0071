/**
 * Wall-clock arithmetic in IANA time zones over `Intl`, with no clock of its own: every function
 * takes the instant it works on. Used by the slot evaluator and to word schedules for people.
 */

/** A wall-clock reading in some zone. `month` is 1–12; `weekday` is 0 (Sunday) – 6. */
export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
}

const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function localParts(instant: Date | number, timeZone: string): LocalParts {
  const values: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) values[part.type] = part.value;
  const num = (key: string): number => Number(values[key] ?? 0);
  return {
    year: num('year'),
    month: num('month'),
    day: num('day'),
    hour: num('hour') % 24,
    minute: num('minute'),
    second: num('second'),
    weekday: weekdays[values['weekday'] ?? 'Sun'] ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at `instantMs` (Europe/Kyiv in summer: +3 h). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const p = localParts(whole, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

type WallTime = Omit<LocalParts, 'weekday'>;

function readsBack(instantMs: number, wall: WallTime, timeZone: string): boolean {
  const p = localParts(instantMs, timeZone);
  return p.year === wall.year && p.month === wall.month && p.day === wall.day && p.hour === wall.hour && p.minute === wall.minute && p.second === wall.second;
}

/**
 * The instant a wall-clock time happens in `timeZone`: the earlier one when clocks fall back and
 * the time occurs twice, `undefined` when clocks spring forward over it (as node-cron, which skips it).
 */
export function zonedToUtc(wall: WallTime, timeZone: string): number | undefined {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsets = new Set([zoneOffsetMs(guess - 86_400_000, timeZone), zoneOffsetMs(guess, timeZone), zoneOffsetMs(guess + 86_400_000, timeZone)]);
  const found = [...offsets].map((o) => guess - o).filter((t) => readsBack(t, wall, timeZone));
  return found.length ? Math.min(...found) : undefined;
}

/**
 * The zone's offset for the whole local day, or `undefined` when it changes near that day (a DST
 * switch): callers then convert each time on its own with `zonedToUtc`.
 */
export function steadyOffsetOfDay(year: number, month: number, day: number, timeZone: string): number | undefined {
  const midnight = Date.UTC(year, month - 1, day);
  const before = zoneOffsetMs(midnight - 18 * 3_600_000, timeZone);
  const after = zoneOffsetMs(midnight + 42 * 3_600_000, timeZone);
  return before === after ? before : undefined;
}

/**
 * A time zone as the user should see it, or `undefined` when `Intl` does not know it. Keeps the
 * user's spelling when valid (`Europe/Kyiv`, which Node 20 would canonicalize to `Europe/Kiev`),
 * else fixes its case from the zone list.
 */
export function normalizeTimeZone(input: string): string | undefined {
  const name = input.trim();
  if (!name || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  if (name.toUpperCase() === 'UTC' || name.toUpperCase() === 'GMT') return 'UTC';
  const listed = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === name.toLowerCase());
  if (listed) return listed;
  return /[a-z]/.test(name) && /[A-Z]/.test(name) ? name : resolved;
}

/** Edit distance, for suggestions. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Zones whose city is spelled close to the one given (`Europe/Kyyiv` → `Europe/Kyiv`), to suggest after a typo. */
export function suggestTimeZones(input: string, max = 3): string[] {
  const city = (input.split('/').pop() ?? '').toLowerCase();
  if (city.length < 3) return [];
  // Node 20's zone list still says Europe/Kiev; people type Europe/Kyiv.
  const zones = [...new Set(['Europe/Kyiv', ...Intl.supportedValuesOf('timeZone')])];
  return zones
    .map((zone) => {
      const c = (zone.split('/').pop() ?? '').toLowerCase();
      return { zone, d: c.startsWith(city.slice(0, 4)) ? 0 : distance(city, c) };
    })
    .filter((x) => x.d <= Math.min(2, Math.floor(city.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map((x) => x.zone);
}
