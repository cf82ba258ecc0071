import type { Article } from '../core/types.js';

/** An article as sent between threads: the article, or its position in the list sent last time. */
export type ArticleRef = Article | number;

/**
 * The articles of a new build with those sent last time replaced by their position there: an
 * update sends only the articles it read, and the receiver keeps its values of the others, so an
 * unchanged article stays the very same value and is not copied across again.
 */
export function toArticleRefs(articles: readonly Article[], sentBefore: readonly Article[] | undefined): ArticleRef[] {
  const positions = new Map(sentBefore?.map((article, i) => [article, i]));
  return articles.map((article) => positions.get(article) ?? article);
}

/** The articles `toArticleRefs` encoded, given the list the receiver got last time. */
export function fromArticleRefs(refs: readonly ArticleRef[], receivedBefore: readonly Article[] | undefined): Article[] {
  return refs.map((ref) => {
    if (typeof ref !== 'number') return ref;
    const article = receivedBefore?.[ref];
    if (!article) throw new Error(`the build worker referred to article ${ref} of a list this thread does not have`);
    return article;
  });
}
