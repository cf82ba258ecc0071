/**
 * A source in a few words for the brief: "Outlet, 12 Mar" where the set knows the outlet, else its
 * headline (or lead) cut to its first words, with the date where known. The points already say
 * what each source reported; /sources keeps the full label.
 */
import type { SourceInfo } from '../core/types.js';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Enough to tell the set's articles apart; /sources has the whole headline. */
const headlineWords = 4;
const functionWords = new Set('a an the of to in on at for from by with and or but that this as is are was were be been has have had could would will may can its their his her'.split(' '));

export function compactSourceLabel(source: SourceInfo, withYear: boolean): string {
  const date = shortDate(source.published, withYear);
  // "Outlet (rehosted copy; …)", "Outlet, citing a wire": the outlet's own name.
  const outlet = source.source?.replace(/\s*\([^)]*\)?/g, '').replace(/,.*$/, '').trim();
  if (outlet) return [outlet, date].filter(Boolean).join(', ');
  const headline = cutHeadline(source.title ?? source.label);
  return date ? `${headline} (${date})` : headline;
}

function shortDate(published: string | undefined, withYear: boolean): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  if (!m) return '';
  return `${Number(m[3])} ${months[Number(m[2]) - 1]}${withYear ? ` ${m[1]}` : ''}`;
}

function cutHeadline(text: string): string {
  const plain = text.replace(/\s*\([^)]*\)\s*$/, '').replace(/^"|…?"$/g, '');
  const words = plain.split(/\s+/).filter(Boolean);
  if (words.length <= headlineWords) return plain;
  const cut = words.slice(0, headlineWords);
  // "The council said an…" reads as a slip: the cut ends on a word that carries something.
  while (cut.length > 2 && functionWords.has(cut[cut.length - 1]!.toLowerCase())) cut.pop();
  return `${cut.join(' ')}…`;
}

/**
 * When the set's articles were published, in a few words: "11–19 Sep", "27 Mar – 5 Apr",
 * "30 Dec 2031 – 2 Jan 2032"; one day alone when all share it; undefined when none is dated.
 */
export function publishedSpan(sources: readonly SourceInfo[]): string | undefined {
  const days = sources.map((s) => /^\d{4}-\d{2}-\d{2}/.exec(s.published ?? '')?.[0]).filter((d): d is string => Boolean(d)).sort();
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return undefined;
  if (first === last) return shortDate(first, false);
  if (first.slice(0, 4) !== last.slice(0, 4)) return `${shortDate(first, true)} – ${shortDate(last, true)}`;
  if (first.slice(0, 7) === last.slice(0, 7)) return `${Number(first.slice(8, 10))}–${shortDate(last, false)}`;
  return `${shortDate(first, false)} – ${shortDate(last, false)}`;
}
