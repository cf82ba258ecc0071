import type { Article, SourceInfo } from './types.js';

const leadPattern = /^\S*(?:\s+\S*){0,8}/;

/**
 * A readable label for an article: title, outlet and date where known; for bare text, the file
 * name and the opening words of the lead, so a reader can tell the articles apart.
 */
export function sourceLabel(article: Article): string {
  const date = article.published ? article.published.slice(0, 10) : '';
  const meta = [article.source, date].filter(Boolean).join(', ');
  if (article.title) return meta ? `${article.title} (${meta})` : article.title;
  // The first nine whitespace-separated words, read without splitting the whole text.
  const lead = (leadPattern.exec(article.text)?.[0] ?? '').replace(/\s+/g, ' ');
  const opening = `"${lead.replace(/[.,;:]$/, '')}…"`;
  return meta ? `${opening} (${meta})` : `${opening} (${article.origin})`;
}

/** The source entry of an article: number `index + 1` in the set, its label and how many sentences it has. */
export function sourceInfo(article: Article, index: number, label: string, sentenceCount: number): SourceInfo {
  return {
    articleId: article.id,
    number: index + 1,
    label,
    origin: article.origin,
    sentenceCount,
    ...(article.title ? { title: article.title } : {}),
    ...(article.source ? { source: article.source } : {}),
    ...(article.url ? { url: article.url } : {}),
    ...(article.published ? { published: article.published } : {}),
  };
}
