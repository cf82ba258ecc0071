import { XMLParser } from 'fast-xml-parser';
import { decodeEntities, htmlToText } from '../ingest/html-to-text.js';
import { errorText } from '../shared/error-text.js';

/** One entry of a feed, reduced to what Sitrep uses. */
export interface FeedItem {
  /** The guid (RSS), id (Atom) or, failing those, the link. */
  readonly id: string;
  /** Absolute http(s) link to the article page. */
  readonly url: string;
  readonly title?: string;
  /** Plain-text summary or description. */
  readonly summary?: string;
  /** ISO date-time. */
  readonly published?: string;
}

export interface Feed {
  readonly title?: string;
  readonly items: readonly FeedItem[];
}

export type ParsedFeed = { readonly ok: true; readonly feed: Feed } | { readonly ok: false; readonly reason: string };

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/**
 * Parses RSS 2.0, RSS 1.0 (RDF) and Atom into items with absolute links. Items without a usable
 * http(s) link are left out; a document that is none of these formats is an error value.
 */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    return { ok: false, reason: `not well-formed XML (${errorText(error).split('\n')[0]})` };
  }
  const rss = asNode(doc['rss']);
  const rdf = asNode(doc['rdf:RDF']);
  const atom = asNode(doc['feed']);
  if (rss || rdf) {
    const channel = asNode(rss?.['channel']) ?? asNode(rdf?.['channel']);
    const items = list(asNode(rss?.['channel'])?.['item'] ?? rdf?.['item']);
    return feedOf(text(channel?.['title']), items.map((item) => rssItem(item, feedUrl)));
  }
  if (atom) return feedOf(text(atom['title']), list(atom['entry']).map((entry) => atomEntry(entry, feedUrl)));
  return { ok: false, reason: 'not an RSS or Atom feed' };
}

function feedOf(title: string | undefined, items: (FeedItem | undefined)[]): ParsedFeed {
  const kept = items.filter((i): i is FeedItem => i !== undefined);
  return { ok: true, feed: { ...(title ? { title: plain(title) } : {}), items: kept } };
}

function rssItem(item: Node, base: string): FeedItem | undefined {
  const link = list(item['link']).map(text).find(Boolean);
  const guid = asNode(item['guid']);
  const guidText = text(item['guid']);
  const permalink = guidText && guid?.['@_isPermaLink'] !== 'false' && /^https?:/i.test(guidText) ? guidText : undefined;
  return itemOf(base, {
    id: guidText,
    link: link ?? permalink,
    title: text(item['title']),
    summary: text(item['description']) ?? text(item['content:encoded']),
    published: text(item['pubDate']) ?? text(item['dc:date']),
  });
}

function atomEntry(entry: Node, base: string): FeedItem | undefined {
  const links = list(entry['link']).map((l) => asNode(l) ?? {});
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  return itemOf(base, {
    id: text(entry['id']),
    link: text(alternate?.['@_href']),
    title: text(entry['title']),
    summary: text(entry['summary']) ?? text(entry['content']),
    published: text(entry['published']) ?? text(entry['updated']),
  });
}

interface RawItem {
  readonly id: string | undefined;
  readonly link: string | undefined;
  readonly title: string | undefined;
  readonly summary: string | undefined;
  readonly published: string | undefined;
}

function itemOf(base: string, raw: RawItem): FeedItem | undefined {
  const url = absoluteHttpUrl(raw.link, base);
  if (!url) return undefined;
  const title = raw.title ? plain(raw.title) : '';
  const summary = raw.summary ? htmlToText(raw.summary).text.replace(/\s+/g, ' ').trim() : '';
  const time = raw.published ? Date.parse(raw.published) : NaN;
  return {
    id: raw.id?.trim() || url,
    url,
    ...(title ? { title } : {}),
    ...(summary ? { summary } : {}),
    ...(Number.isNaN(time) ? {} : { published: new Date(time).toISOString() }),
  };
}

function absoluteHttpUrl(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Titles may carry escaped HTML (`type="html"`, CDATA): tags dropped, entities decoded. */
function plain(value: string): string {
  return decodeEntities(value.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  const node = asNode(value);
  return node ? text(node['#text']) : undefined;
}

function asNode(value: unknown): Node | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;
}

function list(value: unknown): Node[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map((v) => (typeof v === 'string' ? { '#text': v } : (asNode(v) ?? {})));
}
