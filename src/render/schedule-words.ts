/**
 * Schedules and instants in words for people: "every day at 08:00 Europe/Kyiv",
 * "Tue 11 Mar, 08:00". Cron patterns too unusual to word are shown as they are.
 */

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dayAbbrev: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const pad = (n: number): string => String(n).padStart(2, '0');
const isNumber = (field: string): boolean => /^\d{1,2}$/.test(field);

function dayOfWeek(field: string): number | undefined {
  if (/^[0-7]$/.test(field)) return Number(field) % 7;
  return dayAbbrev[field.toLowerCase()];
}

/** When in the day: `at 08:00`, `at 08:00 and 18:00`, or undefined when not a plain list of times. */
function timesOfDay(minute: string, hour: string): string | undefined {
  if (!isNumber(minute) || !/^\d{1,2}(,\d{1,2})*$/.test(hour)) return undefined;
  const times = hour.split(',').map((h) => `${pad(Number(h))}:${pad(Number(minute))}`);
  return `at ${times.length > 1 ? `${times.slice(0, -1).join(', ')} and ${times.at(-1)}` : times[0]}`;
}

/** Which days: `every day`, `every weekday`, `every Monday`, `on day 1 of every month`, or undefined. */
function days(dom: string, month: string, dow: string): string | undefined {
  if (month !== '*') return undefined;
  if (dom === '*' && dow === '*') return 'every day';
  if (dom === '*' && /^(1-5|mon-fri)$/i.test(dow)) return 'every weekday (Monday to Friday)';
  if (dom === '*' && /^(0,6|6,0|sat,sun|sun,sat)$/i.test(dow)) return 'every Saturday and Sunday';
  const single = dom === '*' ? dayOfWeek(dow) : undefined;
  if (single !== undefined) return `every ${dayNames[single]}`;
  if (isNumber(dom) && dow === '*') return `on day ${Number(dom)} of every month`;
  return undefined;
}

/**
 * A cron schedule in words with its zone: `every day at 08:00 Europe/Kyiv`,
 * `every 30 minutes (UTC)`, else `on the schedule "0 8 1-7 * 1" (Europe/Kyiv)`.
 */
export function describeSchedule(cron: string, timeZone: string): string {
  let fields = cron.trim().split(/\s+/);
  if (fields.length === 6) {
    if (fields[0] !== '0') return `on the schedule "${cron}" (${timeZone})`;
    fields = fields.slice(1);
  }
  const [minute = '', hour = '', dom = '', month = '', dow = ''] = fields;
  const everyDay = dom === '*' && month === '*' && dow === '*';
  if (everyDay && hour === '*' && /^\*\/\d+$/.test(minute)) return `every ${minute.slice(2)} minutes (${timeZone})`;
  if (everyDay && hour === '*' && minute === '*') return `every minute (${timeZone})`;
  if (everyDay && hour === '*' && isNumber(minute)) return `every hour at :${pad(Number(minute))} (${timeZone})`;
  if (everyDay && /^\*\/\d+$/.test(hour) && isNumber(minute)) return `every ${hour.slice(2)} hours at :${pad(Number(minute))} (${timeZone})`;
  const when = timesOfDay(minute, hour);
  const which = days(dom, month, dow);
  if (when && which) return `${which} ${when} ${timeZone}`;
  return `on the schedule "${cron}" (${timeZone})`;
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** `Tue 11 Mar 2025, 08:00` in `timeZone`. */
export function formatInstant(instant: Date, timeZone: string): string {
  let f = instantFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    instantFormats.set(timeZone, f);
  }
  return f.format(instant);
}
