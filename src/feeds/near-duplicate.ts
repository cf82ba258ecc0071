import type { Article } from '../core/types.js';
import { canonicalUrl } from './canonical-url.js';

/** Shingle sets of articles already seen; articles are immutable values, so a WeakMap is safe. */
const cache = new WeakMap<Article, ReadonlySet<string>>();

/** Word 5-shingles of a text: every run of five consecutive lower-case words. */
export function shingles(text: string, size = 5): ReadonlySet<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  const out = new Set<string>();
  if (words.length < size) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

function shinglesOf(article: Article): ReadonlySet<string> {
  let set = cache.get(article);
  if (!set) cache.set(article, (set = shingles(article.text)));
  return set;
}

/** The article of `articles` with the same canonical URL as `url`, if any. */
export function findSameUrl(url: string, articles: readonly Article[]): Article | undefined {
  const wanted = canonicalUrl(url);
  return articles.find((a) => a.url !== undefined && canonicalUrl(a.url) === wanted);
}

/**
 * The article of `articles` whose text is near-identical to `text` (a syndicated copy: Jaccard
 * similarity of word 5-shingles at least `threshold`), if any.
 */
export function findNearDuplicate(text: string, articles: readonly Article[], threshold = 0.8): Article | undefined {
  const mine = shingles(text);
  let best: { article: Article; score: number } | undefined;
  for (const article of articles) {
    const score = jaccard(mine, shinglesOf(article));
    if (score >= threshold && (!best || score > best.score)) best = { article, score };
  }
  return best?.article;
}
