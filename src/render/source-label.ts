/**
 * A source in a few words for the brief: its headline (or lead) cut to its first words, then
 * "Outlet, 12 Mar" where the set knows them. /sources keeps the full label.
 */
import type { SourceInfo } from '../core/types.js';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const headlineWords = 14;

export function compactSourceLabel(source: SourceInfo, withYear: boolean): string {
  const date = shortDate(source.published, withYear);
  // "Outlet (rehosted copy; …)", "Outlet, citing a wire": the outlet's own name.
  const outlet = source.source?.replace(/\s*\([^)]*\)?/g, '').replace(/,.*$/, '').trim();
  // The headline says what the article added; the outlet and date say whose and when.
  const headline = cutHeadline(source.title ?? source.label);
  const meta = [outlet, date].filter(Boolean).join(', ');
  return meta ? `${headline} (${meta})` : headline;
}

function shortDate(published: string | undefined, withYear: boolean): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  if (!m) return '';
  return `${Number(m[3])} ${months[Number(m[2]) - 1]}${withYear ? ` ${m[1]}` : ''}`;
}

function cutHeadline(text: string): string {
  const plain = text.replace(/\s*\([^)]*\)\s*$/, '').replace(/^"|…?"$/g, '');
  const words = plain.split(/\s+/).filter(Boolean);
  return words.length > headlineWords ? `${words.slice(0, headlineWords).join(' ')}…` : plain;
}
