import { groupNearDuplicates } from './claims.js';
import { extractFigures } from './figures.js';
import { selectKeyPoints, type KeyPointLimits } from './key-points.js';
import { buildSources } from './sources.js';
import { findAttributions, resolvePronoun } from './speakers.js';
import { articleSentences, stem, tokenize } from './text.js';
import { buildTimelines, orderArticles } from './timeline.js';
import type { Article, Briefing, Figure, SearchIndex, Sentence } from './types.js';

export interface BriefingOptions {
  /** Length of the key points: a message a person reads in about a minute. */
  readonly keyPoints?: KeyPointLimits;
}

const negation = /\b(?:not|no|never|n't|deny|denies|denied|without)\b|n't\b/i;

const defaultLimits: KeyPointLimits = { maxPoints: 14, maxWords: 380 };

/** Sentences of a set with their terms: the tokenizer stage of a build, timed on its own by the benchmark. */
export interface TokenizedSet {
  readonly sentences: Sentence[];
  readonly terms: string[][];
}

export function tokenizeArticles(articles: readonly Article[]): TokenizedSet {
  const sentences: Sentence[] = [];
  const terms: string[][] = [];
  for (const article of articles) {
    articleSentences(article.text).forEach((s, index) => {
      sentences.push({ id: `${article.id}#${index}`, articleId: article.id, index, paragraph: s.paragraph, text: s.text });
      terms.push(tokenize(s.text));
    });
  }
  return { sentences, terms };
}

/**
 * Builds the briefing of an article set: key points merged across sources, every figure with its
 * attribution, the figures' timelines, and the index that answers questions. Pure and
 * deterministic: the same articles always give the same briefing.
 */
export function buildBriefing(articles: readonly Article[], options: BriefingOptions = {}): Briefing {
  const { sentences, terms } = tokenizeArticles(articles);
  const termSets = terms.map((t) => new Set(t));
  const articleFrequency = new Map<string, number>();
  const sentenceFrequency = new Map<string, number>();
  const postings = new Map<string, number[]>();
  let lastArticle = '';
  let seenInArticle = new Set<string>();
  termSets.forEach((set, i) => {
    const articleId = sentences[i]!.articleId;
    if (articleId !== lastArticle) {
      lastArticle = articleId;
      seenInArticle = new Set();
    }
    for (const t of set) {
      sentenceFrequency.set(t, (sentenceFrequency.get(t) ?? 0) + 1);
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
      if (!seenInArticle.has(t)) {
        seenInArticle.add(t);
        articleFrequency.set(t, (articleFrequency.get(t) ?? 0) + 1);
      }
    }
  });

  const { figures, speakers, hasFigure } = figuresOf(sentences);
  const articleRank = orderArticles(articles, figures);
  const negated = sentences.map((s) => negation.test(s.text));
  const group = groupNearDuplicates(termSets, sentences.map((s) => s.articleId), negated, postings);
  const members = new Map<number, number[]>();
  group.forEach((rep, i) => {
    const list = members.get(rep);
    if (list) list.push(i);
    else members.set(rep, [i]);
  });
  const support = group.map((rep) => new Set(members.get(rep)!.map((m) => sentences[m]!.articleId)).size);

  const keyPoints = selectKeyPoints(
    {
      sentences,
      terms,
      group,
      members,
      articleFrequency,
      articleRank,
      articleCount: articles.length,
      names: namesOf(sentences),
      hasFigure,
      negated,
    },
    options.keyPoints ?? defaultLimits,
  );
  const sentenceCounts = new Map<string, number>();
  for (const s of sentences) sentenceCounts.set(s.articleId, (sentenceCounts.get(s.articleId) ?? 0) + 1);
  const index: SearchIndex = {
    sentences,
    articleRank,
    postings,
    sentenceTerms: terms,
    support,
    speakers,
    avgLength: terms.reduce((sum, t) => sum + t.length, 0) / Math.max(1, terms.length),
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

/** Figures of every sentence, and each sentence's speaker (pronouns resolved within an article). */
function figuresOf(sentences: readonly Sentence[]): { figures: Figure[]; speakers: string[]; hasFigure: boolean[] } {
  const figures: Figure[] = [];
  const speakers: string[] = [];
  const hasFigure: boolean[] = [];
  let previous = '';
  let article = '';
  for (const s of sentences) {
    if (s.articleId !== article) {
      article = s.articleId;
      previous = '';
    }
    const attributions = findAttributions(s.text);
    const speaker = attributions.length ? resolvePronoun(attributions[0]!.speaker, previous) : '';
    const found = extractFigures(s.text, { articleId: s.articleId, sentenceId: s.id, attributions, previousSpeaker: previous });
    figures.push(...found);
    hasFigure.push(found.length > 0);
    speakers.push(speaker);
    if (speaker) previous = speaker;
  }
  return { figures, speakers, hasFigure };
}

/** Stems of words written capitalized inside a sentence: names of people, places and bodies. */
function namesOf(sentences: readonly Sentence[]): Set<string> {
  const names = new Set<string>();
  for (const s of sentences) {
    for (const m of s.text.matchAll(/(?<=[a-z,;] )[A-Z][a-z]+/g)) names.add(stem(m[0].toLowerCase()));
  }
  return names;
}
