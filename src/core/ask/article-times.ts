/**
 * When each article was reported, for ordering what it says: the published date where the
 * article has one, else a date inferred from its text: the latest full date it mentions (an
 * article is written on or after the dates it reports), moved to the next month when it speaks
 * of "last month". An article with no usable date sits with the dated article it shares the most
 * distinctive numbers with, else it has no time (undefined).
 */
import { monthPattern } from '../written-dates.js';

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthDay = new RegExp(`\\b(${monthPattern})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'gi');
const dayMonth = new RegExp(`\\b(\\d{1,2})\\s+(${monthPattern})(?:,?\\s+(\\d{4}))?\\b`, 'gi');

export interface DatedText {
  readonly id: string;
  readonly published?: string;
  readonly text: string;
}

const day = 86_400_000;

/** Milliseconds since the epoch of a published date, or undefined. */
export function publishedTime(published: string | undefined): number | undefined {
  if (!published) return undefined;
  const t = Date.parse(published.length === 10 ? `${published}T12:00:00Z` : published);
  return Number.isNaN(t) ? undefined : t;
}

function month(name: string): number {
  return monthNames.indexOf(name.slice(0, 3).toLowerCase());
}

/** Full dates a text mentions, with the year taken from the text or else from `year`. */
function mentionedDates(text: string, year: number | undefined): number[] {
  const out: number[] = [];
  const add = (m: number, d: number, y: string | undefined): void => {
    const yy = y ? Number(y) : year;
    if (m < 0 || d < 1 || d > 31 || yy === undefined) return;
    out.push(Date.UTC(yy, m, d, 12));
  };
  // A deadline ("by May 10", "until June 4") is in the future of the article: not a lower bound.
  const deadline = (at: number): boolean => /\b(?:by|until|till|before|through|on track for|scheduled for|due)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, at - 20), at));
  for (const x of text.matchAll(monthDay)) if (!deadline(x.index)) add(month(x[1]!), Number(x[2]), x[3]);
  for (const x of text.matchAll(dayMonth)) if (!deadline(x.index)) add(month(x[2]!), Number(x[1]), x[3]);
  return out;
}

/** The time of every article, by id: published, inferred, or undefined. */
export function articleTimes(articles: readonly DatedText[]): Map<string, number | undefined> {
  const times = new Map<string, number | undefined>();
  const dated = articles.filter((a) => publishedTime(a.published) !== undefined);
  const years = dated.map((a) => new Date(publishedTime(a.published)!).getUTCFullYear()).sort();
  const typicalYear = years[Math.floor(years.length / 2)];
  const latestDated = Math.max(-Infinity, ...dated.map((a) => publishedTime(a.published)!));
  let datedNumbers: { time: number; numbers: Set<string> }[] | undefined;
  for (const a of articles) {
    const published = publishedTime(a.published);
    if (published !== undefined) {
      times.set(a.id, published);
      continue;
    }
    const explicit = mentionedDates(a.text, typicalYear).filter((t) => !Number.isFinite(latestDated) || t <= latestDated + 400 * day);
    let t = explicit.length ? Math.max(...explicit) : undefined;
    if (t !== undefined && /\blast month\b/i.test(a.text)) {
      const d = new Date(t);
      t = Math.max(t, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1, 12));
    }
    // An article repeating a dated article's figures was written no earlier than it.
    datedNumbers ??= dated.map((d) => ({ time: publishedTime(d.published)!, numbers: distinctiveNumbers(d.text) }));
    const shared = bySharedNumbers(a, datedNumbers);
    times.set(a.id, t === undefined ? shared : shared === undefined ? t : Math.max(t, shared));
  }
  return times;
}

const distinctive = /\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}(?:\.\d+)?\b/g;

/** The numbers of a text that could identify a report: 3+ digits or thousands, not years. */
function distinctiveNumbers(text: string): Set<string> {
  return new Set((text.match(distinctive) ?? []).map((n) => n.replace(/,/g, '')).filter((n) => !/^(?:19|20)\d\d$/.test(n)));
}

/** The date of the dated article sharing the most distinctive numbers with an undated one (two at least). */
function bySharedNumbers(article: DatedText, dated: readonly { readonly time: number; readonly numbers: ReadonlySet<string> }[]): number | undefined {
  const own = distinctiveNumbers(article.text);
  let best: number | undefined;
  let bestShared = 1;
  for (const d of dated) {
    let shared = 0;
    for (const n of own) if (d.numbers.has(n)) shared++;
    const t = d.time;
    if (shared > bestShared || (shared === bestShared && best !== undefined && t > best)) {
      bestShared = shared;
      best = t;
    }
  }
  return best;
}
