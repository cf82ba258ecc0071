/**
 * A local HTML article read as a browser's reader view would: Mozilla Readability on a linkedom
 * document (no browser, no scripts run) keeps the article and leaves the page around it — cookie
 * banners, menus, "Trending" and "Most read" lists, share bars — out of the text. Imported only
 * when a set holds an HTML article (read-article-set.ts), as the two libraries take a quarter of
 * a second or more to load.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from './html-to-text.js';

/**
 * The article's paragraphs and title; when Readability finds no article (a fragment, a page with
 * no main text), the plain pass over the whole page (`htmlToText`) instead.
 */
export function readableHtmlToText(html: string): { text: string; title?: string } {
  const article = readabilityArticle(html);
  const text = article?.content ? htmlToText(article.content).text : '';
  if (!text) return htmlToText(html);
  const title = article?.title?.trim() || htmlToText(html).title;
  return title ? { text, title } : { text };
}

function readabilityArticle(html: string): ReturnType<Readability['parse']> {
  try {
    const { document } = parseHTML(html);
    // linkedom gives no document element for markup without one element; Readability then throws.
    if (!document.documentElement) return null;
    return new Readability(document).parse();
  } catch {
    return null;
  }
}
