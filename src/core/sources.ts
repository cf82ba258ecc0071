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

export function buildSources(articles: readonly Article[], sentenceCounts: ReadonlyMap<string, number>): SourceInfo[] {
  return articles.map((a, i) => ({
    articleId: a.id,
    number: i + 1,
    label: sourceLabel(a),
    origin: a.origin,
    sentenceCount: sentenceCounts.get(a.id) ?? 0,
    ...(a.title ? { title: a.title } : {}),
    ...(a.source ? { source: a.source } : {}),
    ...(a.url ? { url: a.url } : {}),
    ...(a.published ? { published: a.published } : {}),
  }));
}
