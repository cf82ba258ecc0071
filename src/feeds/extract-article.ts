import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanArticleText } from '../core/text.js';
import { htmlToText } from '../ingest/html-to-text.js';

export interface ExtractedArticle {
  readonly title?: string;
  /** Cleaned body: paragraphs separated by `\n`, navigation, ads and credits removed. */
  readonly text: string;
  /** The outlet, from `og:site_name` or structured data. */
  readonly siteName?: string;
  /** ISO date-time from `article:published_time` or structured data. */
  readonly published?: string;
  /** The page's own `<link rel="canonical">`, absolute. */
  readonly canonical?: string;
}

export type ExtractResult =
  | { readonly ok: true; readonly article: ExtractedArticle }
  /** `not-html`: the body is no HTML at all (empty, plain text, JSON, binary) whatever its label said. */
  | { readonly ok: false; readonly code: 'not-html' | 'not-an-article'; readonly reason: string };

/** Fewer words than this is a paywall stub, an index page or an error page, not an article. */
const minWords = 30;

/**
 * Extracts the article of an HTML page with Mozilla Readability on a linkedom document (no
 * browser, no scripts run), then turns its content into plain paragraphs the ingest would read.
 */
export function extractArticle(html: string, pageUrl: string): ExtractResult {
  const notHtml = notHtmlReason(html);
  if (notHtml) return { ok: false, code: 'not-html', reason: notHtml };
  let parsed: ReturnType<Readability['parse']>;
  let canonical: string | undefined;
  try {
    const { document } = parseHTML(html);
    // linkedom gives no document element for a body without one element; Readability then throws.
    if (!document.documentElement) return { ok: false, code: 'not-html', reason: notHtmlText };
    canonical = absolute(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined, pageUrl);
    parsed = new Readability(document).parse();
  } catch {
    return { ok: false, code: 'not-html', reason: 'the page is not HTML that can be read' };
  }
  if (!parsed?.content) return { ok: false, code: 'not-an-article', reason: noText };
  const text = cleanArticleText(htmlToText(parsed.content).text);
  if (text.split(/\s+/).length < minWords) return { ok: false, code: 'not-an-article', reason: noText };
  const siteName = parsed.siteName?.trim() || undefined;
  const title = parsed.title ? withoutSiteSuffix(parsed.title.trim(), siteName) : undefined;
  const time = parsed.publishedTime ? Date.parse(parsed.publishedTime) : NaN;
  return {
    ok: true,
    article: {
      text,
      ...(title ? { title } : {}),
      ...(siteName ? { siteName } : {}),
      ...(Number.isNaN(time) ? {} : { published: new Date(time).toISOString() }),
      ...(canonical ? { canonical } : {}),
    },
  };
}

const noText = 'no article text found on the page';
const notHtmlText = 'the page holds no HTML markup: it is plain text or data sent as a web page';

/** Why a body labelled as HTML is none, in words for the person who sent the link; undefined when it may be. */
function notHtmlReason(body: string): string | undefined {
  const start = body.trimStart();
  if (!start) return 'the page is empty';
  if (/^[[{]/.test(start) && !/<[a-z!/]/i.test(start.slice(0, 1024))) return 'the page is JSON data, not HTML';
  if (body.includes('\u0000') || start.startsWith('%PDF')) return 'the page is binary data (a file, not HTML)';
  if (!/<(?:[a-z][\w-]*|!doctype)[\s>/]/i.test(body)) return notHtmlText;
  return undefined;
}

/** `Floods hit valley | Corran Courier` → `Floods hit valley` when the outlet is Corran Courier. */
function withoutSiteSuffix(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const suffix = new RegExp(`\\s+[|\\-–—:·]\\s+${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
  return title.replace(suffix, '').trim() || title;
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
