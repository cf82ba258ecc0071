import { groupNearDuplicates } from './claims.js';
import { extractFigures } from './figures.js';
import { selectKeyPoints, type KeyPointLimits } from './key-points.js';
import { buildSources } from './sources.js';
import { findAttributions, previousSpeaker } from './speakers.js';
import { buildTermIndex } from './term-index.js';
import { articleSentences, tokenize } from './text.js';
import { buildTimelines, orderArticles } from './timeline.js';
import type { Article, Briefing, Figure, SearchIndex, Sentence } from './types.js';

export interface BriefingOptions {
  /** Length of the key points: a message a person reads in about a minute. */
  readonly keyPoints?: KeyPointLimits;
}

const negation = /\b(?:not|no|never|deny|denies|denied|without)\b|n't\b/i;

const defaultLimits: KeyPointLimits = { maxPoints: 14, maxWords: 380 };

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
 * deterministic: the same articles always give the same briefing.
 */
export function buildBriefing(articles: readonly Article[], options: BriefingOptions = {}): Briefing {
  const { sentences, tokens, vocabulary } = tokenizeArticles(articles);
  const terms = buildTermIndex(sentences, tokens, vocabulary);
  const { figures, hasFigure } = figuresOf(sentences);
  const articleRank = orderArticles(articles, figures);
  const articleOf = sentences.map((s) => s.articleId);
  const negated = sentences.map((s) => negation.test(s.text));
  const group = groupNearDuplicates(terms, articleOf, negated);
  const members = new Map<number, number[]>();
  group.forEach((rep, i) => {
    const list = members.get(rep);
    if (list) list.push(i);
    else members.set(rep, [i]);
  });
  const support = group.map((rep) => {
    const list = members.get(rep)!;
    return list.length === 1 ? 1 : new Set(list.map((m) => articleOf[m])).size;
  });
  const keyPoints = selectKeyPoints(
    { sentences, terms, members, articleRank, articleCount: articles.length, hasFigure, negated },
    options.keyPoints ?? defaultLimits,
  );
  const sentenceCounts = new Map<string, number>();
  for (const id of articleOf) sentenceCounts.set(id, (sentenceCounts.get(id) ?? 0) + 1);
  const index: SearchIndex = {
    sentences,
    articleRank,
    vocabulary,
    tokens,
    postingStart: terms.postingStart,
    postings: terms.postings,
    support,
    avgLength: tokens.reduce((sum, t) => sum + t.length, 0) / Math.max(1, tokens.length),
  };
  return {
    sources: buildSources(articles, sentenceCounts),
    keyPoints,
    figures,
    timelines: buildTimelines(figures, articleRank),
    sentenceCount: sentences.length,
    index,
  };
}

/**
 * Figures of every sentence that has a digit. Speakers are found only there: a pronoun ("he
 * said") is resolved to the last speaker named in the few sentences before it.
 */
function figuresOf(sentences: readonly Sentence[]): { figures: Figure[]; hasFigure: boolean[] } {
  const figures: Figure[] = [];
  const hasFigure = sentences.map(() => false);
  sentences.forEach((s, i) => {
    if (!/\d/.test(s.text)) return;
    const attributions = findAttributions(s.text);
    const found = extractFigures(s.text, { articleId: s.articleId, sentenceId: s.id, attributions, previousSpeaker: previousSpeaker(sentences, i) });
    if (found.length) {
      figures.push(...found);
      hasFigure[i] = true;
    }
  });
  return { figures, hasFigure };
}
