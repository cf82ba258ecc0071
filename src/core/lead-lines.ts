/**
 * The top of a stored article: the headline and dek the page repeats above the body, and the
 * dateline and wire credit in front of the first sentence ("HARBORTOWN, Ore. (AP) — "). They are
 * metadata, not reporting, so they are kept out of the sentences.
 */
import { endsSentence } from './hard-wraps.js';
import { monthPattern } from './written-dates.js';

/** What the file says about an article besides its text, used to recognize the repeated headline. */
export interface ArticleHints {
  readonly title?: string;
  readonly url?: string;
}

/** How many lines at the top may repeat the headline or carry the dateline. */
const leadLines = 3;

/** A headline reduced for comparison: lowercase letters and digits, single spaces (`1,000` → `1000`). */
export function headlineKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’.,]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Headline keys an article's title, its title without a site suffix and its URL slug give. */
export function headlineKeys(hints: ArticleHints): string[] {
  const keys = new Set<string>();
  if (hints.title) {
    keys.add(headlineKey(hints.title));
    keys.add(headlineKey(hints.title.replace(/\s(?:—|\||-|·|::)\s[^—|]{2,40}$/, '')));
  }
  const slug = hints.url ? urlSlug(hints.url) : undefined;
  if (slug) keys.add(slug);
  keys.delete('');
  return [...keys];
}

/** The words of a URL's last path segment when it reads as a headline (3+ words), else undefined. */
function urlSlug(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const segment = path.split('/').filter(Boolean).pop() ?? '';
  const words = decodeURIComponentSafe(segment)
    .replace(/\.(?:s?html?|php|aspx?)$/i, '')
    .replace(/-\d{5,}$/, '')
    .split(/[-_]+/)
    .filter(Boolean);
  return words.length >= 3 && words.some((w) => /[a-z]{3}/i.test(w)) ? headlineKey(words.join(' ')) : undefined;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Whether a line repeats the headline: the same words as a title key (unless it ends with a
 * period, as a lead sentence would), or, with no sentence punctuation, a part of it (3+ words) or
 * the whole of it plus a few words (a site name, a widget's leftover text).
 */
export function isHeadlineRepeat(line: string, keys: readonly string[]): boolean {
  const key = headlineKey(line);
  if (!key) return false;
  const words = key.split(' ').length;
  return keys.some((title) => {
    if (key === title) return !/\.["')\]]*$/.test(line);
    if (endsSentence(line)) return false;
    const titleWords = title.split(' ').length;
    if (words >= 3 && ` ${title} `.includes(` ${key} `)) return true;
    return titleWords >= 3 && words - titleWords <= 8 && ` ${key} `.includes(` ${title} `);
  });
}

/**
 * A headline at the top of an article that has no title: a first line of 3–16 words without
 * sentence punctuation, followed by more text. Undefined when the first line is not that simple.
 */
export function leadHeadline(lines: readonly string[]): string | undefined {
  const [first, next] = lines;
  if (!first || !next || endsSentence(first) || first.length > 120 || !/^["']?[A-Z0-9]/.test(first)) return undefined;
  const words = first.split(/\s+/).length;
  return words >= 3 && words <= 16 && !leadingDateline(first) ? first : undefined;
}

/** Drops the lines among the first few that repeat the headline. */
export function dropRepeatedHeadlines(lines: readonly string[], keys: readonly string[]): string[] {
  if (keys.length === 0) return [...lines];
  return lines.filter((line, i) => i >= leadLines || !isHeadlineRepeat(line, keys));
}

const caps = "[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}";
const place = '[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}';
const places = `${place}(?:/${place})*`;
const region = '[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}';
const agency = "\\([A-Z][A-Za-z0-9 .&'’/-]{0,40}\\)";
const dash = ' (?:—|-) ';
const dayDate = `${monthPattern} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?`;
const sentenceStart = `(?=["'(]?[A-Z0-9])`;

/** Dateline forms, each ending where the first sentence begins. */
const datelines: readonly RegExp[] = [
  // HARBORTOWN, Ore. (AP) — · MILLFORD — · PORT ELLIS Freeland — · NEWSDESK — · MILLFORD, May 3 (Agency) -
  new RegExp(`^${caps}(?:,? ${region})?(?:,? ${dayDate})?(?: ${agency})?${dash}${sentenceStart}`),
  // Millford, Ore. — · Millford, ST - May 3, 2021 -
  new RegExp(`^${places}, ${region}(?:(?:,| -| —) ${dayDate})?(?: ${agency})?${dash}${sentenceStart}`),
  // Freeland, May 3: · Eastfield/Westbury, May 3 (City Bureau)
  new RegExp(`^(?:${places}|${caps})(?:, ${region})?, ${dayDate}(?:: | ${agency}(?:${dash}| )|${dash})${sentenceStart}`),
  // Millford (AP) — · Millford (Agency) -
  new RegExp(`^${places} ${agency}${dash}${sentenceStart}`),
];
const datelineOnly = new RegExp(`^(?:${caps}|${places})(?:,? ${region})?(?:,? ${dayDate})?$`);
const agencyLead = new RegExp(`^${agency}${dash}${sentenceStart}`);

/** The dateline in front of a line's first sentence ("HARBORTOWN, Ore. (AP) — "), or undefined. */
export function leadingDateline(line: string): string | undefined {
  for (const re of datelines) {
    const m = re.exec(line);
    if (m && m[0].length < line.length) return m[0];
  }
  return undefined;
}

/**
 * Strips the dateline from the first few lines, keeping the sentence after it. A dateline on a
 * line of its own followed by a line opening with the credit ("(AP) — ") loses both.
 */
export function stripDatelines(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < Math.min(leadLines, out.length); i++) {
    const line = out[i]!;
    const next = out[i + 1];
    if (line.length <= 40 && datelineOnly.test(line) && next !== undefined && agencyLead.test(next)) {
      out.splice(i, 2, next.replace(agencyLead, ''));
      continue;
    }
    const dateline = leadingDateline(line);
    if (dateline) out[i] = line.slice(dateline.length);
  }
  return out;
}
