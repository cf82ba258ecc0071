import type { Article, Briefing } from './types.js';

/** Builds the briefing of an article set. (Stub: filled in by the engine work.) */
export function buildBriefing(articles: readonly Article[]): Briefing {
  return {
    sources: articles.map((a, i) => ({ articleId: a.id, number: i + 1, label: a.title ?? a.origin, origin: a.origin, sentenceCount: 0 })),
    keyPoints: [],
    figures: [],
    timelines: [],
    sentenceCount: 0,
    index: { sentences: [], articleRank: new Map(), postings: new Map(), sentenceTerms: [], support: [], speakers: [], avgLength: 0 },
  };
}
