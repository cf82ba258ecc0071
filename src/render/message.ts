import type { ChartSeries } from './chart/chart-series.js';

/**
 * A platform-neutral message: what every command replies with and every digest posts.
 * All strings are plain, untrusted text (they may quote articles or users); each platform
 * renderer escapes them for its own markup and applies its own length limits.
 */
export interface Message {
  readonly title: string;
  /** One line under the title (`5 articles · 3 key numbers`). */
  readonly subtitle?: string;
  readonly sections: readonly MessageSection[];
  /** A closing line (`Ask more with /ask <question>`). */
  readonly footer?: string;
  readonly tone: 'normal' | 'error';
  /**
   * A chart sent with the message (`/numbers`, digests): the series as data, drawn to a PNG by the
   * adapter that sends it (src/render/chart/render-chart.ts) and sent after the text, which never
   * waits on it or fails with it.
   */
  readonly chart?: ChartSeries;
}

export interface MessageSection {
  readonly heading?: string;
  /**
   * - `list`: numbered points, each with an optional context line (its sources);
   * - `fields`: short label/value pairs (key numbers), shown side by side where the platform can;
   * - `plain`: paragraphs.
   */
  readonly style: 'list' | 'fields' | 'plain';
  readonly items: readonly MessageItem[];
}

export interface MessageItem {
  /** The field name in `fields` sections (`Alpine Aid volunteers`). */
  readonly label?: string;
  readonly text: string;
  /** A context line in smaller type: sources, earlier values. */
  readonly note?: string;
  /**
   * A web address for the item (a source's article), shown after its text where the platform
   * links (Slack, Discord, Markdown) as the address itself, never behind a label; the console and
   * the CLI brief leave it out (`sources` lists every address).
   */
  readonly url?: string;
}

/** The address as it may be shown: an http(s) URL with nothing that could break out of a link, else undefined. */
export function linkableUrl(url: string | undefined): string | undefined {
  if (!url || /[\s<>"'`|\\]/.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Splits plain text at sentence ends so that no piece exceeds `max` characters. */
export function splitAtSentences(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'), window.lastIndexOf('? '), window.lastIndexOf('! '));
    const at = cut > max / 3 ? cut + 1 : Math.max(window.lastIndexOf(' '), Math.floor(max * 0.9));
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
