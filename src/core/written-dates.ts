/**
 * Calendar dates as pages print them ("May 3, 2021", "Sept. 3, 2021", "05/03/21", "2021-05-03"):
 * the patterns ingest cleanup recognizes, and a strict parse to an ISO date. No relative dates, no
 * guessing: a date without a year is not a date here.
 */

/** A month name or its abbreviation, with an optional period ("Sept.", "Jul", "June"). */
export const monthPattern =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** A full date with a year, in one of the forms `parseWrittenDate` reads. */
export const writtenDatePattern =
  `(?:${monthPattern} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2} ${monthPattern},? \\d{4}|\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2})`;

const monthNumbers: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** The first full date (with a year) in `text` as `YYYY-MM-DD`, or undefined; impossible dates (Feb 30) are not dates. */
export function parseWrittenDate(text: string): string | undefined {
  const named = new RegExp(`\\b(${monthPattern}) (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'i').exec(text);
  if (named) return isoDate(Number(named[3]), monthNumber(named[1]!), Number(named[2]));
  const dayFirst = new RegExp(`\\b(\\d{1,2}) (${monthPattern}),? (\\d{4})\\b`, 'i').exec(text);
  if (dayFirst) return isoDate(Number(dayFirst[3]), monthNumber(dayFirst[2]!), Number(dayFirst[1]));
  const slashed = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/.exec(text);
  if (slashed) return isoDate(fullYear(slashed[3]!), Number(slashed[1]), Number(slashed[2]));
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

function monthNumber(name: string): number {
  return monthNumbers[name.slice(0, 3).toLowerCase()] ?? 0;
}

/** "24" is 2024 and "98" is 1998: news pages that print two-digit years are recent. */
function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length === 4 ? n : n < 70 ? 2000 + n : 1900 + n;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/** The days of the week, Sunday first (as `Date#getUTCDay` counts them). */
export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const dayMs = 86_400_000;

/**
 * The day a relative time names, read against the article's time (UTC ms): "today", "tonight",
 * "yesterday", or a weekday ("Monday", "late Monday", "Monday morning"), which is the latest such
 * day on or before the article's date (news speaks of days just past). Midnight UTC of that day,
 * or undefined when the words name no such day.
 */
export function dayNamed(when: string, articleTime: number): number | undefined {
  const words = when.toLowerCase().replace(/^(?:on|early|late)\s+/, '').split(/\s+/);
  const start = Math.floor(articleTime / dayMs) * dayMs;
  if (words[0] === 'today' || words[0] === 'tonight') return start;
  if (words[0] === 'yesterday') return start - dayMs;
  const day = weekdays.indexOf(words[0] ?? '');
  if (day < 0) return undefined;
  return start - ((new Date(start).getUTCDay() - day + 7) % 7) * dayMs;
}
