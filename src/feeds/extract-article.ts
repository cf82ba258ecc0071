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

export type ExtractResult = { readonly ok: true; readonly article: ExtractedArticle } | { readonly ok: false; readonly reason: string };

/** Fewer words than this is a paywall stub, an index page or an error page, not an article. */
const minWords = 30;

/**
 * Extracts the article of an HTML page with Mozilla Readability on a linkedom document (no
 * browser, no scripts run), then turns its content into plain paragraphs the ingest would read.
 */
export function extractArticle(html: string, pageUrl: string): ExtractResult {
  let parsed: ReturnType<Readability['parse']>;
  let canonical: string | undefined;
  try {
    const { document } = parseHTML(html);
    canonical = absolute(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined, pageUrl);
    parsed = new Readability(document).parse();
  } catch (error) {
    return { ok: false, reason: `the page could not be parsed (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!parsed?.content) return { ok: false, reason: 'no article text found on the page' };
  const text = cleanArticleText(htmlToText(parsed.content).text);
  if (text.split(/\s+/).length < minWords) return { ok: false, reason: 'no article text found on the page' };
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
