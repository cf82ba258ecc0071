/**
 * A source in a few words for the brief: "Outlet, 12 Mar" where the set knows the outlet, else its
 * headline (or lead) cut to its first words, with the date where known. The points already say
 * what each source reported; /sources keeps the full label.
 */
import type { SourceInfo } from '../core/types.js';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const headlineWords = 6;

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
  return words.length > headlineWords ? `${words.slice(0, headlineWords).join(' ')}…` : plain;
}
