import { createBriefingState, type BriefingOptions } from './briefing-builder.js';
import { articleSentences, tokenize } from './text.js';
import type { Article, Briefing, Sentence } from './types.js';

export type { BriefingOptions } from './briefing-builder.js';

/** Sentences of a set with their term ids: the tokenizer stage of a build, timed on its own by the benchmark. */
export interface TokenizedSet {
  readonly sentences: Sentence[];
  readonly tokens: Int32Array[];
  readonly vocabulary: Map<string, number>;
}

/** Splits every article into sentences and each sentence into term ids (a vocabulary grows as it goes). */
export function tokenizeArticles(articles: readonly Article[]): TokenizedSet {
  const sentences: Sentence[] = [];
  const tokens: Int32Array[] = [];
  const vocabulary = new Map<string, number>();
  for (const article of articles) {
    articleSentences(article.text).forEach((s, index) => {
      sentences.push({ id: `${article.id}#${index}`, articleId: article.id, index, paragraph: s.paragraph, text: s.text });
      const terms = tokenize(s.text);
      const ids = new Int32Array(terms.length);
      terms.forEach((term, k) => {
        let id = vocabulary.get(term);
        if (id === undefined) vocabulary.set(term, (id = vocabulary.size));
        ids[k] = id;
      });
      tokens.push(ids);
    });
  }
  return { sentences, tokens, vocabulary };
}

/**
 * Builds the briefing of an article set: key points merged across sources, every figure with its
 * attribution, the figures' timelines, and the index that answers questions. Pure and
 * deterministic: the same articles always give the same briefing. To keep a briefing current as
 * articles come and go, see `createBriefingState` and `updateBriefing`.
 */
export function buildBriefing(articles: readonly Article[], options: BriefingOptions = {}): Briefing {
  return createBriefingState(articles, options).briefing;
}
