/**
 * Terms as integer ids, and the inverted index over sentences, in flat typed arrays: the whole
 * corpus lives in a few allocations, so building and querying stay cheap on thousands of articles.
 */
import type { Sentence } from './types.js';

export interface TermIndex {
  /** Term → id. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Per sentence, its term ids in order (repeats kept). */
  readonly tokens: readonly Int32Array[];
  /** Per sentence, its distinct term ids, ascending. */
  readonly unique: readonly Int32Array[];
  /** Sentences holding term t: `postings[postingStart[t] .. postingStart[t + 1])`, ascending. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  /** Per term id, how many articles use it. */
  readonly articleFrequency: Int32Array;
}

/** The sentences (ascending) that hold a term. */
export function sentencesWith(index: Pick<TermIndex, 'postingStart' | 'postings'>, term: number): Int32Array {
  return index.postings.subarray(index.postingStart[term]!, index.postingStart[term + 1]!);
}

export function buildTermIndex(sentences: readonly Sentence[], tokens: readonly Int32Array[], vocabulary: ReadonlyMap<string, number>): TermIndex {
  const size = vocabulary.size;
  const lastSentence = new Int32Array(size).fill(-1);
  const lastArticle = new Int32Array(size).fill(-1);
  const counts = new Int32Array(size + 1);
  const articleFrequency = new Int32Array(size);
  const unique: Int32Array[] = [];
  let article = -1;
  let previousId = '';
  tokens.forEach((ids, i) => {
    const articleId = sentences[i]!.articleId;
    if (articleId !== previousId) {
      article++;
      previousId = articleId;
    }
    const distinct: number[] = [];
    for (const t of ids) {
      if (lastSentence[t] === i) continue;
      lastSentence[t] = i;
      distinct.push(t);
      counts[t + 1]!++;
      if (lastArticle[t] !== article) {
        lastArticle[t] = article;
        articleFrequency[t]!++;
      }
    }
    unique.push(Int32Array.from(distinct).sort());
  });
  for (let t = 0; t < size; t++) counts[t + 1]! += counts[t]!;
  const postingStart = counts.slice();
  const postings = new Int32Array(counts[size]!);
  const fill = counts.slice(0, size);
  unique.forEach((ids, i) => {
    for (const t of ids) postings[fill[t]!++] = i;
  });
  return { vocabulary, tokens, unique, postingStart, postings, articleFrequency };
}

/** How many ids two ascending arrays share. */
export function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}
